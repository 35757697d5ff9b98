// autovacuum-disabled: a table created or altered WITH (autovacuum_enabled = false) (or its
// TOAST table's): nothing vacuums or analyzes it unless someone does by hand.
#include "migralint/rule.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <string>

#include "migralint/pg_nodes.h"

namespace migralint::rules {
namespace {

bool False(const PgQuery__Node* arg) {
  if (!arg) return false;  // `autovacuum_enabled` alone means true
  if (arg->node_case == PG_QUERY__NODE__NODE_BOOLEAN) return !arg->boolean->boolval;
  if (arg->node_case == PG_QUERY__NODE__NODE_INTEGER) return arg->integer->ival == 0;
  // A bare word (`off`) is parsed as a type name; a keyword (`false`) as a string.
  std::string value(arg->node_case == PG_QUERY__NODE__NODE_TYPE_NAME && arg->type_name->n_names > 0
                        ? pg::Str(arg->type_name->names[arg->type_name->n_names - 1])
                        : pg::Str(arg));
  std::transform(value.begin(), value.end(), value.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return value == "false" || value == "off" || value == "0" || value == "f" || value == "no" ||
         value == "n" || value == "of" || value == "fa" || value == "fal" || value == "fals";
}

// The option turning autovacuum off, or null.
const PgQuery__DefElem* Disables(PgQuery__Node* const* options, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) {
    if (options[i]->node_case != PG_QUERY__NODE__NODE_DEF_ELEM) continue;
    const PgQuery__DefElem* d = options[i]->def_elem;
    if (d->defname && std::strcmp(d->defname, "autovacuum_enabled") == 0 && False(d->arg)) return d;
  }
  return nullptr;
}

void Check(RuleContext& ctx, const StatementContext& sc) {
  const PgQuery__Node* node = sc.statement.node;
  if (!node) return;
  const PgQuery__DefElem* option = nullptr;
  std::string table;
  if (node->node_case == PG_QUERY__NODE__NODE_CREATE_STMT) {
    const PgQuery__CreateStmt& s = *node->create_stmt;
    option = Disables(s.options, s.n_options);
    table = pg::Qualified(s.relation);
  } else if (node->node_case == PG_QUERY__NODE__NODE_ALTER_TABLE_STMT) {
    const PgQuery__AlterTableStmt& s = *node->alter_table_stmt;
    table = pg::Qualified(s.relation);
    for (std::size_t i = 0; i < s.n_cmds && !option; ++i) {
      if (s.cmds[i]->node_case != PG_QUERY__NODE__NODE_ALTER_TABLE_CMD) continue;
      const PgQuery__AlterTableCmd& cmd = *s.cmds[i]->alter_table_cmd;
      if (cmd.subtype != PG_QUERY__ALTER_TABLE_TYPE__AT_SetRelOptions || !cmd.def ||
          cmd.def->node_case != PG_QUERY__NODE__NODE_LIST)
        continue;
      option = Disables(cmd.def->list->items, cmd.def->list->n_items);
    }
  }
  if (!option) return;
  std::uint32_t begin = sc.statement.begin, end = sc.statement.end;
  if (option->location >= 0) {
    begin = sc.statement.parse_base + static_cast<std::uint32_t>(option->location);
    end = sc.file.source.ClauseSpan(begin, sc.statement.end).second;
  }
  const bool toast = option->defnamespace && std::strcmp(option->defnamespace, "toast") == 0;
  ctx.Report(sc.file, begin, end,
             "autovacuum is turned off for " + std::string(toast ? "the TOAST table of " : "") +
                 "\"" + table +
                 "\": dead rows pile up (the table and its indexes bloat), the planner's "
                 "statistics go stale, and only an anti-wraparound vacuum still runs — later, "
                 "longer, and at a time you do not choose",
             "leave autovacuum on and tune it for the table instead (autovacuum_vacuum_scale_"
             "factor, autovacuum_vacuum_cost_delay); if a job vacuums it by hand on purpose, "
             "say so in a comment and suppress");
}

}  // namespace

const Rule& autovacuum_disabled() {
  static const Rule rule{
      .id = "autovacuum-disabled",
      .severity = Severity::kInfo,
      .category = "performance",
      .summary = "a table with autovacuum_enabled = false",
      .check_statement = Check,
  };
  return rule;
}

}  // namespace migralint::rules
