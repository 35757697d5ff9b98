// rls-without-policy: at the end of the set, a table with row level security enabled and no
// policy — only its owner and roles that bypass row level security see any row.
#include "migralint/rule.h"

#include <algorithm>
#include <cstdint>
#include <string>

namespace migralint::rules {
namespace {

void Check(RuleContext& ctx, const SetUnit& set, const Schema& schema) {
  for (const auto& [name, table] : schema.tables) {
    if (!table.rls_enabled || !table.policies.empty() || table.rls_origin.external()) continue;
    // Only the API roles meet the deny-all, and only in the schemas the API serves.
    const auto& exposed = ctx.config().exposed_schemas;
    if (std::find(exposed.begin(), exposed.end(), table.schema) == exposed.end()) continue;
    const FileUnit& unit = *set.migrations[static_cast<std::size_t>(table.rls_origin.file)];
    ctx.Report(unit, table.rls_origin.begin,
               unit.source.ClauseSpan(table.rls_origin.begin, table.rls_origin.end).second,
               "row level security is enabled on \"" + name +
                   "\" but no policy is left on it: every role without BYPASSRLS (anon, "
                   "authenticated) reads and writes no row; only the owner and service_role do",
               "if only the server uses the table, this is a deny-all and fine (say so in a "
               "comment); otherwise add a policy for the roles that need rows, e.g. CREATE "
               "POLICY … FOR SELECT TO authenticated USING (user_id = (select auth.uid()))");
  }
}

}  // namespace

const Rule& rls_without_policy() {
  static const Rule rule{
      .id = "rls-without-policy",
      .severity = Severity::kInfo,
      .category = "security",
      .summary = "row level security enabled on a table with no policy (deny-all for API roles)",
      .check_schema = Check,
  };
  return rule;
}

}  // namespace migralint::rules
