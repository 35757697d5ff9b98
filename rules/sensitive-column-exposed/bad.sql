-- No row level security, readable by the API roles: every caller reads the secrets.
CREATE TABLE public.integrations (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  provider text NOT NULL,
  api_key text NOT NULL,  -- expect: sensitive-column-exposed "table \"public.integrations\" in exposed schema \"public\" has no row level security and anon and authenticated may read its columns \"api_key\", \"webhookSecret\""
  "webhookSecret" text
);
GRANT SELECT ON public.integrations TO anon, authenticated;

CREATE TABLE public.app_users (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  password_hash text NOT NULL  -- expect: sensitive-column-exposed "\"public.app_users\" in exposed schema \"public\" has no row level security and authenticated may read its column \"password_hash\""
);
GRANT SELECT ON public.app_users TO authenticated;
-- Row level security enabled, then disabled again.
ALTER TABLE public.app_users ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.app_users DISABLE ROW LEVEL SECURITY;
