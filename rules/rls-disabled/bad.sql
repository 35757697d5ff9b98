-- This set uses row level security, so its tables are served to API roles.
CREATE TABLE IF NOT EXISTS profiles (
  id uuid PRIMARY KEY,
  display_name text
);
ALTER TABLE profiles ENABLE ROW LEVEL SECURITY;

-- A new table added without it.
CREATE TABLE IF NOT EXISTS products (  -- expect: rls-disabled "table \"public.products\" is in exposed schema \"public\" but row level security is never enabled"
  id uuid PRIMARY KEY,
  name text NOT NULL,
  price numeric(10,2) NOT NULL,
  created_at timestamptz DEFAULT now()
);

-- Enabled, then switched off by a later migration.
CREATE TABLE IF NOT EXISTS public.invoices (  -- expect: rls-disabled "enabled, then disabled again"
  id bigint PRIMARY KEY,
  profile_id uuid NOT NULL
);
ALTER TABLE public.invoices ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.invoices DISABLE ROW LEVEL SECURITY;
