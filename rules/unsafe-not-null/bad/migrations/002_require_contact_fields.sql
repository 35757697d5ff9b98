-- Seed 004's dangerous pattern: fails on the first NULL, scans under ACCESS EXCLUSIVE.
ALTER TABLE user_data
  ALTER COLUMN email SET NOT NULL;  -- expect: unsafe-not-null "SET NOT NULL on \"email\""

-- A required column without a default: every existing row would be NULL.
ALTER TABLE profiles ADD COLUMN display_name text NOT NULL;  -- expect: unsafe-not-null "ADD COLUMN \"display_name\" NOT NULL without DEFAULT fails on existing rows of \"public.profiles\""

-- An explicit DEFAULT NULL is no default at all.
ALTER TABLE profiles ADD COLUMN locale text NOT NULL DEFAULT NULL;  -- expect: unsafe-not-null "ADD COLUMN \"locale\""

-- A primary key column is NOT NULL too.
ALTER TABLE page_views ADD COLUMN id bigint PRIMARY KEY;  -- expect: unsafe-not-null "ADD COLUMN \"id\""

-- The CHECK is not validated yet, so SET NOT NULL still scans.
ALTER TABLE user_data ADD CONSTRAINT user_data_phone_not_null CHECK (phone IS NOT NULL) NOT VALID;
ALTER TABLE user_data ALTER COLUMN phone SET NOT NULL;  -- expect: unsafe-not-null "\"phone\""

-- A partial backfill leaves older NULLs behind.
UPDATE user_data SET country = 'NL' WHERE country IS NULL AND id > 1000;
ALTER TABLE user_data ALTER COLUMN country SET NOT NULL;  -- expect: unsafe-not-null "\"country\""

-- A table the set never created is assumed to be live.
ALTER TABLE audit_log ALTER COLUMN actor SET NOT NULL;  -- expect: unsafe-not-null "\"public.audit_log\""

-- Statements run by a DO block count the same.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM user_data WHERE profile_id IS NULL) THEN
    ALTER TABLE invoices ALTER COLUMN due_on SET NOT NULL;  -- expect: unsafe-not-null "\"due_on\""
  END IF;
END
$$;
