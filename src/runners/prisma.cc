// Prisma Migrate: `migrations/<timestamp>_<name>/migration.sql` by folder name; no transaction of
// its own — the whole file is one simple query (an implicit transaction when it holds more than
// one statement), and nothing opts out. runners.md §2.
#include "migralint/rule.h"
#include "migralint/runner.h"
#include "runners/markers.h"

namespace migralint::runners {
namespace {

bool Detect(const MigrationSet& set) {
  if (set.layout != Layout::kFolderPerMigration) return false;
  if (FoundUpward(set, "migration_lock.toml", 0)) return true;
  for (const MigrationFile& file : set.migrations) {
    if (file.FileName() == "migration.sql") return true;
  }
  return false;
}

}  // namespace

const Runner& prisma() {
  static const Runner runner{
      .name = "prisma",
      .summary = "Prisma Migrate: <timestamp>_<name>/migration.sql by folder name",
      .history_table = "_prisma_migrations",
      .wraps = false,
      .sends = Sends::kSimpleQuery,
      .sends_opted_out = Sends::kSimpleQuery,
      .keys = Keys::kFileName,
      .detect = Detect,
  };
  return runner;
}

}  // namespace migralint::runners
