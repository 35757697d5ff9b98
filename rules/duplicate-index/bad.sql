CREATE TABLE IF NOT EXISTS public.orders (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  customer_id bigint NOT NULL,
  email text NOT NULL,
  status text NOT NULL
);
CREATE INDEX IF NOT EXISTS orders_customer_idx ON public.orders (customer_id);
-- Added again under another name by a later migration.
CREATE INDEX IF NOT EXISTS idx_orders_customer_id ON public.orders (customer_id);  -- expect: duplicate-index "index \"public.idx_orders_customer_id\" on \"public.orders\" indexes the same as \"public.orders_customer_idx\""

-- The primary key already has a unique index on id.
CREATE INDEX IF NOT EXISTS orders_id_idx ON public.orders USING btree (id);  -- expect: duplicate-index "indexes the same as \"public.orders_pkey\""

-- Same expression and predicate, written differently.
CREATE INDEX IF NOT EXISTS orders_email_lower ON public.orders (lower(email)) WHERE status = 'open';
CREATE INDEX IF NOT EXISTS orders_open_email ON public.orders (lower( email ))  -- expect: duplicate-index "indexes the same as \"public.orders_email_lower\""
  WHERE status = 'open';
