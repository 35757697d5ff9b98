// exposed-matview: at the end of the set, a materialized view in an exposed schema that an API
// role may select from. Materialized views have no row level security: every row is served to
// every caller of the API. Splinter 0016.
#include "migralint/rule.h"

#include <cstddef>
#include <string>
#include <vector>

#include "migralint/exposure.h"
#include "migralint/sql_words.h"

namespace migralint::rules {
namespace {

void Check(RuleContext& ctx, const SetUnit& set, const Schema& schema) {
  const Config& config = ctx.config();
  if (!exposure::ApiExposedSet(set, config, schema)) return;
  const std::vector<std::string> api_roles = exposure::ExistingApiRoles(schema);
  for (const auto& [name, relation] : schema.relations) {
    if (relation.kind != Relation::Kind::kMaterializedView || relation.origin.external()) continue;
    const std::string schema_name = name.substr(0, name.find('.'));
    if (!exposure::InExposedSchema(config, schema_name)) continue;
    const std::string roles = exposure::Reaching(schema, api_roles, schema_name,
                                                 relation.privileges, Privileges::kSelect);
    if (roles.empty()) continue;
    const FileUnit& unit = *set.migrations[static_cast<std::size_t>(relation.origin.file)];
    const std::string quoted =
        QuoteIdent(schema_name) + "." + QuoteIdent(name.substr(name.find('.') + 1));
    ctx.Report(
        unit, relation.origin.begin, exposure::FirstLineEnd(unit, relation.origin),
        "materialized view \"" + name + "\" is in exposed schema \"" + schema_name + "\" and " +
            roles +
            " may select from it; a materialized view has no row level security, so every caller "
            "of the API reads all of its rows",
        "REVOKE SELECT ON " + quoted +
            " FROM anon, authenticated (and PUBLIC), and read it through a function or a "
            "security_invoker view that filters rows; or move it to a schema the API does not "
            "serve");
  }
}

}  // namespace

const Rule& exposed_matview() {
  static const Rule rule{
      .id = "exposed-matview",
      .severity = Severity::kWarning,
      .category = "security",
      .summary =
          "a materialized view in an exposed schema that the API roles may read (no row level "
          "security)",
      .check_schema = Check,
  };
  return rule;
}

}  // namespace migralint::rules
