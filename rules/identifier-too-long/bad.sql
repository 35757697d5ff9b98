-- PostgreSQL cuts every name to 63 bytes (NOTICE 42622), silently.
CREATE TABLE customer_subscription_billing_period_adjustment_history_entries_by_region (  -- expect: identifier-too-long "name of 73 bytes: PostgreSQL cuts it to 63, \"customer_subscription_billing_period_adjustment_history_entries\""
  id bigint PRIMARY KEY,
  region text NOT NULL
);

-- Cut to the same 63 bytes as the table above: "relation already exists".
CREATE TABLE customer_subscription_billing_period_adjustment_history_entries_by_plan (  -- expect: identifier-too-long "which is already the name of the relation \"public.customer_subscription_billing_period_adjustment_history_entries\": PostgreSQL rejects the statement"
  id bigint PRIMARY KEY
);

CREATE TABLE orders (id bigint, country text, customer_id bigint, created_at timestamptz);
ALTER TABLE orders ADD CONSTRAINT orders_shipping_address_country_code_must_be_iso_3166_alpha_2_check  -- expect: identifier-too-long "name of 67 bytes"
  CHECK (length(country) = 2);
ALTER TABLE orders ADD CONSTRAINT orders_shipping_address_country_code_must_be_iso_3166_alpha_2_chk  -- expect: identifier-too-long "already the name of the constraint \"orders_shipping_address_country_code_must_be_iso_3166_alpha_2_c\""
  CHECK (country = upper(country));

CREATE INDEX "Idx_Orders_By_Customer_And_Creation_Timestamp_Descending_For_Reports" ON orders (customer_id, created_at DESC);  -- expect: identifier-too-long "name of 68 bytes"
