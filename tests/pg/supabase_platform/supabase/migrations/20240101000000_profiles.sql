-- What a Supabase project's first migration commonly does with auth.users: a profile per user,
-- also keyed by the user's phone (auth.users.phone is UNIQUE on the platform), filled by a
-- trigger on auth.users, and ids from uuid-ossp, which the platform preinstalls in `extensions`
-- (on its search_path).
CREATE TABLE public.profiles (
  id uuid PRIMARY KEY REFERENCES auth.users (id) ON DELETE CASCADE,
  phone text REFERENCES auth.users (phone),
  display_name text,
  invite_code uuid NOT NULL DEFAULT uuid_generate_v4(),
  created_at timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE public.profiles ENABLE ROW LEVEL SECURITY;
CREATE POLICY "profiles: own row" ON public.profiles FOR SELECT TO authenticated
  USING ((SELECT auth.uid()) = id OR (SELECT auth.jwt() ->> 'role') = 'service_role');

CREATE FUNCTION public.handle_new_user() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = '' AS $$
BEGIN
  INSERT INTO public.profiles (id, phone, display_name)
  VALUES (NEW.id, NEW.phone, NEW.raw_user_meta_data ->> 'name');
  RETURN NEW;
END $$;
CREATE TRIGGER on_auth_user_created AFTER INSERT ON auth.users
  FOR EACH ROW EXECUTE FUNCTION public.handle_new_user();
