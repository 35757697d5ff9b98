-- Fails the migration unless the platform behaves as Supabase does.
DO $$
DECLARE
  user_id uuid := '00000000-0000-0000-0000-0000000000a1';
BEGIN
  -- Default privileges: what `postgres` creates in public is the API roles'.
  IF NOT has_table_privilege('anon', 'public.profiles', 'SELECT')
     OR NOT has_table_privilege('authenticated', 'public.my_avatars', 'SELECT')
     OR NOT has_function_privilege('service_role', 'public.handle_new_user()', 'EXECUTE') THEN
    RAISE EXCEPTION 'the API roles lack the default grants on public';
  END IF;
  -- A sign-up: the trigger on auth.users fills the profile.
  INSERT INTO auth.users (id, aud, role, email, phone, raw_user_meta_data, created_at)
  VALUES (user_id, 'authenticated', 'authenticated', 'a@example.com', '+15550001',
          '{"name": "A"}', now());
  IF (SELECT display_name FROM public.profiles WHERE id = user_id) IS DISTINCT FROM 'A' THEN
    RAISE EXCEPTION 'handle_new_user did not run';
  END IF;
  -- The JWT helpers read the claims PostgREST sets.
  PERFORM set_config('request.jwt.claims',
                     '{"sub": "00000000-0000-0000-0000-0000000000a1", "role": "authenticated", '
                     '"email": "a@example.com"}', true);
  IF auth.uid() IS DISTINCT FROM user_id OR auth.role() <> 'authenticated'
     OR auth.email() <> 'a@example.com' OR auth.jwt() ->> 'sub' <> user_id::text THEN
    RAISE EXCEPTION 'auth.uid/role/email/jwt do not read request.jwt.claims';
  END IF;
  -- Storage: the generated path_tokens and the path helpers.
  INSERT INTO storage.objects (bucket_id, name, owner_id)
  VALUES ('avatars', user_id || '/me.png', user_id::text);
  IF (SELECT path_tokens FROM storage.objects WHERE bucket_id = 'avatars')
     IS DISTINCT FROM ARRAY[user_id::text, 'me.png']
     OR storage.filename('a/b/c.png') <> 'c.png' OR storage.extension('a/b/c.png') <> 'png' THEN
    RAISE EXCEPTION 'storage.objects or its helpers differ from the platform';
  END IF;
  DELETE FROM storage.objects;
  DELETE FROM auth.users;
END $$;
