CREATE TABLE IF NOT EXISTS public.audit_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  actor uuid,
  action text NOT NULL
);
ALTER TABLE public.audit_log ENABLE ROW LEVEL SECURITY;

-- Only for service_role, which bypasses row level security anyway: nothing exposed.
CREATE POLICY "Service role writes the log" ON public.audit_log FOR INSERT TO service_role
  WITH CHECK (true);

-- Each user writes and reads entries in their own name only.
CREATE POLICY "Users log their own actions" ON public.audit_log FOR INSERT TO authenticated
  WITH CHECK (actor = (select auth.uid()));
CREATE POLICY "Users read their own actions" ON public.audit_log FOR SELECT TO authenticated
  USING (actor = (select auth.uid()));

-- A restrictive policy narrows the others: `true` there adds nothing.
CREATE POLICY "No extra restriction" ON public.audit_log AS RESTRICTIVE FOR SELECT
  USING (true);

-- A deny-all policy.
CREATE POLICY "Nobody deletes" ON public.audit_log FOR DELETE USING (false);

-- `auth.uid() IS NULL` in a policy only signed-in users reach admits nobody more.
CREATE POLICY "Authors or orphans" ON public.audit_log FOR UPDATE TO authenticated
  USING (actor = (select auth.uid()) OR auth.uid() IS NULL);
