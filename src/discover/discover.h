// discover.h: stage 1 — find the migration sets under the paths given, in execution order.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "config/load_config.h"
#include "migralint/config.h"
#include "migralint/migration_set.h"

namespace migralint::discover {

struct Discovery {
  std::vector<MigrationSet> sets;
  /// Paths given but not lintable (missing, unreadable, nothing found): usage errors, exit 2.
  std::vector<std::string> errors;
  /// Files named on the command line: only their diagnostics are reported (empty = all).
  std::vector<std::filesystem::path> only_files;
};

/// Discovers the sets under each path; each set takes the config in effect at its folder.
/// `jobs`: threads that may scan the folders below a given one (one set each, say) in parallel.
Discovery Discover(const std::vector<std::string>& paths, config::ConfigResolver& configs,
                   unsigned jobs = 1);

/// The set a file belongs to, found by looking upward from its folder; a single-file set when
/// none holds it. Used for files named on the command line and for --stdin-filename.
MigrationSet SetContaining(const std::filesystem::path& file, config::ConfigResolver& configs);

}  // namespace migralint::discover
