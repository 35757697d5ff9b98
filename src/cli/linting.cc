// linting.cc: the lint pipeline behind the commands.
#include "cli/linting.h"

#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <streambuf>
#include <thread>

#include "cli/baseline.h"
#include "cli/cli.h"
#include "cli/git_changes.h"
#include "lint/registry.h"
#include "read/read_file.h"
#include "report/report.h"

namespace fs = std::filesystem;

namespace migralint::cli {
namespace {

std::optional<FailOn> ParseFailOn(const std::string& s) {
  if (s == "error") return FailOn::kError;
  if (s == "warning") return FailOn::kWarning;
  if (s == "info") return FailOn::kInfo;
  if (s == "never") return FailOn::kNever;
  return std::nullopt;
}

bool Fails(Severity severity, FailOn fail_on) {
  switch (fail_on) {
    case FailOn::kNever:
      return false;
    case FailOn::kInfo:
      return true;
    case FailOn::kWarning:
      return severity >= Severity::kWarning;
    case FailOn::kError:
      return severity == Severity::kError;
  }
  return true;
}

// Standard output through a buffer of its own: std::cout, synced with C stdio, is slow with many
// small writes, and a report written to memory first would be held twice.
class StdoutBuffer : public std::streambuf {
 public:
  StdoutBuffer() { setp(buffer_, buffer_ + sizeof buffer_); }
  ~StdoutBuffer() override { Flush(); }
  /// Why a write failed.
  std::string error() const { return std::strerror(error_ ? error_ : EIO); }

 protected:
  int overflow(int c) override {
    if (!Flush()) return traits_type::eof();
    if (c != traits_type::eof()) {
      *pptr() = static_cast<char>(c);
      pbump(1);
    }
    return traits_type::not_eof(c);
  }
  int sync() override { return Flush() ? 0 : -1; }

 private:
  bool Flush() {
    bool ok = error_ == 0;
    for (const char* at = pbase(); ok && at < pptr();) {
      const ssize_t n = ::write(STDOUT_FILENO, at, static_cast<std::size_t>(pptr() - at));
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        error_ = n < 0 ? errno : EIO;
        ok = false;
        break;
      }
      at += n;
    }
    setp(buffer_, buffer_ + sizeof buffer_);
    return ok;
  }

  char buffer_[1 << 16];
  int error_ = 0;  // the first write's errno: later writes are not tried
};

// SIGPIPE ignored while it lives (the previous action restored after): a reader that went away
// makes write fail with EPIPE, which the report turns into exit 2.
class IgnoredSigpipe {
 public:
  IgnoredSigpipe() {
    struct sigaction ignore {};
    ignore.sa_handler = SIG_IGN;
    sigemptyset(&ignore.sa_mask);
    ::sigaction(SIGPIPE, &ignore, &previous_);
  }
  ~IgnoredSigpipe() { ::sigaction(SIGPIPE, &previous_, nullptr); }
  IgnoredSigpipe(const IgnoredSigpipe&) = delete;
  IgnoredSigpipe& operator=(const IgnoredSigpipe&) = delete;

 private:
  struct sigaction previous_ {};
};

}  // namespace

int UsageError(const std::string& message) {
  std::cerr << "migralint: " << message << "\n";
  return kUsage;
}

// Where parsed files are kept: --cache-dir; else, for an editor (--stdin-filename: the whole set
// is linted again on every save), the user's cache folder. Nothing otherwise (CI runs once).
std::optional<fs::path> CacheDir(const CommonOptions& o) {
  if (!o.cache_dir.empty()) return fs::path(o.cache_dir);
  if (o.stdin_filename.empty()) return std::nullopt;
  return UserCacheDir();
}

std::optional<fs::path> UserCacheDir() {
  auto env = [](const char* name) -> std::optional<fs::path> {
    const char* value = std::getenv(name);
    return value && *value ? std::optional<fs::path>(value) : std::nullopt;
  };
  if (auto dir = env("MIGRALINT_CACHE_DIR")) return dir;
  if (auto dir = env("XDG_CACHE_HOME")) return *dir / "migralint";
  if (auto dir = env("HOME")) return *dir / ".cache" / "migralint";
  return std::nullopt;
}

std::unique_ptr<Linted> DiscoverAndLint(const CommonOptions& o, bool lint, bool checksums) {
  for (const auto* list : {&o.enable, &o.disable}) {
    for (const std::string& id : *list) {
      if (!lint::FindRule(id)) {
        UsageError("unknown rule \"" + id + "\" (`migralint rules` lists them)");
        return nullptr;
      }
    }
  }
  std::optional<fs::path> config_path;
  if (!o.config.empty()) {
    if (!fs::is_regular_file(o.config)) {
      UsageError(o.config + ": config file not found");
      return nullptr;
    }
    config_path = o.config;
  }
  auto linted = std::make_unique<Linted>();
  linted->known = lint::KnownRuleOptions();
  linted->configs = std::make_unique<config::ConfigResolver>(linted->known, config_path);
  config::ConfigResolver& configs = *linted->configs;
  configs.Override([runner = o.runner, pg_version = o.pg_version](Config& config) {
    if (!runner.empty()) config.runner = runner;
    if (pg_version) {
      config.pg_version = pg_version;
      config.pg_version_set = true;
    }
  });

  const std::vector<std::string> paths = o.paths.empty() ? std::vector<std::string>{"."} : o.paths;
  lint::Options& options = linted->options;
  options.enable = o.enable;
  options.disable = o.disable;
  options.checksums = checksums;
  options.jobs = o.jobs ? o.jobs : std::max(1u, std::thread::hardware_concurrency());
  if (const auto format = report::ParseFormat(o.format)) {
    options.timeline = report::ShowsTimeline(*format);
    options.excerpts = report::ShowsExcerpts(*format);
  }
  discover::Discovery& discovery = linted->discovery;
  if (!o.stdin_filename.empty()) {
    // Read as a file is: past the size limit, no further (ReadText refuses it).
    std::string& text = options.stdin_text;
    const std::size_t limit = read::kMaxFileBytes + 1;
    while (text.size() < limit) {
      const std::size_t at = text.size();
      text.resize(std::min(limit, at + (std::size_t{1} << 20)));
      std::cin.read(text.data() + at, static_cast<std::streamsize>(text.size() - at));
      text.resize(at + static_cast<std::size_t>(std::cin.gcount()));
      if (!std::cin) break;  // the end (or an error)
    }
    options.stdin_path = fs::absolute(o.stdin_filename).lexically_normal();
    discovery.sets.push_back(discover::SetContaining(*options.stdin_path, configs));
    discovery.only_files.push_back(*options.stdin_path);
  } else {
    discovery = discover::Discover(paths, configs, options.jobs);
  }
  options.only_files = discovery.only_files;
  if (!o.no_cache) options.cache_dir = CacheDir(o);

  bool usage_error = false;
  for (const std::string& e : configs.errors()) {
    std::cerr << e << "\n";
    usage_error = true;
  }
  for (const std::string& e : discovery.errors) {
    std::cerr << "migralint: " << e << "\n";
    usage_error = true;
  }
  if (usage_error) return nullptr;

  linted->fail_on =
      !o.fail_on.empty() ? *ParseFailOn(o.fail_on) : configs.For(paths.front())->fail_on;
  // Asked before linting: a bad ref or a missing git is known at once.
  std::optional<GitChanges> changes;
  if (!o.changed_since.empty()) {
    std::vector<fs::path> roots;
    for (const MigrationSet& set : discovery.sets) roots.push_back(set.root);
    std::string error;
    changes = ChangedSince(roots, o.changed_since, error);
    if (!changes) {
      UsageError(error);
      return nullptr;
    }
  }
  if (!lint) return linted;
  linted->result = lint::Run(discovery.sets, options);
  // The baseline first: its unused entries are findings of the baseline file, which
  // --changed-since then keeps only when that file changed too.
  if (!o.no_baseline) ApplyBaselines(linted->result, discovery.sets, options);
  if (changes) {
    linted->result.unchanged =
        KeepChanged(linted->result, discovery.sets, *changes, options.stdin_path);
    linted->result.changed_since = o.changed_since;
  }
  return linted;
}

bool EmitReport(const CommonOptions& o, const lint::LintResult& result) {
  const auto format = report::ParseFormat(o.format);
  if (!format) {
    UsageError("unknown format \"" + o.format + "\"");
    return false;
  }
  report::EmitOptions emit;
  emit.quiet = o.quiet;
  const bool to_terminal = o.output.empty() && isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR");
  emit.color = o.color == "always" || (o.color == "auto" && to_terminal);
  if (o.output.empty()) {
    std::cout.flush();
    const IgnoredSigpipe quiet_pipe;  // a closed pipe: EPIPE below, not death by signal
    StdoutBuffer buffer;
    std::ostream out(&buffer);
    report::Emit(*format, result, emit, out);
    if (!out.flush()) {
      UsageError("cannot write the report to standard output: " + buffer.error());
      return false;
    }
    return true;
  }
  std::ofstream out(o.output, std::ios::binary | std::ios::trunc);
  if (out) report::Emit(*format, result, emit, out);
  if (!out || !out.flush()) {
    UsageError(o.output + ": cannot write the report");
    return false;
  }
  out.close();  // the last bytes are written here: a full disk may refuse them
  if (out.fail()) {
    UsageError(o.output + ": cannot write the report");
    return false;
  }
  return true;
}

bool FailsGate(const lint::LintResult& result, FailOn fail_on) {
  return std::any_of(result.diagnostics.begin(), result.diagnostics.end(),
                     [&](const Diagnostic& d) { return Fails(d.severity, fail_on); });
}

}  // namespace migralint::cli
