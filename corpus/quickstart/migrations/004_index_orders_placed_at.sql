-- Migration: 004_index_orders_placed_at.sql
-- Description: Builds an index without blocking writes, outside any transaction
-- Date: 2025-03-16
-- migralint:no-transaction

CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_placed_at_idx ON orders (placed_at);
