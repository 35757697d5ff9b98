// goose: `<int64>_<name>.sql` with `-- +goose Up` / `-- +goose Down` sections, run by version;
// each file in a transaction with its goose_db_version insert, statements one by one, unless
// `-- +goose NO TRANSACTION` (any letter case, anywhere in the file). runners.md §2.
#include "migralint/rule.h"
#include "migralint/runner.h"
#include "runners/markers.h"

namespace migralint::runners {
namespace {

bool OptsOut(const FileUnit& unit, std::uint32_t) {
  return CommentBefore(unit, UINT32_MAX, "+goose no transaction");
}

bool Detect(const MigrationSet& set) {
  return set.layout == Layout::kNumbered && AnyHeadContains(set, "-- +goose up");
}

}  // namespace

const Runner& goose() {
  static const Runner runner{
      .name = "goose",
      .summary = "goose v3: <version>_<name>.sql by version, only the Up section",
      .history_table = "goose_db_version",
      .placeholders = "${VAR} under -- +goose ENVSUB ON",
      .sends = Sends::kOneByOne,
      .sends_opted_out = Sends::kOneByOne,
      .opt_out = "`-- +goose NO TRANSACTION`",
      .opts_out = OptsOut,
      .detect = Detect,
  };
  return runner;
}

}  // namespace migralint::runners
