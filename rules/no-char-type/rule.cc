// no-char-type: char(n) / character(n) in CREATE TABLE, ADD COLUMN or ALTER COLUMN … TYPE.
#include "migralint/rule.h"

#include <string>

#include "migralint/pg_nodes.h"

namespace migralint::rules {
namespace {

// "char(n)", or "" for other types.
std::string Shown(const ColumnType& type) {
  if (type.name != "bpchar") return "";
  std::string shown = "char";
  if (!type.modifiers.empty()) shown += "(" + std::to_string(type.modifiers.front()) + ")";
  return type.array ? shown + "[]" : shown;
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
                   ": values are padded with blanks to the length, and the blanks count or not "
                   "depending on the operator",
               "use text (with a CHECK on its length when the length matters)");
  }
}

}  // namespace

const Rule& no_char_type() {
  static const Rule rule{
      .id = "no-char-type",
      .severity = Severity::kInfo,
      .category = "types",
      .summary = "char(n), which pads its values with blanks",
      .check_statement = Check,
  };
  return rule;
}

}  // namespace migralint::rules
