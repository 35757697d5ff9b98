-- Rollback for migration 005
BEGIN;

DROP VIEW IF EXISTS inventory.low_stock;

ALTER TABLE inventory.products
DROP COLUMN IF EXISTS reorder_point,
DROP COLUMN IF EXISTS reorder_quantity;

COMMIT;
