// platform_stub.cc: a stand-in for what a Supabase project has before its first migration, so
// that a set that applies on Supabase applies on the throwaway server too. It is NOT Supabase:
// it is written after the schemas of the supabase/postgres image (roles, grants, default
// privileges, search_path), supabase/auth (GoTrue's auth tables as its migrations leave them)
// and supabase/storage (storage.buckets, storage.objects), with the columns, keys and unique
// constraints migrations can reference (auth.users(phone) is UNIQUE, as on the platform), and
// without the services behind them. What it cannot provide: extensions that Debian's
// PostgreSQL does not ship (pg_cron, pg_net, pgmq, http, supabase_vault, pg_graphql,
// pgsodium, …); a migration that creates one fails here as it would on a server without it.
// The stand-in is more permissive than the platform in one way: migrations run as a superuser
// (on Supabase `postgres` is not one and does not own auth or storage).
#include "apply/platform_stub.h"

namespace migralint::apply {
namespace {

// Roles are cluster-wide: created once per server, each on its own so that an existing one
// does not stop the others.
constexpr const char* kRoles = R"sql(
DO $stub$
DECLARE
  r text[];
BEGIN
  FOREACH r SLICE 1 IN ARRAY ARRAY[
      ['anon', 'NOLOGIN NOINHERIT'],
      ['authenticated', 'NOLOGIN NOINHERIT'],
      ['service_role', 'NOLOGIN NOINHERIT BYPASSRLS'],
      ['authenticator', 'LOGIN NOINHERIT'],
      ['supabase_admin', 'LOGIN SUPERUSER CREATEDB CREATEROLE REPLICATION BYPASSRLS'],
      ['supabase_auth_admin', 'LOGIN NOINHERIT CREATEROLE'],
      ['supabase_storage_admin', 'LOGIN NOINHERIT CREATEROLE'],
      ['supabase_functions_admin', 'LOGIN NOINHERIT CREATEROLE'],
      ['supabase_realtime_admin', 'NOLOGIN NOINHERIT'],
      ['supabase_replication_admin', 'LOGIN REPLICATION'],
      ['supabase_read_only_user', 'LOGIN BYPASSRLS'],
      ['dashboard_user', 'NOLOGIN CREATEDB CREATEROLE REPLICATION'],
      ['pgbouncer', 'LOGIN'],
      ['pgsodium_keyiduser', 'NOLOGIN'],
      ['pgsodium_keyholder', 'NOLOGIN'],
      ['pgsodium_keymaker', 'NOLOGIN']] LOOP
    BEGIN
      EXECUTE format('CREATE ROLE %I %s', r[1], r[2]);
    EXCEPTION WHEN duplicate_object THEN NULL;
    END;
  END LOOP;
  GRANT anon, authenticated, service_role TO authenticator;
  GRANT pgsodium_keyiduser TO pgsodium_keyholder;
  GRANT pgsodium_keyholder TO pgsodium_keymaker;
END $stub$;
ALTER ROLE anon SET statement_timeout = '3s';
ALTER ROLE authenticated SET statement_timeout = '8s';
ALTER ROLE authenticator SET statement_timeout = '8s';
ALTER ROLE postgres SET search_path = "$user", public, extensions;
)sql";

// Schemas, grants and default privileges of the supabase/postgres image.
constexpr const char* kSchemas = R"sql(
CREATE SCHEMA IF NOT EXISTS extensions;
CREATE SCHEMA IF NOT EXISTS auth AUTHORIZATION supabase_auth_admin;
CREATE SCHEMA IF NOT EXISTS storage AUTHORIZATION supabase_storage_admin;
CREATE SCHEMA IF NOT EXISTS realtime;
CREATE SCHEMA IF NOT EXISTS graphql;
CREATE SCHEMA IF NOT EXISTS graphql_public;
CREATE SCHEMA IF NOT EXISTS vault;
CREATE SCHEMA IF NOT EXISTS supabase_migrations;
GRANT USAGE ON SCHEMA public, extensions, graphql_public TO postgres, anon, authenticated, service_role;
GRANT USAGE ON SCHEMA auth, storage, realtime, graphql TO anon, authenticated, service_role;
GRANT ALL ON SCHEMA auth, storage, realtime, extensions TO postgres, dashboard_user;
-- What the API roles get on everything `postgres` (the migrations) or `supabase_admin` create
-- in public and extensions.
ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA public
  GRANT ALL ON TABLES TO postgres, anon, authenticated, service_role;
ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA public
  GRANT ALL ON FUNCTIONS TO postgres, anon, authenticated, service_role;
ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA public
  GRANT ALL ON SEQUENCES TO postgres, anon, authenticated, service_role;
ALTER DEFAULT PRIVILEGES FOR ROLE supabase_admin IN SCHEMA public
  GRANT ALL ON TABLES TO postgres, anon, authenticated, service_role;
ALTER DEFAULT PRIVILEGES FOR ROLE supabase_admin IN SCHEMA public
  GRANT ALL ON FUNCTIONS TO postgres, anon, authenticated, service_role;
ALTER DEFAULT PRIVILEGES FOR ROLE supabase_admin IN SCHEMA public
  GRANT ALL ON SEQUENCES TO postgres, anon, authenticated, service_role;
ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA extensions
  GRANT ALL ON TABLES TO postgres, anon, authenticated, service_role;
ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA extensions
  GRANT ALL ON FUNCTIONS TO postgres, anon, authenticated, service_role;
ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA extensions
  GRANT ALL ON SEQUENCES TO postgres, anon, authenticated, service_role;
-- Preinstalled in `extensions` on the platform, when this server has them (contrib).
DO $stub$
DECLARE
  e text;
BEGIN
  FOREACH e IN ARRAY ARRAY['uuid-ossp', 'pgcrypto', 'pg_stat_statements'] LOOP
    IF EXISTS (SELECT FROM pg_available_extensions WHERE name = e) THEN
      EXECUTE format('CREATE EXTENSION IF NOT EXISTS %I WITH SCHEMA extensions', e);
    END IF;
  END LOOP;
END $stub$;
-- Realtime broadcasts the tables migrations add to this publication.
DO $stub$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_publication WHERE pubname = 'supabase_realtime') THEN
    CREATE PUBLICATION supabase_realtime;
  END IF;
END $stub$;
-- What the Supabase CLI records pushed migrations in.
CREATE TABLE IF NOT EXISTS supabase_migrations.schema_migrations (
  version text PRIMARY KEY, statements text[], name text);
)sql";

// GoTrue's schema (supabase/auth migrations, 2026): the tables, keys and unique constraints,
// the enums and the JWT helpers; owned by supabase_auth_admin. Left out: the tables of its
// OAuth server (oauth_authorizations, oauth_consents, oauth_client_states), WebAuthn
// (webauthn_credentials, webauthn_challenges) and custom_oauth_providers.
constexpr const char* kAuth = R"sql(
CREATE TYPE auth.aal_level AS ENUM ('aal1', 'aal2', 'aal3');
CREATE TYPE auth.code_challenge_method AS ENUM ('s256', 'plain');
CREATE TYPE auth.factor_status AS ENUM ('unverified', 'verified');
CREATE TYPE auth.factor_type AS ENUM ('totp', 'webauthn', 'phone');
CREATE TYPE auth.oauth_registration_type AS ENUM ('dynamic', 'manual');
CREATE TYPE auth.oauth_client_type AS ENUM ('public', 'confidential');
CREATE TYPE auth.one_time_token_type AS ENUM ('confirmation_token', 'reauthentication_token',
  'recovery_token', 'email_change_token_new', 'email_change_token_current', 'phone_change_token');
CREATE TABLE auth.instances (
  id uuid NOT NULL PRIMARY KEY, uuid uuid, raw_base_config text,
  created_at timestamptz, updated_at timestamptz);
CREATE TABLE auth.users (
  instance_id uuid,
  id uuid NOT NULL,
  aud varchar(255),
  role varchar(255),
  email varchar(255),
  encrypted_password varchar(255),
  email_confirmed_at timestamptz,
  invited_at timestamptz,
  confirmation_token varchar(255),
  confirmation_sent_at timestamptz,
  recovery_token varchar(255),
  recovery_sent_at timestamptz,
  email_change_token_new varchar(255),
  email_change varchar(255),
  email_change_sent_at timestamptz,
  last_sign_in_at timestamptz,
  raw_app_meta_data jsonb,
  raw_user_meta_data jsonb,
  is_super_admin boolean,
  created_at timestamptz,
  updated_at timestamptz,
  phone text DEFAULT NULL::character varying,
  phone_confirmed_at timestamptz,
  phone_change text DEFAULT ''::character varying,
  phone_change_token varchar(255) DEFAULT ''::character varying,
  phone_change_sent_at timestamptz,
  confirmed_at timestamptz GENERATED ALWAYS AS (LEAST(email_confirmed_at, phone_confirmed_at)) STORED,
  email_change_token_current varchar(255) DEFAULT ''::character varying,
  email_change_confirm_status smallint DEFAULT 0,
  banned_until timestamptz,
  reauthentication_token varchar(255) DEFAULT ''::character varying,
  reauthentication_sent_at timestamptz,
  is_sso_user boolean NOT NULL DEFAULT false,
  deleted_at timestamptz,
  is_anonymous boolean NOT NULL DEFAULT false,
  CONSTRAINT users_pkey PRIMARY KEY (id),
  CONSTRAINT users_phone_key UNIQUE (phone),
  CONSTRAINT users_email_change_confirm_status_check
    CHECK (email_change_confirm_status >= 0 AND email_change_confirm_status <= 2));
CREATE UNIQUE INDEX users_email_partial_key ON auth.users (email) WHERE is_sso_user = false;
CREATE UNIQUE INDEX confirmation_token_idx ON auth.users (confirmation_token)
  WHERE confirmation_token !~ '^[0-9 ]*$';
CREATE UNIQUE INDEX recovery_token_idx ON auth.users (recovery_token)
  WHERE recovery_token !~ '^[0-9 ]*$';
CREATE UNIQUE INDEX email_change_token_new_idx ON auth.users (email_change_token_new)
  WHERE email_change_token_new !~ '^[0-9 ]*$';
CREATE UNIQUE INDEX email_change_token_current_idx ON auth.users (email_change_token_current)
  WHERE email_change_token_current !~ '^[0-9 ]*$';
CREATE UNIQUE INDEX reauthentication_token_idx ON auth.users (reauthentication_token)
  WHERE reauthentication_token !~ '^[0-9 ]*$';
CREATE INDEX users_instance_id_email_idx ON auth.users (instance_id, email);
CREATE INDEX users_instance_id_idx ON auth.users (instance_id);
CREATE INDEX users_is_anonymous_idx ON auth.users (is_anonymous);
CREATE TABLE auth.identities (
  provider_id text NOT NULL,
  user_id uuid NOT NULL REFERENCES auth.users (id) ON DELETE CASCADE,
  identity_data jsonb NOT NULL,
  provider text NOT NULL,
  last_sign_in_at timestamptz,
  created_at timestamptz,
  updated_at timestamptz,
  email text GENERATED ALWAYS AS (lower(identity_data ->> 'email')) STORED,
  id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
  CONSTRAINT identities_provider_id_provider_unique UNIQUE (provider_id, provider));
CREATE INDEX identities_user_id_idx ON auth.identities (user_id);
CREATE INDEX identities_email_idx ON auth.identities (email text_pattern_ops);
CREATE TABLE auth.oauth_clients (
  id uuid NOT NULL PRIMARY KEY, client_secret_hash text,
  registration_type auth.oauth_registration_type NOT NULL, redirect_uris text NOT NULL,
  grant_types text NOT NULL, client_name text, client_uri text, logo_uri text,
  created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  client_type auth.oauth_client_type NOT NULL DEFAULT 'confidential',
  token_endpoint_auth_method text NOT NULL);
CREATE TABLE auth.sessions (
  id uuid NOT NULL PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES auth.users (id) ON DELETE CASCADE,
  created_at timestamptz, updated_at timestamptz, factor_id uuid, aal auth.aal_level,
  not_after timestamptz, refreshed_at timestamp, user_agent text, ip inet, tag text,
  oauth_client_id uuid REFERENCES auth.oauth_clients (id) ON DELETE CASCADE,
  refresh_token_hmac_key text, refresh_token_counter bigint,
  scopes text CONSTRAINT sessions_scopes_length CHECK (char_length(scopes) <= 4096));
CREATE INDEX sessions_user_id_idx ON auth.sessions (user_id);
CREATE INDEX user_id_created_at_idx ON auth.sessions (user_id, created_at);
CREATE INDEX sessions_not_after_idx ON auth.sessions (not_after DESC);
CREATE TABLE auth.refresh_tokens (
  instance_id uuid, id bigserial NOT NULL PRIMARY KEY, token varchar(255),
  user_id varchar(255), revoked boolean, created_at timestamptz, updated_at timestamptz,
  parent varchar(255), session_id uuid REFERENCES auth.sessions (id) ON DELETE CASCADE,
  CONSTRAINT refresh_tokens_token_unique UNIQUE (token));
CREATE INDEX refresh_tokens_instance_id_idx ON auth.refresh_tokens (instance_id);
CREATE INDEX refresh_tokens_instance_id_user_id_idx ON auth.refresh_tokens (instance_id, user_id);
CREATE INDEX refresh_tokens_parent_idx ON auth.refresh_tokens (parent);
CREATE INDEX refresh_tokens_session_id_revoked_idx ON auth.refresh_tokens (session_id, revoked);
CREATE TABLE auth.audit_log_entries (
  instance_id uuid, id uuid NOT NULL PRIMARY KEY, payload json, created_at timestamptz,
  ip_address varchar(64) NOT NULL DEFAULT ''::character varying);
CREATE INDEX audit_logs_instance_id_idx ON auth.audit_log_entries (instance_id);
CREATE TABLE auth.mfa_factors (
  id uuid NOT NULL PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES auth.users (id) ON DELETE CASCADE,
  friendly_name text, factor_type auth.factor_type NOT NULL, status auth.factor_status NOT NULL,
  created_at timestamptz NOT NULL, updated_at timestamptz NOT NULL, secret text, phone text,
  last_challenged_at timestamptz, web_authn_credential jsonb, web_authn_aaguid uuid,
  last_webauthn_challenge_data jsonb,
  CONSTRAINT mfa_factors_last_challenged_at_key UNIQUE (last_challenged_at));
CREATE UNIQUE INDEX mfa_factors_user_friendly_name_unique ON auth.mfa_factors
  (friendly_name, user_id) WHERE TRIM(BOTH FROM friendly_name) <> '';
CREATE UNIQUE INDEX unique_phone_factor_per_user ON auth.mfa_factors (user_id, phone);
CREATE INDEX mfa_factors_user_id_idx ON auth.mfa_factors (user_id);
CREATE INDEX factor_id_created_at_idx ON auth.mfa_factors (user_id, created_at);
CREATE TABLE auth.mfa_challenges (
  id uuid NOT NULL PRIMARY KEY,
  factor_id uuid NOT NULL,
  created_at timestamptz NOT NULL, verified_at timestamptz, ip_address inet NOT NULL,
  otp_code text, web_authn_session_data jsonb,
  CONSTRAINT mfa_challenges_auth_factor_id_fkey FOREIGN KEY (factor_id)
    REFERENCES auth.mfa_factors (id) ON DELETE CASCADE);
CREATE INDEX mfa_challenge_created_at_idx ON auth.mfa_challenges (created_at DESC);
CREATE TABLE auth.mfa_amr_claims (
  session_id uuid NOT NULL REFERENCES auth.sessions (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL, updated_at timestamptz NOT NULL,
  authentication_method text NOT NULL, id uuid NOT NULL,
  CONSTRAINT amr_id_pk PRIMARY KEY (id),
  CONSTRAINT mfa_amr_claims_session_id_authentication_method_pkey
    UNIQUE (session_id, authentication_method));
CREATE TABLE auth.one_time_tokens (
  id uuid NOT NULL PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES auth.users (id) ON DELETE CASCADE,
  token_type auth.one_time_token_type NOT NULL,
  token_hash text NOT NULL CHECK (char_length(token_hash) > 0),
  relates_to text NOT NULL,
  created_at timestamp NOT NULL DEFAULT now(), updated_at timestamp NOT NULL DEFAULT now());
CREATE UNIQUE INDEX one_time_tokens_user_id_token_type_key ON auth.one_time_tokens
  (user_id, token_type);
CREATE INDEX one_time_tokens_token_hash_hash_idx ON auth.one_time_tokens USING hash (token_hash);
CREATE INDEX one_time_tokens_relates_to_hash_idx ON auth.one_time_tokens USING hash (relates_to);
CREATE TABLE auth.flow_state (
  id uuid NOT NULL PRIMARY KEY, user_id uuid, auth_code text,
  code_challenge_method auth.code_challenge_method, code_challenge text,
  provider_type text NOT NULL, provider_access_token text, provider_refresh_token text,
  created_at timestamptz, updated_at timestamptz, authentication_method text NOT NULL,
  auth_code_issued_at timestamptz, invite_token text, referrer text,
  oauth_client_state_id uuid, linking_target_id uuid, email_optional boolean NOT NULL DEFAULT false);
CREATE INDEX idx_auth_code ON auth.flow_state (auth_code);
CREATE INDEX idx_user_id_auth_method ON auth.flow_state (user_id, authentication_method);
CREATE TABLE auth.sso_providers (
  id uuid NOT NULL PRIMARY KEY, resource_id text, created_at timestamptz, updated_at timestamptz,
  disabled boolean,
  CONSTRAINT "resource_id not empty" CHECK (resource_id = null OR char_length(resource_id) > 0));
CREATE UNIQUE INDEX sso_providers_resource_id_idx ON auth.sso_providers (lower(resource_id));
CREATE TABLE auth.sso_domains (
  id uuid NOT NULL PRIMARY KEY,
  sso_provider_id uuid NOT NULL REFERENCES auth.sso_providers (id) ON DELETE CASCADE,
  domain text NOT NULL CONSTRAINT "domain not empty" CHECK (char_length(domain) > 0),
  created_at timestamptz, updated_at timestamptz);
CREATE UNIQUE INDEX sso_domains_domain_idx ON auth.sso_domains (lower(domain));
CREATE TABLE auth.saml_providers (
  id uuid NOT NULL PRIMARY KEY,
  sso_provider_id uuid NOT NULL REFERENCES auth.sso_providers (id) ON DELETE CASCADE,
  entity_id text NOT NULL UNIQUE CONSTRAINT "entity_id not empty" CHECK (char_length(entity_id) > 0),
  metadata_xml text NOT NULL CONSTRAINT "metadata_xml not empty" CHECK (char_length(metadata_xml) > 0),
  metadata_url text
    CONSTRAINT "metadata_url not empty" CHECK (metadata_url = null OR char_length(metadata_url) > 0),
  attribute_mapping jsonb,
  created_at timestamptz, updated_at timestamptz, name_id_format text);
CREATE TABLE auth.saml_relay_states (
  id uuid NOT NULL PRIMARY KEY,
  sso_provider_id uuid NOT NULL REFERENCES auth.sso_providers (id) ON DELETE CASCADE,
  request_id text NOT NULL CONSTRAINT "request_id not empty" CHECK (char_length(request_id) > 0),
  for_email text, redirect_to text,
  created_at timestamptz, updated_at timestamptz,
  flow_state_id uuid REFERENCES auth.flow_state (id) ON DELETE CASCADE);
CREATE TABLE auth.schema_migrations (version varchar(255) NOT NULL PRIMARY KEY);
CREATE INDEX flow_state_created_at_idx ON auth.flow_state (created_at DESC);
CREATE INDEX oauth_clients_deleted_at_idx ON auth.oauth_clients (deleted_at);
CREATE INDEX refresh_tokens_updated_at_idx ON auth.refresh_tokens (updated_at DESC);
CREATE INDEX saml_providers_sso_provider_id_idx ON auth.saml_providers (sso_provider_id);
CREATE INDEX saml_relay_states_created_at_idx ON auth.saml_relay_states (created_at DESC);
CREATE INDEX saml_relay_states_for_email_idx ON auth.saml_relay_states (for_email);
CREATE INDEX saml_relay_states_sso_provider_id_idx ON auth.saml_relay_states (sso_provider_id);
CREATE INDEX sessions_oauth_client_id_idx ON auth.sessions (oauth_client_id);
CREATE INDEX sso_domains_sso_provider_id_idx ON auth.sso_domains (sso_provider_id);
CREATE INDEX sso_providers_resource_id_pattern_idx ON auth.sso_providers
  (resource_id text_pattern_ops);
-- The JWT claims PostgREST sets for each request.
CREATE FUNCTION auth.uid() RETURNS uuid LANGUAGE sql STABLE AS $$
  SELECT coalesce(nullif(current_setting('request.jwt.claim.sub', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub'))::uuid $$;
CREATE FUNCTION auth.role() RETURNS text LANGUAGE sql STABLE AS $$
  SELECT coalesce(nullif(current_setting('request.jwt.claim.role', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role'))::text $$;
CREATE FUNCTION auth.email() RETURNS text LANGUAGE sql STABLE AS $$
  SELECT coalesce(nullif(current_setting('request.jwt.claim.email', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'email'))::text $$;
CREATE FUNCTION auth.jwt() RETURNS jsonb LANGUAGE sql STABLE AS $$
  SELECT coalesce(nullif(current_setting('request.jwt.claim', true), ''),
    nullif(current_setting('request.jwt.claims', true), ''))::jsonb $$;
DO $stub$
DECLARE
  t regclass;
BEGIN
  FOR t IN SELECT c.oid FROM pg_class c WHERE c.relnamespace = 'auth'::regnamespace
                                        AND c.relkind = 'r' LOOP
    EXECUTE format('ALTER TABLE %s OWNER TO supabase_auth_admin', t);
  END LOOP;
END $stub$;
ALTER FUNCTION auth.uid() OWNER TO supabase_auth_admin;
ALTER FUNCTION auth.role() OWNER TO supabase_auth_admin;
ALTER FUNCTION auth.email() OWNER TO supabase_auth_admin;
ALTER FUNCTION auth.jwt() OWNER TO supabase_auth_admin;
GRANT ALL ON ALL TABLES IN SCHEMA auth TO postgres, dashboard_user;
GRANT ALL ON ALL SEQUENCES IN SCHEMA auth TO postgres, dashboard_user;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA auth TO postgres, dashboard_user;
)sql";

// supabase/storage's schema: buckets, objects (RLS on, no policies: access is what migrations
// grant through policies), the path helpers policies use.
constexpr const char* kStorage = R"sql(
CREATE TYPE storage.buckettype AS ENUM ('STANDARD', 'ANALYTICS');
CREATE TABLE storage.buckets (
  id text NOT NULL PRIMARY KEY,
  name text NOT NULL,
  owner uuid,
  created_at timestamptz DEFAULT now(),
  updated_at timestamptz DEFAULT now(),
  public boolean DEFAULT false,
  avif_autodetection boolean DEFAULT false,
  file_size_limit bigint,
  allowed_mime_types text[],
  owner_id text,
  type storage.buckettype NOT NULL DEFAULT 'STANDARD');
CREATE UNIQUE INDEX bname ON storage.buckets (name);
CREATE TABLE storage.objects (
  id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
  bucket_id text CONSTRAINT "objects_bucketId_fkey" REFERENCES storage.buckets (id),
  name text,
  owner uuid,
  created_at timestamptz DEFAULT now(),
  updated_at timestamptz DEFAULT now(),
  last_accessed_at timestamptz DEFAULT now(),
  metadata jsonb,
  path_tokens text[] GENERATED ALWAYS AS (string_to_array(name, '/')) STORED,
  version text,
  owner_id text,
  user_metadata jsonb);
CREATE UNIQUE INDEX bucketid_objname ON storage.objects (bucket_id, name);
CREATE INDEX name_prefix_search ON storage.objects (name text_pattern_ops);
CREATE INDEX idx_objects_bucket_id_name ON storage.objects (bucket_id, name COLLATE "C");
CREATE TABLE storage.migrations (
  id integer PRIMARY KEY, name varchar(100) NOT NULL UNIQUE, hash varchar(40) NOT NULL,
  executed_at timestamp DEFAULT CURRENT_TIMESTAMP);
CREATE TABLE storage.s3_multipart_uploads (
  id text NOT NULL PRIMARY KEY, in_progress_size bigint NOT NULL DEFAULT 0,
  upload_signature text NOT NULL, bucket_id text NOT NULL REFERENCES storage.buckets (id),
  key text COLLATE "C" NOT NULL, version text NOT NULL, owner_id text,
  created_at timestamptz NOT NULL DEFAULT now(), user_metadata jsonb);
CREATE TABLE storage.s3_multipart_uploads_parts (
  id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
  upload_id text NOT NULL REFERENCES storage.s3_multipart_uploads (id) ON DELETE CASCADE,
  size bigint NOT NULL DEFAULT 0, part_number integer NOT NULL,
  bucket_id text NOT NULL REFERENCES storage.buckets (id), key text COLLATE "C" NOT NULL,
  etag text NOT NULL, owner_id text, version text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now());
ALTER TABLE storage.buckets ENABLE ROW LEVEL SECURITY;
ALTER TABLE storage.objects ENABLE ROW LEVEL SECURITY;
ALTER TABLE storage.migrations ENABLE ROW LEVEL SECURITY;
ALTER TABLE storage.s3_multipart_uploads ENABLE ROW LEVEL SECURITY;
ALTER TABLE storage.s3_multipart_uploads_parts ENABLE ROW LEVEL SECURITY;
CREATE FUNCTION storage.foldername(name text) RETURNS text[] LANGUAGE plpgsql AS $$
DECLARE
  _parts text[];
BEGIN
  SELECT string_to_array(name, '/') INTO _parts;
  RETURN _parts[1:array_length(_parts, 1) - 1];
END $$;
CREATE FUNCTION storage.filename(name text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
  _parts text[];
BEGIN
  SELECT string_to_array(name, '/') INTO _parts;
  RETURN _parts[array_length(_parts, 1)];
END $$;
CREATE FUNCTION storage.extension(name text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
  _parts text[];
  _filename text;
BEGIN
  SELECT string_to_array(name, '/') INTO _parts;
  SELECT _parts[array_length(_parts, 1)] INTO _filename;
  RETURN reverse(split_part(reverse(_filename), '.', 1));
END $$;
CREATE FUNCTION storage.get_size_by_bucket() RETURNS TABLE (size bigint, bucket_id text)
LANGUAGE plpgsql AS $$
BEGIN
  RETURN QUERY SELECT sum((metadata ->> 'size')::int)::bigint AS size, obj.bucket_id
    FROM storage.objects AS obj GROUP BY obj.bucket_id;
END $$;
DO $stub$
DECLARE
  t regclass;
BEGIN
  FOR t IN SELECT c.oid FROM pg_class c WHERE c.relnamespace = 'storage'::regnamespace
                                        AND c.relkind = 'r' LOOP
    EXECUTE format('ALTER TABLE %s OWNER TO supabase_storage_admin', t);
  END LOOP;
END $stub$;
GRANT ALL ON ALL TABLES IN SCHEMA storage TO postgres, dashboard_user, anon, authenticated,
  service_role;
GRANT ALL ON ALL FUNCTIONS IN SCHEMA storage TO postgres, dashboard_user, anon, authenticated,
  service_role;
)sql";

// Realtime's broadcast table and the helpers policies and triggers use (no-ops here: nothing
// listens).
constexpr const char* kRealtime = R"sql(
CREATE TABLE realtime.messages (
  topic text NOT NULL, extension text NOT NULL, payload jsonb, event text,
  private boolean DEFAULT false,
  updated_at timestamp NOT NULL DEFAULT now(), inserted_at timestamp NOT NULL DEFAULT now(),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  PRIMARY KEY (id, inserted_at)) PARTITION BY RANGE (inserted_at);
ALTER TABLE realtime.messages ENABLE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE ON realtime.messages TO anon, authenticated, service_role;
CREATE FUNCTION realtime.topic() RETURNS text LANGUAGE sql STABLE AS $$
  SELECT nullif(current_setting('realtime.topic', true), '')::text $$;
CREATE FUNCTION realtime.send(payload jsonb, event text, topic text, private boolean DEFAULT true)
RETURNS void LANGUAGE sql AS $$ SELECT $$;
CREATE FUNCTION realtime.broadcast_changes(topic_name text, event_name text,
  operation text, table_name text, table_schema text, new record, old record,
  level text DEFAULT 'ROW') RETURNS void LANGUAGE plpgsql AS $$ BEGIN END $$;
)sql";

}  // namespace

QueryResult CreatePlatformStub(Connection& db, Layout layout) {
  if (layout != Layout::kSupabase) return QueryResult{.ok = true};
  if (QueryResult r = db.Exec(kRoles); !r.ok) return r;
  // Once per database: a second call (or a database already prepared) changes nothing.
  const QueryResult present = db.Exec("SELECT FROM pg_namespace WHERE nspname = 'auth'");
  if (!present.ok) return present;
  if (!present.rows.empty()) return QueryResult{.ok = true};
  QueryResult r =
      db.Exec(std::string("BEGIN;") + kSchemas + kAuth + kStorage + kRealtime + "COMMIT;");
  if (!r.ok) db.Exec("ROLLBACK");
  return r;
}

std::vector<SessionSetting> PlatformSession(Layout layout) {
  if (layout != Layout::kSupabase) return {};
  // The platform's database default: extensions' functions resolve unqualified.
  return {{"search_path", "\"$user\", public, extensions"}};
}

}  // namespace migralint::apply
