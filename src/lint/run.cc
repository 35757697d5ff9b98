// run.cc: per set — read and parse every file (in parallel), run the enabled rules in
// execution order, apply severities and suppressions.
#include "lint/run.h"

#include <algorithm>
#include <atomic>
#include <map>
#include <memory>
#include <set>
#include <thread>

#include "lint/registry.h"
#include "lint/replay_rules.h"
#include "lint/suppressions.h"
#include "lock/hashing.h"
#include "lock/lock_file.h"
#include "model/creations.h"
#include "parse/parse_file.h"
#include "read/read_file.h"

namespace fs = std::filesystem;

namespace migralint::lint {
namespace {

struct FileWork {
  FileUnit unit;
  std::vector<Diagnostic> diagnostics;
  std::string io_error;
};

bool SamePath(const fs::path& a, const fs::path& b) {
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
}

// Runs `fn(i)` for i in [0, n) on up to `jobs` threads.
template <typename Fn>
void ParallelFor(std::size_t n, unsigned jobs, Fn fn) {
  if (jobs <= 1 || n < 2) {
    for (std::size_t i = 0; i < n; ++i) fn(i);
    return;
  }
  std::atomic<std::size_t> next{0};
  std::vector<std::thread> threads;
  for (unsigned t = 0; t < std::min<std::size_t>(jobs, n); ++t) {
    threads.emplace_back([&] {
      for (std::size_t i; (i = next.fetch_add(1)) < n;) fn(i);
    });
  }
  for (auto& thread : threads) thread.join();
}

class Context final : public RuleContext {
 public:
  Context(const Config& config, std::vector<Diagnostic>& out, std::string_view rule)
      : config_(config), out_(out), rule_(rule) {}
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

 private:
  const Config& config_;
  std::vector<Diagnostic>& out_;
  std::string_view rule_;
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

  std::vector<FileWork> work(files.size());
  ParallelFor(files.size(), options.jobs,
              [&](std::size_t i) { ReadAndParse(*files[i], options, work[i]); });

  // Checksums against migralint.lock: the normalised one only where the bytes differ.
  const std::optional<LockFile> lock = lock::ReadLockFile(set.root);
  if (lock) {
    std::map<std::string, const LockEntry*> recorded;
    for (const LockEntry& e : lock->entries) recorded[e.relative] = &e;
    ParallelFor(set.migrations.size(), options.jobs, [&](std::size_t i) {
      FileUnit& unit = work[i].unit;
      unit.raw_sha256 = lock::Sha256Hex(unit.source.text_with_bom());
      auto it = recorded.find(unit.file->relative);
      if (it != recorded.end() && it->second->raw != unit.raw_sha256) {
        unit.sem_sha256 = lock::SemanticHash(unit.source.text);
      }
    });
  }

  std::vector<Diagnostic> found;
  SetUnit set_unit{&set, {}, {}, lock ? &*lock : nullptr};
  for (std::size_t i = 0; i < work.size(); ++i) {
    FileWork& w = work[i];
    if (!w.io_error.empty()) result.io_errors.push_back(w.io_error);
    for (auto& d : w.diagnostics) found.push_back(std::move(d));
    ++result.files;
    for (const Statement& s : w.unit.statements) result.statements += s.IsNested() ? 0 : 1;
    (i < set.migrations.size() ? set_unit.migrations : set_unit.others).push_back(&w.unit);
  }

  const std::vector<std::string> enabled = EnabledRules(config, options);
  std::vector<std::unique_ptr<Context>> contexts;
  std::vector<ModelRule> model_rules;
  for (const std::string& id : enabled) {
    const Rule& rule = *FindRule(id)->rule;
    contexts.push_back(std::make_unique<Context>(config, found, rule.id));
    Context& ctx = *contexts.back();
    // Rollbacks, seed data and the like are checked for syntax and encoding only (while
    // parsing); rules judge the forward migrations.
    if (rule.check_file) {
      for (const FileUnit* unit : set_unit.migrations) {
        if (unit->read_ok) rule.check_file(ctx, *unit);
      }
    }
    if (rule.check_set) rule.check_set(ctx, set_unit);
    if (rule.check_statement || rule.check_schema) model_rules.push_back({&rule, &ctx});
  }
  if (!model_rules.empty()) {
    set_unit.creations = model::FindCreations(set_unit);
    RunModelRules(set_unit, config, model_rules);
  }

  for (const FileWork& w : work) {
    if (!w.unit.read_ok) continue;
    ApplyIgnores(FindIgnores(w.unit), w.unit.source.path, enabled, found);
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
  for (const FileWork& w : work) {
    for (const Diagnostic& d : found) {
      if (d.path == w.unit.source.path) {
        result.lines[d.path][d.start.line] = std::string(w.unit.source.LineText(d.start.line));
      }
    }
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
