-- Migration: 20250214_001_create_shipments.sql
-- Description: Shipments per order, plus shipping dates on the order row
--              for the order list screen
-- Author: Priya Natarajan
-- Date: 2025-02-14

BEGIN;

CREATE TABLE IF NOT EXISTS sales.shipments (  -- expect: lock-timeout "CREATE TABLE … REFERENCES takes a SHARE ROW EXCLUSIVE lock on \"sales.orders\""
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    order_id UUID NOT NULL REFERENCES sales.orders(id) ON DELETE CASCADE,
    carrier TEXT NOT NULL,
    tracking_number TEXT,
    shipped_at TIMESTAMPTZ,
    delivered_at TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW()
);

CREATE INDEX IF NOT EXISTS idx_shipments_order_id
ON sales.shipments(order_id);

CREATE UNIQUE INDEX IF NOT EXISTS idx_shipments_carrier_tracking
ON sales.shipments(carrier, tracking_number)
WHERE tracking_number IS NOT NULL;

ALTER TABLE sales.orders
    ADD COLUMN IF NOT EXISTS shipped_at TIMESTAMPTZ
    ADD COLUMN IF NOT EXISTS delivered_at TIMESTAMPTZ;  -- expect: syntax-error "at or near"

DROP TRIGGER IF EXISTS shipments_set_updated_at ON sales.shipments;
CREATE TRIGGER shipments_set_updated_at
    BEFORE UPDATE ON sales.shipments
    FOR EACH ROW EXECUTE FUNCTION sales.set_updated_at();

COMMIT;
