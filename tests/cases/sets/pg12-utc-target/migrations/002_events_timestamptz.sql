ALTER TABLE events ALTER COLUMN at TYPE timestamptz(3);  -- expect: lock-timeout "ALTER TABLE takes an ACCESS EXCLUSIVE lock on \"public.events\""
ALTER TABLE billing.ledger DROP CONSTRAINT IF EXISTS ledger_currency_not_null;
ALTER TABLE billing.ledger ADD CONSTRAINT ledger_currency_not_null CHECK (currency IS NOT NULL) NOT VALID;
