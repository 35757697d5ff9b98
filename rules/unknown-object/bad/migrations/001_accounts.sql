CREATE TABLE accounts (
  id bigint PRIMARY KEY,
  email text NOT NULL,
  plan_id bigint REFERENCES plans (id)  -- expect: unknown-object "created later"
);

CREATE INDEX accounts_emial_idx ON accounts (emial);  -- expect: unknown-object "column \"emial\""
ALTER TABLE acounts ADD COLUMN name text;  -- expect: unknown-object "table \"public.acounts\""
ALTER TABLE accounts ADD COLUMN status account_status;  -- expect: unknown-object "type \"public.account_status\""
CREATE TRIGGER accounts_touch BEFORE UPDATE ON accounts
  FOR EACH ROW EXECUTE FUNCTION touch_updated_at();  -- expect: unknown-object "function"
