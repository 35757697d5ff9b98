CREATE OR REPLACE FUNCTION public.handle_new_user()  -- expect: security-definer-search-path "handle_new_user"
RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
AS $$
BEGIN
  INSERT INTO profiles (id) VALUES (NEW.id);
  RETURN NEW;
END $$;
