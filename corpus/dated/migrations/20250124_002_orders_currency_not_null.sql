-- Migration: 20250124_002_orders_currency_not_null.sql
-- Description: Multi-currency, phase 3b - validate the CHECK constraints
--              (SHARE UPDATE EXCLUSIVE: reads and writes continue), then
--              SET NOT NULL, which uses the validated CHECK instead of a
--              full-table scan, and drop the now redundant CHECK
-- Author: Marco Bellini
-- Date: 2025-01-24

BEGIN;

ALTER TABLE sales.orders VALIDATE CONSTRAINT orders_currency_not_null;  -- expect: non-idempotent-ddl "drops further down"
ALTER TABLE sales.orders VALIDATE CONSTRAINT orders_currency_iso4217;

ALTER TABLE sales.orders ALTER COLUMN currency SET NOT NULL;  -- expect: lock-timeout "ALTER TABLE takes an ACCESS EXCLUSIVE lock on \"sales.orders\""

ALTER TABLE sales.orders DROP CONSTRAINT IF EXISTS orders_currency_not_null;

COMMIT;
