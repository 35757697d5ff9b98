-- Backfilled by 003, but customer_ref has no DEFAULT: rows inserted since may be NULL again.
ALTER TABLE invoices ALTER COLUMN customer_ref SET NOT NULL;  -- expect: unsafe-not-null "\"customer_ref\""
