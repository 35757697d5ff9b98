ALTER TABLE invoices VALIDATE CONSTRAINT invoices_customer_ref_not_null;

-- currency has a DEFAULT, so a backfill once is enough: later rows get 'EUR'.
UPDATE invoices SET currency = 'EUR' WHERE currency IS NULL;
