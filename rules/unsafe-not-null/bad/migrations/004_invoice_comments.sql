COMMENT ON COLUMN invoices.customer_ref IS 'Reference the customer quotes on payment';
