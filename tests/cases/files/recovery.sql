-- Several errors in one file: each is reported where PostgreSQL reports it, and every
-- statement between them is still parsed.
CREATE TABLE IF NOT EXISTS accounts (
  id bigint PRIMARY KEY,
  email text NOT NULL UNIQUE
);

CREATE TABLE sessions (
  id bigint PRIMARY KEY,
  account_id bigint REFERENCES accounts (id),;  -- expect: syntax-error "at or near"
CREATE INDEX IF NOT EXISTS sessions_account_id_idx ON sessions (account_id);

INSERT INTO accounts (id, email) VALUES (1, 'a@example.com') (2, 'b@example.com');  -- expect: syntax-error

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relname = 'audit') THEN
    CREATE TABLE audit (at timestamptz DEFAULT now());  -- expect: missing-primary-key "\"public.audit\" has no primary key"
  END IF;
END
$$;

ALTER TABLE accounts ADD COLUMN IF NOT EXISTS name text DEFAULT E'it\'s; fine';
SELECT 'unterminated;  -- expect: syntax-error "unterminated"
CREATE TABLE never_parsed (id int);
