ALTER TABLE invoices VALIDATE CONSTRAINT invoices_customer_ref_not_null;

-- currency has a DEFAULT, so a backfill once is enough: later rows get 'EUR'.
UPDATE invoices SET currency = 'EUR' WHERE currency IS NULL;

-- Backfill first; the constraint follows in the next migration (seed 004's two phases).
UPDATE user_data SET tax_id = 'n/a' WHERE tax_id IS NULL;
