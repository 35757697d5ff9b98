// linting.h: discovery + lint + report, shared by `lint`, `apply` and `status`.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <set>
#include <string>

#include "cli/commands.h"
#include "config/load_config.h"
#include "discover/discover.h"
#include "lint/run.h"

namespace migralint::cli {

struct Linted {
  config::KnownRules known;
  std::unique_ptr<config::ConfigResolver> configs;
  discover::Discovery discovery;
  lint::Options options;
  lint::LintResult result;
  FailOn fail_on = FailOn::kError;
};

/// Discovers the sets of `o.paths` and, unless `lint` is false, lints them (keeping the checksums
/// of the bytes linted when `checksums`: lint::Options::checksums). Usage errors are printed and
/// give null (exit 2).
std::unique_ptr<Linted> DiscoverAndLint(const CommonOptions& o, bool lint = true,
                                        bool checksums = false);

/// Prints `result` in the format of `o`; false (after a message) when the output cannot be written.
bool EmitReport(const CommonOptions& o, const lint::LintResult& result);

/// True when a finding is at or above `fail_on`.
bool FailsGate(const lint::LintResult& result, FailOn fail_on);

int UsageError(const std::string& message);

/// The display paths of the migrations the database (--database-url or DATABASE_URL) records:
/// applied, modified, failed or started. Empty without a database; nullopt (and `exit_code`)
/// when it cannot be read. (In apply_commands.cc, beside the other database steps.)
std::optional<std::set<std::string>> RecordedInDatabase(const CommonOptions& o,
                                                        const Linted& linted, int& exit_code);

/// The user's cache folder for parsed files: $MIGRALINT_CACHE_DIR, $XDG_CACHE_HOME/migralint or
/// ~/.cache/migralint (none without a home).
std::optional<std::filesystem::path> UserCacheDir();

}  // namespace migralint::cli
