-- A profile directory straight over auth.users, served to everyone.
CREATE VIEW public.user_directory AS  -- expect: auth-users-exposed "view \"public.user_directory\" reads auth.users and anon and authenticated may select from it"
  SELECT id, email, raw_user_meta_data ->> 'full_name' AS full_name FROM auth.users;
GRANT SELECT ON public.user_directory TO anon, authenticated;

-- A materialized view over it, through a CTE.
CREATE MATERIALIZED VIEW public.signups_by_day AS  -- expect: auth-users-exposed "materialized view \"public.signups_by_day\" reads auth.users and authenticated may select"
  WITH u AS (SELECT created_at FROM auth.users)
  SELECT date_trunc('day', created_at) AS day, count(*) AS signups FROM u GROUP BY 1;
GRANT SELECT ON public.signups_by_day TO authenticated;

-- Through another view that runs with its owner's rights.
CREATE VIEW public.emails AS  -- expect: auth-users-exposed "view \"public.emails\" reads auth.users"
  SELECT email FROM public.user_directory;
GRANT SELECT ON public.emails TO authenticated;
