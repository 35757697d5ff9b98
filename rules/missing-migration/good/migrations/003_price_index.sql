CREATE INDEX plans_price_idx ON plans (price);
