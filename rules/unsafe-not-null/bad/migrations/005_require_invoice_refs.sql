-- Backfilled by 003, two migrations ago, and customer_ref has no DEFAULT: rows inserted since
-- may be NULL again.
ALTER TABLE invoices ALTER COLUMN customer_ref SET NOT NULL;  -- expect: unsafe-not-null "\"customer_ref\""

-- Emptied, but refilled before the column is added.
DELETE FROM page_views;
INSERT INTO page_views (path) VALUES ('/');
ALTER TABLE page_views ADD COLUMN session_id uuid NOT NULL;  -- expect: unsafe-not-null "\"session_id\""
