// unsafe-not-null: SET NOT NULL on a live table without a validated CHECK (col IS NOT NULL) or a
// backfill first; ADD COLUMN … NOT NULL without a DEFAULT on a live table.
#include "migralint/rule.h"

#include <algorithm>
#include <cctype>
#include <string>

#include "migralint/pg_nodes.h"

namespace migralint::rules {
namespace {

bool IsNull(const PgQuery__Node* n) {
  return n && n->node_case == PG_QUERY__NODE__NODE_A_CONST && n->a_const->isnull;
}

// `col IS NULL`, alone or as one branch of an OR: the UPDATE reaches every NULL of `col`.
bool CoversNulls(const PgQuery__Node* where, const std::string& column) {
  if (!where) return true;
  if (where->node_case == PG_QUERY__NODE__NODE_NULL_TEST) {
    return where->null_test->nulltesttype == PG_QUERY__NULL_TEST_TYPE__IS_NULL &&
           pg::ColumnName(where->null_test->arg) == column;
  }
  if (where->node_case != PG_QUERY__NODE__NODE_BOOL_EXPR ||
      where->bool_expr->boolop != PG_QUERY__BOOL_EXPR_TYPE__OR_EXPR)
    return false;
  for (std::size_t i = 0; i < where->bool_expr->n_args; ++i) {
    if (CoversNulls(where->bool_expr->args[i], column)) return true;
  }
  return false;
}

// An UPDATE filling, or a DELETE removing, every NULL of the column: earlier in this migration or
// the one just before it (a backfill and its constraint are often split over two), or in any
// earlier one when the column has a DEFAULT (so rows inserted since are not NULL either).
bool Backfilled(const StatementContext& s, const std::string& table, const std::string& column,
                bool has_default) {
  return s.AnyDataEarlier(
      has_default ? 0 : std::max(0, s.file_index - 1), table, [&](const PgQuery__Node& n, int) {
        if (n.node_case == PG_QUERY__NODE__NODE_DELETE_STMT) {
          const PgQuery__DeleteStmt& d = *n.delete_stmt;
          return pg::Qualified(d.relation) == table && d.where_clause &&
                 CoversNulls(d.where_clause, column);
        }
        if (n.node_case != PG_QUERY__NODE__NODE_UPDATE_STMT) return false;
        const PgQuery__UpdateStmt& u = *n.update_stmt;
        if (pg::Qualified(u.relation) != table || !CoversNulls(u.where_clause, column))
          return false;
        for (std::size_t i = 0; i < u.n_target_list; ++i) {
          const PgQuery__Node* t = u.target_list[i];
          if (t->node_case == PG_QUERY__NODE__NODE_RES_TARGET && t->res_target->name == column &&
              !IsNull(t->res_target->val))
            return true;
        }
        return false;
      });
}

// The table was emptied earlier in this file (DELETE without WHERE, TRUNCATE) and not refilled.
bool Emptied(const StatementContext& s, const std::string& table) {
  bool empty = false;
  s.AnyDataEarlier(s.file_index, table, [&](const PgQuery__Node& n, int) {
    if (n.node_case == PG_QUERY__NODE__NODE_DELETE_STMT &&
        pg::Qualified(n.delete_stmt->relation) == table) {
      empty = empty || !n.delete_stmt->where_clause;
    } else if (n.node_case == PG_QUERY__NODE__NODE_INSERT_STMT &&
               pg::Qualified(n.insert_stmt->relation) == table) {
      empty = false;
    } else if (n.node_case == PG_QUERY__NODE__NODE_TRUNCATE_STMT) {
      for (std::size_t i = 0; i < n.truncate_stmt->n_relations; ++i) {
        const PgQuery__Node* r = n.truncate_stmt->relations[i];
        empty = empty || (r->node_case == PG_QUERY__NODE__NODE_RANGE_VAR &&
                          pg::Qualified(r->range_var) == table);
      }
    }
    return false;
  });
  return empty;
}

constexpr int kCheckProvesNotNullSince = 12;  // SET NOT NULL trusts a validated CHECK

// A validated CHECK (col IS NOT NULL) on the table: one the set created, or one the set added
// to a table from before it.
bool ValidatedCheck(const StatementContext& s, const Table* table, const std::string& name,
                    const std::string& column) {
  if (!table) {
    auto it = s.before.altered_outside.find(name);
    if (it == s.before.altered_outside.end()) return false;
    table = &it->second;
  }
  return std::any_of(
      table->constraints.begin(), table->constraints.end(), [&](const Constraint& c) {
        return c.kind == Constraint::Kind::kCheck && c.validated && c.not_null_column == column;
      });
}

void SetNotNull(RuleContext& ctx, const StatementContext& s, const Table* table,
                const std::string& name, const std::string& column, std::uint32_t from) {
  const Column* col = table ? table->FindColumn(column) : nullptr;
  if (col && col->not_null) return;  // already NOT NULL: PostgreSQL does nothing
  const int version = ctx.config().pg_version;
  const bool checked = ValidatedCheck(s, table, name, column);
  if (checked && version >= kCheckProvesNotNullSince) return;
  if (Backfilled(s, name, column, col && col->has_default)) return;
  const auto [begin, end] = s.NameSpan(column, from);
  if (checked) {
    ctx.Report(s.file, begin, end,
               "SET NOT NULL on \"" + column + "\" scans all of \"" + name +
                   "\" under an ACCESS EXCLUSIVE lock: before PostgreSQL 12 (pg_version is " +
                   std::to_string(version) + ") the validated CHECK does not spare the scan",
               "keep the validated CHECK constraint instead of NOT NULL, or run SET NOT NULL when "
               "a long lock is acceptable");
    return;
  }
  ctx.Report(s.file, begin, end,
             "SET NOT NULL on \"" + column + "\" scans all of \"" + name +
                 "\" under an ACCESS EXCLUSIVE lock (no reads or writes meanwhile) and fails if a "
                 "row is NULL",
             version >= kCheckProvesNotNullSince
                 ? "first ADD CONSTRAINT … CHECK (\"" + column +
                       "\" IS NOT NULL) NOT VALID, then VALIDATE CONSTRAINT, then SET NOT NULL "
                       "(no scan)"
                 : "backfill the NULLs first; before PostgreSQL 12 only a validated CHECK (\"" +
                       column + "\" IS NOT NULL) NOT VALID constraint avoids the long lock");
}

void AddColumn(RuleContext& ctx, const StatementContext& s, const Table* table,
               const std::string& name, const PgQuery__AlterTableCmd& cmd) {
  if (!cmd.def || cmd.def->node_case != PG_QUERY__NODE__NODE_COLUMN_DEF) return;
  const PgQuery__ColumnDef& def = *cmd.def->column_def;
  if (cmd.missing_ok && table && table->FindColumn(def.colname)) return;  // IF NOT EXISTS: a no-op
  bool not_null = def.is_not_null;
  bool has_default = def.raw_default && !IsNull(def.raw_default);
  for (std::size_t i = 0; i < def.n_constraints; ++i) {
    if (def.constraints[i]->node_case != PG_QUERY__NODE__NODE_CONSTRAINT) continue;
    const PgQuery__Constraint& c = *def.constraints[i]->constraint;
    not_null = (not_null || c.contype == PG_QUERY__CONSTR_TYPE__CONSTR_NOTNULL ||
                c.contype == PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY) &&
               c.contype != PG_QUERY__CONSTR_TYPE__CONSTR_NULL;
    has_default = has_default || c.contype == PG_QUERY__CONSTR_TYPE__CONSTR_IDENTITY ||
                  c.contype == PG_QUERY__CONSTR_TYPE__CONSTR_GENERATED ||
                  (c.contype == PG_QUERY__CONSTR_TYPE__CONSTR_DEFAULT && !IsNull(c.raw_expr));
  }
  const bool serial = pg::TypeOf(def.type_name).name.find("serial") != std::string::npos;
  if (!not_null || serial) return;
  const std::string column = def.colname;
  const auto [begin, end] =
      def.location >= 0
          ? s.NameSpan(column, s.statement.parse_base + static_cast<std::uint32_t>(def.location))
          : std::pair{s.statement.begin, s.statement.end};
  // With a default nothing fails; the rewrite a default causes before PostgreSQL 11 is
  // volatile-default's finding.
  if (has_default) return;
  ctx.Report(s.file, begin, end,
             "ADD COLUMN \"" + column + "\" NOT NULL without DEFAULT fails on existing rows of \"" +
                 name + "\"",
             "add it nullable, backfill, then SET NOT NULL through a validated CHECK constraint");
}

void Check(RuleContext& ctx, const StatementContext& s) {
  if (s.statement.node->node_case != PG_QUERY__NODE__NODE_ALTER_TABLE_STMT) return;
  const PgQuery__AlterTableStmt& stmt = *s.statement.node->alter_table_stmt;
  if (stmt.objtype != PG_QUERY__OBJECT_TYPE__OBJECT_TABLE || !stmt.relation) return;
  const std::string name = pg::Qualified(stmt.relation);
  const Table* table = s.before.FindTable(name);
  if ((table && s.SameFile(table->origin)) || Emptied(s, name)) return;  // no rows yet
  std::uint32_t from =
      s.statement.parse_base + static_cast<std::uint32_t>(std::max(stmt.relation->location, 0)) +
      static_cast<std::uint32_t>(
          std::string(stmt.relation->relname).size() +
          (*stmt.relation->schemaname ? std::string(stmt.relation->schemaname).size() + 1 : 0));
  for (std::size_t i = 0; i < stmt.n_cmds; ++i) {
    if (stmt.cmds[i]->node_case != PG_QUERY__NODE__NODE_ALTER_TABLE_CMD) continue;
    const PgQuery__AlterTableCmd& cmd = *stmt.cmds[i]->alter_table_cmd;
    if (cmd.subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_SetNotNull && cmd.name) {
      SetNotNull(ctx, s, table, name, cmd.name, from);
    } else if (cmd.subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn) {
      AddColumn(ctx, s, table, name, cmd);
    }
    // Later commands are written after this one: look for their columns from here on.
    const bool column_def = cmd.def && cmd.def->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF;
    const std::string written = cmd.name && *cmd.name ? cmd.name
                                : column_def          ? cmd.def->column_def->colname
                                                      : "";
    if (const auto span = s.NameSpan(written, from);
        !written.empty() && span.first != s.statement.begin)
      from = span.second;
  }
}

}  // namespace

const Rule& unsafe_not_null() {
  static const Rule rule{
      .id = "unsafe-not-null",
      .severity = Severity::kError,
      .category = "safety",
      .summary =
          "SET NOT NULL or ADD COLUMN … NOT NULL without DEFAULT on a table that already has rows",
      .check_statement = Check,
  };
  return rule;
}

}  // namespace migralint::rules
