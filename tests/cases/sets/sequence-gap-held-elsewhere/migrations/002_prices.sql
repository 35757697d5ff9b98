CREATE TABLE IF NOT EXISTS prices (  -- expect: lock-timeout "CREATE TABLE … REFERENCES takes a SHARE ROW EXCLUSIVE lock on \"public.products\""
  id bigserial PRIMARY KEY,  -- expect: prefer-identity
  product_id bigint NOT NULL REFERENCES products (id) ON DELETE CASCADE,
  amount_cents bigint NOT NULL
);
CREATE INDEX IF NOT EXISTS prices_product_id_idx ON prices (product_id);
