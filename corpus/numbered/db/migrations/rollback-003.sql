-- Rollback for migration 003
BEGIN;

DROP TABLE IF EXISTS inventory.purchase_order_lines;
DROP TABLE IF EXISTS inventory.purchase_orders;
DROP TABLE IF EXISTS inventory.suppliers;

COMMIT;
