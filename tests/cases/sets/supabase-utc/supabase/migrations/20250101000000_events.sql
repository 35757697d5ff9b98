-- Supabase runs migrations in UTC: timestamp to timestamptz needs no rewrite (PostgreSQL 15).
-- Without a time zone said or known (tests/cases/sets/numbered-local-time), it does.
CREATE TABLE IF NOT EXISTS public.events (id bigint PRIMARY KEY, at timestamp NOT NULL);  -- expect: prefer-timestamptz
ALTER TABLE public.events ENABLE ROW LEVEL SECURITY;  -- expect: rls-without-policy "\"public.events\" but no policy"
