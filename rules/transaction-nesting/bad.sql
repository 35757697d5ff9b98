BEGIN;
CREATE TABLE invoices (id bigint PRIMARY KEY);
BEGIN;  -- expect: transaction-nesting "inside the transaction"
CREATE INDEX invoices_id_idx ON invoices (id);
COMMIT;
-- A COMMIT with none open: migralint's executor does not wrap a file that manages its own
-- transactions, so PostgreSQL only warns here (under goose, sqlx, dbmate… it is flagged: it
-- ends the runner's transaction).
COMMIT;
BEGIN;  -- expect: transaction-nesting "never committed"
ALTER TABLE invoices ADD COLUMN total numeric;
