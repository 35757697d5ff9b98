-- The Supabase CLI sends a file as one pipeline: a first statement that refuses a transaction
-- block runs before the pipeline's implicit transaction, so this file applies on Supabase.
CREATE INDEX CONCURRENTLY IF NOT EXISTS profiles_phone_idx ON public.profiles (phone);
COMMENT ON INDEX public.profiles_phone_idx IS 'foreign key lookups';
