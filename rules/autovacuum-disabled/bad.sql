CREATE TABLE IF NOT EXISTS public.events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  payload jsonb NOT NULL
) WITH (autovacuum_enabled = false);  -- expect: autovacuum-disabled "autovacuum is turned off for \"public.events\""

ALTER TABLE public.events SET (toast.autovacuum_enabled = off);  -- expect: autovacuum-disabled "autovacuum is turned off for the TOAST table of \"public.events\""
