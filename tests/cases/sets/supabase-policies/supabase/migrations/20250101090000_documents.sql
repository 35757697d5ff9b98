-- Policies that later migrations alter, replace or drop: the set-end rules see the final state,
-- the statement rules each statement.
CREATE TABLE IF NOT EXISTS public.documents (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  owner_id uuid NOT NULL,
  published boolean NOT NULL DEFAULT false
);
ALTER TABLE public.documents ENABLE ROW LEVEL SECURITY;

CREATE POLICY "Owners read documents" ON public.documents FOR SELECT TO authenticated
  USING (owner_id = (select auth.uid()));
CREATE POLICY "Readers read published" ON public.documents FOR SELECT TO authenticated
  USING (published);

-- Two policies per bucket on storage.objects (a table from before the set).
CREATE POLICY "Avatars are readable" ON storage.objects FOR SELECT TO authenticated  -- expect: lock-timeout
  USING (bucket_id = 'avatars');
CREATE POLICY "Owners read their files" ON storage.objects FOR SELECT TO authenticated  -- expect: multiple-permissive-policies "\"storage.objects\" has 2 permissive policies for role authenticated on select"
  USING (bucket_id = 'files' AND owner = (select auth.uid()));

DO $$
BEGIN
  -- Inside a DO block the statement still runs with the migration.
  CREATE POLICY "Staff update documents" ON public.documents FOR UPDATE TO authenticated
    USING (current_setting('request.jwt.claim.role', true) = 'staff');  -- expect: rls-initplan "calls current_setting()"
END
$$;
