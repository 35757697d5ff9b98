// security-definer-view: at the end of the set, a view in an exposed schema that an API role may
// select from and that runs with its owner's rights (no security_invoker): the row level
// security of what it reads does not hold for the caller. Splinter 0010.
#include "migralint/rule.h"

#include <string>

#include "migralint/exposure.h"

namespace migralint::rules {
namespace {

void Check(RuleContext& ctx, const SetUnit& set, const Schema& schema) {
  const Config& config = ctx.config();
  // security_invoker came with PostgreSQL 15: before it no view can be told to run as its caller.
  if (config.pg_version_set && config.pg_version < 15) return;
  exposure::ForEachServed(set, config, schema, [&](const exposure::Served& s) {
    if (s.relation.kind != Relation::Kind::kView || s.relation.security_invoker) return;
    ctx.Report(s.unit, s.relation.origin.begin, exposure::FirstLineEnd(s.unit, s.relation.origin),
               "view \"" + s.name + "\" in exposed schema \"" + s.schema +
                   "\" runs with its owner's rights (no security_invoker) and " + s.roles +
                   " may select from it: the row level security of the tables it reads does "
                   "not apply to them",
               "ALTER VIEW " + s.quoted +
                   " SET (security_invoker = true) so that it reads with the caller's rights "
                   "and policies; or REVOKE SELECT ON " +
                   s.quoted + " FROM anon, authenticated if the API must not serve it");
  });
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
