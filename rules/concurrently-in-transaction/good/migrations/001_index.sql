-- migralint:no-transaction
-- An index built without blocking writes: its own file, never wrapped in a transaction.
CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_placed_at_idx ON orders (placed_at);
