// concurrently-in-transaction: statements PostgreSQL refuses inside a transaction block, placed
// where one is open — the file's own BEGIN, the runner's per-file transaction, or a DO block.
#include "migralint/rule.h"

#include <pg_query/pg_query.pb-c.h>

#include "migralint/pg_nodes.h"
#include "migralint/transactions.h"

namespace migralint::rules {
namespace {

// What the statement is, when it cannot run in a transaction block; else "".
std::string NeedsNoTransaction(const PgQuery__Node* node) {
  switch (node->node_case) {
    case PG_QUERY__NODE__NODE_INDEX_STMT:
      return node->index_stmt->concurrent ? "CREATE INDEX CONCURRENTLY" : "";
    case PG_QUERY__NODE__NODE_DROP_STMT:
      return node->drop_stmt->concurrent ? "DROP INDEX CONCURRENTLY" : "";
    case PG_QUERY__NODE__NODE_REINDEX_STMT: {
      const auto* r = node->reindex_stmt;
      // `(CONCURRENTLY)` has no value; `(CONCURRENTLY false)` turns it off.
      const PgQuery__DefElem* concurrently = pg::Option(r->params, r->n_params, "concurrently");
      if (concurrently &&
          (!concurrently->arg || concurrently->arg->node_case != PG_QUERY__NODE__NODE_BOOLEAN ||
           concurrently->arg->boolean->boolval)) {
        return "REINDEX CONCURRENTLY";
      }
      return r->kind == PG_QUERY__REINDEX_OBJECT_TYPE__REINDEX_OBJECT_SYSTEM ||
                     r->kind == PG_QUERY__REINDEX_OBJECT_TYPE__REINDEX_OBJECT_DATABASE ||
                     r->kind == PG_QUERY__REINDEX_OBJECT_TYPE__REINDEX_OBJECT_SCHEMA
                 ? "REINDEX SCHEMA / DATABASE / SYSTEM"
                 : "";
    }
    case PG_QUERY__NODE__NODE_VACUUM_STMT:
      return node->vacuum_stmt->is_vacuumcmd ? "VACUUM" : "";
    case PG_QUERY__NODE__NODE_ALTER_SYSTEM_STMT:
      return "ALTER SYSTEM";
    case PG_QUERY__NODE__NODE_CREATEDB_STMT:
      return "CREATE DATABASE";
    case PG_QUERY__NODE__NODE_DROPDB_STMT:
      return "DROP DATABASE";
    case PG_QUERY__NODE__NODE_CREATE_TABLE_SPACE_STMT:
      return "CREATE TABLESPACE";
    case PG_QUERY__NODE__NODE_DROP_TABLE_SPACE_STMT:
      return "DROP TABLESPACE";
    default:
      return "";
  }
}

void Check(RuleContext& ctx, const FileUnit& unit) {
  const bool own = ManagesOwnTransaction(unit);
  // Files that manage their own transactions are not wrapped again.
  const bool wrapped =
      !own && ctx.config().per_file_transaction && !HasNoTransactionDirective(unit);
  bool open = false;
  for (const Statement& s : unit.statements) {
    if (!s.node) continue;
    if (!s.IsNested()) {
      const int kind = TransactionKind(s);
      if (kind == PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_BEGIN ||
          kind == PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_START) {
        open = true;
      } else if (kind == PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_COMMIT ||
                 kind == PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_ROLLBACK) {
        open = false;
      }
    }
    const std::string what = NeedsNoTransaction(s.node);
    if (what.empty()) continue;
    std::string where;
    if (s.IsNested())
      where = "inside a DO block or function, which always runs in a transaction";
    else if (open)
      where = "inside the transaction this file opens with BEGIN";
    else if (wrapped)
      where = "in a file the runner wraps in a transaction (transaction = \"per-file\")";
    else
      continue;
    ctx.Report(
        unit, s.begin, s.end,
        what + " cannot run inside a transaction block, and this one is " + where,
        s.IsNested()
            ? "move it out of the block, into a file of its own"
            : "put it in a file of its own with `-- migralint:no-transaction` in its leading "
              "comments, outside BEGIN / COMMIT");
  }
}

}  // namespace

const Rule& concurrently_in_transaction() {
  static const Rule rule{
      .id = "concurrently-in-transaction",
      .severity = Severity::kError,
      .category = "transaction",
      .summary =
          "CREATE/DROP INDEX CONCURRENTLY, VACUUM, ALTER SYSTEM… where a transaction is open",
      .check_file = Check,
  };
  return rule;
}

}  // namespace migralint::rules
