-- Seed 004's safe pattern: a required column with a default is instant and never fails.
ALTER TABLE profiles
  ADD COLUMN priority integer DEFAULT 0 NOT NULL;

ALTER TABLE profiles ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE page_views ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY;
ALTER TABLE page_views ADD COLUMN day date NOT NULL GENERATED ALWAYS AS ((viewed_at AT TIME ZONE 'UTC')::date) STORED;
ALTER TABLE invoices ADD COLUMN number bigserial NOT NULL;

-- Nullable columns are fine with or without a default.
ALTER TABLE profiles ADD COLUMN bio text;

-- Seed 004's other safe pattern: clean the data first, then add the constraint.
UPDATE user_data
SET email = 'unknown@example.com'
WHERE email IS NULL;

ALTER TABLE user_data
  ALTER COLUMN email SET NOT NULL;

-- The lock-friendly route: a NOT VALID check, validated, proves the column has no NULLs.
ALTER TABLE user_data ADD CONSTRAINT user_data_phone_not_null CHECK (phone IS NOT NULL) NOT VALID;
ALTER TABLE user_data VALIDATE CONSTRAINT user_data_phone_not_null;
ALTER TABLE user_data ALTER COLUMN phone SET NOT NULL;
ALTER TABLE user_data DROP CONSTRAINT user_data_phone_not_null;

-- Already NOT NULL: PostgreSQL does nothing.
ALTER TABLE profiles ALTER COLUMN username SET NOT NULL;

-- A table created in this file has no rows yet.
CREATE TABLE referrals (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code text
);
ALTER TABLE referrals ADD COLUMN referrer_id uuid NOT NULL REFERENCES profiles (id);
ALTER TABLE referrals ALTER COLUMN code SET NOT NULL;

-- Only the CHECK here; it is validated in the next migration.
ALTER TABLE invoices ADD CONSTRAINT invoices_customer_ref_not_null CHECK (customer_ref IS NOT NULL) NOT VALID;
