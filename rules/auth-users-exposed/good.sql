-- The app keeps the columns it needs in its own table, under row level security.
CREATE TABLE public.profiles (
  id uuid PRIMARY KEY REFERENCES auth.users (id) ON DELETE CASCADE,
  full_name text
);
ALTER TABLE public.profiles ENABLE ROW LEVEL SECURITY;
CREATE POLICY "Users read their profile" ON public.profiles FOR SELECT TO authenticated
  USING (id = (select auth.uid()));
GRANT SELECT ON public.profiles TO authenticated;

-- A view over auth.users the API roles may not read.
CREATE VIEW public.user_emails AS
  SELECT id, email FROM auth.users;
REVOKE ALL ON public.user_emails FROM anon, authenticated;

-- security_invoker: the caller's rights, and anon cannot read auth.users.
CREATE VIEW public.my_email WITH (security_invoker = true) AS
  SELECT email FROM auth.users WHERE id = auth.uid();
GRANT SELECT ON public.my_email TO authenticated;

-- In a schema the API does not serve.
CREATE SCHEMA admin;
CREATE VIEW admin.users AS
  SELECT id, email FROM auth.users;
GRANT SELECT ON admin.users TO authenticated;
