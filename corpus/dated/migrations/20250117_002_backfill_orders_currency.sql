-- Migration: 20250117_002_backfill_orders_currency.sql
-- Description: Multi-currency, phase 2 of 3 - backfill orders.currency.
--              Every order placed before multi-currency was in euros.
-- Author: Marco Bellini
-- Date: 2025-01-17

BEGIN;

UPDATE sales.orders
SET currency = 'EUR'
WHERE currency IS NULL;

COMMIT;
