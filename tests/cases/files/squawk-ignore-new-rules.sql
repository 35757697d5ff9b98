-- squawk's names for the rules of issue 15 keep suppressing them after a switch.
-- squawk-ignore prefer-text-field, prefer-timestamp-tz
CREATE TABLE IF NOT EXISTS notes (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  title varchar(80) NOT NULL,
  created_at timestamp NOT NULL DEFAULT now()
);
-- squawk-ignore ban-char-field
ALTER TABLE notes ADD COLUMN IF NOT EXISTS lang char(2);
-- squawk-ignore prefer-bigint-over-int, prefer-identity
ALTER TABLE notes ADD COLUMN IF NOT EXISTS seq serial;
ALTER TABLE notes ADD COLUMN IF NOT EXISTS updated timestamp;  -- expect: prefer-timestamptz "\"updated\""
-- squawk-ignore require-timeout-settings, constraint-missing-not-valid
ALTER TABLE accounts ADD CONSTRAINT accounts_email_check CHECK (email <> '');  -- expect: non-idempotent-ddl "ADD CONSTRAINT", unknown-object "public.accounts"
