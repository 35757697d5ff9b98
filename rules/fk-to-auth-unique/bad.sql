-- A profile keyed by the user's phone: auth.users (phone) is unique only through
-- users_phone_key, a constraint GoTrue's migrations own.
CREATE TABLE public.profiles (
  id uuid PRIMARY KEY REFERENCES auth.users (id) ON DELETE CASCADE,
  phone text REFERENCES auth.users (phone) ON UPDATE CASCADE,  -- expect: fk-to-auth-unique "references auth.users (phone), Supabase's unique constraint users_phone_key, not the primary key"
  display_name text
);

CREATE TABLE public.devices (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  refresh_token varchar(255) NOT NULL
);
ALTER TABLE public.devices
  ADD CONSTRAINT devices_refresh_token_fkey FOREIGN KEY (refresh_token)  -- expect: fk-to-auth-unique "references auth.refresh_tokens (token), Supabase's unique constraint refresh_tokens_token_unique"
  REFERENCES auth.refresh_tokens (token) ON DELETE CASCADE;

-- auth.users (email) is unique only for non-SSO users (a partial index): nothing to reference.
CREATE TABLE public.newsletter (
  email varchar(255) PRIMARY KEY REFERENCES auth.users (email)  -- expect: fk-to-auth-unique "neither the primary key nor a unique constraint of Supabase's auth schema: PostgreSQL rejects it (42830)"
);
