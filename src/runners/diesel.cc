// Diesel: `migrations/<version>_<name>/up.sql` (+ down.sql) by version; each in a transaction,
// sent as one simple query, unless the folder's metadata.toml says `run_in_transaction = false`
// — or exists without that key (its serde default is false). runners.md §2.
#include "migralint/rule.h"
#include "migralint/runner.h"
#include "runners/markers.h"

namespace migralint::runners {
namespace {

bool MetadataSaysNoTransaction(const std::string& fs_path) {
  const std::string folder = fs_path.substr(0, fs_path.rfind('/'));
  std::error_code ec;
  if (!std::filesystem::is_regular_file(folder + "/metadata.toml", ec)) return false;
  const std::string metadata = Head(folder + "/metadata.toml");
  const std::size_t key = metadata.find("run_in_transaction");
  if (key == std::string::npos) return true;
  const std::size_t line_end = metadata.find('\n', key);
  const std::string line =
      metadata.substr(key, line_end == std::string::npos ? std::string::npos : line_end - key);
  return line.find("true") == std::string::npos;
}

bool OptsOut(const FileUnit& unit, std::uint32_t) {
  return OncePerFile(unit, MetadataSaysNoTransaction);
}

bool Detect(const MigrationSet& set) {
  if (set.layout != Layout::kFolderPerMigration) return false;
  for (const MigrationFile& file : set.migrations) {
    if (file.FileName() == "up.sql") return true;
  }
  return false;
}

}  // namespace

const Runner& diesel() {
  static const Runner runner{
      .name = "diesel",
      .summary = "Diesel: <version>_<name>/up.sql by version, down.sql are rollbacks",
      .history_table = "__diesel_schema_migrations",
      .sends = Sends::kSimpleQuery,
      .sends_opted_out = Sends::kSimpleQuery,
      .opt_out = "`run_in_transaction = false` in the migration's metadata.toml",
      .opts_out = OptsOut,
      .detect = Detect,
  };
  return runner;
}

}  // namespace migralint::runners
