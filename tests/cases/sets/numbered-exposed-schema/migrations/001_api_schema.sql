CREATE SCHEMA IF NOT EXISTS api;

CREATE TABLE IF NOT EXISTS api.todos (  -- expect: rls-disabled "\"api.todos\" is in exposed schema \"api\""
  id bigserial PRIMARY KEY,  -- expect: prefer-identity
  task text NOT NULL,
  done boolean NOT NULL DEFAULT false
);

CREATE TABLE IF NOT EXISTS api.notes (
  id bigserial PRIMARY KEY,  -- expect: prefer-identity
  body text NOT NULL
);
ALTER TABLE api.notes ENABLE ROW LEVEL SECURITY;  -- expect: rls-without-policy "\"api.notes\" but no policy"

-- Not exposed: no finding without RLS.
CREATE TABLE IF NOT EXISTS public.job_runs (
  id bigserial PRIMARY KEY,  -- expect: prefer-identity
  started_at timestamptz NOT NULL DEFAULT now()
);
