// dbmate: files named `<version>…sql` with `-- migrate:up` / `-- migrate:down` sections, by file
// name; each up section in a transaction, sent as one simple query, unless
// `-- migrate:up transaction:false`. runners.md §2.
#include "migralint/rule.h"
#include "migralint/runner.h"
#include "runners/markers.h"

namespace migralint::runners {
namespace {

// Each up section has its own options: the nearest `-- migrate:up` before `offset` says.
bool OptsOut(const FileUnit& unit, std::uint32_t offset) {
  const Comment* up = nullptr;
  for (const Comment& c : unit.comments) {
    if (c.begin >= offset) break;
    if (c.text.rfind("migrate:up", 0) == 0) up = &c;
  }
  return up && up->text.find("transaction:false") != std::string::npos;
}

bool Detect(const MigrationSet& set) { return set.layout == Layout::kDbmate; }

}  // namespace

const Runner& dbmate() {
  static const Runner runner{
      .name = "dbmate",
      .summary = "dbmate: <version>*.sql by file name, only the -- migrate:up section",
      .history_table = "schema_migrations",
      .sends = Sends::kSimpleQuery,
      .sends_opted_out = Sends::kSimpleQuery,
      .opt_out = "`-- migrate:up transaction:false`",
      .opts_out = OptsOut,
      .detect = Detect,
  };
  return runner;
}

}  // namespace migralint::runners
