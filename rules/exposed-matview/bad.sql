CREATE TABLE public.orders (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id uuid NOT NULL,
  total_cents bigint NOT NULL
);
ALTER TABLE public.orders ENABLE ROW LEVEL SECURITY;
CREATE POLICY "Users read their orders" ON public.orders FOR SELECT TO authenticated
  USING (user_id = (select auth.uid()));

-- Every user's totals, to every caller: a materialized view has no row level security.
CREATE MATERIALIZED VIEW public.order_totals AS  -- expect: exposed-matview "materialized view \"public.order_totals\" is in exposed schema \"public\" and anon and authenticated may select from it"
  SELECT user_id, sum(total_cents) AS total_cents FROM public.orders GROUP BY user_id;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO anon, authenticated;
