CREATE TABLE IF NOT EXISTS public.todos (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id uuid NOT NULL,
  team_id bigint NOT NULL,
  title text NOT NULL
);
ALTER TABLE public.todos ENABLE ROW LEVEL SECURITY;

-- Wrapped in a sub-select without FROM: an initplan, evaluated once per statement.
CREATE POLICY "Users see own todos" ON public.todos FOR SELECT TO authenticated
  USING (user_id = (SELECT auth.uid()));

CREATE POLICY "Team members see team todos" ON public.todos FOR SELECT TO authenticated
  USING (team_id IN (SELECT team_id FROM public.team_members WHERE member_id = (SELECT auth.uid())));

CREATE POLICY "Users edit own todos" ON public.todos FOR UPDATE TO authenticated
  USING (user_id = (select auth.uid()))
  WITH CHECK (user_id = (select auth.uid())
              AND (select current_setting('request.jwt.claims', true)) IS NOT NULL);

CREATE POLICY "Admins delete todos" ON public.todos FOR DELETE TO authenticated
  USING ((SELECT auth.jwt() ->> 'user_role') = 'admin');
