-- Migration: 20250124_001_orders_currency_check.sql
-- Description: Multi-currency, phase 3a - add CHECK (currency IS NOT NULL)
--              as NOT VALID: enforced for new writes at once, existing rows
--              are not scanned while holding the ACCESS EXCLUSIVE lock
-- Author: Marco Bellini
-- Date: 2025-01-24

BEGIN;

DO $$
BEGIN
    IF NOT EXISTS (
        SELECT 1 FROM pg_constraint
        WHERE conrelid = 'sales.orders'::regclass
          AND conname = 'orders_currency_not_null'
    ) THEN
        ALTER TABLE sales.orders  -- expect: lock-timeout "ALTER TABLE takes an ACCESS EXCLUSIVE lock on \"sales.orders\""
            ADD CONSTRAINT orders_currency_not_null
            CHECK (currency IS NOT NULL) NOT VALID;
    END IF;
END
$$;

DO $$
BEGIN
    IF NOT EXISTS (
        SELECT 1 FROM pg_constraint
        WHERE conrelid = 'sales.orders'::regclass
          AND conname = 'orders_currency_iso4217'
    ) THEN
        ALTER TABLE sales.orders
            ADD CONSTRAINT orders_currency_iso4217
            CHECK (currency ~ '^[A-Z]{3}$') NOT VALID;
    END IF;
END
$$;

COMMIT;
