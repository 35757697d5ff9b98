CREATE EXTENSION IF NOT EXISTS citext;
CREATE TABLE accounts (
  id bigint PRIMARY KEY,
  email citext NOT NULL,
  plan_id bigint REFERENCES plans (id),
  parent_id bigint REFERENCES accounts (id),
  status account_status NOT NULL DEFAULT 'active',
  updated_at timestamptz
);
CREATE INDEX accounts_email_idx ON accounts (email);
CREATE TRIGGER accounts_touch BEFORE UPDATE ON accounts
  FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
INSERT INTO accounts (id, email) SELECT id, name FROM plans WHERE false;
SELECT count(*) FROM pg_catalog.pg_class;
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM information_schema.tables WHERE table_name = 'legacy_accounts') THEN
    ALTER TABLE legacy_accounts RENAME TO legacy_accounts_old;
  END IF;
END $$;
ALTER TABLE accounts RENAME COLUMN email TO login;
DROP TABLE IF EXISTS scratch;
