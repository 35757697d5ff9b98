// updated-at-trigger: a table with an updated_at column (option `columns`) that has no
// BEFORE UPDATE ... FOR EACH ROW trigger when the set ends, so the column goes stale.
#include <algorithm>
#include <cctype>
#include <string>
#include <utility>
#include <vector>

#include "migralint/pg_nodes.h"
#include "migralint/rule.h"

namespace migralint::rules {
namespace {

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string Quote(const std::string& name) {
  bool plain = !name.empty() && !std::isdigit(static_cast<unsigned char>(name[0])) && name != "user" && name != "order";
  for (char c : name) plain &= (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  return plain ? name : "\"" + name + "\"";
}

// Where the column is defined in its CREATE TABLE or ALTER TABLE ... ADD COLUMN, or -1.
int ColumnLocation(const PgQuery__Node* node, const std::string& column) {
  auto match = [&](const PgQuery__Node* e) {
    return e && e->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF && e->column_def->colname == column;
  };
  if (node->node_case == PG_QUERY__NODE__NODE_CREATE_STMT) {
    const auto& s = *node->create_stmt;
    for (std::size_t i = 0; i < s.n_table_elts; ++i) {
      if (match(s.table_elts[i])) return s.table_elts[i]->column_def->location;
    }
  } else if (node->node_case == PG_QUERY__NODE__NODE_ALTER_TABLE_STMT) {
    const auto& s = *node->alter_table_stmt;
    for (std::size_t i = 0; i < s.n_cmds; ++i) {
      if (s.cmds[i]->node_case != PG_QUERY__NODE__NODE_ALTER_TABLE_CMD) continue;
      if (match(s.cmds[i]->alter_table_cmd->def)) return s.cmds[i]->alter_table_cmd->def->column_def->location;
    }
  }
  return -1;
}

// The column's definition to the end of its line, else the whole creating statement.
std::pair<std::uint32_t, std::uint32_t> Span(const FileUnit& unit, const Origin& origin, const std::string& column) {
  for (const Statement& s : unit.statements) {
    if (s.begin != origin.begin || s.end != origin.end || !s.node) continue;
    const int location = ColumnLocation(s.node, column);
    if (location < 0) break;
    const std::uint32_t begin = s.parse_base + static_cast<std::uint32_t>(location);
    std::uint32_t end = begin;
    const std::string& text = unit.source.text;
    while (end < s.end && text[end] != '\n' && text[end] != '\r') ++end;
    while (end > begin && (text[end - 1] == ' ' || text[end - 1] == ',' || text[end - 1] == '\t')) --end;
    return {begin, end};
  }
  return {origin.begin, origin.end};
}

// Why the table's update triggers do not keep the column current, or "" when one does.
std::string Problem(const Table& table) {
  std::string problem = "no BEFORE UPDATE ... FOR EACH ROW trigger";
  for (const Trigger& t : table.triggers) {
    if (!t.on_update) continue;
    if (t.before && t.for_each_row) return "";
    problem = "its UPDATE trigger \"" + t.name + "\" runs " +
              (t.for_each_row ? "AFTER the row is written, too late to change NEW"
                              : "once per statement, where there is no NEW row to change");
  }
  return problem;
}

void Check(RuleContext& ctx, const SetUnit& set, const Schema& schema) {
  std::vector<std::string> names = {"updated_at", "updatedAt"};
  if (const RuleSettings* settings = ctx.config().Rule("updated-at-trigger")) {
    if (auto it = settings->options.find("columns"); it != settings->options.end()) names = it->second;
  }
  for (std::string& n : names) n = Lower(n);
  // A trigger function the set already has for this, to name in the help.
  std::string function;
  for (const auto& [qualified, f] : schema.functions) {
    if (f.returns_trigger && Lower(f.name).find("updated") != std::string::npos) function = qualified;
  }
  for (const auto& [name, table] : schema.tables) {
    for (const Column& column : table.columns) {
      if (std::find(names.begin(), names.end(), Lower(column.name)) == names.end()) continue;
      const Origin& origin = column.origin.external() ? table.origin : column.origin;
      if (origin.external()) continue;
      const std::string problem = Problem(table);
      if (problem.empty()) continue;
      const FileUnit& unit = *set.migrations[static_cast<std::size_t>(origin.file)];
      const auto [begin, end] = Span(unit, origin, column.name);
      ctx.Report(unit, begin, end,
                 "\"" + name + "\" has column \"" + column.name + "\" but " + problem +
                     ": updates leave \"" + column.name + "\" at its old value",
                 "add a row trigger that sets it: CREATE TRIGGER " + table.name + "_set_" + Lower(column.name) +
                     " BEFORE UPDATE ON " + Quote(table.schema) + "." + Quote(table.name) +
                     " FOR EACH ROW EXECUTE FUNCTION " +
                     (function.empty() ? "<a function setting NEW." + Quote(column.name) + " = now()>"
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
