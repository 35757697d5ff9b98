// Sqitch (pg): the changes `sqitch.plan` names, in plan order (`deploy/<change>.sql`; an earlier
// instance of a reworked change `deploy/<change>@<tag>.sql`), a required project found beside
// it deployed first; each script run with `psql --file`: no transaction but the script's own
// BEGIN / COMMIT (the `sqitch add` template has them). runners.md §2.
#include "migralint/rule.h"
#include "migralint/runner.h"

namespace migralint::runners {
namespace {

bool Detect(const MigrationSet& set) { return set.layout == Layout::kSqitch; }

}  // namespace

const Runner& sqitch() {
  static const Runner runner{
      .name = "sqitch",
      .summary = "Sqitch: deploy/<change>.sql in sqitch.plan order; revert/ and verify/ beside",
      .history_table = "sqitch.changes",
      .placeholders = ":variable (psql)",
      .wraps = false,
      .keys = Keys::kPath,
      .detect = Detect,
  };
  return runner;
}

}  // namespace migralint::runners
