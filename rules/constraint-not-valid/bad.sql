-- Tables and domains this file does not create already exist, with rows and readers.
ALTER TABLE orders
  ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id);  -- expect: constraint-not-valid "ADD CONSTRAINT \"orders_customer_fk\" FOREIGN KEY without NOT VALID checks every row of \"public.orders\" under a SHARE ROW EXCLUSIVE lock on \"public.orders\" and on \"public.customers\""
ALTER TABLE orders ADD FOREIGN KEY (product_id) REFERENCES products;  -- expect: constraint-not-valid "ADD FOREIGN KEY without NOT VALID"
ALTER TABLE orders ADD CONSTRAINT orders_quantity_positive CHECK (quantity > 0);  -- expect: constraint-not-valid "CHECK without NOT VALID checks every row of \"public.orders\" under an ACCESS EXCLUSIVE lock"

-- A CHECK on a new column is checked on every row too; so is a foreign key on a new column
-- that has a DEFAULT (even DEFAULT NULL).
ALTER TABLE orders ADD COLUMN discount int CHECK (discount BETWEEN 0 AND 100);  -- expect: constraint-not-valid "ADD COLUMN \"discount\" with CHECK checks every row"
ALTER TABLE orders ADD COLUMN region_id int DEFAULT 1 REFERENCES regions (id);  -- expect: constraint-not-valid "ADD COLUMN \"region_id\" with REFERENCES checks every row of \"public.orders\" (its DEFAULT fills the column)"

-- A domain constraint is checked on every column of the domain, in every table.
ALTER DOMAIN positive_cents ADD CONSTRAINT positive_cents_check CHECK (VALUE > 0);  -- expect: constraint-not-valid "ALTER DOMAIN \"public.positive_cents\" ADD CONSTRAINT \"positive_cents_check\" CHECK without NOT VALID"

-- NOT VALID, then VALIDATE in the same transaction (this file runs in one): the lock of the
-- ADD is held until COMMIT, through the scan.
ALTER TABLE orders ADD CONSTRAINT orders_email_check CHECK (email LIKE '%@%') NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT orders_email_check;  -- expect: constraint-not-valid "VALIDATE CONSTRAINT \"orders_email_check\" runs in the same transaction as its NOT VALID add"

-- A key on a column the same statement adds is checked too; on the column itself it would not be.
ALTER TABLE orders ADD COLUMN voucher_id bigint,
  ADD CONSTRAINT orders_voucher_fk FOREIGN KEY (voucher_id) REFERENCES vouchers (id);  -- expect: constraint-not-valid "ADD CONSTRAINT \"orders_voucher_fk\" FOREIGN KEY without NOT VALID"
