-- expect-file: file-naming
-- Migration: backfill_order_totals.sql
-- Description: Recompute orders.total_cents from the line items
-- Author: Marco Bellini
-- Date: 2025-02-03
-- (Saved without its YYYYMMDD_NNN_ prefix.)

BEGIN;

UPDATE sales.orders o
SET total_cents = t.total_cents
FROM (
    SELECT order_id, SUM(quantity * unit_price_cents) AS total_cents
    FROM sales.order_items
    GROUP BY order_id
) t
WHERE t.order_id = o.id
  AND o.total_cents IS DISTINCT FROM t.total_cents;

COMMIT;
