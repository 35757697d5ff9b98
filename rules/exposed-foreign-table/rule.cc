// exposed-foreign-table: at the end of the set, a foreign table in an exposed schema that an API
// role may select from. Foreign tables have no row level security: every row of the remote
// table is served to every caller of the API. Splinter 0017.
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
    if (relation.kind != Relation::Kind::kForeignTable || relation.origin.external()) continue;
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
        "foreign table \"" + name + "\" is in exposed schema \"" + schema_name + "\" and " + roles +
            " may select from it; a foreign table has no row level security, so every caller of "
            "the API reads all of the remote table's rows",
        "REVOKE SELECT ON " + quoted +
            " FROM anon, authenticated (and PUBLIC); or move it to a schema the API does not serve "
            "and expose what is needed through a function or a security_invoker view");
  }
}

}  // namespace

const Rule& exposed_foreign_table() {
  static const Rule rule{
      .id = "exposed-foreign-table",
      .severity = Severity::kWarning,
      .category = "security",
      .summary =
          "a foreign table in an exposed schema that the API roles may read (no row level "
          "security)",
      .check_schema = Check,
  };
  return rule;
}

}  // namespace migralint::rules
