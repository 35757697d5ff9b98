// auth-users-exposed: at the end of the set, a view or materialized view in an exposed schema
// that reads auth.users (itself or through views that run with their owner's rights) and that an
// API role may select from: the users' e-mails, phones and metadata served to the API.
// Splinter 0002.
#include "migralint/rule.h"

#include <set>
#include <string>

#include "migralint/exposure.h"

namespace migralint::rules {
namespace {

// Whether `name` reads auth.users with its owner's rights: directly, or through views that
// themselves do (a security_invoker view reads with the caller's, who may not read auth.users).
bool ReadsAuthUsers(const Schema& schema, const std::string& name, std::set<std::string>& seen) {
  if (!seen.insert(name).second) return false;
  auto it = schema.relations.find(name);
  if (it == schema.relations.end()) return false;
  const Relation& r = it->second;
  if (r.kind == Relation::Kind::kView && r.security_invoker) return false;
  for (const std::string& read : r.reads) {
    if (read == "auth.users" || ReadsAuthUsers(schema, read, seen)) return true;
  }
  return false;
}

void Check(RuleContext& ctx, const SetUnit& set, const Schema& schema) {
  exposure::ForEachServed(set, ctx.config(), schema, [&](const exposure::Served& s) {
    if (s.relation.kind == Relation::Kind::kForeignTable) return;
    std::set<std::string> seen;
    if (!ReadsAuthUsers(schema, s.name, seen)) return;
    const bool materialized = s.relation.kind == Relation::Kind::kMaterializedView;
    ctx.Report(s.unit, s.relation.origin.begin, exposure::FirstLineEnd(s.unit, s.relation.origin),
               std::string(materialized ? "materialized view" : "view") + " \"" + s.name +
                   "\" reads auth.users and " + s.roles +
                   " may select from it through the API: the users' e-mails, phones and "
                   "metadata are served to every caller, past auth's own protection",
               "REVOKE SELECT ON " + s.quoted +
                   " FROM anon, authenticated (and PUBLIC); or move it to a schema the API does "
                   "not serve; or copy the columns you need into a table of your own with row "
                   "level security" +
                   (materialized ? "" : ", or make the view security_invoker = true"));
  });
}

}  // namespace

const Rule& auth_users_exposed() {
  static const Rule rule{
      .id = "auth-users-exposed",
      .severity = Severity::kError,
      .category = "security",
      .summary = "a view or materialized view over auth.users that the API roles may read",
      .check_schema = Check,
  };
  return rule;
}

}  // namespace migralint::rules
