// sqlx: `<i64>_<desc>.sql` or `.up.sql` / `.down.sql`, by version; the file and its
// _sqlx_migrations insert in one transaction, the file as one simple query; a file that starts
// (at byte 0) with `-- no-transaction` is not wrapped. runners.md §2.
#include "migralint/rule.h"
#include "migralint/runner.h"
#include "runners/markers.h"

namespace migralint::runners {
namespace {

bool OptsOut(const FileUnit& unit, std::uint32_t) {
  return unit.source.text().rfind("-- no-transaction", 0) == 0;
}

// Cargo.toml above the folder, or `-- no-transaction` at the start of a file; timestamped
// reversible pairs of a Rust project (`.sql.up.sql` is sqlx's own suffix doubling).
bool Detect(const MigrationSet& set) {
  if (set.layout != Layout::kUpDown && set.layout != Layout::kNumbered) return false;
  if (FoundUpward(set, "Cargo.toml") || FoundUpward(set, ".sqlx")) return true;
  for (const MigrationFile& file : set.migrations) {
    if (file.FileName().size() > 11 &&
        file.FileName().compare(file.FileName().size() - 11, 11, ".sql.up.sql") == 0)
      return true;
    if (Head(file.fs_path, 17) == "-- no-transaction") return true;
  }
  return false;
}

}  // namespace

const Runner& sqlx() {
  static const Runner runner{
      .name = "sqlx",
      .summary = "sqlx: <version>_<desc>.sql or .up.sql by version",
      .history_table = "_sqlx_migrations",
      .sends = Sends::kSimpleQuery,
      .sends_opted_out = Sends::kSimpleQuery,
      .opt_out = "`-- no-transaction` as the file's first line",
      .opts_out = OptsOut,
      .detect = Detect,
  };
  return runner;
}

}  // namespace migralint::runners
