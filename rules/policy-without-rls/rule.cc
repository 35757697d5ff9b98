// policy-without-rls: a table with policies whose row level security is off when the set ends —
// PostgreSQL ignores the policies and every role with table privileges sees every row.
#include "migralint/rule.h"

#include <string>

#include "migralint/sql_words.h"

namespace migralint::rules {
namespace {

bool Before(const Origin& a, const Origin& b) {
  return a.file != b.file ? a.file < b.file : a.begin < b.begin;
}

void Check(RuleContext& ctx, const SetUnit& set, const Schema& schema) {
  for (const auto& [name, table] : schema.tables) {
    if (table.rls_enabled || table.policies.empty()) continue;
    const Policy* first = nullptr;
    for (const Policy& p : table.policies) {
      if (!p.origin.external() && (!first || Before(p.origin, first->origin))) first = &p;
    }
    if (!first) continue;
    const FileUnit& unit = *set.migrations[static_cast<std::size_t>(first->origin.file)];
    const std::size_t n = table.policies.size();
    const std::string policies =
        n == 1 ? "policy \"" + first->name + "\""
               : std::to_string(n) + " policies (\"" + first->name + "\", ...)";
    const std::string state =
        table.rls_origin.external() ? "is never enabled" : "is disabled again later";
    ctx.Report(unit, first->origin.begin, first->origin.end,
               "\"" + name + "\" has " + policies + " but its row level security " + state +
                   ": PostgreSQL ignores the policies and every role with privileges on the table "
                   "sees every row",
               "ALTER TABLE " + QuoteIdent(table.schema) + "." + QuoteIdent(table.name) +
                   " ENABLE ROW LEVEL SECURITY");
  }
}

}  // namespace

const Rule& policy_without_rls() {
  static const Rule rule{
      .id = "policy-without-rls",
      .severity = Severity::kError,
      .category = "security",
      .summary = "policies exist on a table whose row level security is not enabled",
      .check_schema = Check,
  };
  return rule;
}

}  // namespace migralint::rules
