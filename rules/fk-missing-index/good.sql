CREATE TABLE IF NOT EXISTS customers (
  id bigint PRIMARY KEY,
  tenant_id bigint NOT NULL,
  CONSTRAINT customers_tenant_id_unique UNIQUE (tenant_id, id)
);

CREATE TABLE IF NOT EXISTS orders (
  id bigint PRIMARY KEY,
  tenant_id bigint NOT NULL,
  customer_id bigint NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  placed_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (tenant_id, customer_id) REFERENCES customers (tenant_id, id)
);
-- Leads with the single-column key; with the composite key in either order.
CREATE INDEX IF NOT EXISTS orders_customer_id_placed_at_idx ON orders (customer_id, placed_at);
CREATE INDEX IF NOT EXISTS orders_customer_tenant_idx ON orders (customer_id, tenant_id);

-- The primary key leads with order_id, so it serves that key.
CREATE TABLE IF NOT EXISTS order_lines (
  order_id bigint NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  line_no int NOT NULL,
  PRIMARY KEY (order_id, line_no)
);

-- A one-to-one extension table: the key is the primary key.
CREATE TABLE IF NOT EXISTS order_notes (
  order_id bigint PRIMARY KEY REFERENCES orders (id) ON DELETE CASCADE,
  body text NOT NULL
);

-- A UNIQUE constraint added later covers the key too.
CREATE TABLE IF NOT EXISTS invoices (
  id bigint PRIMARY KEY,
  order_id bigint NOT NULL REFERENCES orders (id)
);
ALTER TABLE invoices ADD CONSTRAINT invoices_order_id_unique UNIQUE (order_id);

-- A nullable key: an index WHERE the key IS NOT NULL serves every lookup by key value.
CREATE TABLE IF NOT EXISTS shipments (
  id bigint PRIMARY KEY,
  invoice_id bigint REFERENCES invoices (id) ON DELETE SET NULL
);
CREATE INDEX IF NOT EXISTS shipments_invoice_id_idx ON shipments (invoice_id) WHERE invoice_id IS NOT NULL;

-- Unnamed indexes: PostgreSQL gives each its own name.
CREATE TABLE IF NOT EXISTS order_events (
  id bigint PRIMARY KEY,
  order_id bigint NOT NULL REFERENCES orders (id),
  shipment_id bigint REFERENCES shipments (id)
);
CREATE INDEX ON order_events (order_id);
CREATE INDEX ON order_events (shipment_id);

-- A unique index built first, then attached as the constraint.
CREATE TABLE IF NOT EXISTS receipts (
  id bigint PRIMARY KEY,
  invoice_id bigint NOT NULL REFERENCES invoices (id)
);
CREATE UNIQUE INDEX IF NOT EXISTS receipts_invoice_id_idx ON receipts (invoice_id);
ALTER TABLE receipts ADD CONSTRAINT receipts_invoice_id_key UNIQUE USING INDEX receipts_invoice_id_idx;

-- A table moved to another schema keeps its indexes.
CREATE SCHEMA IF NOT EXISTS archive;
CREATE TABLE IF NOT EXISTS old_orders (
  id bigint PRIMARY KEY,
  customer_id bigint NOT NULL REFERENCES customers (id)
);
CREATE INDEX IF NOT EXISTS old_orders_customer_id_idx ON old_orders (customer_id);
ALTER TABLE old_orders SET SCHEMA archive;

-- A composite key served by a primary key that lists its columns in another order.
CREATE TABLE IF NOT EXISTS customer_tags (
  tag text NOT NULL,
  tenant_id bigint NOT NULL,
  customer_id bigint NOT NULL,
  PRIMARY KEY (customer_id, tenant_id, tag),
  FOREIGN KEY (tenant_id, customer_id) REFERENCES customers (tenant_id, id)
);

-- An exclusion constraint is backed by an index that leads with the key.
CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE TABLE IF NOT EXISTS rooms (id bigint PRIMARY KEY);
CREATE TABLE IF NOT EXISTS bookings (
  id bigint PRIMARY KEY,
  room_id bigint NOT NULL REFERENCES rooms (id),
  during tstzrange NOT NULL,
  EXCLUDE USING gist (room_id WITH =, during WITH &&)
);
