// transactions.cc: file directives and explicit transaction statements.
#include "migralint/transactions.h"

#include <pg_query/pg_query.pb-c.h>

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
