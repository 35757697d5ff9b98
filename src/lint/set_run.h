// set_run.h: linting one set — its files prepared one by one (on any thread), replayed in order,
// then the findings that need the whole set.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "lint/replay_rules.h"
#include "lint/run.h"
#include "lint/suppressions.h"
#include "migralint/lock.h"
#include "migralint/rule.h"
#include "parse/arena.h"
#include "parse/parse_cache.h"

namespace migralint::lint {

/// The rules on for a set: its config (and its runner, for rules on only for some), then
/// --disable and --enable.
std::vector<std::string> EnabledRules(const Config& config, const Options& options,
                                      const Runner& runner);
/// Sets the severity from the config (or the rule's default), one level lower when `lesser`,
/// one higher when `graver`.
void SetSeverity(Diagnostic& d, const Config& config);

struct FileWork;
struct EndOfSetReport;
class Context;

class SetRun {
 public:
  /// Adds the set's summary to `result` at once; its findings come with Finish.
  SetRun(const MigrationSet& set, const Options& options, LintResult& result);
  ~SetRun();
  SetRun(const SetRun&) = delete;
  SetRun& operator=(const SetRun&) = delete;

  /// Files to prepare and consume: the migrations, then the others (rollbacks, seed data).
  std::size_t files() const { return files_.size(); }
  /// Reads, parses and checks file `i` on its own: safe on any thread, once per file.
  void Prepare(std::size_t i);
  /// Replays file `i` (files are consumed in order, each after its Prepare) and frees its tree.
  void Consume(std::size_t i);
  /// After the last Consume: set rules, end-of-set findings, suppressions, into the result.
  /// The files and the model are freed then, unless `keep_files` (the last set: the process ends
  /// without freeing them).
  void Finish(bool keep_files);

 private:
  /// Whether the findings of file `i` are wanted (see named_).
  bool Checked(std::size_t i) const { return named_.empty() || named_.count(files_[i]->path); }

  const MigrationSet& set_;
  const Options& options_;
  LintResult& result_;
  const Config& config_;
  std::vector<const MigrationFile*> files_;
  /// Per file: its text when it comes from stdin or an open buffer, else null (read from disk).
  std::vector<const std::string*> texts_;
  std::optional<LockFile> lock_;
  std::filesystem::path boundary_;      // links to files outside it are not followed
  std::vector<bool> in_folder_inside_;  // per file: its folder resolves inside boundary_
  /// The files named on the command line (display paths): the report is theirs alone, so the
  /// other files are only read and replayed, not checked. Empty: all files.
  std::set<std::string> named_;
  std::map<std::string, const LockEntry*> recorded_;  // lock entries by relative path
  std::vector<std::string> enabled_;
  std::vector<const Rule*> file_rules_, set_rules_;
  std::vector<std::unique_ptr<Context>> contexts_;  // of the model rules
  std::vector<Diagnostic> found_;                   // of the set and model rules
  std::vector<EndOfSetReport> at_end_;              // of the model rules
  std::vector<FileWork> work_;
  SetUnit unit_;
  std::optional<ModelRules> model_;
  std::unique_ptr<parse::ParseCache> cache_;  // this run's own
  parse::ParseCache* parse_cache_ = nullptr;  // the one used: cache_ or Options::caches'
};

}  // namespace migralint::lint
