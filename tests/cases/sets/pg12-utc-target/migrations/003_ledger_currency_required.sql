ALTER TABLE billing.ledger VALIDATE CONSTRAINT ledger_currency_not_null;
ALTER TABLE billing.ledger ALTER COLUMN currency SET NOT NULL;  -- expect: lock-timeout "ALTER TABLE takes an ACCESS EXCLUSIVE lock on \"billing.ledger\""
ALTER TABLE billing.ledger ALTER COLUMN booked_on SET NOT NULL;  -- expect: unsafe-not-null "SET NOT NULL on \"booked_on\" scans all of \"billing.ledger\""
