// Liquibase formatted SQL: files starting `--liquibase formatted sql`, in the order of their
// changelog (`includeAll`: the folder and its sub-folders by path); each changeset in its own
// transaction, statements split on `;`, unless its `--changeset` line says
// `runInTransaction:false`. runners.md §2.
#include "migralint/rule.h"
#include "migralint/runner.h"
#include "runners/markers.h"

namespace migralint::runners {
namespace {

// The nearest `--changeset` line before `offset` carries runInTransaction:false.
bool OptsOut(const FileUnit& unit, std::uint32_t offset) {
  const Comment* changeset = nullptr;
  for (const Comment& c : unit.comments) {
    if (c.begin >= offset) break;
    if (c.text.rfind("changeset", 0) == 0) changeset = &c;
  }
  return changeset && ContainsNoCase(changeset->text, "runInTransaction:false");
}

bool Detect(const MigrationSet& set) { return set.layout == Layout::kLiquibase; }

}  // namespace

const Runner& liquibase() {
  static const Runner runner{
      .name = "liquibase",
      .summary = "Liquibase formatted SQL: changelog order (includeAll: by path), changesets",
      .history_table = "databasechangelog",
      .placeholders = "${name}",
      .keys = Keys::kPath,
      .opt_out = "`runInTransaction:false` on the --changeset line",
      .opts_out = OptsOut,
      .detect = Detect,
  };
  return runner;
}

}  // namespace migralint::runners
