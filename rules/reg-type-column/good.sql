CREATE TABLE IF NOT EXISTS public.search_settings (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  config text NOT NULL DEFAULT 'english',  -- cast with ::regconfig where it is used
  handler text,
  -- regclass, regtype and regrole survive pg_upgrade.
  target_table regclass,
  value_type regtype
);
