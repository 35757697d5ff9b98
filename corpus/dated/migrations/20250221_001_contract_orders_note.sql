-- Migration: 20250221_001_contract_orders_note.sql
-- Description: Rename orders.note -> orders.customer_note, contract phase.
--              Every running application version reads and writes
--              customer_note since release 2025.02.3, so the sync trigger
--              and the old column can go.
-- Author: Marco Bellini
-- Date: 2025-02-21

BEGIN;

-- Pre-migration validation: nothing may be left only in the old column
DO $$
BEGIN
    IF EXISTS (
        SELECT 1 FROM information_schema.columns
        WHERE table_schema = 'sales' AND table_name = 'orders' AND column_name = 'note'
    ) THEN
        -- nested IF: planned only while the old column still exists
        IF EXISTS (SELECT 1 FROM sales.orders WHERE note IS DISTINCT FROM customer_note) THEN
            RAISE EXCEPTION 'orders.note and orders.customer_note differ; re-run the backfill first';
        END IF;
    END IF;
END
$$;

DROP TRIGGER IF EXISTS orders_sync_customer_note ON sales.orders;  -- expect: lock-timeout "DROP TRIGGER takes an ACCESS EXCLUSIVE lock on \"sales.orders\""
DROP FUNCTION IF EXISTS sales.orders_sync_customer_note();

ALTER TABLE sales.orders DROP COLUMN IF EXISTS note;

COMMIT;
