CREATE INDEX IF NOT EXISTS accounts_email_idx ON accounts (email);  -- expect: non-concurrent-index
