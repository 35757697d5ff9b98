// exposed-matview: at the end of the set, a materialized view in an exposed schema that an API
// role may select from. Materialized views have no row level security: every row is served to
// every caller of the API. Splinter 0016.
#include "migralint/rule.h"

#include <string>

#include "migralint/exposure.h"

namespace migralint::rules {
namespace {

void Check(RuleContext& ctx, const SetUnit& set, const Schema& schema) {
  exposure::ForEachServed(set, ctx.config(), schema, [&](const exposure::Served& s) {
    if (s.relation.kind != Relation::Kind::kMaterializedView) return;
    ctx.Report(
        s.unit, s.relation.origin.begin, exposure::FirstLineEnd(s.unit, s.relation.origin),
        "materialized view \"" + s.name + "\" is in exposed schema \"" + s.schema + "\" and " +
            s.roles +
            " may select from it; a materialized view has no row level security, so every caller "
            "of the API reads all of its rows",
        "REVOKE SELECT ON " + s.quoted +
            " FROM anon, authenticated (and PUBLIC), and read it through a function or a "
            "security_invoker view that filters rows; or move it to a schema the API does not "
            "serve");
  });
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
