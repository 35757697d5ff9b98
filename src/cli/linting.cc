// linting.cc: the lint pipeline behind the commands.
#include "cli/linting.h"

#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

#include "cli/cli.h"
#include "lint/registry.h"
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
  auto env = [](const char* name) -> std::optional<fs::path> {
    const char* value = std::getenv(name);
    return value && *value ? std::optional<fs::path>(value) : std::nullopt;
  };
  if (auto dir = env("MIGRALINT_CACHE_DIR")) return dir;
  if (auto dir = env("XDG_CACHE_HOME")) return *dir / "migralint";
  if (auto dir = env("HOME")) return *dir / ".cache" / "migralint";
  return std::nullopt;
}

std::unique_ptr<Linted> DiscoverAndLint(const CommonOptions& o, bool lint) {
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

  const std::vector<std::string> paths = o.paths.empty() ? std::vector<std::string>{"."} : o.paths;
  lint::Options& options = linted->options;
  options.enable = o.enable;
  options.disable = o.disable;
  options.jobs = o.jobs ? o.jobs : std::max(1u, std::thread::hardware_concurrency());
  discover::Discovery& discovery = linted->discovery;
  if (!o.stdin_filename.empty()) {
    std::ostringstream text;
    text << std::cin.rdbuf();
    options.stdin_text = text.str();
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
  if (lint) linted->result = lint::Run(discovery.sets, options);
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
    std::ostringstream text;  // one write: std::cout is slow with many small ones
    report::Emit(*format, result, emit, text);
    std::cout << std::move(text).str();
    std::cout.flush();
    return true;
  }
  std::ofstream out(o.output, std::ios::binary | std::ios::trunc);
  if (out) report::Emit(*format, result, emit, out);
  if (!out || !out.flush()) {
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
