-- Runs after state/delta/1/a_accounts.sql: its name sorts after it within version 1.
ALTER TABLE accounts ADD COLUMN IF NOT EXISTS email text;
