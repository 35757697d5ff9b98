CREATE TABLE IF NOT EXISTS public.orders (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  customer_id bigint NOT NULL,
  email text NOT NULL,
  status text NOT NULL
);
CREATE INDEX IF NOT EXISTS orders_customer_idx ON public.orders (customer_id);
-- Different columns, order, predicate, operator class or method: different indexes.
CREATE INDEX IF NOT EXISTS orders_customer_status_idx ON public.orders (customer_id, status);
CREATE INDEX IF NOT EXISTS orders_status_customer_idx ON public.orders (status, customer_id);
CREATE INDEX IF NOT EXISTS orders_open_customer_idx ON public.orders (customer_id)
  WHERE status = 'open';
CREATE INDEX IF NOT EXISTS orders_email_pattern_idx ON public.orders (email text_pattern_ops);
CREATE INDEX IF NOT EXISTS orders_email_idx ON public.orders (email);
CREATE INDEX IF NOT EXISTS orders_email_hash_idx ON public.orders USING hash (email);
CREATE INDEX IF NOT EXISTS orders_customer_desc_idx ON public.orders (customer_id DESC);

-- Replaced: dropped, then built again.
CREATE INDEX IF NOT EXISTS orders_status_idx ON public.orders (status);
DROP INDEX IF EXISTS orders_status_idx;
CREATE INDEX IF NOT EXISTS orders_status_idx2 ON public.orders (status);
