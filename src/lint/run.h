// run.h: stage 5 — read, parse and lint every set; one result for the report stage.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "migralint/config.h"
#include "migralint/diagnostic.h"
#include "migralint/migration_set.h"

namespace migralint::parse {
class ParseCache;
}

namespace migralint::lint {

struct Options {
  std::vector<std::string> enable;   // --enable: on even when the config turns them off
  std::vector<std::string> disable;  // --disable
  unsigned jobs = 1;                 // files read and parsed in parallel
  /// --stdin-filename: this file's text comes from `stdin_text`, not from disk.
  std::optional<std::filesystem::path> stdin_path;
  std::string stdin_text;
  /// Open editor buffers (`migralint lsp`): each file's text comes from here, not from disk.
  std::map<std::filesystem::path, std::string> buffers;
  /// Where parsed files are kept between runs (parse::ParseCache); none: no cache.
  std::optional<std::filesystem::path> cache_dir;
  /// Parse caches the caller keeps across runs, by set root (the language server lints a set on
  /// every edit): a set's cache is taken from here (made in cache_dir the first time), not read
  /// and saved by each run. The caller trims and saves them.
  std::map<std::filesystem::path, std::unique_ptr<parse::ParseCache>>* caches = nullptr;
  /// Files named on the command line: only their findings are reported (empty = all).
  std::vector<std::filesystem::path> only_files;
  /// What the report shows beyond the findings (else a set of 100,000 files keeps lists nobody
  /// reads): SetSummary::timeline (html), LintResult::lines (text, html, sarif).
  bool timeline = false;
  bool excerpts = true;
  /// Keep the sha256 of the bytes linted of every forward migration (LintResult::checksums), for
  /// the executor: it runs those bytes and no others.
  bool checksums = false;
};

/// One file of a set, for reports that show each set's files (html).
struct SetFile {
  std::string path;     // display path
  std::string version;  // as written
  std::string tier;     // three-tier: core | theme | plugin | entity; else empty
  std::string source;   // three-tier: theme, plugin or "theme/entity" name
  std::string role;     // FileRoleName: "migration" for the forward set
};

struct SetSummary {
  std::string root;
  std::string layout;
  std::string runner;       // the runner profile executing the set (runner.h)
  std::size_t files = 0;    // forward migrations
  std::size_t others = 0;   // rollbacks, seed data, unrecognised names, inactive theme
  std::size_t skipped = 0;  // variants for other databases: not linted
  /// The forward migrations in execution order, then the other files (skipped ones included);
  /// only when Options::timeline.
  std::vector<SetFile> timeline;
};

struct LintResult {
  std::vector<SetSummary> sets;
  std::vector<Diagnostic> diagnostics;  // sorted (DiagnosticLess)
  std::size_t files = 0;                // files read
  std::size_t statements = 0;           // top-level statements parsed
  std::vector<std::string> io_errors;   // files that could not be read (exit 2)
  /// Source lines that findings start on, for excerpts: lines[path][line] = text (only with
  /// Options::excerpts).
  std::map<std::string, std::map<std::uint32_t, std::string>> lines;
  /// Under `apply` / `lint --apply`: display path -> applied | pending | modified | failed
  /// (apply::MigrationState::state). Empty for a plain `lint`.
  std::map<std::string, std::string> states;
  /// With Options::checksums: MigrationFile::fs_path -> sha256 (hex) of the bytes linted.
  std::map<std::string, std::string> checksums;
  /// Findings left out of the report (set by the CLI): matched by a migralint.baseline entry
  /// (nullopt: no baseline was read), and located in files unchanged since `changed_since`
  /// (lint --changed-since; nullopt without it).
  std::optional<std::size_t> baselined;
  std::optional<std::size_t> unchanged;
  std::string changed_since;
  /// The last set's files (texts, statements), freed with the result rather than before it is
  /// reported: a command that exits right after the report need not free them one by one.
  std::shared_ptr<const void> storage;
};

/// Lints the sets. Each set's own config (MigrationSet::config) decides severities.
LintResult Run(const std::vector<MigrationSet>& sets, const Options& options);

/// For a finding made outside Run (drift against a database): false when its rule is off;
/// else sets its severity from the config (or the rule's default).
bool Finalize(Diagnostic& finding, const Config& config, const Options& options);

}  // namespace migralint::lint
