BEGIN;
CREATE TABLE invoices (id bigint PRIMARY KEY);
BEGIN;  -- expect: transaction-nesting "inside the transaction"
CREATE INDEX invoices_id_idx ON invoices (id);
COMMIT;
COMMIT;  -- expect: transaction-nesting "no transaction open"
BEGIN;  -- expect: transaction-nesting "never committed"
ALTER TABLE invoices ADD COLUMN total numeric;
