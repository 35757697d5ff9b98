CREATE TABLE IF NOT EXISTS public.invoices (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  customer_id uuid NOT NULL,
  total_cents bigint NOT NULL
);
ALTER TABLE public.invoices ENABLE ROW LEVEL SECURITY;  -- expect: rls-without-policy "row level security is enabled on \"public.invoices\" but no policy is left on it"

CREATE TABLE IF NOT EXISTS public.payouts (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  amount_cents bigint NOT NULL
);
ALTER TABLE public.payouts ENABLE ROW LEVEL SECURITY;  -- expect: rls-without-policy "\"public.payouts\" but no policy is left"
CREATE POLICY "Finance reads payouts" ON public.payouts FOR SELECT TO authenticated USING (true);
-- The only policy dropped later: nothing is left.
DROP POLICY "Finance reads payouts" ON public.payouts;
