-- Migration: 003_orders_status.sql
-- Description: An order status, added without rewriting or locking the table for long
-- Date: 2025-03-09

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_type WHERE typname = 'order_status') THEN
    CREATE TYPE order_status AS ENUM ('placed', 'paid', 'shipped', 'cancelled');
  END IF;
END $$;

ALTER TABLE orders ADD COLUMN IF NOT EXISTS status order_status NOT NULL DEFAULT 'placed';  -- expect: lock-timeout "ALTER TABLE takes an ACCESS EXCLUSIVE lock on \"public.orders\""
