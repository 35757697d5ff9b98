CREATE TABLE public.orders (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id uuid NOT NULL,
  total_cents bigint NOT NULL
);
ALTER TABLE public.orders ENABLE ROW LEVEL SECURITY;
CREATE POLICY "Users read their orders" ON public.orders FOR SELECT TO authenticated
  USING (user_id = (select auth.uid()));
GRANT SELECT ON public.orders TO authenticated;

-- Reads with the caller's rights: the policy on orders holds.
CREATE VIEW public.order_totals WITH (security_invoker = true) AS
  SELECT user_id, sum(total_cents) AS total_cents FROM public.orders GROUP BY user_id;
GRANT SELECT ON public.order_totals TO authenticated;

-- Made security_invoker after its creation.
CREATE VIEW public.big_orders AS
  SELECT id, user_id FROM public.orders WHERE total_cents > 100000;
ALTER VIEW public.big_orders SET (security_invoker = on);
GRANT SELECT ON public.big_orders TO authenticated;

-- Granted, then revoked: the API cannot read it.
CREATE VIEW public.order_report AS
  SELECT count(*) AS orders FROM public.orders;
GRANT SELECT ON public.order_report TO anon, authenticated;
REVOKE SELECT ON public.order_report FROM anon, authenticated;

-- In a schema the API does not serve.
CREATE SCHEMA reporting;
CREATE VIEW reporting.order_totals AS
  SELECT user_id, sum(total_cents) AS total_cents FROM public.orders GROUP BY user_id;
GRANT USAGE ON SCHEMA reporting TO authenticated;
GRANT SELECT ON reporting.order_totals TO authenticated;
