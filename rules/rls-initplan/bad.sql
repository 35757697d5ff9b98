CREATE TABLE IF NOT EXISTS public.todos (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id uuid NOT NULL,
  team_id bigint NOT NULL,
  title text NOT NULL
);
ALTER TABLE public.todos ENABLE ROW LEVEL SECURITY;

-- auth.uid() compared with each row: PostgreSQL calls it once per row.
CREATE POLICY "Users see own todos" ON public.todos FOR SELECT TO authenticated
  USING (user_id = auth.uid());  -- expect: rls-initplan "policy \"Users see own todos\" on \"public.todos\" calls auth.uid() for every row it checks"

-- Inside a sub-select that reads a table, it still runs for every row that sub-select reads.
CREATE POLICY "Team members see team todos" ON public.todos FOR SELECT TO authenticated
  USING (team_id IN (SELECT team_id FROM public.team_members WHERE member_id = auth.uid()));  -- expect: rls-initplan "calls auth.uid() for every row"

-- Both expressions count; the claim read through current_setting too.
CREATE POLICY "Users edit own todos" ON public.todos FOR UPDATE TO authenticated
  USING (user_id = auth.uid())  -- expect: rls-initplan "calls auth.uid(), current_setting() (3 calls)"
  WITH CHECK (user_id = auth.uid() AND current_setting('request.jwt.claims', true) IS NOT NULL);

CREATE POLICY "Admins delete todos" ON public.todos FOR DELETE TO authenticated
  USING (auth.jwt() ->> 'user_role' = 'admin');  -- expect: rls-initplan "calls auth.jwt()"
