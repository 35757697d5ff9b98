// updated-at-trigger: a table with an updated_at column (option `columns`) that has no
// BEFORE UPDATE ... FOR EACH ROW trigger when the set ends, so the column goes stale.
#include "migralint/rule.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <utility>
#include <vector>

#include "migralint/sql_words.h"

namespace migralint::rules {
namespace {

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// The column's definition in its CREATE TABLE or ADD COLUMN, to the end of its line (before any
// comment); else the whole statement that created it.
std::pair<std::uint32_t, std::uint32_t> Span(const FileUnit& unit, const Origin& origin,
                                             const Column& column) {
  if (column.origin.external() || column.declared_at < 0) return {origin.begin, origin.end};
  return unit.source.ClauseSpan(static_cast<std::uint32_t>(column.declared_at), column.origin.end);
}

// A trigger or function name that says it keeps a modification time.
bool Suggests(const std::string& name) {
  const std::string l = Lower(name);
  for (const char* word : {"updated", "moddatetime", "modified", "touch"}) {
    if (l.find(word) != std::string::npos) return true;
  }
  return false;
}

// True when the set keeps such columns by trigger, so a table without one is an omission (and
// not a column the application or its ORM sets on every write): the layout's convention says
// so, the config names the rule, or the set has such triggers itself.
bool TriggerConvention(const SetUnit& set, const Config& config, const Schema& schema) {
  if (set.set->layout == Layout::kSupabase || set.set->layout == Layout::kThreeTier) return true;
  if (config.Rule("updated-at-trigger")) return true;
  for (const auto& [name, table] : schema.tables) {
    for (const Trigger& t : table.triggers) {
      if (Suggests(t.name) || Suggests(t.function)) return true;
    }
  }
  return false;
}

// Why the table's update triggers do not keep the column current, or "" when one does.
std::string Problem(const Table& table) {
  std::string problem = "no BEFORE UPDATE ... FOR EACH ROW trigger";
  for (const Trigger& t : table.triggers) {
    if (!t.on_update) continue;
    if (t.before && t.for_each_row) return "";
    if (!Suggests(t.name) && !Suggests(t.function)) continue;
    problem = "its UPDATE trigger \"" + t.name + "\" runs " +
              (t.for_each_row ? "AFTER the row is written, too late to change NEW"
                              : "once per statement, where there is no NEW row to change");
  }
  return problem;
}

void Check(RuleContext& ctx, const SetUnit& set, const Schema& schema) {
  std::vector<std::string> names = {"updated_at", "updatedAt"};
  if (const RuleSettings* settings = ctx.config().Rule("updated-at-trigger")) {
    if (auto it = settings->options.find("columns"); it != settings->options.end())
      names = it->second;
  }
  for (std::string& n : names) n = Lower(n);
  if (!TriggerConvention(set, ctx.config(), schema)) return;
  // A trigger function the set already has for this, to name in the help.
  std::string function;
  for (const auto& [qualified, f] : schema.functions) {
    if (f.returns_trigger && Suggests(f.name)) function = qualified;
  }
  for (const auto& [name, table] : schema.tables) {
    for (const Column& column : table.columns) {
      if (std::find(names.begin(), names.end(), Lower(column.name)) == names.end()) continue;
      const Origin& origin = column.origin.external() ? table.origin : column.origin;
      const std::string problem = Problem(table);
      if (origin.external() || problem.empty()) break;
      const FileUnit& unit = *set.migrations[static_cast<std::size_t>(origin.file)];
      const auto [begin, end] = Span(unit, origin, column);
      ctx.Report(
          unit, begin, end,
          "\"" + name + "\" has column \"" + column.name + "\" but " + problem +
              ": updates leave \"" + column.name + "\" at its old value",
          "add a row trigger that sets it: CREATE TRIGGER " + table.name + "_set_" +
              Lower(column.name) + " BEFORE UPDATE ON " + QuoteIdent(table.schema) + "." +
              QuoteIdent(table.name) + " FOR EACH ROW EXECUTE FUNCTION " +
              (function.empty() ? "<a function setting NEW." + QuoteIdent(column.name) + " = now()>"
                                : function + "()"));
      break;  // one finding per table
    }
  }
}

}  // namespace

const Rule& updated_at_trigger() {
  static const Rule rule{
      .id = "updated-at-trigger",
      .severity = Severity::kWarning,
      .category = "convention",
      .summary = "a table with an updated_at column that has no BEFORE UPDATE row trigger",
      .options = {"columns"},
      .check_schema = Check,
  };
  return rule;
}

}  // namespace migralint::rules
