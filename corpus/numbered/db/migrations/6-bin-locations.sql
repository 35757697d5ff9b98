-- expect-file: file-naming
-- ============================================
-- Migration: 006 - Bin Locations
-- ============================================
-- Purpose: Shelf/bin label for each stock level row
--
-- Dependencies:
--   - 002_stock_levels.sql
--
-- Rollback:
--   ALTER TABLE inventory.stock_levels DROP COLUMN IF EXISTS bin_location;
-- ============================================

BEGIN;

ALTER TABLE inventory.stock_levels  -- expect: lock-timeout "ALTER TABLE takes an ACCESS EXCLUSIVE lock on \"inventory.stock_levels\""
ADD COLUMN IF NOT EXISTS bin_location TEXT;

COMMIT;
