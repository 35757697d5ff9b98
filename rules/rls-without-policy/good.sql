CREATE TABLE IF NOT EXISTS public.invoices (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  customer_id uuid NOT NULL,
  total_cents bigint NOT NULL
);
ALTER TABLE public.invoices ENABLE ROW LEVEL SECURITY;
CREATE POLICY "Customers read their invoices" ON public.invoices FOR SELECT TO authenticated
  USING (customer_id = (select auth.uid()));

-- An explicit deny-all policy says the table is server-only on purpose.
CREATE TABLE IF NOT EXISTS public.payouts (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  amount_cents bigint NOT NULL
);
ALTER TABLE public.payouts ENABLE ROW LEVEL SECURITY;
CREATE POLICY "No API access" ON public.payouts FOR ALL TO anon, authenticated
  USING (false) WITH CHECK (false);
