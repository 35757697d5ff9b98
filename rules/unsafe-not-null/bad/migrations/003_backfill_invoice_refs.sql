UPDATE invoices SET customer_ref = 'unknown' WHERE customer_ref IS NULL;
