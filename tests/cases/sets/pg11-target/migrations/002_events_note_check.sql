ALTER TABLE events DROP CONSTRAINT IF EXISTS events_note_not_null;  -- expect: lock-timeout "ALTER TABLE takes an ACCESS EXCLUSIVE lock on \"public.events\""
ALTER TABLE events ADD CONSTRAINT events_note_not_null CHECK (note IS NOT NULL) NOT VALID;
