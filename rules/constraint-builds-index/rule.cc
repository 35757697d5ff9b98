// constraint-builds-index: ADD PRIMARY KEY / UNIQUE / EXCLUDE (or a column carrying one) on a table
// that exists before this file: the index is built under the ACCESS EXCLUSIVE lock.
#include "migralint/rule.h"

#include <string>
#include <utility>

#include "migralint/pg_nodes.h"

namespace migralint::rules {
namespace {

std::string Quoted(const std::string& name) { return "\"" + name + "\""; }

const char* KindName(PgQuery__ConstrType type) {
  switch (type) {
    case PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY:
      return "PRIMARY KEY";
    case PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE:
      return "UNIQUE";
    case PG_QUERY__CONSTR_TYPE__CONSTR_EXCLUSION:
      return "EXCLUDE";
    default:
      return nullptr;
  }
}

std::string Help(PgQuery__ConstrType type, const std::string& table) {
  if (type == PG_QUERY__CONSTR_TYPE__CONSTR_EXCLUSION)
    return "an exclusion constraint cannot adopt an existing index: add it while " + Quoted(table) +
           " is small or in a maintenance window";
  const std::string kind = KindName(type);
  return "build the index first with CREATE UNIQUE INDEX CONCURRENTLY <name> ON " + table +
         " (…) in a migration not run in a transaction, then ALTER TABLE " + table +
         " ADD CONSTRAINT <name> " + kind + " USING INDEX <name> (a short lock, no build)" +
         (type == PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY
              ? "; make its columns NOT NULL first (through a validated CHECK) to avoid a scan"
              : "");
}

void Report(RuleContext& ctx, const StatementContext& s, int location, std::string message,
            std::string help) {
  const std::uint32_t at = location >= 0
                               ? s.statement.parse_base + static_cast<std::uint32_t>(location)
                               : s.statement.begin;
  const auto [begin, end] = s.file.source.ClauseSpan(at, s.statement.end);
  ctx.Report(s.file, begin, end, std::move(message), std::move(help));
}

void AddConstraint(RuleContext& ctx, const StatementContext& s, const std::string& table,
                   const PgQuery__Constraint& c) {
  const char* kind = KindName(c.contype);
  if (!kind || (c.indexname && *c.indexname)) return;  // USING INDEX: adopts a built index
  const std::string name = c.conname && *c.conname ? " " + Quoted(c.conname) : "";
  Report(ctx, s, c.location,
         std::string("ADD ") + (name.empty() ? "" : "CONSTRAINT" + name + " ") + kind +
             " builds its index on " + Quoted(table) +
             " under an ACCESS EXCLUSIVE lock: all reads and writes wait until it is built",
         Help(c.contype, table));
}

void AddColumn(RuleContext& ctx, const StatementContext& s, const std::string& table,
               const Table* known, const PgQuery__AlterTableCmd& cmd) {
  if (!cmd.def || cmd.def->node_case != PG_QUERY__NODE__NODE_COLUMN_DEF) return;
  const PgQuery__ColumnDef& def = *cmd.def->column_def;
  if (cmd.missing_ok && known && known->FindColumn(def.colname)) return;  // IF NOT EXISTS: no-op
  for (std::size_t i = 0; i < def.n_constraints; ++i) {
    if (def.constraints[i]->node_case != PG_QUERY__NODE__NODE_CONSTRAINT) continue;
    const PgQuery__Constraint& c = *def.constraints[i]->constraint;
    const char* kind = KindName(c.contype);
    if (!kind) continue;
    Report(ctx, s, def.location,
           "ADD COLUMN " + Quoted(def.colname) + " " + kind + " builds its index on " +
               Quoted(table) +
               " under an ACCESS EXCLUSIVE lock: all reads and writes wait until it is built",
           "add the column without " + std::string(kind) + ", then " + Help(c.contype, table));
  }
}

void Check(RuleContext& ctx, const StatementContext& s) {
  if (s.statement.node->node_case != PG_QUERY__NODE__NODE_ALTER_TABLE_STMT) return;
  const PgQuery__AlterTableStmt& stmt = *s.statement.node->alter_table_stmt;
  if (stmt.objtype != PG_QUERY__OBJECT_TYPE__OBJECT_TABLE || !stmt.relation) return;
  const std::string table = pg::Qualified(stmt.relation);
  const Table* known = s.before.FindTable(table);
  if (known && s.SameFile(known->origin)) return;  // created in this file: no rows, no readers
  if (stmt.missing_ok && !known) return;           // IF EXISTS of a table that is not there
  for (std::size_t i = 0; i < stmt.n_cmds; ++i) {
    if (stmt.cmds[i]->node_case != PG_QUERY__NODE__NODE_ALTER_TABLE_CMD) continue;
    const PgQuery__AlterTableCmd& cmd = *stmt.cmds[i]->alter_table_cmd;
    if (cmd.subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraint && cmd.def &&
        cmd.def->node_case == PG_QUERY__NODE__NODE_CONSTRAINT) {
      AddConstraint(ctx, s, table, *cmd.def->constraint);
    } else if (cmd.subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn) {
      AddColumn(ctx, s, table, known, cmd);
    }
  }
}

}  // namespace

const Rule& constraint_builds_index() {
  static const Rule rule{
      .id = "constraint-builds-index",
      .severity = Severity::kWarning,
      .category = "safety",
      .summary =
          "ADD PRIMARY KEY, UNIQUE or EXCLUDE without USING INDEX on a table that already "
          "exists: the index is built under an ACCESS EXCLUSIVE lock",
      .check_statement = Check,
  };
  return rule;
}

}  // namespace migralint::rules
