-- ============================================
-- Migration: 002 - Stock Levels
-- ============================================
-- Purpose: Current on-hand and reserved quantity per warehouse and product
--
-- Dependencies:
--   - 001_create_inventory_schema.sql
--
-- Rollback:
--   See rollback-002.sql
-- ============================================

BEGIN;

CREATE TABLE IF NOT EXISTS inventory.stock_levels (  -- expect: lock-timeout "CREATE TABLE … REFERENCES takes a SHARE ROW EXCLUSIVE lock on \"inventory.warehouses\""
    warehouse_id UUID NOT NULL REFERENCES inventory.warehouses(id) ON DELETE CASCADE,
    product_id UUID NOT NULL REFERENCES inventory.products(id) ON DELETE RESTRICT,
    on_hand INTEGER NOT NULL DEFAULT 0 CHECK (on_hand >= 0),
    reserved INTEGER NOT NULL DEFAULT 0 CHECK (reserved >= 0),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    PRIMARY KEY (warehouse_id, product_id),
    CONSTRAINT stock_levels_reserved_le_on_hand CHECK (reserved <= on_hand)
);

-- The primary key leads with warehouse_id; product_id needs its own index.
CREATE INDEX IF NOT EXISTS idx_stock_levels_product_id
ON inventory.stock_levels(product_id);

DROP TRIGGER IF EXISTS stock_levels_set_updated_at ON inventory.stock_levels;
CREATE TRIGGER stock_levels_set_updated_at
    BEFORE UPDATE ON inventory.stock_levels
    FOR EACH ROW EXECUTE FUNCTION inventory.set_updated_at();

COMMIT;
