// exposed-foreign-table: at the end of the set, a foreign table in an exposed schema that an API
// role may select from. Foreign tables have no row level security: every row of the remote
// table is served to every caller of the API. Splinter 0017.
#include "migralint/rule.h"

#include <string>

#include "migralint/exposure.h"

namespace migralint::rules {
namespace {

void Check(RuleContext& ctx, const SetUnit& set, const Schema& schema) {
  exposure::ForEachServed(set, ctx.config(), schema, [&](const exposure::Served& s) {
    if (s.relation.kind != Relation::Kind::kForeignTable) return;
    ctx.Report(
        s.unit, s.relation.origin.begin, exposure::FirstLineEnd(s.unit, s.relation.origin),
        "foreign table \"" + s.name + "\" is in exposed schema \"" + s.schema + "\" and " +
            s.roles +
            " may select from it; a foreign table has no row level security, so every caller of "
            "the API reads all of the remote table's rows",
        "REVOKE SELECT ON " + s.quoted +
            " FROM anon, authenticated (and PUBLIC); or move it to a schema the API does not serve "
            "and expose what is needed through a function or a security_invoker view");
  });
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
