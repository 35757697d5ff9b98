// run.cc: per set — read, parse and check each file (in parallel), replay them in execution
// order as they become ready (freeing each tree once replayed), run the set rules, apply
// severities and suppressions.
#include "lint/run.h"

#include <algorithm>
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <thread>

#include "lint/registry.h"
#include "lint/replay_rules.h"
#include "lint/suppressions.h"
#include "lock/hashing.h"
#include "lock/lock_file.h"
#include "model/creations.h"
#include "parse/arena.h"
#include "parse/parse_file.h"
#include "parse/tree_copy.h"
#include "read/read_file.h"

namespace fs = std::filesystem;

namespace migralint::lint {
namespace {

struct FileWork {
  FileUnit unit;
  std::vector<Diagnostic> diagnostics;  // of reading, parsing and the file rules
  std::string io_error;
  std::size_t statements = 0;  // top level
  std::vector<Ignore> ignores;
  std::vector<std::string> creations;         // model::CreatedBy
  std::vector<DataStatement> data;            // SetUnit::data_statements of this file
  parse::Arena kept{512};                     // their trees (often none, or one small one)
  std::vector<std::function<void()>> at_end;  // RuleContext::AtEndOfSet of the file rules
};

bool SamePath(const fs::path& a, const fs::path& b) {
  if (a.filename() != b.filename()) return false;  // spares the file system most calls
  std::error_code ec;
  return fs::weakly_canonical(a, ec) == fs::weakly_canonical(b, ec);
}

// True when one of `files` (named on the command line) is a file of `set`: only then do they
// restrict what is reported of it.
bool HoldsAny(const MigrationSet& set, const std::vector<fs::path>& files) {
  std::error_code ec;
  std::set<fs::path> wanted;
  for (const fs::path& p : files) wanted.insert(fs::weakly_canonical(p, ec));
  auto held = [&](const MigrationFile& f) {
    return wanted.count(fs::weakly_canonical(f.fs_path, ec)) > 0;
  };
  return std::any_of(set.migrations.begin(), set.migrations.end(), held) ||
         std::any_of(set.others.begin(), set.others.end(), held);
}

void ReadAndParse(const MigrationFile& file, const Options& options, FileWork& work) {
  work.unit.file = &file;
  read::ReadResult read;
  if (options.stdin_path && SamePath(file.fs_path, *options.stdin_path)) {
    read = read::ReadText(options.stdin_text, file.path);
  } else {
    read = read::ReadFile(file.fs_path, file.path);
  }
  work.unit.source = std::move(read.source);
  work.diagnostics = std::move(read.diagnostics);
  work.io_error = std::move(read.io_error);
  work.unit.read_ok = read.parseable;
  if (read.parseable) parse::ParseFile(work.unit, work.diagnostics);
  for (const Statement& s : work.unit.statements) work.statements += s.IsNested() ? 0 : 1;
}

// Runs prepare(i) for i in [0, n) on up to `jobs` threads, at most `ahead` items beyond the last
// one consumed, and consume(i) on this thread, in order, each once its item is prepared. (Files
// are parsed in parallel and replayed in order; only the trees of the files in between live.)
template <typename Prepare, typename Consume>
void InOrder(std::size_t n, unsigned jobs, std::size_t ahead, Prepare prepare, Consume consume) {
  if (jobs <= 1 || n < 2) {
    for (std::size_t i = 0; i < n; ++i) {
      prepare(i);
      consume(i);
    }
    return;
  }
  std::mutex mutex;
  std::condition_variable changed;
  std::vector<char> ready(n, 0);
  std::size_t next = 0, consumed = 0;
  auto work = [&] {
    for (;;) {
      std::size_t i;
      {
        std::unique_lock lock(mutex);
        changed.wait(lock, [&] { return next >= n || next < consumed + ahead; });
        if (next >= n) return;
        i = next++;
      }
      prepare(i);
      {
        std::lock_guard lock(mutex);
        ready[i] = 1;
      }
      changed.notify_all();
    }
  };
  std::vector<std::thread> threads;
  for (unsigned t = 0; t < std::min<std::size_t>(jobs, n); ++t) threads.emplace_back(work);
  for (std::size_t i = 0; i < n; ++i) {
    {
      std::unique_lock lock(mutex);
      changed.wait(lock, [&] { return ready[i] != 0; });
    }
    consume(i);
    {
      std::lock_guard lock(mutex);
      consumed = i + 1;
    }
    changed.notify_all();
  }
  for (auto& thread : threads) thread.join();
}

class Context final : public RuleContext {
 public:
  Context(const Config& config, std::vector<Diagnostic>& out, std::string_view rule,
          std::vector<std::function<void()>>& at_end)
      : config_(config), out_(out), rule_(rule), at_end_(at_end) {}
  const Config& config() const override { return config_; }
  void Report(const FileUnit& file, std::uint32_t begin, std::uint32_t end, std::string message,
              std::string help) override {
    Position start = file.source.At(begin);
    Position stop = file.source.At(std::max(begin, end));
    if (stop.line == start.line && stop.column == start.column) stop.column += 1;
    ReportAt(file.source.path, start, stop, std::move(message), std::move(help), false);
  }
  void ReportAt(std::string path, Position start, Position end, std::string message,
                std::string help, bool lesser) override {
    out_.push_back({std::string(rule_), Severity::kError, std::move(path), start, end,
                    std::move(message), std::move(help), lesser});
  }
  void AtEndOfSet(std::function<void()> report) override { at_end_.push_back(std::move(report)); }

 private:
  const Config& config_;
  std::vector<Diagnostic>& out_;
  std::string_view rule_;
  std::vector<std::function<void()>>& at_end_;
};

void SetSeverity(Diagnostic& d, const Config& config) {
  const RuleSettings* settings = config.Rule(d.rule);
  d.severity =
      settings && settings->severity ? *settings->severity : FindRule(d.rule)->rule->severity;
  if (d.lesser && d.severity != Severity::kInfo)
    d.severity = static_cast<Severity>(static_cast<int>(d.severity) - 1);
}

std::vector<std::string> EnabledRules(const Config& config, const Options& options) {
  std::vector<std::string> enabled;
  for (const RuleEntry& entry : Registry()) {
    const std::string id(entry.rule->id);
    const RuleSettings* settings = config.Rule(id);
    bool on = !(settings && settings->off);
    if (std::find(options.disable.begin(), options.disable.end(), id) != options.disable.end())
      on = false;
    if (std::find(options.enable.begin(), options.enable.end(), id) != options.enable.end())
      on = true;
    if (on) enabled.push_back(id);
  }
  return enabled;
}

bool ReadsOrWritesRows(const PgQuery__Node& node) {
  switch (node.node_case) {
    case PG_QUERY__NODE__NODE_INSERT_STMT:
    case PG_QUERY__NODE__NODE_UPDATE_STMT:
    case PG_QUERY__NODE__NODE_DELETE_STMT:
    case PG_QUERY__NODE__NODE_TRUNCATE_STMT:
    case PG_QUERY__NODE__NODE_CREATE_TABLE_AS_STMT:
      return true;
    default:
      return false;
  }
}

// What the replay needs of migration `index` beyond its own statements, copied out of its tree
// (which is freed once the migration has been replayed).
void KeepForReplay(int index, FileWork& w) {
  w.creations = model::CreatedBy(w.unit);
  for (const Statement& s : w.unit.statements) {
    if (s.node && w.unit.RunsWithMigration(s) && ReadsOrWritesRows(*s.node))
      w.data.push_back({index, &s, parse::CopyNode(s.node, w.kept, parse::Rows::kDrop)});
  }
}

void FreeTrees(FileUnit& unit) {
  unit.trees.clear();
  for (Statement& s : unit.statements) s.node = nullptr;
}

// Files parsed ahead of the replay, per thread: enough to keep every thread busy, few enough
// that memory does not grow with the set.
constexpr std::size_t kAheadPerJob = 32;

void LintSet(const MigrationSet& set, const Options& options, LintResult& result) {
  static const Config kDefaults;
  const Config& config = set.config ? *set.config : kDefaults;

  std::vector<const MigrationFile*> files;
  SetSummary summary{set.root_display, std::string(LayoutName(set.layout)), set.migrations.size(),
                     0, 0};
  for (const auto& f : set.migrations) files.push_back(&f);
  for (const auto* group : {&set.migrations, &set.others}) {
    for (const auto& f : *group) {
      summary.timeline.push_back(
          {f.path, f.version.text, f.tier, f.source, std::string(FileRoleName(f.role))});
    }
  }
  for (const auto& f : set.others) {
    if (f.role == FileRole::kOtherDialect) {
      ++summary.skipped;
      continue;
    }
    ++summary.others;
    files.push_back(&f);
  }
  result.sets.push_back(std::move(summary));

  const std::optional<LockFile> lock = lock::ReadLockFile(set.root);
  std::map<std::string, const LockEntry*> recorded;
  if (lock) {
    for (const LockEntry& e : lock->entries) recorded[e.relative] = &e;
  }

  const std::vector<std::string> enabled = EnabledRules(config, options);
  std::vector<const Rule*> file_rules, set_rules;
  std::vector<std::unique_ptr<Context>> contexts;
  std::vector<ModelRule> model_rules;
  std::vector<Diagnostic> found;  // of the set and model rules
  std::vector<std::function<void()>> at_end;
  for (const std::string& id : enabled) {
    const Rule& rule = *FindRule(id)->rule;
    if (rule.check_file) file_rules.push_back(&rule);
    if (rule.check_set) set_rules.push_back(&rule);
    if (rule.check_statement || rule.check_schema) {
      contexts.push_back(std::make_unique<Context>(config, found, rule.id, at_end));
      model_rules.push_back({&rule, contexts.back().get()});
    }
  }

  std::vector<FileWork> work(files.size());
  const std::size_t migrations = set.migrations.size();
  SetUnit set_unit{&set, {}, {}, lock ? &*lock : nullptr};
  for (std::size_t i = 0; i < work.size(); ++i)
    (i < migrations ? set_unit.migrations : set_unit.others).push_back(&work[i].unit);
  std::optional<ModelRules> model;
  if (!model_rules.empty()) model.emplace(set_unit, config, std::move(model_rules));

  // On the worker threads: everything that needs one file only.
  auto prepare = [&](std::size_t i) {
    FileWork& w = work[i];
    ReadAndParse(*files[i], options, w);
    if (w.unit.read_ok) w.ignores = FindIgnores(w.unit);
    if (i >= migrations) return;  // rollbacks, seed data: syntax and encoding only
    FileUnit& unit = w.unit;
    if (lock) {  // checksums: the normalised one only where the bytes differ
      unit.raw_sha256 = lock::Sha256Hex(unit.source.text_with_bom());
      auto it = recorded.find(unit.file->relative);
      if (it != recorded.end() && it->second->raw != unit.raw_sha256)
        unit.sem_sha256 = lock::SemanticHash(unit.source.text);
    }
    if (!unit.read_ok) return;
    for (const Rule* rule : file_rules) {
      Context ctx(config, w.diagnostics, rule->id, w.at_end);
      rule->check_file(ctx, unit);
    }
    if (model) KeepForReplay(static_cast<int>(i), w);
  };
  // On this thread, in execution order: the replay.
  auto consume = [&](std::size_t i) {
    FileWork& w = work[i];
    if (model && i < migrations) {
      for (std::string& name : w.creations) set_unit.creations.emplace(std::move(name), i);
      for (const DataStatement& d : w.data) set_unit.data_statements.push_back(d);
      model->Migration(i);
    }
    FreeTrees(w.unit);
  };
  InOrder(work.size(), options.jobs, kAheadPerJob * std::max(1u, options.jobs), prepare, consume);

  // The set rules and what needed the whole set.
  for (const Rule* rule : set_rules) {
    Context ctx(config, found, rule->id, at_end);
    rule->check_set(ctx, set_unit);
  }
  if (model) model->Finish();
  for (FileWork& w : work) {
    for (auto& report : w.at_end) report();
  }
  for (auto& report : at_end) report();

  // Suppression comments apply to the findings of their own file.
  std::map<std::string, std::vector<Diagnostic>> by_path;
  for (Diagnostic& d : found) by_path[d.path].push_back(std::move(d));
  for (FileWork& w : work) {
    if (!w.io_error.empty()) result.io_errors.push_back(w.io_error);
    ++result.files;
    result.statements += w.statements;
    std::vector<Diagnostic>& mine = by_path[w.unit.source.path];
    for (Diagnostic& d : w.diagnostics) mine.push_back(std::move(d));
    if (w.unit.read_ok) ApplyIgnores(w.ignores, w.unit.source.path, enabled, mine);
  }
  found.clear();
  for (auto& [path, diagnostics] : by_path) {
    for (Diagnostic& d : diagnostics) found.push_back(std::move(d));
  }
  // Findings of rules that are off go (unused-ignore's too, which ApplyIgnores makes); severities
  // come from the config or the rule.
  std::erase_if(found, [&](const Diagnostic& d) {
    return std::find(enabled.begin(), enabled.end(), d.rule) == enabled.end();
  });
  for (Diagnostic& d : found) SetSeverity(d, config);
  if (!options.only_files.empty() && HoldsAny(set, options.only_files)) {
    std::erase_if(found, [&](const Diagnostic& d) {
      return std::none_of(options.only_files.begin(), options.only_files.end(),
                          [&](const fs::path& p) { return SamePath(p, d.path); });
    });
  }
  std::map<std::string_view, const SourceFile*> sources;
  for (const FileWork& w : work) sources.emplace(w.unit.source.path, &w.unit.source);
  for (const Diagnostic& d : found) {
    if (auto it = sources.find(d.path); it != sources.end())
      result.lines[d.path][d.start.line] = std::string(it->second->LineText(d.start.line));
  }
  for (auto& d : found) result.diagnostics.push_back(std::move(d));
}

}  // namespace

bool Finalize(Diagnostic& finding, const Config& config, const Options& options) {
  const std::vector<std::string> enabled = EnabledRules(config, options);
  if (std::find(enabled.begin(), enabled.end(), finding.rule) == enabled.end()) return false;
  SetSeverity(finding, config);
  return true;
}

LintResult Run(const std::vector<MigrationSet>& sets, const Options& options) {
  LintResult result;
  for (const MigrationSet& set : sets) LintSet(set, options, result);
  std::sort(result.diagnostics.begin(), result.diagnostics.end(), DiagnosticLess);
  result.diagnostics.erase(std::unique(result.diagnostics.begin(), result.diagnostics.end(),
                                       [](const Diagnostic& a, const Diagnostic& b) {
                                         return !DiagnosticLess(a, b) && !DiagnosticLess(b, a);
                                       }),
                           result.diagnostics.end());
  return result;
}

}  // namespace migralint::lint
