-- ============================================
-- Migration: 001 - Create Inventory Schema
-- ============================================
-- Purpose: Namespace, shared trigger function, warehouses and products
--
-- Dependencies: None (initial migration)
--
-- Rollback:
--   None - drop the schema by hand on a development database
-- ============================================

BEGIN;

CREATE SCHEMA IF NOT EXISTS inventory;

CREATE OR REPLACE FUNCTION inventory.set_updated_at()
RETURNS TRIGGER
LANGUAGE plpgsql
AS $$
BEGIN
    NEW.updated_at := NOW();
    RETURN NEW;
END;
$$;

-- Physical sites that hold stock
CREATE TABLE IF NOT EXISTS inventory.warehouses (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    code TEXT NOT NULL UNIQUE CHECK (code ~ '^[A-Z]{3}[0-9]{2}$'),
    name TEXT NOT NULL,
    time_zone TEXT NOT NULL DEFAULT 'UTC',
    is_active BOOLEAN NOT NULL DEFAULT TRUE,
    created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW()
);

-- Catalogue of stock keeping units
CREATE TABLE IF NOT EXISTS inventory.products (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    sku TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    unit TEXT NOT NULL DEFAULT 'each' CHECK (unit IN ('each', 'box', 'kg', 'litre')),
    discontinued_at TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW()
);

DROP TRIGGER IF EXISTS warehouses_set_updated_at ON inventory.warehouses;
CREATE TRIGGER warehouses_set_updated_at
    BEFORE UPDATE ON inventory.warehouses
    FOR EACH ROW EXECUTE FUNCTION inventory.set_updated_at();

DROP TRIGGER IF EXISTS products_set_updated_at ON inventory.products;
CREATE TRIGGER products_set_updated_at
    BEFORE UPDATE ON inventory.products
    FOR EACH ROW EXECUTE FUNCTION inventory.set_updated_at();

COMMIT;
