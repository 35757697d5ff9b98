// builtins.cc: what PostgreSQL provides (generated), platform objects by layout, extension
// objects by extension.
#include "model/builtins.h"

#include <iterator>
#include <map>
#include <string_view>
#include <vector>

namespace migralint::model {
namespace {

#include "model/builtins_pg15.inc"

constexpr BuiltinCatalog kPg15{kPgTypes,     std::size(kPgTypes),
                               kPgFunctions, std::size(kPgFunctions),
                               kPgRelations, std::size(kPgRelations)};

}  // namespace

const BuiltinCatalog& PostgresCatalog() { return kPg15; }

void AddBuiltins(Layout layout, Schema& schema) {
  const Origin outside;
  schema.builtins = &kPg15;
  schema.schemas.emplace("public", outside);
  // Tracking tables that migration runners create themselves, before the first migration.
  for (const char* name :
       {"public.schema_migrations", "public.migrations", "public.__diesel_schema_migrations",
        "public._prisma_migrations", "public.flyway_schema_history", "public.goose_db_version",
        "public.schema_version", "supabase_migrations.schema_migrations",
        "migralint.schema_migrations"}) {
    schema.externals.insert(name);
  }
  if (layout != Layout::kSupabase) return;
  for (const char* name :
       {"auth", "storage", "extensions", "realtime", "graphql", "graphql_public", "vault"}) {
    schema.schemas.emplace(name, outside);
  }
  // What the platform stand-in (src/apply/platform_stub.cc) creates: keep the two in step.
  for (const char* name : {"supabase_migrations"}) schema.schemas.emplace(name, outside);
  for (const char* name :
       {// GoTrue
        "auth.users", "auth.identities", "auth.sessions", "auth.refresh_tokens",
        "auth.audit_log_entries", "auth.mfa_factors", "auth.mfa_challenges", "auth.mfa_amr_claims",
        "auth.one_time_tokens", "auth.instances", "auth.flow_state", "auth.sso_providers",
        "auth.sso_domains", "auth.saml_providers", "auth.saml_relay_states",
        "auth.schema_migrations", "auth.oauth_clients", "auth.oauth_registration_type",
        "auth.oauth_client_type", "auth.aal_level", "auth.code_challenge_method",
        "auth.factor_status", "auth.factor_type", "auth.one_time_token_type", "auth.uid",
        "auth.jwt", "auth.role", "auth.email",
        // storage-api
        "storage.objects", "storage.buckets", "storage.migrations", "storage.s3_multipart_uploads",
        "storage.s3_multipart_uploads_parts", "storage.buckettype", "storage.foldername",
        "storage.filename", "storage.extension", "storage.get_size_by_bucket",
        // realtime
        "realtime.messages", "realtime.topic", "realtime.send", "realtime.broadcast_changes",
        // preinstalled in `extensions` (uuid-ossp, pgcrypto)
        "extensions.uuid_generate_v1", "extensions.uuid_generate_v4", "extensions.uuid_nil",
        "extensions.gen_random_uuid", "extensions.crypt", "extensions.gen_salt",
        "extensions.digest", "extensions.hmac", "extensions.gen_random_bytes",
        "extensions.pg_stat_statements",
        // supabase_vault: preinstalled on the platform, not in the stand-in (no such extension)
        "vault.secrets", "vault.decrypted_secrets", "vault.create_secret", "vault.update_secret"}) {
    schema.externals.insert(name);
  }
}

void AddExtensionObjects(const std::string& extension, Schema& schema) {
  static const std::map<std::string, std::vector<const char*>> kObjects = {
      {"citext", {"public.citext"}},
      {"hstore", {"public.hstore"}},
      {"ltree", {"public.ltree", "public.lquery"}},
      {"vector", {"public.vector", "public.halfvec", "public.sparsevec"}},
      {"postgis", {"public.geometry", "public.geography", "public.box2d", "public.box3d"}},
      {"uuid-ossp", {"public.uuid_generate_v1", "public.uuid_generate_v4", "public.uuid_nil"}},
      {"pgcrypto",
       {"public.gen_random_uuid", "public.crypt", "public.gen_salt", "public.digest",
        "public.hmac"}},
      {"pg_trgm", {"public.similarity", "public.word_similarity"}},
      {"btree_gist", {}},
      {"btree_gin", {}},
      {"unaccent", {"public.unaccent"}},
      {"moddatetime", {"public.moddatetime"}},
      {"pg_stat_statements", {"public.pg_stat_statements"}},
      {"cube", {"public.cube"}},
      {"isn", {"public.isbn", "public.issn", "public.ean13"}},
  };
  auto it = kObjects.find(extension);
  if (it == kObjects.end()) {
    schema.externals.insert("*");  // an extension we do not know: any name may be its
    return;
  }
  for (const char* name : it->second) {
    schema.externals.insert(name);
    // Extensions created WITH SCHEMA extensions (Supabase) put them there too.
    const std::string unqualified = std::string(name).substr(7);
    schema.externals.insert("extensions." + unqualified);
  }
}

}  // namespace migralint::model
