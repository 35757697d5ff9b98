CREATE TABLE products (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  sku text NOT NULL,
  price numeric
);
CREATE UNIQUE INDEX products_sku_key ON products (sku);
CREATE INDEX products_price_idx ON products (price);
CREATE TYPE product_state AS ENUM ('draft', 'live');
GRANT SELECT, INSERT ON products TO app_writer;
CREATE TABLE carts (id bigint PRIMARY KEY);
GRANT SELECT ON carts TO app_reader;
