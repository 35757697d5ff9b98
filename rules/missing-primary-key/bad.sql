CREATE TABLE IF NOT EXISTS public.page_views (  -- expect: missing-primary-key "table \"public.page_views\" has no primary key"
  path text NOT NULL,
  viewed_at timestamptz NOT NULL DEFAULT now()
);

-- A unique key is not a primary key (its columns may be null).
CREATE TABLE IF NOT EXISTS public.tags (  -- expect: missing-primary-key "table \"public.tags\" has no primary key"
  slug text UNIQUE,
  label text NOT NULL
);

-- Dropped later and never replaced.
CREATE TABLE IF NOT EXISTS public.sessions (  -- expect: missing-primary-key "\"public.sessions\" has no primary key"
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL
);
ALTER TABLE public.sessions DROP CONSTRAINT sessions_pkey;
