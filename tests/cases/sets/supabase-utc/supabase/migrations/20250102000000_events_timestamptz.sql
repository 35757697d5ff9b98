ALTER TABLE public.events ALTER COLUMN at TYPE timestamptz;
