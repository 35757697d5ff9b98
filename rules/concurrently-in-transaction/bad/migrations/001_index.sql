CREATE INDEX CONCURRENTLY orders_placed_at_idx ON orders (placed_at);  -- expect: concurrently-in-transaction "migralint runs in a transaction"
