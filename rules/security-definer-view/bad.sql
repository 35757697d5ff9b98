CREATE TABLE public.orders (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id uuid NOT NULL,
  total_cents bigint NOT NULL
);
ALTER TABLE public.orders ENABLE ROW LEVEL SECURITY;
CREATE POLICY "Users read their orders" ON public.orders FOR SELECT TO authenticated
  USING (user_id = (select auth.uid()));
GRANT SELECT ON public.orders TO authenticated;

-- Runs with its owner's rights: every signed-in user reads every user's totals through it.
CREATE VIEW public.order_totals AS  -- expect: security-definer-view "view \"public.order_totals\" in exposed schema \"public\" runs with its owner's rights (no security_invoker) and anon and authenticated may select"
  SELECT user_id, sum(total_cents) AS total_cents FROM public.orders GROUP BY user_id;
GRANT SELECT ON public.order_totals TO authenticated;

-- security_invoker reset later; granted through ALL TABLES IN SCHEMA.
CREATE VIEW public.big_orders WITH (security_invoker = true) AS  -- expect: security-definer-view "\"public.big_orders\" in exposed schema \"public\" runs with its owner's rights (no security_invoker) and anon and authenticated"
  SELECT id, user_id FROM public.orders WHERE total_cents > 100000;
ALTER VIEW public.big_orders RESET (security_invoker);
GRANT SELECT ON ALL TABLES IN SCHEMA public TO anon, authenticated;
