CREATE TABLE IF NOT EXISTS accounts (id bigint PRIMARY KEY);
CREATE INDEX IF NOT EXISTS accounts_id_idx ON accounts (id);
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_type WHERE typname = 'account_kind') THEN
    CREATE TYPE account_kind AS ENUM ('person', 'company');
  END IF;
END $$;
ALTER TABLE accounts ADD COLUMN IF NOT EXISTS kind account_kind;
CREATE OR REPLACE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
DROP TRIGGER IF EXISTS accounts_touch ON accounts;
CREATE TRIGGER accounts_touch BEFORE UPDATE ON accounts FOR EACH ROW EXECUTE FUNCTION touch();
ALTER TABLE accounts ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS accounts_read ON accounts;
CREATE POLICY accounts_read ON accounts FOR SELECT USING (true);
ALTER TABLE accounts DROP CONSTRAINT IF EXISTS accounts_kind_check;
ALTER TABLE accounts ADD CONSTRAINT accounts_kind_check CHECK (kind IS NOT NULL);
DROP TABLE IF EXISTS legacy_accounts;
DO $$
BEGIN
  CREATE ROLE reporting NOLOGIN;
EXCEPTION WHEN duplicate_object THEN NULL;
END $$;
CREATE OR REPLACE VIEW account_kinds AS SELECT DISTINCT kind FROM accounts;
-- A scratch table that is gone at commit: the next run creates it afresh.
CREATE TEMP TABLE account_ids ON COMMIT DROP AS SELECT id FROM accounts;
CREATE TEMPORARY TABLE account_kind_counts (kind account_kind, n bigint) ON COMMIT DROP;
-- Unnamed, an index gets a name PostgreSQL picks free: a second run does not fail.
CREATE INDEX ON accounts (kind);
-- Created and dropped again further down: gone when the file starts again.
CREATE FUNCTION scratch_total() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;
DROP FUNCTION scratch_total();
