CREATE TABLE IF NOT EXISTS customers (
  id bigint PRIMARY KEY,
  tenant_id bigint NOT NULL,
  name text NOT NULL,
  CONSTRAINT customers_tenant_id_unique UNIQUE (tenant_id, id)
);

CREATE TABLE IF NOT EXISTS products (
  id bigint PRIMARY KEY,
  sku text NOT NULL UNIQUE
);

-- The key column is second in the only index that mentions it.
CREATE TABLE IF NOT EXISTS orders (
  id bigint PRIMARY KEY,
  tenant_id bigint NOT NULL,
  customer_id bigint NOT NULL REFERENCES customers (id) ON DELETE CASCADE,  -- expect: fk-missing-index "(\"customer_id\") of \"public.orders\" referencing \"public.customers\""
  placed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS orders_placed_at_customer_id_idx ON orders (placed_at, customer_id);

-- Composite key: an index on its first column alone does not cover it.
ALTER TABLE orders
  ADD CONSTRAINT orders_tenant_customer_fkey  -- expect: fk-missing-index "(\"tenant_id\", \"customer_id\")"
  FOREIGN KEY (tenant_id, customer_id) REFERENCES customers (tenant_id, id);
CREATE INDEX IF NOT EXISTS orders_tenant_id_idx ON orders (tenant_id);

-- A partial index serves only queries that imply its WHERE; key lookups do not.
CREATE TABLE IF NOT EXISTS order_lines (
  order_id bigint NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  line_no int NOT NULL,
  product_id bigint NOT NULL,
  discontinued boolean NOT NULL DEFAULT false,
  PRIMARY KEY (order_id, line_no),
  FOREIGN KEY (product_id) REFERENCES products (id)  -- expect: fk-missing-index "\"public.order_lines\" referencing \"public.products\""
);
CREATE INDEX IF NOT EXISTS order_lines_discontinued_product_idx
  ON order_lines (product_id) WHERE discontinued;

-- An index that covered the key was dropped later in the set.
CREATE TABLE IF NOT EXISTS refunds (
  id bigint PRIMARY KEY,
  order_id bigint NOT NULL
);
ALTER TABLE refunds ADD CONSTRAINT refunds_order_id_fkey FOREIGN KEY (order_id) REFERENCES orders (id);  -- expect: fk-missing-index "\"public.refunds\" referencing \"public.orders\""
CREATE INDEX IF NOT EXISTS refunds_order_id_idx ON refunds (order_id);
DROP INDEX IF EXISTS refunds_order_id_idx;

-- Soft-deleted rows are outside the partial index, yet the key check must find them too.
CREATE TABLE IF NOT EXISTS coupons (
  id bigint PRIMARY KEY,
  customer_id bigint NOT NULL REFERENCES customers (id),  -- expect: fk-missing-index "(\"customer_id\") of \"public.coupons\""
  deleted_at timestamptz
);
CREATE INDEX IF NOT EXISTS coupons_customer_id_idx ON coupons (customer_id) WHERE deleted_at IS NULL;
