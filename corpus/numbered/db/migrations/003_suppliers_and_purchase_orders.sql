-- ============================================
-- Migration: 003 - Suppliers and Purchase Orders
-- ============================================
-- Purpose: Who we buy from, and what we have ordered for which warehouse
--
-- Dependencies:
--   - 001_create_inventory_schema.sql
--
-- Rollback:
--   See rollback-003.sql
-- ============================================

BEGIN;

CREATE TABLE IF NOT EXISTS inventory.suppliers (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    name TEXT NOT NULL,
    contact_email TEXT,
    lead_time_days INTEGER NOT NULL DEFAULT 7 CHECK (lead_time_days >= 0),
    created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW()
);

CREATE TABLE IF NOT EXISTS inventory.purchase_orders (  -- expect: lock-timeout "CREATE TABLE … REFERENCES takes a SHARE ROW EXCLUSIVE lock on \"inventory.warehouses\""
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    supplier_id UUID NOT NULL REFERENCES inventory.suppliers(id) ON DELETE RESTRICT,
    warehouse_id UUID NOT NULL REFERENCES inventory.warehouses(id) ON DELETE RESTRICT,
    status TEXT NOT NULL DEFAULT 'draft'
        CHECK (status IN ('draft', 'sent', 'partially_received', 'received', 'cancelled')),
    ordered_at TIMESTAMPTZ,
    expected_at DATE,
    created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW()
);

CREATE TABLE IF NOT EXISTS inventory.purchase_order_lines (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    purchase_order_id UUID NOT NULL REFERENCES inventory.purchase_orders(id) ON DELETE CASCADE,
    product_id UUID NOT NULL REFERENCES inventory.products(id) ON DELETE RESTRICT,
    quantity INTEGER NOT NULL CHECK (quantity > 0),
    received_quantity INTEGER NOT NULL DEFAULT 0 CHECK (received_quantity >= 0),
    unit_cost NUMERIC(12, 2) NOT NULL CHECK (unit_cost >= 0),
    created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    CONSTRAINT purchase_order_lines_product_unique UNIQUE (purchase_order_id, product_id)
);

-- Indexes for foreign keys and the receiving screen
CREATE INDEX IF NOT EXISTS idx_purchase_orders_supplier_id
ON inventory.purchase_orders(supplier_id);

CREATE INDEX IF NOT EXISTS idx_purchase_orders_warehouse_status
ON inventory.purchase_orders(warehouse_id, status);

CREATE INDEX IF NOT EXISTS idx_purchase_order_lines_product_id
ON inventory.purchase_order_lines(product_id);

DROP TRIGGER IF EXISTS suppliers_set_updated_at ON inventory.suppliers;
CREATE TRIGGER suppliers_set_updated_at
    BEFORE UPDATE ON inventory.suppliers
    FOR EACH ROW EXECUTE FUNCTION inventory.set_updated_at();

DROP TRIGGER IF EXISTS purchase_orders_set_updated_at ON inventory.purchase_orders;
CREATE TRIGGER purchase_orders_set_updated_at
    BEFORE UPDATE ON inventory.purchase_orders
    FOR EACH ROW EXECUTE FUNCTION inventory.set_updated_at();

DROP TRIGGER IF EXISTS purchase_order_lines_set_updated_at ON inventory.purchase_order_lines;
CREATE TRIGGER purchase_order_lines_set_updated_at
    BEFORE UPDATE ON inventory.purchase_order_lines
    FOR EACH ROW EXECUTE FUNCTION inventory.set_updated_at();

COMMIT;
