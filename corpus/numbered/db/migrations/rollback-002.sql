-- Rollback for migration 002
BEGIN;

DROP TABLE IF EXISTS inventory.stock_levels;

COMMIT;
