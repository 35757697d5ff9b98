// golang-migrate: `<version>_<name>.up.sql` by version; no transaction of its own — the postgres
// driver sends the whole file as one simple query (an implicit transaction when it holds more
// than one statement). runners.md §2.
#include "migralint/rule.h"
#include "migralint/runner.h"
#include "runners/markers.h"

namespace migralint::runners {
namespace {

bool Detect(const MigrationSet& set) { return set.layout == Layout::kUpDown; }

}  // namespace

const Runner& golang_migrate() {
  static const Runner runner{
      .name = "golang-migrate",
      .summary = "golang-migrate: <version>_<name>.up.sql by version, the .down.sql are rollbacks",
      .history_table = "schema_migrations",
      .wraps = false,
      .sends = Sends::kSimpleQuery,
      .sends_opted_out = Sends::kSimpleQuery,
      .detect = Detect,
  };
  return runner;
}

}  // namespace migralint::runners
