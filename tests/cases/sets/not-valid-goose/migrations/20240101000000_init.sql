-- +goose Up
CREATE TABLE IF NOT EXISTS customers (id bigint PRIMARY KEY);
CREATE TABLE IF NOT EXISTS orders (id bigint PRIMARY KEY, customer_id bigint, quantity int);
CREATE INDEX IF NOT EXISTS orders_customer_id_idx ON orders (customer_id);

-- +goose Down
DROP TABLE orders;
