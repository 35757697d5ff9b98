-- Each statement marked below is one PostgreSQL rejects: the name exists at that point.
CREATE TABLE accounts (id bigint PRIMARY KEY, email text);
CREATE TABLE accounts (id bigint);  -- expect: duplicate-object "SQLSTATE 42P07"
CREATE INDEX accounts_email_idx ON accounts (email);
CREATE UNIQUE INDEX accounts_email_idx ON accounts (lower(email));  -- expect: duplicate-object "relation \"public.accounts_email_idx\" already exists (created at line 4): PostgreSQL rejects this statement (SQLSTATE 42P07)"
CREATE VIEW accounts_email_idx AS SELECT 1 AS one;  -- expect: duplicate-object "SQLSTATE 42P07"
CREATE SEQUENCE account_numbers;
CREATE SEQUENCE account_numbers START 100;  -- expect: duplicate-object "SQLSTATE 42P07"
ALTER TABLE accounts ADD COLUMN email text;  -- expect: duplicate-object "column \"email\" of \"public.accounts\" already exists (created at line 2): PostgreSQL rejects this statement (SQLSTATE 42701)"
ALTER TABLE accounts ADD CONSTRAINT accounts_email_check CHECK (email <> '');
ALTER TABLE accounts ADD CONSTRAINT accounts_email_check CHECK (email LIKE '%@%');  -- expect: duplicate-object "SQLSTATE 42710"
ALTER TABLE accounts ADD CONSTRAINT account_numbers UNIQUE (email);  -- expect: duplicate-object "SQLSTATE 42P07"
CREATE TYPE account_kind AS ENUM ('person', 'company');
CREATE TYPE account_kind AS ENUM ('person');  -- expect: duplicate-object "type \"public.account_kind\" already exists (created at line 13): PostgreSQL rejects this statement (SQLSTATE 42710)"
CREATE TYPE accounts AS (id bigint);  -- expect: duplicate-object "(the row type of relation \"public.accounts\") already exists (created at line 2): PostgreSQL rejects this statement (SQLSTATE 42710)"
CREATE DOMAIN email_address AS text CHECK (VALUE LIKE '%@%');
CREATE DOMAIN email_address AS text;  -- expect: duplicate-object "SQLSTATE 42710"
CREATE FUNCTION account_count(kind account_kind) RETURNS bigint LANGUAGE sql AS $$ SELECT 1::bigint $$;
CREATE FUNCTION account_count(account_kind) RETURNS bigint LANGUAGE sql AS $$ SELECT 2::bigint $$;  -- expect: duplicate-object "SQLSTATE 42723"
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER accounts_touch BEFORE UPDATE ON accounts FOR EACH ROW EXECUTE FUNCTION touch();
CREATE TRIGGER accounts_touch BEFORE INSERT ON accounts FOR EACH ROW EXECUTE FUNCTION touch();  -- expect: duplicate-object "trigger \"accounts_touch\" on \"public.accounts\" already exists (created at line 21): PostgreSQL rejects this statement (SQLSTATE 42710)"
CREATE POLICY accounts_read ON accounts FOR SELECT USING (true);
CREATE POLICY accounts_read ON accounts FOR SELECT USING (email IS NOT NULL);  -- expect: duplicate-object "policy \"accounts_read\" on \"public.accounts\" already exists (created at line 23): PostgreSQL rejects this statement (SQLSTATE 42710)"
CREATE SCHEMA billing;
CREATE SCHEMA billing;  -- expect: duplicate-object "SQLSTATE 42P06"
CREATE TABLE Billing.Invoices (id bigint);
CREATE TABLE billing."invoices" (id bigint);  -- expect: duplicate-object "relation \"billing.invoices\" already exists (created at line 27): PostgreSQL rejects this statement (SQLSTATE 42P07)"
