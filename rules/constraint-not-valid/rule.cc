// constraint-not-valid: ADD FOREIGN KEY / CHECK (or ALTER DOMAIN … ADD CONSTRAINT) on a table or
// domain that exists before this file, without NOT VALID: every row is checked under the ALTER's
// lock. And VALIDATE CONSTRAINT in the same transaction as its NOT VALID add, which keeps that
// lock through the scan anyway.
#include "migralint/rule.h"

#include <pg_query/pg_query.pb-c.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "migralint/pg_nodes.h"
#include "migralint/runner.h"
#include "migralint/sql_words.h"
#include "migralint/transaction_ids.h"

namespace migralint::rules {
namespace {

std::string Quoted(const std::string& name) { return "\"" + name + "\""; }

void Report(RuleContext& ctx, const StatementContext& s, int location, std::string message,
            std::string help, std::optional<Fix> fix = std::nullopt) {
  const std::uint32_t at = location >= 0
                               ? s.statement.parse_base + static_cast<std::uint32_t>(location)
                               : s.statement.begin;
  const auto [begin, end] = s.file.source.ClauseSpan(at, s.statement.end);
  if (fix)
    ctx.ReportWithFix(s.file, begin, end, std::move(message), std::move(help), std::move(*fix));
  else
    ctx.Report(s.file, begin, end, std::move(message), std::move(help));
}

// True when the table may be partitioned, where PostgreSQL before 18 refuses a NOT VALID foreign
// key: not created by an earlier file of the set, or created with PARTITION BY.
bool MaybePartitioned(const StatementContext& s, const Table* known) {
  if (!known || known->origin.external() ||
      known->origin.file >= static_cast<int>(s.set.migrations.size()))
    return true;
  const std::string_view text =
      s.set.migrations[static_cast<std::size_t>(known->origin.file)]->source.text();
  const std::vector<Word> words = Words(text, known->origin.begin, known->origin.end);
  for (std::size_t i = 0; i + 1 < words.size(); ++i) {
    if (words[i].Is(text, "partition") && words[i + 1].Is(text, "by")) return true;
  }
  return false;
}

// ` NOT VALID` at the end of a one-command `ALTER TABLE … ADD CONSTRAINT <name> …` and, after
// its semicolon, `ALTER TABLE <table as written> VALIDATE CONSTRAINT <name>;`: one edit, so that
// it is applied whole. Only where the two run in separate transactions — the ADD runs in no
// transaction block as the runner executes the file (then neither does the VALIDATE just after
// it) and the runner sends the file statement by statement — else the VALIDATE would scan under
// the ADD's lock (and be flagged); only for a named constraint (VALIDATE needs the name), at top
// level, and for a foreign key only on a table known not to be partitioned (before PostgreSQL 18).
std::optional<Fix> SplitValidate(const RuleContext& ctx, const StatementContext& s,
                                 const PgQuery__AlterTableStmt& stmt, const PgQuery__Constraint& c,
                                 const Table* known) {
  if (stmt.n_cmds != 1 || !c.conname || !*c.conname || s.statement.IsNested()) return std::nullopt;
  if (c.contype == PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN && ctx.config().pg_version < 18 &&
      MaybePartitioned(s, known))
    return std::nullopt;
  const FileExecution execution(s.file, ctx.config());
  if (!execution.BlockAt(s.statement).why.empty()) return std::nullopt;
  // Sent statement by statement: a file sent as one query (or pipeline) of one statement runs
  // outside a block, but with the VALIDATE added it would be one transaction.
  const Runner& runner = execution.runner();
  const bool opted = runner.opts_out && runner.opts_out(s.file, s.statement.begin);
  if ((opted ? runner.sends_opted_out : runner.sends) != Sends::kOneByOne) return std::nullopt;
  const std::string_view text = s.file.source.text();
  const std::vector<Word> words = Words(text, s.statement.begin, s.statement.end);
  // ALTER TABLE [IF EXISTS] [ONLY] name [*] ADD CONSTRAINT name …
  if (words.size() < 6 || !words[0].Is(text, "alter") || !words[1].Is(text, "table"))
    return std::nullopt;
  const std::size_t add = FindWord(text, words, "add", 2);
  if (add + 2 >= words.size() || !words[add + 1].Is(text, "constraint")) return std::nullopt;
  const Word& name = words[add + 2];
  const std::string_view table = text.substr(words[2].begin, words[add - 1].end - words[2].begin);
  // The semicolon that ends the statement, and the rest of its line when that is only blanks or
  // a -- comment (the new statement then goes on the next line).
  const std::vector<Word> after =
      Words(text, s.statement.end, static_cast<std::uint32_t>(text.size()), 1);
  if (after.empty() || after[0].plain || text[after[0].begin] != ';') return std::nullopt;
  std::uint32_t stop = after[0].end;
  const std::size_t eol = text.find('\n', stop);
  const std::uint32_t line_end = eol == std::string_view::npos
                                     ? static_cast<std::uint32_t>(text.size())
                                     : static_cast<std::uint32_t>(eol);
  std::string_view rest = text.substr(stop, line_end - stop);
  while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t')) rest.remove_prefix(1);
  if (rest.empty() || rest.starts_with("--")) stop = line_end;
  std::string out = " " + InCaseOf(text, words[0], "NOT VALID");
  out += text.substr(s.statement.end, stop - s.statement.end);
  out += "\n" + InCaseOf(text, words[0], "ALTER TABLE") + " " + std::string(table) + " " +
         InCaseOf(text, words[0], "VALIDATE CONSTRAINT") + " " +
         std::string(text.substr(name.begin, name.end - name.begin)) + ";";
  return Fix{"add it NOT VALID, then VALIDATE it in its own transaction",
             {{s.statement.end, stop, std::move(out)}}};
}

std::string Named(const PgQuery__Constraint& c) {
  return c.conname && *c.conname ? "CONSTRAINT " + Quoted(c.conname) + " " : "";
}

// What the scan holds, by kind: a CHECK is added under ACCESS EXCLUSIVE; a foreign key under
// SHARE ROW EXCLUSIVE on both tables (tests/pg/lock_claims_test.cc).
std::string Holds(const PgQuery__Constraint& c, const std::string& table) {
  if (c.contype == PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN)
    return "under a SHARE ROW EXCLUSIVE lock on " + Quoted(table) + " and on " +
           Quoted(pg::Qualified(c.pktable)) + ": writes to both wait until it is done";
  return "under an ACCESS EXCLUSIVE lock: all reads and writes wait until it is done";
}

std::string Recipe(const std::string& table, const std::string& what) {
  return "add it with NOT VALID (ALTER TABLE " + table + " ADD CONSTRAINT <name> " + what +
         " NOT VALID: new rows are checked, old ones are not, a short lock), then ALTER TABLE " +
         table +
         " VALIDATE CONSTRAINT <name> in a later migration (or after a COMMIT): it scans under "
         "SHARE UPDATE EXCLUSIVE, which lets reads and writes go on";
}

bool Checked(const PgQuery__Constraint& c) {
  return (c.contype == PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN ||
          c.contype == PG_QUERY__CONSTR_TYPE__CONSTR_CHECK) &&
         !c.skip_validation;
}

const char* KindName(const PgQuery__Constraint& c) {
  return c.contype == PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN ? "FOREIGN KEY" : "CHECK";
}

// True when `def` has a DEFAULT clause (any, even DEFAULT NULL), identity or generation
// expression: its existing rows get values.
bool HasDefault(const PgQuery__ColumnDef& def) {
  bool has_default = def.raw_default != nullptr;
  for (std::size_t i = 0; i < def.n_constraints; ++i) {
    if (def.constraints[i]->node_case != PG_QUERY__NODE__NODE_CONSTRAINT) continue;
    const PgQuery__ConstrType type = def.constraints[i]->constraint->contype;
    has_default = has_default || type == PG_QUERY__CONSTR_TYPE__CONSTR_DEFAULT ||
                  type == PG_QUERY__CONSTR_TYPE__CONSTR_IDENTITY ||
                  type == PG_QUERY__CONSTR_TYPE__CONSTR_GENERATED;
  }
  return has_default;
}

// The columns the statement adds without a DEFAULT clause.
std::vector<std::string> NewEmptyColumns(const PgQuery__AlterTableStmt& stmt) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < stmt.n_cmds; ++i) {
    if (stmt.cmds[i]->node_case != PG_QUERY__NODE__NODE_ALTER_TABLE_CMD) continue;
    const PgQuery__AlterTableCmd& cmd = *stmt.cmds[i]->alter_table_cmd;
    if (cmd.subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn && cmd.def &&
        cmd.def->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF && cmd.def->column_def->colname &&
        !HasDefault(*cmd.def->column_def))
      out.push_back(cmd.def->column_def->colname);
  }
  return out;
}

void AddConstraint(RuleContext& ctx, const StatementContext& s, const std::string& table,
                   const PgQuery__AlterTableStmt& stmt, const Table* known,
                   const PgQuery__Constraint& c, const std::vector<std::string>& new_columns) {
  if (!Checked(c)) return;
  const std::string kind = KindName(c);
  // A key on one column this statement adds without DEFAULT: declared on the column itself, it
  // would not be checked at all (PostgreSQL knows the column is all NULL).
  const std::string column = c.contype == PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN && c.n_fk_attrs == 1
                                 ? std::string(pg::Str(c.fk_attrs[0]))
                                 : "";
  const bool on_new_column = !column.empty() && std::find(new_columns.begin(), new_columns.end(),
                                                          column) != new_columns.end();
  Report(ctx, s, c.location,
         "ADD " + Named(c) + kind + " without NOT VALID checks every row of " + Quoted(table) +
             " " + Holds(c, table),
         on_new_column ? "declare the key on the new column instead (ADD COLUMN " + column +
                             " … REFERENCES …): on a column added without DEFAULT PostgreSQL "
                             "checks nothing; or " +
                             Recipe(table, kind + " (…)")
                       : Recipe(table, kind + " (…)"),
         on_new_column ? std::nullopt : SplitValidate(ctx, s, stmt, c, known));
}

// A column constraint of ADD COLUMN. PostgreSQL skips the check of a foreign key on a new column
// that has no DEFAULT clause (all its values are NULL) but not of a CHECK, nor of a key on a
// column with one, even DEFAULT NULL (tests/pg/lock_claims_test.cc).
void AddColumn(RuleContext& ctx, const StatementContext& s, const std::string& table,
               const Table* known, const PgQuery__AlterTableCmd& cmd) {
  if (!cmd.def || cmd.def->node_case != PG_QUERY__NODE__NODE_COLUMN_DEF) return;
  const PgQuery__ColumnDef& def = *cmd.def->column_def;
  if (cmd.missing_ok && known && known->FindColumn(def.colname)) return;  // IF NOT EXISTS: no-op
  const bool has_default = HasDefault(def);
  for (std::size_t i = 0; i < def.n_constraints; ++i) {
    if (def.constraints[i]->node_case != PG_QUERY__NODE__NODE_CONSTRAINT) continue;
    const PgQuery__Constraint& c = *def.constraints[i]->constraint;
    if (!Checked(c)) continue;
    const bool foreign = c.contype == PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN;
    if (foreign && !has_default) continue;
    const std::string column = Quoted(def.colname);
    Report(ctx, s, c.location,
           "ADD COLUMN " + column + " with " + (foreign ? "REFERENCES" : "CHECK") +
               " checks every row of " + Quoted(table) +
               (foreign ? " (its DEFAULT fills the column) " : " ") + Holds(c, table),
           "add the column without the constraint, then " +
               Recipe(table, foreign ? "FOREIGN KEY (" + std::string(def.colname) + ") REFERENCES …"
                                     : "CHECK (…)"));
  }
}

// The statement of this file that starts at `begin` (where the model says a constraint was
// added), or null.
const Statement* StatementAt(const FileUnit& file, std::uint32_t begin) {
  for (const Statement& st : file.statements) {
    if (st.begin == begin) return &st;
  }
  return nullptr;
}

void Validate(RuleContext& ctx, const StatementContext& s, const std::string& table,
              const Table* known, const PgQuery__AlterTableCmd& cmd) {
  if (!cmd.name) return;
  if (!known) {
    const auto outside = s.before.altered_outside.find(table);
    if (outside == s.before.altered_outside.end()) return;
    known = &outside->second;
  }
  const Constraint* added = nullptr;
  for (const Constraint& c : known->constraints) {
    if (c.name == cmd.name && !c.validated && s.SameFile(c.origin)) added = &c;
  }
  if (!added) return;
  const Statement* add = StatementAt(s.file, added->origin.begin);
  if (!add) return;
  const FileExecution execution(s.file, ctx.config());
  const std::vector<int> ids = TransactionIds(s.file, execution);
  if (ids[StatementContext::StatementIndex(s.file, *add)] !=
      ids[StatementContext::StatementIndex(s.file, s.statement)])
    return;
  const bool foreign = added->kind == Constraint::Kind::kForeignKey;
  const std::string where = execution.BlockAt(*add).why;
  Report(ctx, s, -1,
         "VALIDATE CONSTRAINT " + Quoted(cmd.name) + " runs in the same transaction as its NOT " +
             "VALID add" + (where.empty() ? "" : " (" + where + ")") + ", which holds " +
             (foreign ? "SHARE ROW EXCLUSIVE on " + Quoted(table) + " and on " +
                            Quoted(added->ref_table)
                      : "ACCESS EXCLUSIVE on " + Quoted(table)) +
             " until COMMIT: the scan runs under that lock, as without NOT VALID",
         "validate in a later migration (or after a COMMIT), so that the short lock of the NOT "
         "VALID add is released before the scan");
}

void AlterTable(RuleContext& ctx, const StatementContext& s, const PgQuery__AlterTableStmt& stmt) {
  if (stmt.objtype != PG_QUERY__OBJECT_TYPE__OBJECT_TABLE || !stmt.relation) return;
  const std::string table = pg::Qualified(stmt.relation);
  const Table* known = s.before.FindTable(table);
  if (known && s.SameFile(known->origin)) return;  // created in this file: no rows, no readers
  if (stmt.missing_ok && !known) return;           // IF EXISTS of a table that is not there
  const std::vector<std::string> new_columns = NewEmptyColumns(stmt);
  for (std::size_t i = 0; i < stmt.n_cmds; ++i) {
    if (stmt.cmds[i]->node_case != PG_QUERY__NODE__NODE_ALTER_TABLE_CMD) continue;
    const PgQuery__AlterTableCmd& cmd = *stmt.cmds[i]->alter_table_cmd;
    if (cmd.subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraint && cmd.def &&
        cmd.def->node_case == PG_QUERY__NODE__NODE_CONSTRAINT) {
      AddConstraint(ctx, s, table, stmt, known, *cmd.def->constraint, new_columns);
    } else if (cmd.subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn) {
      AddColumn(ctx, s, table, known, cmd);
    } else if (cmd.subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_ValidateConstraint) {
      Validate(ctx, s, table, known, cmd);
    }
  }
}

// ALTER DOMAIN … ADD CONSTRAINT: PostgreSQL checks every column of the domain's type, in every
// table, each under a SHARE lock.
void AlterDomain(RuleContext& ctx, const StatementContext& s,
                 const PgQuery__AlterDomainStmt& stmt) {
  if (!stmt.subtype || std::string(stmt.subtype) != "C" || !stmt.def ||
      stmt.def->node_case != PG_QUERY__NODE__NODE_CONSTRAINT)
    return;
  const PgQuery__Constraint& c = *stmt.def->constraint;
  if (c.contype != PG_QUERY__CONSTR_TYPE__CONSTR_CHECK || c.skip_validation) return;
  const std::string domain = pg::Qualified(stmt.type_name, stmt.n_type_name);
  const auto known = s.before.types.find(domain);
  if (known != s.before.types.end() && s.SameFile(known->second.origin)) return;  // new: unused
  Report(ctx, s, c.location,
         "ALTER DOMAIN " + Quoted(domain) + " ADD " + Named(c) +
             "CHECK without NOT VALID checks every column of type " + Quoted(domain) +
             " in every table, each table under a SHARE lock: writes to them wait until it is done",
         "add it with NOT VALID (ALTER DOMAIN " + domain +
             " ADD CONSTRAINT <name> CHECK (…) NOT VALID: new values are checked at once, a short "
             "lock), then ALTER DOMAIN " +
             domain +
             " VALIDATE CONSTRAINT <name> in a later migration, at a quiet time: its scan takes "
             "the same SHARE locks, but not inside the deploy's transaction");
}

void Check(RuleContext& ctx, const StatementContext& s) {
  const PgQuery__Node& node = *s.statement.node;
  if (node.node_case == PG_QUERY__NODE__NODE_ALTER_TABLE_STMT)
    AlterTable(ctx, s, *node.alter_table_stmt);
  else if (node.node_case == PG_QUERY__NODE__NODE_ALTER_DOMAIN_STMT)
    AlterDomain(ctx, s, *node.alter_domain_stmt);
}

}  // namespace

const Rule& constraint_not_valid() {
  static const Rule rule{
      .id = "constraint-not-valid",
      .severity = Severity::kWarning,
      .category = "safety",
      .summary =
          "ADD FOREIGN KEY / CHECK / domain constraint on an existing object without NOT VALID, "
          "or VALIDATE in the same transaction as the NOT VALID add: a full scan under lock",
      .check_statement = Check,
  };
  return rule;
}

}  // namespace migralint::rules
