CREATE TABLE customer_billing_adjustments_by_region (
  id bigint PRIMARY KEY,
  region text NOT NULL
);
CREATE TABLE customer_billing_adjustments_by_plan (id bigint PRIMARY KEY);

-- Exactly 63 bytes is the longest name PostgreSQL keeps whole.
CREATE INDEX idx_customer_billing_adjustments_by_region_region_and_id_000063 ON customer_billing_adjustments_by_region (region, id);

-- Long words in strings, comments and function bodies are not names.
COMMENT ON TABLE customer_billing_adjustments_by_plan IS 'customer_subscription_billing_period_adjustment_history_entries_by_plan';
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- customer_subscription_billing_period_adjustment_history_entries_by_plan
  RETURN NEW;
END
$$;
