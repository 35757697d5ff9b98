-- Validated by 003: no scan.
ALTER TABLE invoices ALTER COLUMN customer_ref SET NOT NULL;

-- Backfilled by 003 and defaulted since 001.
ALTER TABLE invoices ALTER COLUMN currency SET NOT NULL;

DO $$
BEGIN
  UPDATE invoices SET due_on = CURRENT_DATE + 30 WHERE due_on IS NULL;
  ALTER TABLE invoices ALTER COLUMN due_on SET NOT NULL;
END
$$;
