-- Migration: 20250131_001_index_orders_status_placed_at.sql
-- Description: Index for the fulfilment queue ("paid orders, oldest first").
--              Built CONCURRENTLY so writes to sales.orders are not blocked;
--              CONCURRENTLY cannot run inside a transaction block, so this
--              file is alone and not wrapped in BEGIN/COMMIT.
-- Author: Priya Natarajan
-- Date: 2025-01-31
-- migralint:no-transaction

CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_orders_status_placed_at
ON sales.orders(status, placed_at);
