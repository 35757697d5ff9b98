ALTER TABLE events VALIDATE CONSTRAINT events_note_not_null;
ALTER TABLE events ALTER COLUMN note SET NOT NULL;  -- expect: unsafe-not-null "before PostgreSQL 12 (pg_version is 11) the validated CHECK does not spare the scan", lock-timeout "ALTER TABLE takes an ACCESS EXCLUSIVE lock on \"public.events\""
ALTER TABLE events ALTER COLUMN at TYPE timestamptz;  -- expect: unsafe-type-change "from timestamp to timestamptz rewrites the table"
