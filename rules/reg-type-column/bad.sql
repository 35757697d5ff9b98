CREATE TABLE IF NOT EXISTS public.search_settings (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  config regconfig NOT NULL DEFAULT 'english',  -- expect: reg-type-column "column \"config\" of \"public.search_settings\" has type regconfig: it stores an object's OID"
  handler regprocedure  -- expect: reg-type-column "has type regprocedure"
);
ALTER TABLE public.search_settings ADD COLUMN IF NOT EXISTS owner_schema regnamespace;  -- expect: reg-type-column "column \"owner_schema\""
