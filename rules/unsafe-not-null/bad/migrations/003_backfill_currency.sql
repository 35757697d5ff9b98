-- A backfill in an earlier migration does not cover rows inserted since: the column has no
-- default... (it does here, see 004), but invoices.customer_ref had none.
UPDATE invoices SET customer_ref = 'unknown' WHERE customer_ref IS NULL;
