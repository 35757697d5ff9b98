ALTER TABLE events DROP CONSTRAINT IF EXISTS events_note_not_null;
ALTER TABLE events ADD CONSTRAINT events_note_not_null CHECK (note IS NOT NULL) NOT VALID;
