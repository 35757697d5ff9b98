CREATE TABLE IF NOT EXISTS public.audit_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  actor uuid,
  action text NOT NULL
);
ALTER TABLE public.audit_log ENABLE ROW LEVEL SECURITY;

-- Anyone who can reach the API may write any audit entry, in anyone's name.
CREATE POLICY "Anyone can log" ON public.audit_log FOR INSERT
  WITH CHECK (true);  -- expect: policy-always-true "policy \"Anyone can log\" on \"public.audit_log\" (FOR insert) has WITH CHECK that is always true: every role (no TO: public) can insert any row"

-- Read access for everyone: maybe intended (a warning, not an error).
CREATE POLICY "Audit log is public" ON public.audit_log FOR SELECT TO anon, authenticated
  USING (1 = 1);  -- expect: policy-always-true "every role it names (anon, authenticated) can read every row"

CREATE TABLE IF NOT EXISTS public.comments (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  author_id uuid,
  body text NOT NULL
);
ALTER TABLE public.comments ENABLE ROW LEVEL SECURITY;

-- Meant for "or a server-side job", but true for every request without a signed-in user.
CREATE POLICY "Authors edit comments" ON public.comments FOR UPDATE TO public
  USING (author_id = (select auth.uid()) OR auth.uid() IS NULL);  -- expect: policy-always-true "admits anonymous callers: its USING is an OR with `auth.uid() IS NULL`"

CREATE POLICY "Everything for everyone" ON public.comments
  USING ('t'::boolean);  -- expect: policy-always-true "(FOR ALL) has USING that is always true"
