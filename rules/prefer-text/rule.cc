// prefer-text: varchar(n) in CREATE TABLE, ADD COLUMN or ALTER COLUMN … TYPE.
#include "migralint/rule.h"

#include <string>

#include "migralint/pg_nodes.h"

namespace migralint::rules {
namespace {

// "varchar(n)", or "" for other types (varchar without a length is text by another name).
std::string Shown(const ColumnType& type) {
  if (type.name != "varchar" || type.modifiers.empty()) return "";
  return type.Display();
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
                   ": the length limit is part of the type, so changing it later is an ALTER "
                   "COLUMN TYPE under an ACCESS EXCLUSIVE lock (a rewrite when it shrinks)",
               "use text, with a CHECK (char_length(\"" + c.name +
                   "\") <= " + std::to_string(type.modifiers.front()) +
                   ") when the limit matters: a CHECK can be replaced with NOT VALID and VALIDATE, "
                   "without locking reads");
  }
}

}  // namespace

const Rule& prefer_text() {
  static const Rule rule{
      .id = "prefer-text",
      .severity = Severity::kInfo,
      .category = "types",
      .summary = "varchar(n), where text with a CHECK on its length is easier to change",
      .check_statement = Check,
  };
  return rule;
}

}  // namespace migralint::rules
