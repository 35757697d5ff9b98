-- The recipe: build the index without blocking writes, then adopt it (a short lock, no build).
-- migralint:no-transaction
CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON users (email);
ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_key;

ALTER TABLE orders ALTER COLUMN id SET NOT NULL;
CREATE UNIQUE INDEX CONCURRENTLY orders_pkey ON orders (id);
ALTER TABLE orders ADD CONSTRAINT orders_pkey PRIMARY KEY USING INDEX orders_pkey;

-- A table created earlier in the same file has no rows and no readers yet.
CREATE TABLE invoices (id bigint NOT NULL, number text NOT NULL);
ALTER TABLE invoices ADD PRIMARY KEY (id);
ALTER TABLE invoices ADD CONSTRAINT invoices_number_key UNIQUE (number);
ALTER TABLE invoices ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE;

-- Constraints that build no index.
ALTER TABLE users ADD CONSTRAINT users_age_check CHECK (age >= 0) NOT VALID;
