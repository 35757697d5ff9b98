// targets.h: the fuzz entry points, shared by the libFuzzer binaries (fuzz_*.cc) and by the
// gtest that replays tests/regressions/<target>/* (tests/regressions_test.cc).
//
// Each takes the raw input bytes, runs them through one stage (or the whole pipeline), checks
// what must always hold and returns the violations found (empty = fine). A crash, leak or
// hang is the sanitizers' and libFuzzer's to report; a non-empty result makes the fuzz binary
// abort, so it is reported the same way.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "lint/run.h"
#include "migralint/diagnostic.h"
#include "migralint/source.h"

namespace migralint::fuzz {

using Problems = std::vector<std::string>;

/// The checks the entry points make, for the property tests too.
/// Every diagnostic on `source` (same path) lies inside it: lines within the file, columns
/// within their line (one past the last character is an insertion point, shown one character
/// wide), end at or after start.
void CheckSpans(const std::vector<Diagnostic>& diagnostics, const SourceFile& source,
                Problems& problems);
/// Every report format prints; JSON and SARIF output parse, with one entry per diagnostic.
/// SARIF and HTML carry every rule's documentation, which makes them 20 times slower than
/// linting a small file: the fuzz entry points check them for one input in 16 (chosen by a hash
/// of the input, so a replay checks the same).
void CheckReports(const lint::LintResult& result, Problems& problems, bool all_formats = true);
/// A file's bytes as lint sees them (the BOM removed), with its display path.
SourceFile Source(std::string bytes, const std::string& display_path);

/// One migration file's bytes through read, parse, the model, every rule and every report
/// format, in memory: a single-file set whose file's text is injected as lint's
/// --stdin-filename text (lint::Options::stdin_path / stdin_text), nothing written to disk.
/// Also: an unterminated literal or comment is a syntax-error finding.
Problems LintFile(std::string_view bytes);

/// The bytes as the text of the second file of a three-file set on disk, given on standard
/// input as an editor does (--stdin-filename): linted with its set, every report format.
Problems LintStdin(std::string_view bytes);

/// A parse-cache entry through parse::Restore: "TEXT\0ENTRY", or (no NUL) TEXT's own entry with
/// a few bytes changed. What is accepted must be a tree that can be walked.
Problems RestoreCacheEntry(std::string_view bytes);

/// migralint.toml text through config::ParseConfig with the real rule ids and options.
Problems ParseConfigText(std::string_view bytes);

/// migralint.lock text through lock::ParseLockFile; what parses must format back to the same.
Problems ParseLockText(std::string_view bytes);

/// A small folder tree described by the bytes, written under a per-process temporary folder,
/// then discover::Discover + lint::Run + every report format over it; removed afterwards.
///
/// The description: lines starting with "@@" are headers, everything else is content.
///   @@ PATH            a regular file; the lines up to the next header are its bytes
///   @@/ PATH           a folder
///   @@> PATH TARGET    a symbolic link (TARGET relative, without "..": stays in the tree)
///   @@| PATH           a FIFO
/// Bytes before the first header are the file migrations/001_first.sql. Paths are relative,
/// '/'-separated; ".", ".." and empty parts are dropped.
Problems DiscoverTree(std::string_view bytes);

}  // namespace migralint::fuzz
