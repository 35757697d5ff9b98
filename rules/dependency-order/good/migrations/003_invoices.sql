-- Migration: 003_invoices.sql
-- Dependencies:
--   - 001_schema.sql
--   - Requires `002_customers.sql`
CREATE TABLE billing.invoices (id bigint PRIMARY KEY, customer_id bigint);
