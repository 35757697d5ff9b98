-- Migration: 20250110_001_create_orders.sql
-- Description: sales schema, customers and orders
-- Author: Priya Natarajan
-- Date: 2025-01-10

BEGIN;

CREATE SCHEMA IF NOT EXISTS sales;

CREATE OR REPLACE FUNCTION sales.set_updated_at()
RETURNS TRIGGER
LANGUAGE plpgsql
AS $$
BEGIN
    NEW.updated_at := NOW();
    RETURN NEW;
END;
$$;

CREATE TABLE IF NOT EXISTS sales.customers (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    email TEXT NOT NULL UNIQUE,
    full_name TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW()
);

CREATE TABLE IF NOT EXISTS sales.orders (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    customer_id UUID NOT NULL REFERENCES sales.customers(id) ON DELETE RESTRICT,
    status TEXT NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'paid', 'fulfilled', 'cancelled', 'refunded')),
    total_cents BIGINT NOT NULL DEFAULT 0 CHECK (total_cents >= 0),
    note TEXT,
    placed_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW()
);

CREATE INDEX IF NOT EXISTS idx_orders_customer_id
ON sales.orders(customer_id);

DROP TRIGGER IF EXISTS customers_set_updated_at ON sales.customers;
CREATE TRIGGER customers_set_updated_at
    BEFORE UPDATE ON sales.customers
    FOR EACH ROW EXECUTE FUNCTION sales.set_updated_at();

DROP TRIGGER IF EXISTS orders_set_updated_at ON sales.orders;
CREATE TRIGGER orders_set_updated_at
    BEFORE UPDATE ON sales.orders
    FOR EACH ROW EXECUTE FUNCTION sales.set_updated_at();

COMMIT;
