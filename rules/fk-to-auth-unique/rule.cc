// fk-to-auth-unique: at the end of the set, a foreign key to a table of Supabase's auth schema
// (GoTrue's, not one the set creates) that references columns other than the table's primary
// key — a unique constraint Supabase owns (auth.users(phone)), or no key at all.
#include "migralint/rule.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "migralint/sql_words.h"

namespace migralint::rules {
namespace {

struct AuthKeys {
  std::vector<std::string> primary;
  // Non-partial unique constraints and indexes (a foreign key can reference those), by name.
  std::vector<std::pair<std::string, std::vector<std::string>>> unique;
};

// GoTrue's tables as Supabase ships them (supabase/auth migrations; the same as the throwaway
// server's stand-in, src/apply/platform_stub.cc).
const std::map<std::string, AuthKeys>& GoTrueTables() {
  static const std::map<std::string, AuthKeys> kTables = {
      {"auth.users", {{"id"}, {{"users_phone_key", {"phone"}}}}},
      {"auth.identities",
       {{"id"}, {{"identities_provider_id_provider_unique", {"provider_id", "provider"}}}}},
      {"auth.sessions", {{"id"}, {}}},
      {"auth.refresh_tokens", {{"id"}, {{"refresh_tokens_token_unique", {"token"}}}}},
      {"auth.audit_log_entries", {{"id"}, {}}},
      {"auth.mfa_factors",
       {{"id"},
        {{"mfa_factors_last_challenged_at_key", {"last_challenged_at"}},
         {"unique_phone_factor_per_user", {"user_id", "phone"}}}}},
      {"auth.mfa_challenges", {{"id"}, {}}},
      {"auth.mfa_amr_claims",
       {{"id"},
        {{"mfa_amr_claims_session_id_authentication_method_pkey",
          {"session_id", "authentication_method"}}}}},
      {"auth.one_time_tokens",
       {{"id"}, {{"one_time_tokens_user_id_token_type_key", {"user_id", "token_type"}}}}},
      {"auth.instances", {{"id"}, {}}},
      {"auth.oauth_clients", {{"id"}, {}}},
      {"auth.flow_state", {{"id"}, {}}},
      {"auth.sso_providers", {{"id"}, {}}},
      {"auth.sso_domains", {{"id"}, {}}},
      {"auth.saml_providers", {{"id"}, {{"saml_providers_entity_id_key", {"entity_id"}}}}},
      {"auth.saml_relay_states", {{"id"}, {}}},
      {"auth.schema_migrations", {{"version"}, {}}},
  };
  return kTables;
}

bool SameColumns(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  return std::set<std::string>(a.begin(), a.end()) == std::set<std::string>(b.begin(), b.end());
}

std::string List(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + QuoteIdent(n);
  return out;
}

std::pair<std::uint32_t, std::uint32_t> Span(const SetUnit& set, const Constraint& fk) {
  if (fk.declared_at < 0) return {fk.origin.begin, fk.origin.end};
  return set.migrations[static_cast<std::size_t>(fk.origin.file)]->source.ClauseSpan(
      static_cast<std::uint32_t>(fk.declared_at), fk.origin.end);
}

void Check(RuleContext& ctx, const SetUnit& set, const Schema& schema) {
  const auto& gotrue = GoTrueTables();
  for (const auto& [name, table] : schema.tables) {
    for (const Constraint& fk : table.constraints) {
      // No column list: the key is the referenced table's primary key.
      if (fk.kind != Constraint::Kind::kForeignKey || fk.ref_columns.empty() ||
          fk.origin.external())
        continue;
      const auto known = gotrue.find(fk.ref_table);
      if (known == gotrue.end()) continue;
      // An auth table the set creates itself is the set's own, not Supabase's.
      const auto own = schema.tables.find(fk.ref_table);
      if (own != schema.tables.end() && !own->second.origin.external()) continue;
      const AuthKeys& keys = known->second;
      if (SameColumns(fk.ref_columns, keys.primary)) continue;
      const auto unique =
          std::find_if(keys.unique.begin(), keys.unique.end(),
                       [&](const auto& key) { return SameColumns(fk.ref_columns, key.second); });
      const std::string target = fk.ref_table + " (" + List(fk.ref_columns) + ")";
      const std::string help = "reference the primary key instead: REFERENCES " + fk.ref_table +
                               " (" + List(keys.primary) +
                               "), and read the other column through a join (or keep a copy "
                               "that a trigger on " +
                               fk.ref_table + " keeps up to date)";
      const FileUnit& unit = *set.migrations[static_cast<std::size_t>(fk.origin.file)];
      const auto [begin, end] = Span(set, fk);
      if (unique != keys.unique.end()) {
        ctx.Report(unit, begin, end,
                   "foreign key of \"" + name + "\" references " + target +
                       ", Supabase's unique constraint " + unique->first +
                       ", not the primary key: Supabase may drop or change that constraint in "
                       "an auth upgrade, which the foreign key then blocks (or the upgrade "
                       "drops the key with CASCADE)",
                   help);
      } else {
        ctx.Report(unit, begin, end,
                   "foreign key of \"" + name + "\" references " + target +
                       ", which is neither the primary key nor a unique constraint of Supabase's "
                       "auth schema: PostgreSQL rejects it (42830), and a key there would be "
                       "Supabase's to change",
                   help);
      }
    }
  }
}

}  // namespace

const Rule& fk_to_auth_unique() {
  static const Rule rule{
      .id = "fk-to-auth-unique",
      .severity = Severity::kError,
      .category = "security",
      .summary =
          "a foreign key to a unique constraint of Supabase's auth schema, not its "
          "primary key",
      .check_schema = Check,
  };
  return rule;
}

}  // namespace migralint::rules
