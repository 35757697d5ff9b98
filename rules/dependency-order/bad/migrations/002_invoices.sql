-- Migration: 002_invoices.sql
-- Dependencies:
--   - 001_schema.sql
--   - 003_customers.sql  -- expect: dependency-order "runs after"
--   - 000_extensions.sql  -- expect: dependency-order "not a migration"
CREATE TABLE billing.invoices (id bigint PRIMARY KEY, customer_id bigint);
