// concurrently-in-transaction: statements PostgreSQL refuses inside a transaction block, placed
// where one is open as the set's runner executes the file (runner.h: the file's own BEGIN, the
// runner's transaction, an implicit block of a multi-statement query or pipeline), or in a DO
// block.
#include "migralint/rule.h"

#include <pg_query/pg_query.pb-c.h>

#include "migralint/runner.h"
#include "migralint/transactions.h"

namespace migralint::rules {
namespace {

void Check(RuleContext& ctx, const FileUnit& unit) {
  const FileExecution execution(unit, ctx.config());
  for (const Statement& s : unit.statements) {
    if (!s.node) continue;
    const std::string what = RefusesTransactionBlock(s.node);
    if (what.empty()) continue;
    Block block;
    if (s.IsNested())
      block = {"inside a DO block or function, which always runs in a transaction",
               "move it out of the block, into a file of its own"};
    else
      block = execution.BlockAt(s);
    if (block.why.empty()) continue;
    ctx.Report(unit, s.begin, s.end,
               what + " cannot run inside a transaction block, and this one is " + block.why,
               block.fix);
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
