CREATE TABLE IF NOT EXISTS public.projects (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  owner_id uuid NOT NULL,
  is_public boolean NOT NULL DEFAULT false
);
ALTER TABLE public.projects ENABLE ROW LEVEL SECURITY;

-- One policy per role and command.
CREATE POLICY "Members read projects" ON public.projects FOR SELECT TO authenticated
  USING (is_public OR owner_id = (select auth.uid()));
CREATE POLICY "Visitors read public projects" ON public.projects FOR SELECT TO anon
  USING (is_public);
CREATE POLICY "Owners change projects" ON public.projects FOR UPDATE TO authenticated
  USING (owner_id = (select auth.uid()));

-- A restrictive policy is ANDed, not one more to evaluate in an OR.
CREATE POLICY "Only unarchived" ON public.projects AS RESTRICTIVE FOR SELECT TO authenticated
  USING (NOT is_public OR is_public);

-- A policy replaced (dropped, then created again) is one policy.
DROP POLICY IF EXISTS "Owners delete projects" ON public.projects;
CREATE POLICY "Owners delete projects" ON public.projects FOR DELETE TO authenticated
  USING (owner_id = (select auth.uid()));
DROP POLICY "Owners delete projects" ON public.projects;
CREATE POLICY "Owners delete projects" ON public.projects FOR DELETE TO authenticated
  USING (owner_id = (select auth.uid()));

-- service_role bypasses row level security: its policies are never evaluated.
CREATE POLICY "Service reads projects" ON public.projects FOR SELECT TO service_role USING (true);
