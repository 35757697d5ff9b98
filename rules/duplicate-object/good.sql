-- Each of these runs: the name is free, or the statement says what to do when it is not.
CREATE TABLE accounts (id bigint PRIMARY KEY, email text);
CREATE TABLE IF NOT EXISTS accounts (id bigint);
CREATE INDEX accounts_email_idx ON accounts (email);
CREATE INDEX IF NOT EXISTS accounts_email_idx ON accounts (email);
CREATE INDEX ON accounts (email);  -- unnamed: PostgreSQL picks a free name
CREATE INDEX ON accounts (email);
ALTER TABLE accounts ADD COLUMN IF NOT EXISTS email text;
ALTER TABLE accounts ADD CONSTRAINT accounts_email_check CHECK (email <> '');
ALTER TABLE accounts DROP CONSTRAINT accounts_email_check;
ALTER TABLE accounts ADD CONSTRAINT accounts_email_check CHECK (email LIKE '%@%');
ALTER TABLE accounts ADD CHECK (email <> '');  -- unnamed: a free name is picked
ALTER TABLE accounts ADD CHECK (email <> '');
CREATE VIEW account_emails AS SELECT email FROM accounts;
CREATE OR REPLACE VIEW account_emails AS SELECT email FROM accounts;
CREATE TYPE account_kind AS ENUM ('person', 'company');
DROP TYPE account_kind;
CREATE TYPE account_kind AS ENUM ('person', 'company');
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'account_kind') THEN
    CREATE TYPE account_kind AS ENUM ('person');
  END IF;
END $$;
CREATE FUNCTION account_count(kind account_kind) RETURNS bigint LANGUAGE sql AS $$ SELECT 1::bigint $$;
CREATE FUNCTION account_count(kind text) RETURNS bigint LANGUAGE sql AS $$ SELECT 2::bigint $$;  -- an overload
CREATE OR REPLACE FUNCTION account_count(kind account_kind) RETURNS bigint LANGUAGE sql AS $$ SELECT 3::bigint $$;
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER accounts_touch BEFORE UPDATE ON accounts FOR EACH ROW EXECUTE FUNCTION touch();
CREATE OR REPLACE TRIGGER accounts_touch BEFORE INSERT ON accounts FOR EACH ROW EXECUTE FUNCTION touch();
CREATE POLICY accounts_read ON accounts FOR SELECT USING (true);
DROP POLICY IF EXISTS accounts_read ON accounts;
CREATE POLICY accounts_read ON accounts FOR SELECT USING (email IS NOT NULL);
CREATE SCHEMA billing;
CREATE SCHEMA IF NOT EXISTS billing;
CREATE TABLE billing.accounts (id bigint);  -- another schema
CREATE TEMPORARY TABLE accounts (id bigint);  -- a temporary table hides the other one
CREATE TABLE "Accounts" (id bigint);  -- quoted: another name
