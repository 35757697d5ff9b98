// transactions.cc: file directives and explicit transaction statements.
#include "migralint/transactions.h"

#include <pg_query/pg_query.pb-c.h>

#include "migralint/pg_nodes.h"

namespace migralint {

bool HasNoTransactionDirective(const FileUnit& unit) {
  if (unit.file && unit.file->no_transaction) return true;
  const std::uint32_t first = unit.statements.empty() ? ~0u : unit.statements.front().begin;
  for (const Comment& c : unit.comments) {
    if (c.text.rfind("migralint:no-transaction", 0) == 0) {
      if (c.begin < first) return true;
    }
    // dbmate marks the whole up section, wherever the marker is.
    if (c.text.rfind("migrate:up", 0) == 0 && c.text.find("transaction:false") != std::string::npos)
      return true;
  }
  return false;
}

int TransactionKind(const Statement& statement) {
  if (!statement.node || statement.node->node_case != PG_QUERY__NODE__NODE_TRANSACTION_STMT)
    return 0;
  return statement.node->transaction_stmt->kind;
}

std::string RefusesTransactionBlock(const PgQuery__Node* node) {
  if (!node) return "";
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
    case PG_QUERY__NODE__NODE_CREATE_SUBSCRIPTION_STMT:
      return "CREATE SUBSCRIPTION";
    default:
      return "";
  }
}

bool ManagesOwnTransaction(const FileUnit& unit) {
  for (const Statement& s : unit.statements) {
    if (s.IsNested()) continue;
    switch (TransactionKind(s)) {
      case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_BEGIN:
      case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_START:
      case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_COMMIT:
      case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_ROLLBACK:
        return true;
      default:
        break;
    }
  }
  return false;
}

}  // namespace migralint
