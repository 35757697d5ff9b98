CREATE TABLE IF NOT EXISTS visits (id bigint PRIMARY KEY, at timestamp);  -- expect: prefer-timestamptz
-- Another file, another session: no time zone set, and a USING that computes something.
ALTER TABLE visits ALTER COLUMN at TYPE timestamptz;
ALTER TABLE events ALTER COLUMN at TYPE timestamp USING at + interval '1 hour';  -- expect: unsafe-type-change "with USING", prefer-timestamptz, lock-timeout "ALTER TABLE takes an ACCESS EXCLUSIVE lock on \"public.events\""
