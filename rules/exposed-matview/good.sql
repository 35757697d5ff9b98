CREATE TABLE public.orders (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id uuid NOT NULL,
  total_cents bigint NOT NULL
);
ALTER TABLE public.orders ENABLE ROW LEVEL SECURITY;
CREATE POLICY "Users read their orders" ON public.orders FOR SELECT TO authenticated
  USING (user_id = (select auth.uid()));
GRANT SELECT ON ALL TABLES IN SCHEMA public TO authenticated;

-- Created after the grant, and revoked from the API roles; or kept in a private schema.
CREATE MATERIALIZED VIEW public.order_totals AS
  SELECT user_id, sum(total_cents) AS total_cents FROM public.orders GROUP BY user_id;
REVOKE ALL ON public.order_totals FROM anon, authenticated;
CREATE SCHEMA reporting;
CREATE MATERIALIZED VIEW reporting.daily_orders AS
  SELECT date_trunc('day', now()) AS day, count(*) AS orders FROM public.orders;
GRANT SELECT ON reporting.daily_orders TO authenticated;
