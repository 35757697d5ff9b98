-- Migration: 20250207_001_expand_orders_customer_note.sql
-- Description: Rename orders.note -> orders.customer_note, expand phase.
--              Adds the new column, keeps both columns in sync with a
--              trigger while old and new application versions run side by
--              side, and copies existing notes. The contract phase
--              (20250221_001) removes the old column.
-- Author: Marco Bellini
-- Date: 2025-02-07

BEGIN;

ALTER TABLE sales.orders  -- expect: lock-timeout "ALTER TABLE takes an ACCESS EXCLUSIVE lock on \"sales.orders\""
    ADD COLUMN IF NOT EXISTS customer_note TEXT;

CREATE OR REPLACE FUNCTION sales.orders_sync_customer_note()
RETURNS TRIGGER
LANGUAGE plpgsql
AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        NEW.customer_note := COALESCE(NEW.customer_note, NEW.note);
        NEW.note := COALESCE(NEW.note, NEW.customer_note);
    ELSIF NEW.customer_note IS DISTINCT FROM OLD.customer_note THEN
        NEW.note := NEW.customer_note;
    ELSIF NEW.note IS DISTINCT FROM OLD.note THEN
        NEW.customer_note := NEW.note;
    END IF;
    RETURN NEW;
END;
$$;

DROP TRIGGER IF EXISTS orders_sync_customer_note ON sales.orders;
CREATE TRIGGER orders_sync_customer_note
    BEFORE INSERT OR UPDATE ON sales.orders
    FOR EACH ROW EXECUTE FUNCTION sales.orders_sync_customer_note();

UPDATE sales.orders
SET customer_note = note
WHERE customer_note IS NULL
  AND note IS NOT NULL;

COMMIT;
