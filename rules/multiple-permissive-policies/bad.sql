CREATE TABLE IF NOT EXISTS public.projects (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  owner_id uuid NOT NULL,
  is_public boolean NOT NULL DEFAULT false
);
ALTER TABLE public.projects ENABLE ROW LEVEL SECURITY;

CREATE POLICY "Owners read projects" ON public.projects FOR SELECT TO authenticated
  USING (owner_id = (select auth.uid()));
CREATE POLICY "Anyone reads public projects" ON public.projects FOR SELECT  -- expect: multiple-permissive-policies "\"public.projects\" has 2 permissive policies for role authenticated on select (\"Owners read projects\", \"Anyone reads public projects\")"
  TO anon, authenticated
  USING (is_public);

CREATE TABLE IF NOT EXISTS public.tasks (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  owner_id uuid NOT NULL
);
ALTER TABLE public.tasks ENABLE ROW LEVEL SECURITY;

-- FOR ALL counts for every command; no TO is every role.
CREATE POLICY "Owners manage tasks" ON public.tasks
  USING (owner_id = (select auth.uid()));
CREATE POLICY "Owners delete tasks" ON public.tasks FOR DELETE  -- expect: multiple-permissive-policies "2 permissive policies for every role on delete"
  USING (owner_id = (select auth.uid()));
