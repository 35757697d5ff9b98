-- Runs after state/delta/1/a_accounts.sql: its name sorts after it within version 1.
ALTER TABLE accounts ADD COLUMN IF NOT EXISTS email text;  -- expect: lock-timeout "ALTER TABLE takes an ACCESS EXCLUSIVE lock on \"public.accounts\""
