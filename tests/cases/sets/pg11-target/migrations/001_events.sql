-- The target is PostgreSQL 11, sessions in UTC (migralint.toml). Before 12, SET NOT NULL scans
-- even with a validated CHECK, timestamp to timestamptz rewrites whatever the time zone, and
-- REINDEX cannot run CONCURRENTLY.
CREATE TABLE IF NOT EXISTS events (id bigint PRIMARY KEY, at timestamp NOT NULL, note text);  -- expect: prefer-timestamptz
CREATE INDEX IF NOT EXISTS events_at_idx ON events (at);
