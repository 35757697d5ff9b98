-- Supabase runs migrations with search_path "$user", public, extensions: no SCHEMA clause is public.
CREATE EXTENSION IF NOT EXISTS pg_trgm;  -- expect: extension-in-public "extension \"pg_trgm\" is created without a SCHEMA clause: its functions, types and tables land in schema public"
CREATE EXTENSION IF NOT EXISTS citext WITH SCHEMA public;  -- expect: extension-in-public "extension \"citext\" is created WITH SCHEMA public"
