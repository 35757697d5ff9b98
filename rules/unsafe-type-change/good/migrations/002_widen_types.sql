-- Catalog-only changes: no rewrite, no scan.
ALTER TABLE products ALTER COLUMN sku TYPE varchar(320);
ALTER TABLE user_settings ALTER COLUMN setting_key TYPE text;
ALTER TABLE products ALTER COLUMN price TYPE numeric(14,2);
ALTER TABLE products ALTER COLUMN weight_kg TYPE numeric;
ALTER TABLE products ALTER COLUMN released_at TYPE timestamptz(6);
ALTER TABLE user_settings ALTER COLUMN updated_at TYPE timestamp;
ALTER TABLE products ALTER COLUMN title TYPE character varying;
ALTER TABLE products ALTER COLUMN warranty TYPE interval;
ALTER TABLE products ALTER COLUMN lead_time TYPE interval day to second(3);
ALTER TABLE products ALTER COLUMN lead_time TYPE interval minute to second(3);

-- Seed 004's safe multi-phase alternative: a new column, filled from the old one.
ALTER TABLE user_settings
  ADD COLUMN setting_value_int INTEGER;

UPDATE user_settings
SET setting_value_int = setting_value::INTEGER
WHERE setting_value ~ '^[0-9]+$';

-- A table created in this file holds no rows yet.
CREATE TABLE price_history (
  product_id integer NOT NULL REFERENCES products (id),
  price numeric(10,2) NOT NULL,
  client_ip cidr,
  valid_from timestamp NOT NULL
);
ALTER TABLE price_history ALTER COLUMN product_id TYPE bigint;
ALTER TABLE price_history ALTER COLUMN valid_from TYPE timestamptz USING valid_from AT TIME ZONE 'UTC';
