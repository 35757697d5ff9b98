CREATE TABLE invoices (
  id bigint PRIMARY KEY,
  total numeric(12,2) NOT NULL,
  issued_at timestamptz NOT NULL
);

CREATE INDEX invoices_issued_at_idx ON invoices (issued_at);
