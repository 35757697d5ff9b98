-- Migration: 20250110_002_create_order_items.sql
-- Description: Line items of an order
-- Author: Priya Natarajan
-- Date: 2025-01-10

BEGIN;

-- Pre-migration validation
DO $$
BEGIN
    IF NOT EXISTS (
        SELECT 1 FROM information_schema.tables
        WHERE table_schema = 'sales' AND table_name = 'orders'
    ) THEN
        RAISE EXCEPTION 'sales.orders must exist before order items (run 20250110_001 first)';
    END IF;
END
$$;

CREATE TABLE IF NOT EXISTS sales.order_items (  -- expect: lock-timeout "CREATE TABLE … REFERENCES takes a SHARE ROW EXCLUSIVE lock on \"sales.orders\""
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    order_id UUID NOT NULL REFERENCES sales.orders(id) ON DELETE CASCADE,
    sku TEXT NOT NULL,
    description TEXT NOT NULL,
    quantity INTEGER NOT NULL CHECK (quantity > 0),
    unit_price_cents BIGINT NOT NULL CHECK (unit_price_cents >= 0),
    created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    CONSTRAINT order_items_order_sku_unique UNIQUE (order_id, sku)
);

-- order_id is covered by the unique constraint; sku is for reporting
CREATE INDEX IF NOT EXISTS idx_order_items_sku
ON sales.order_items(sku);

DROP TRIGGER IF EXISTS order_items_set_updated_at ON sales.order_items;
CREATE TRIGGER order_items_set_updated_at
    BEFORE UPDATE ON sales.order_items
    FOR EACH ROW EXECUTE FUNCTION sales.set_updated_at();

COMMIT;
