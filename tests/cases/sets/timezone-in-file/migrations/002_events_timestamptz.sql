-- The file sets the session's time zone itself: from PostgreSQL 12 the change is catalog-only,
-- with USING naming the column as much as without it.
SET timezone = 'UTC';
ALTER TABLE events ALTER COLUMN at TYPE timestamptz USING at;  -- expect: lock-timeout "ALTER TABLE takes an ACCESS EXCLUSIVE lock on \"public.events\""
ALTER TABLE events ALTER COLUMN seen TYPE timestamptz USING seen::timestamptz;
