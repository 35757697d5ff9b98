-- ============================================
-- Migration: 004 - Stock Movements
-- ============================================
-- Purpose: Ledger of every stock change; an AFTER INSERT trigger keeps
--          inventory.stock_levels in step with the ledger
--
-- Dependencies:
--   - 002_stock_levels.sql
--   - 003_suppliers_and_purchase_orders.sql
--
-- Rollback:
--   None - the ledger is the audit trail; fix forward
-- ============================================

BEGIN;

CREATE TABLE IF NOT EXISTS inventory.stock_movements (  -- expect: lock-timeout "CREATE TABLE … REFERENCES takes a SHARE ROW EXCLUSIVE lock on \"inventory.warehouses\""
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    warehouse_id UUID NOT NULL REFERENCES inventory.warehouses(id) ON DELETE RESTRICT,
    product_id UUID NOT NULL REFERENCES inventory.products(id) ON DELETE RESTRICT,
    purchase_order_line_id UUID REFERENCES inventory.purchase_order_lines(id) ON DELETE SET NULL,
    kind TEXT NOT NULL
        CHECK (kind IN ('receipt', 'shipment', 'adjustment', 'transfer_in', 'transfer_out')),
    quantity INTEGER NOT NULL CHECK (quantity <> 0),
    note TEXT,
    created_at TIMESTAMPTZ NOT NULL DEFAULT NOW()
);

CREATE INDEX IF NOT EXISTS idx_stock_movements_warehouse_product
ON inventory.stock_movements(warehouse_id, product_id, created_at);

CREATE INDEX IF NOT EXISTS idx_stock_movements_product_id
ON inventory.stock_movements(product_id);

CREATE INDEX IF NOT EXISTS idx_stock_movements_purchase_order_line_id
ON inventory.stock_movements(purchase_order_line_id)
WHERE purchase_order_line_id IS NOT NULL;

CREATE INDEX IF NOT EXISTS idx_stock_movements_kind_created_at
ON inventory.stock_movements(kind, created_at,);  -- expect: syntax-error "at or near"

CREATE OR REPLACE FUNCTION inventory.apply_stock_movement()
RETURNS TRIGGER
LANGUAGE plpgsql
AS $$
BEGIN
    INSERT INTO inventory.stock_levels AS s (warehouse_id, product_id, on_hand)
    VALUES (NEW.warehouse_id, NEW.product_id, NEW.quantity)
    ON CONFLICT (warehouse_id, product_id)
    DO UPDATE SET on_hand = s.on_hand + EXCLUDED.on_hand;
    RETURN NEW;
END;
$$;

DROP TRIGGER IF EXISTS stock_movements_apply ON inventory.stock_movements;
CREATE TRIGGER stock_movements_apply
    AFTER INSERT ON inventory.stock_movements
    FOR EACH ROW EXECUTE FUNCTION inventory.apply_stock_movement();

COMMIT;
