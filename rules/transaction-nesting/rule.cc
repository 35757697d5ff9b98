// transaction-nesting: BEGIN inside an open transaction, COMMIT / ROLLBACK with none open, a
// transaction never closed.
#include "migralint/rule.h"

#include <pg_query/pg_query.pb-c.h>

#include "migralint/transactions.h"

namespace migralint::rules {
namespace {

void Check(RuleContext& ctx, const FileUnit& unit) {
  const Statement* open = nullptr;
  for (const Statement& s : unit.statements) {
    if (s.IsNested()) continue;
    switch (TransactionKind(s)) {
      case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_BEGIN:
      case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_START:
        if (open) {
          ctx.Report(unit, s.begin, s.end,
                     "BEGIN inside the transaction opened on line " +
                         std::to_string(unit.source.At(open->begin).line) +
                         ": PostgreSQL only warns, and the first COMMIT ends both",
                     "COMMIT the open transaction first, or remove this BEGIN");
        }
        open = &s;
        break;
      case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_COMMIT:
      case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_ROLLBACK:
        if (!open) {
          ctx.Report(unit, s.begin, s.end,
                     "COMMIT or ROLLBACK with no transaction open in this file: it ends the "
                     "runner's transaction, "
                     "if any, and what follows runs outside it",
                     "remove it, or open the transaction with BEGIN in this file");
        }
        open = nullptr;
        break;
      default:
        break;
    }
  }
  if (open) {
    ctx.Report(unit, open->begin, open->end,
               "transaction opened here is never committed: its changes are rolled back when the "
               "session ends",
               "end the file with COMMIT");
  }
}

}  // namespace

const Rule& transaction_nesting() {
  static const Rule rule{
      .id = "transaction-nesting",
      .severity = Severity::kError,
      .category = "transaction",
      .summary =
          "BEGIN inside an open transaction, COMMIT/ROLLBACK with none open, a transaction never "
          "closed",
      .check_file = Check,
  };
  return rule;
}

}  // namespace migralint::rules
