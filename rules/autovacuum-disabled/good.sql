CREATE TABLE IF NOT EXISTS public.events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  payload jsonb NOT NULL
) WITH (autovacuum_vacuum_scale_factor = 0.01);

ALTER TABLE public.events SET (autovacuum_enabled = true);
ALTER TABLE public.events RESET (autovacuum_enabled);
