-- migralint:no-transaction
-- An unnamed CREATE INDEX CONCURRENTLY never fails on a second run (PostgreSQL picks a free
-- name), and "add IF NOT EXISTS" would not even parse without a name. A named one does fail.
CREATE TABLE IF NOT EXISTS events (id bigint PRIMARY KEY, kind text NOT NULL, at timestamptz);
CREATE INDEX CONCURRENTLY ON events (kind);
CREATE UNIQUE INDEX CONCURRENTLY ON events (kind, at);
CREATE INDEX CONCURRENTLY events_at_idx ON events (at);  -- expect: non-idempotent-ddl "CREATE INDEX without IF NOT EXISTS"
CREATE INDEX CONCURRENTLY IF NOT EXISTS events_kind_at_idx ON events (kind, at);  -- expect: duplicate-index "indexes the same as \"public.events_kind_at_key\""
