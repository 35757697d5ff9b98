-- +goose NO TRANSACTION
-- +goose Up
-- Each statement on its own: the ADD commits before the VALIDATE starts.
SET lock_timeout = '2s';
ALTER TABLE orders ADD CONSTRAINT orders_customer_fk
  FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_fk;
-- The session's timeout is still in force after a statement's own transaction.
ALTER TABLE orders ADD COLUMN note text;

-- +goose Down
ALTER TABLE orders DROP CONSTRAINT orders_customer_fk;
