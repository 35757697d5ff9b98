BEGIN;
CREATE TABLE invoices (id bigint PRIMARY KEY);
SAVEPOINT before_index;
CREATE INDEX invoices_id_idx ON invoices (id);
RELEASE SAVEPOINT before_index;
COMMIT;
