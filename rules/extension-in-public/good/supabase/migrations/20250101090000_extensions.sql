CREATE SCHEMA IF NOT EXISTS extensions;
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA extensions;
CREATE EXTENSION IF NOT EXISTS citext SCHEMA extensions;
-- Installed in schema extensions on every Supabase project: IF NOT EXISTS does nothing.
CREATE EXTENSION IF NOT EXISTS "uuid-ossp";
-- Its control file fixes its schema (pg_catalog, with its own cron schema).
CREATE EXTENSION IF NOT EXISTS pg_cron;
