// migralint: its own executor (spec §7) — each file in a transaction with its history row,
// statements one by one; not wrapped when it carries `-- migralint:no-transaction` or opens its
// own BEGIN. Detected by a migralint.lock at the set root.
#include <filesystem>

#include "migralint/rule.h"
#include "migralint/runner.h"
#include "migralint/transactions.h"

namespace migralint::runners {
namespace {

bool OptsOut(const FileUnit& unit, std::uint32_t) { return HasNoTransactionDirective(unit); }

bool Detect(const MigrationSet& set) {
  std::error_code ec;
  return set.layout != Layout::kSingleFile &&
         std::filesystem::is_regular_file(set.root / "migralint.lock", ec);
}

}  // namespace

const Runner& migralint() {
  static const Runner runner{
      .name = "migralint",
      .summary = "migralint apply: each file in a transaction with its history row",
      .history_table = "migralint.schema_migrations",
      .own_transaction_unwrapped = true,
      .opt_out = "`-- migralint:no-transaction`",
      .rerunnable = true,
      .opts_out = OptsOut,
      .detect = Detect,
  };
  return runner;
}

}  // namespace migralint::runners
