-- NOT VALID: rows written from now on are checked, existing ones are not; the lock is short.
BEGIN;
ALTER TABLE orders
  ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;
ALTER TABLE orders ADD CONSTRAINT orders_quantity_positive CHECK (quantity > 0) NOT VALID;
ALTER DOMAIN positive_cents ADD CONSTRAINT positive_cents_check CHECK (VALUE > 0) NOT VALID;

-- A foreign key on a new column without DEFAULT: PostgreSQL knows the column is all NULL and
-- checks nothing.
ALTER TABLE orders ADD COLUMN coupon_id bigint REFERENCES coupons (id);
COMMIT;

-- VALIDATE after the COMMIT, in a transaction of its own: it scans under SHARE UPDATE
-- EXCLUSIVE, which lets reads and writes go on.
ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_fk;
ALTER TABLE orders VALIDATE CONSTRAINT orders_quantity_positive;

-- A table or domain created earlier in the same file has no rows yet.
CREATE TABLE refunds (id bigint PRIMARY KEY, order_id bigint, cents int);
ALTER TABLE refunds ADD CONSTRAINT refunds_order_fk FOREIGN KEY (order_id) REFERENCES orders (id);
ALTER TABLE refunds ADD CONSTRAINT refunds_cents_positive CHECK (cents > 0);
CREATE DOMAIN percent AS int;
ALTER DOMAIN percent ADD CONSTRAINT percent_range CHECK (VALUE BETWEEN 0 AND 100);
