-- ============================================
-- Migration: 005 - Reorder Points
-- ============================================
-- Purpose: Per-product reorder thresholds and a view of what to reorder
--
-- Dependencies:
--   - 001_create_inventory_schema.sql
--   - 002_stock_levels.sql
--
-- Rollback:
--   See rollback-005.sql
-- ============================================

BEGIN;

-- Constant defaults: no table rewrite on PostgreSQL 11+
ALTER TABLE inventory.products  -- expect: lock-timeout "ALTER TABLE takes an ACCESS EXCLUSIVE lock on \"inventory.products\""
ADD COLUMN IF NOT EXISTS reorder_point INTEGER NOT NULL DEFAULT 0,
ADD COLUMN IF NOT EXISTS reorder_quantity INTEGER NOT NULL DEFAULT 0;

CREATE OR REPLACE VIEW inventory.low_stock AS
SELECT
    w.code AS warehouse_code,
    p.sku,
    p.name,
    s.on_hand - s.reserved AS available,
    p.reorder_point,
    p.reorder_quantity
FROM inventory.stock_levels s
JOIN inventory.products p ON p.id = s.product_id
JOIN inventory.warehouses w ON w.id = s.warehouse_id
WHERE p.discontinued_at IS NULL
  AND w.is_active
  AND s.on_hand - s.reserved <= p.reorder_point;

COMMIT;
