// baseline.h: migralint.baseline — the findings a set accepted when it was written (`migralint
// baseline`), which `lint` then leaves out. Keyed by rule, path and a fingerprint of the
// statement and message, never by line: edits elsewhere in a file keep an entry matching.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "lint/run.h"
#include "migralint/migration_set.h"

namespace migralint::cli {

inline constexpr std::string_view kBaselineFileName = "migralint.baseline";

struct BaselineEntry {
  std::string rule;
  std::string path;         // relative to the set root, '/'-separated
  std::string fingerprint;  // 16 hex digits (Fingerprint)
  unsigned count = 1;       // identical findings (same rule, path, statement and message)
  std::string message;      // for the reader of the file only: not compared
  std::uint32_t line = 0;   // where it was read (0: not read from a file)
};

struct BaselineFile {
  std::vector<BaselineEntry> entries;
  std::vector<std::pair<std::uint32_t, std::string>> problems;  // line, what is wrong with it
};

/// `text` with every run of whitespace made one space, and none at either end.
std::string NormaliseWhitespace(std::string_view text);

/// 16 hex digits of the sha256 of the statement (whitespace normalised) and the message.
std::string Fingerprint(std::string_view statement, std::string_view message);

/// Reads a baseline's text; a line that cannot be read is a problem, not an exception.
BaselineFile ParseBaseline(std::string_view text);

/// The file's text: a header comment, then one line per entry, sorted by path, rule, fingerprint
/// (entries with the same key merged, their counts added).
std::string FormatBaseline(std::vector<BaselineEntry> entries);

/// Each finding's entry (count 1) — rule, path relative to its set root, fingerprint — and the
/// index of its set in `sets`; a finding outside every set gets sets.size() and no entry.
/// Files with findings are read again to find their statements (the file of --stdin-filename
/// from `options.stdin_text`).
std::vector<std::pair<std::size_t, BaselineEntry>> KeysOf(const lint::LintResult& result,
                                                          const std::vector<MigrationSet>& sets,
                                                          const lint::Options& options);

/// Leaves out of `result` the findings that the baselines of `sets` list, counts them
/// (LintResult::baselined, when a set has a baseline) and adds an `unused-baseline` finding for
/// each entry that matched fewer findings than it counts, and for each unreadable line.
void ApplyBaselines(lint::LintResult& result, const std::vector<MigrationSet>& sets,
                    const lint::Options& options);

}  // namespace migralint::cli
