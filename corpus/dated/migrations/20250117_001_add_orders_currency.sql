-- Migration: 20250117_001_add_orders_currency.sql
-- Description: Multi-currency, phase 1 of 3 - add orders.currency as a
--              nullable column; new rows get a default, old rows stay NULL
--              until the backfill (20250117_002)
-- Author: Marco Bellini
-- Date: 2025-01-17

BEGIN;

ALTER TABLE sales.orders  -- expect: lock-timeout "ALTER TABLE takes an ACCESS EXCLUSIVE lock on \"sales.orders\""
    ADD COLUMN IF NOT EXISTS currency CHAR(3);  -- expect: no-char-type

-- Only affects rows inserted from now on; no rewrite, no scan.
ALTER TABLE sales.orders
    ALTER COLUMN currency SET DEFAULT 'EUR';

-- Post-migration validation
DO $$
BEGIN
    IF NOT EXISTS (
        SELECT 1 FROM information_schema.columns
        WHERE table_schema = 'sales' AND table_name = 'orders' AND column_name = 'currency'
    ) THEN
        RAISE EXCEPTION 'Migration validation failed: sales.orders.currency missing';
    END IF;
END
$$;

COMMIT;
