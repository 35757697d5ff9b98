// transaction-nesting: BEGIN inside an open transaction, COMMIT / ROLLBACK with none open, a
// transaction never closed.
#include "migralint/rule.h"

#include <pg_query/pg_query.pb-c.h>

#include "migralint/runner.h"
#include "migralint/transactions.h"

namespace migralint::rules {
namespace {

void Check(RuleContext& ctx, const FileUnit& unit) {
  // Whether the runner has a transaction open around the file decides what a stray COMMIT or a
  // missing one does (runner.h).
  const FileExecution execution(unit, ctx.config());
  const std::string runner(execution.runner().name);
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
        // Without a transaction of the runner's, PostgreSQL only warns that none is open.
        if (!open && execution.Wrapped()) {
          ctx.Report(unit, s.begin, s.end,
                     "COMMIT or ROLLBACK with no transaction open in this file: it ends the "
                     "transaction " +
                         runner +
                         " runs the file in, and what follows (its history "
                         "row included) runs outside it",
                     "remove it, or open the transaction with BEGIN in this file");
        }
        open = nullptr;
        break;
      default:
        break;
    }
  }
  // Inside the runner's own transaction, the runner's COMMIT closes it too.
  if (open && !execution.Wrapped()) {
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
