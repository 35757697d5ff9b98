CREATE TABLE IF NOT EXISTS public.reports (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  owner_id uuid NOT NULL,
  body text NOT NULL
);
ALTER TABLE public.reports ENABLE ROW LEVEL SECURITY;

-- app_metadata is written by the server only.
CREATE POLICY "Admins read all reports" ON public.reports FOR SELECT TO authenticated
  USING ((select auth.jwt() -> 'app_metadata' ->> 'role') = 'admin');

CREATE POLICY "Owners read their reports" ON public.reports FOR SELECT TO authenticated
  USING (owner_id = (select auth.uid()));
