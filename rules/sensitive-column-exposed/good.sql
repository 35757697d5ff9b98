-- Row level security on: only the rows a policy admits.
CREATE TABLE public.integrations (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  owner_id uuid NOT NULL,
  api_key text NOT NULL
);
ALTER TABLE public.integrations ENABLE ROW LEVEL SECURITY;
CREATE POLICY "Owners read their integrations" ON public.integrations FOR SELECT
  TO authenticated USING (owner_id = (select auth.uid()));
GRANT SELECT ON public.integrations TO authenticated;

-- Counts and expiries are not secrets; the secret column is not granted.
CREATE TABLE public.usage (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  token_count integer NOT NULL,
  tokens_used integer NOT NULL,
  token_expires_at timestamptz,
  refresh_token text
);
GRANT SELECT (id, token_count, tokens_used, token_expires_at) ON public.usage TO authenticated;

-- In a schema the API does not serve.
CREATE SCHEMA private;
CREATE TABLE private.credentials (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  password text NOT NULL
);
GRANT SELECT ON private.credentials TO authenticated;
