-- +goose NO TRANSACTION
-- +goose Up
-- The file's own BEGIN … COMMIT is one transaction; the SET LOCAL in it ends with it.
BEGIN;
SET LOCAL lock_timeout = '2s';
ALTER TABLE orders ADD COLUMN customer2_id bigint;
ALTER TABLE orders ADD CONSTRAINT orders_customer2_fk  -- expect: fk-missing-index "foreign key (\"customer2_id\")"
  FOREIGN KEY (customer2_id) REFERENCES customers (id) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT orders_customer2_fk;  -- expect: constraint-not-valid "inside the transaction this file opens with BEGIN), which holds SHARE ROW EXCLUSIVE on \"public.orders\" and on \"public.customers\""
COMMIT;
ALTER TABLE orders ADD COLUMN region text;  -- expect: lock-timeout "ALTER TABLE takes an ACCESS EXCLUSIVE lock on \"public.orders\" with no lock_timeout set"

-- +goose Down
ALTER TABLE orders DROP"CONSTRAINT orders_customer2_fk;
