// prefer-timestamptz: timestamp without time zone in CREATE TABLE, ADD COLUMN or ALTER COLUMN …
// TYPE.
#include "migralint/rule.h"

#include <string>

#include "migralint/pg_nodes.h"

namespace migralint::rules {
namespace {

// "timestamp" (without time zone), or "" for other types.
std::string Shown(const ColumnType& type) {
  if (type.name != "timestamp") return "";
  return type.array ? "timestamp[] (without time zone)" : "timestamp (without time zone)";
}

void Check(RuleContext& ctx, const StatementContext& s) {
  for (const pg::TypedColumn& c : pg::TypedColumns(s.statement.node)) {
    const ColumnType type = pg::TypeOf(c.type);
    const std::string shown = Shown(type);
    if (shown.empty()) continue;
    const std::uint32_t from = c.location >= 0 && c.new_column
                                   ? s.statement.parse_base + static_cast<std::uint32_t>(c.location)
                                   : s.statement.begin;
    const auto [begin, end] = s.NameSpan(c.name, from);
    ctx.Report(s.file, begin, end,
               "\"" + c.name + "\" is " + shown +
                   ": it stores a wall-clock reading, not an instant, so its meaning depends on "
                   "the time zone of whoever wrote it",
               "use timestamptz: it stores an instant and shows it in the session's time zone");
  }
}

}  // namespace

const Rule& prefer_timestamptz() {
  static const Rule rule{
      .id = "prefer-timestamptz",
      .severity = Severity::kInfo,
      .category = "types",
      .summary = "timestamp without time zone, where timestamptz stores an instant",
      .check_statement = Check,
  };
  return rule;
}

}  // namespace migralint::rules
