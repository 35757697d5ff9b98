// platform_stub.cc: a minimal stand-in for what Supabase creates: enough for migrations that
// reference auth.users, auth.uid(), storage objects and the API roles.
#include "apply/platform_stub.h"

namespace migralint::apply {

QueryResult CreatePlatformStub(Connection& db, Layout layout) {
  if (layout != Layout::kSupabase) return QueryResult{.ok = true};
  return db.Exec(R"(
DO $$ BEGIN
  CREATE ROLE anon NOLOGIN;
  CREATE ROLE authenticated NOLOGIN;
  CREATE ROLE service_role NOLOGIN BYPASSRLS;
EXCEPTION WHEN duplicate_object THEN NULL; END $$;
CREATE SCHEMA IF NOT EXISTS auth;
CREATE SCHEMA IF NOT EXISTS storage;
CREATE SCHEMA IF NOT EXISTS extensions;
CREATE TABLE IF NOT EXISTS auth.users (
  id uuid PRIMARY KEY, email text, phone text, raw_user_meta_data jsonb, raw_app_meta_data jsonb,
  created_at timestamptz DEFAULT now(), updated_at timestamptz DEFAULT now());
CREATE OR REPLACE FUNCTION auth.uid() RETURNS uuid LANGUAGE sql STABLE AS
  $$ SELECT nullif(current_setting('request.jwt.claim.sub', true), '')::uuid $$;
CREATE OR REPLACE FUNCTION auth.role() RETURNS text LANGUAGE sql STABLE AS
  $$ SELECT nullif(current_setting('request.jwt.claim.role', true), '')::text $$;
CREATE OR REPLACE FUNCTION auth.jwt() RETURNS jsonb LANGUAGE sql STABLE AS
  $$ SELECT coalesce(nullif(current_setting('request.jwt.claims', true), ''), '{}')::jsonb $$;
CREATE TABLE IF NOT EXISTS storage.buckets (id text PRIMARY KEY, name text NOT NULL, public boolean DEFAULT false);
CREATE TABLE IF NOT EXISTS storage.objects (
  id uuid PRIMARY KEY, bucket_id text REFERENCES storage.buckets (id), name text, owner uuid,
  created_at timestamptz DEFAULT now());
GRANT USAGE ON SCHEMA auth, storage, extensions TO anon, authenticated, service_role;)");
}

}  // namespace migralint::apply
