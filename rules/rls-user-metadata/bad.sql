CREATE TABLE IF NOT EXISTS public.reports (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  owner_id uuid NOT NULL,
  body text NOT NULL
);
ALTER TABLE public.reports ENABLE ROW LEVEL SECURITY;

-- Any user can set their own user_metadata.role to 'admin' from the browser.
CREATE POLICY "Admins read all reports" ON public.reports FOR SELECT TO authenticated
  USING ((select auth.jwt() -> 'user_metadata' ->> 'role') = 'admin');  -- expect: rls-user-metadata "policy \"Admins read all reports\" on \"public.reports\" decides on user metadata"

CREATE POLICY "Staff delete reports" ON public.reports FOR DELETE TO authenticated
  USING ((select auth.jwt() #>> '{user_metadata,staff}') = 'true');  -- expect: rls-user-metadata "decides on user metadata"

-- The same data read from auth.users.
CREATE POLICY "Editors update reports" ON public.reports FOR UPDATE TO authenticated
  USING (EXISTS (SELECT 1 FROM auth.users u WHERE u.id = (select auth.uid())
                 AND u.raw_user_meta_data ->> 'editor' = 'yes'));  -- expect: rls-user-metadata "decides on user metadata"
