// seed000: the three-tier runner of seed 000 (core, then the active theme, plugins, entities);
// its migrations are written to be run again (IF NOT EXISTS, guards), each file in a
// transaction with its row in _migrations / _content_migrations / _entity_migrations.
#include "migralint/rule.h"
#include "migralint/runner.h"
#include "migralint/transactions.h"
#include "runners/markers.h"

namespace migralint::runners {
namespace {

bool OptsOut(const FileUnit& unit, std::uint32_t) { return HasNoTransactionDirective(unit); }

bool Detect(const MigrationSet& set) { return set.layout == Layout::kThreeTier; }

}  // namespace

const Runner& seed000() {
  static const Runner runner{
      .name = "seed000",
      .summary = "three-tier: core, theme, plugin, entity migrations, each tier by version",
      .history_table = "_migrations",
      .own_transaction_unwrapped = true,
      .opt_out = "`-- migralint:no-transaction`",
      .rerunnable = true,
      .opts_out = OptsOut,
      .detect = Detect,
  };
  return runner;
}

}  // namespace migralint::runners
