// exposure.h: what a data API (Supabase's PostgREST) serves at the end of a set — the exposed
// schemas, the API roles and who of them may reach an object — for the exposure rules.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "migralint/config.h"
#include "migralint/rule.h"
#include "migralint/schema.h"
#include "migralint/sql_words.h"

namespace migralint::exposure {

/// The roles a data API serves requests as: anonymous visitors and signed-in users.
inline const std::vector<std::string>& ApiRoles() {
  static const std::vector<std::string> kRoles = {"anon", "authenticated"};
  return kRoles;
}

/// The API roles that exist: the platform's (Supabase layout), created by the set, or named in
/// one of its grants. A plain set has none: PUBLIC alone exposes nothing to an API.
inline std::vector<std::string> ExistingApiRoles(const Schema& schema) {
  std::vector<std::string> out;
  auto named = [](const Privileges& p, const std::string& role) {
    if (p.grants.count(role)) return true;
    return std::any_of(p.columns.begin(), p.columns.end(),
                       [&](const auto& e) { return e.first.first == role; });
  };
  for (const std::string& role : ApiRoles()) {
    bool exists = schema.roles.count(role) > 0;
    for (const auto& [name, table] : schema.tables)
      exists = exists || named(table.privileges, role);
    for (const auto& [name, r] : schema.relations) exists = exists || named(r.privileges, role);
    for (const auto& [name, p] : schema.default_privileges) exists = exists || named(p, role);
    for (const auto& [name, p] : schema.schema_privileges) exists = exists || named(p, role);
    for (const auto& [name, f] : schema.functions) {
      for (const auto& [signature, o] : f.overloads) exists = exists || named(o.privileges, role);
    }
    if (exists) out.push_back(role);
  }
  return out;
}

/// True when the set's objects are served by a data API: its layout says so, its config names
/// the exposed schemas, it uses row level security, or it grants to an API role.
inline bool ApiExposedSet(const SetUnit& set, const Config& config, const Schema& schema) {
  if (set.set->layout == Layout::kSupabase || set.set->layout == Layout::kThreeTier) return true;
  if (config.exposed_schemas_set) return true;
  if (std::any_of(schema.tables.begin(), schema.tables.end(), [](const auto& entry) {
        return entry.second.rls_enabled || !entry.second.rls_origin.external();
      }))
    return true;
  return !ExistingApiRoles(schema).empty();
}

inline bool InExposedSchema(const Config& config, const std::string& schema) {
  return std::find(config.exposed_schemas.begin(), config.exposed_schemas.end(), schema) !=
         config.exposed_schemas.end();
}

/// Whether `role` may use `schema`: a schema the set created needs a USAGE grant (to the role or
/// PUBLIC); one from outside the set is taken as usable.
inline bool SchemaUsable(const Schema& schema, const std::string& name, const std::string& role) {
  auto p = schema.schema_privileges.find(name);
  if (p != schema.schema_privileges.end() && p->second.Allows(role, Privileges::kUsage))
    return true;
  auto created = schema.schemas.find(name);
  return created == schema.schemas.end() || created->second.external();
}

/// The existing API roles that hold one of `bits` on `p` (directly or through PUBLIC) and may
/// use `schema_name`: "anon", "authenticated", "anon and authenticated", or "".
inline std::string Reaching(const Schema& schema, const std::vector<std::string>& api_roles,
                            const std::string& schema_name, const Privileges& p,
                            std::uint16_t bits) {
  std::string out;
  for (const std::string& role : api_roles) {
    if (!p.Allows(role, bits) || !SchemaUsable(schema, schema_name, role)) continue;
    out += (out.empty() ? "" : " and ") + role;
  }
  return out;
}

/// Whether `role` holds one of `bits` on `p` without a GRANT naming it: through PUBLIC or
/// default privileges (PostgreSQL's, the platform's, ALTER DEFAULT PRIVILEGES).
inline bool Inherited(const Privileges& p, const std::string& role, std::uint16_t bits) {
  if (p.Allows("public", bits)) return true;
  auto granted = p.grants.find(role);
  if (granted == p.grants.end() || !(granted->second & bits)) return false;
  auto named = p.named.find(role);
  return named == p.named.end() || !(named->second & bits);
}

/// A view, materialized view or foreign table of the set that the data API serves at the end of
/// the set: in an exposed schema, and an existing API role may select from it.
struct Served {
  const std::string& name;  // "schema.name"
  const Relation& relation;
  std::string schema;    // its schema
  std::string quoted;    // its name as SQL writes it, for the help's statements
  std::string roles;     // who may select from it, as Reaching says
  const FileUnit& unit;  // the migration that created it
};

/// Calls `visit(const Served&)` for every relation the API serves, when the set is API-exposed.
template <typename Visit>
void ForEachServed(const SetUnit& set, const Config& config, const Schema& schema, Visit&& visit) {
  if (!ApiExposedSet(set, config, schema)) return;
  const std::vector<std::string> api_roles = ExistingApiRoles(schema);
  for (const auto& [name, relation] : schema.relations) {
    if (relation.origin.external()) continue;
    const std::string schema_name = name.substr(0, name.find('.'));
    if (!InExposedSchema(config, schema_name)) continue;
    std::string roles =
        Reaching(schema, api_roles, schema_name, relation.privileges, Privileges::kSelect);
    if (roles.empty()) continue;
    visit(Served{name, relation, schema_name,
                 QuoteIdent(schema_name) + "." + QuoteIdent(name.substr(name.find('.') + 1)),
                 std::move(roles),
                 *set.migrations[static_cast<std::size_t>(relation.origin.file)]});
  }
}

/// The end of the first line of the statement at `origin` in `unit`: a finding on a CREATE
/// underlines its head, not its whole body.
inline std::uint32_t FirstLineEnd(const FileUnit& unit, const Origin& origin) {
  const std::string& text = unit.source.text();
  std::uint32_t end = origin.begin;
  while (end < origin.end && end < text.size() && text[end] != '\n' && text[end] != '\r' &&
         text.compare(end, 2, "--") != 0)
    ++end;
  while (end > origin.begin && (text[end - 1] == ' ' || text[end - 1] == '\t')) --end;
  return end;
}

}  // namespace migralint::exposure
