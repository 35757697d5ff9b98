CREATE TABLE accounts (id bigint PRIMARY KEY);  -- expect: non-idempotent-ddl "CREATE TABLE without IF NOT EXISTS"
CREATE INDEX accounts_id_idx ON accounts (id);  -- expect: non-idempotent-ddl
CREATE TYPE account_kind AS ENUM ('person', 'company');  -- expect: non-idempotent-ddl "CREATE TYPE"
ALTER TABLE accounts ADD COLUMN kind account_kind;  -- expect: non-idempotent-ddl "ADD COLUMN"
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;  -- expect: non-idempotent-ddl "OR REPLACE"
CREATE TRIGGER accounts_touch BEFORE UPDATE ON accounts FOR EACH ROW EXECUTE FUNCTION touch();  -- expect: non-idempotent-ddl
ALTER TABLE accounts ENABLE ROW LEVEL SECURITY;
CREATE POLICY accounts_read ON accounts FOR SELECT USING (true);  -- expect: non-idempotent-ddl "DROP POLICY IF EXISTS"
ALTER TABLE accounts ADD CONSTRAINT accounts_kind_check CHECK (kind IS NOT NULL);  -- expect: non-idempotent-ddl "ADD CONSTRAINT"
DROP TABLE legacy_accounts;  -- expect: non-idempotent-ddl "DROP without IF EXISTS"
DO $$
BEGIN
  CREATE TABLE audit (at timestamptz);  -- expect: non-idempotent-ddl
END $$;
