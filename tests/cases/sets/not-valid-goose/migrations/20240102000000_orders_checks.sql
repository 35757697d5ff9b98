-- +goose Up
-- goose runs the file in one transaction: the VALIDATE scans under the ADD's lock.
SET LOCAL lock_timeout = '2s';
ALTER TABLE orders ADD CONSTRAINT orders_quantity_positive CHECK (quantity > 0) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT orders_quantity_positive;  -- expect: constraint-not-valid "VALIDATE CONSTRAINT \"orders_quantity_positive\" runs in the same transaction as its NOT VALID add (in a file goose runs in a transaction), which holds ACCESS EXCLUSIVE on \"public.orders\" until COMMIT"

-- +goose Down
ALTER TABLE orders DROP CONSTRAINT orders_quantity_positive;
