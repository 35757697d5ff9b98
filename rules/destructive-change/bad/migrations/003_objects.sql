-- Objects the running application uses, gone with no replacement in this migration.
DROP VIEW open_tasks;  -- expect: destructive-change "DROP VIEW \"public.open_tasks\" deletes the view; code still querying it fails"
DROP MATERIALIZED VIEW task_counts;  -- expect: destructive-change "DROP MATERIALIZED VIEW \"public.task_counts\" deletes the view and its rows"
DROP FUNCTION task_title(bigint);  -- expect: destructive-change "DROP FUNCTION \"public.task_title\" deletes the routine; code still calling it fails"
DROP TYPE task_state CASCADE;  -- expect: destructive-change "DROP TYPE \"public.task_state\" deletes the type and every column of that type"
DROP SEQUENCE ticket_numbers;  -- expect: destructive-change "DROP SEQUENCE \"public.ticket_numbers\" deletes the sequence and its current value"
DROP EXTENSION pg_trgm;  -- expect: destructive-change "DROP EXTENSION \"pg_trgm\" deletes the functions, types and tables of the extension"
DROP FUNCTION IF EXISTS billing.charge(bigint), billing.refund(bigint), billing.void(bigint), billing.retry(bigint);  -- expect: destructive-change "\"billing.charge\", \"billing.refund\", \"billing.void\" and 1 more deletes the routines; code still calling them fails"

-- A guarantee goes, no data (reported one level lower: info).
ALTER TABLE invoices ALTER COLUMN status DROP DEFAULT;  -- expect: destructive-change "DROP DEFAULT on \"public.invoices.status\": the guarantee goes, no data; inserts that leave the column out get NULL, which its NOT NULL refuses"
ALTER TABLE invoices ALTER COLUMN total DROP EXPRESSION;  -- expect: destructive-change "DROP EXPRESSION on \"public.invoices.total\""
ALTER TABLE invoices DROP CONSTRAINT invoices_number_key;  -- expect: destructive-change "DROP CONSTRAINT \"invoices_number_key\" on \"public.invoices\": the guarantee goes, no data; duplicates can be written"
ALTER TABLE invoices DROP CONSTRAINT invoices_customer_fkey;  -- expect: destructive-change "rows can point at rows that do not exist"
ALTER TABLE invoices DROP CONSTRAINT invoices_status_check;  -- expect: destructive-change "rows it would refuse can be written"
