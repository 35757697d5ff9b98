// security-definer-view: at the end of the set, a view in an exposed schema that an API role may
// select from and that runs with its owner's rights (no security_invoker): the row level
// security of what it reads does not hold for the caller. Splinter 0010.
#include "migralint/rule.h"

#include <cstddef>
#include <string>

#include "migralint/exposure.h"
#include "migralint/sql_words.h"

namespace migralint::rules {
namespace {

void Check(RuleContext& ctx, const SetUnit& set, const Schema& schema) {
  const Config& config = ctx.config();
  // security_invoker came with PostgreSQL 15: before it no view can be told to run as its caller.
  if (config.pg_version_set && config.pg_version < 15) return;
  if (!exposure::ApiExposedSet(set, config, schema)) return;
  const std::vector<std::string> api_roles = exposure::ExistingApiRoles(schema);
  for (const auto& [name, view] : schema.relations) {
    if (view.kind != Relation::Kind::kView || view.security_invoker || view.origin.external())
      continue;
    const std::string schema_name = name.substr(0, name.find('.'));
    if (!exposure::InExposedSchema(config, schema_name)) continue;
    const std::string roles =
        exposure::Reaching(schema, api_roles, schema_name, view.privileges, Privileges::kSelect);
    if (roles.empty()) continue;
    const FileUnit& unit = *set.migrations[static_cast<std::size_t>(view.origin.file)];
    const std::string quoted =
        QuoteIdent(schema_name) + "." + QuoteIdent(name.substr(name.find('.') + 1));
    ctx.Report(unit, view.origin.begin, exposure::FirstLineEnd(unit, view.origin),
               "view \"" + name + "\" in exposed schema \"" + schema_name +
                   "\" runs with its owner's rights (no security_invoker) and " + roles +
                   " may select from it: the row level security of the tables it reads does "
                   "not apply to them",
               "ALTER VIEW " + quoted +
                   " SET (security_invoker = true) so that it reads with the caller's rights "
                   "and policies; or REVOKE SELECT ON " +
                   quoted + " FROM anon, authenticated if the API must not serve it");
  }
}

}  // namespace

const Rule& security_definer_view() {
  static const Rule rule{
      .id = "security-definer-view",
      .severity = Severity::kError,
      .category = "security",
      .summary =
          "an API-readable view in an exposed schema without security_invoker: it "
          "bypasses the row level security of what it reads",
      .check_schema = Check,
  };
  return rule;
}

}  // namespace migralint::rules
