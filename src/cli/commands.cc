// commands.cc: lint, rules, explain.
#include "cli/commands.h"

#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "cli/cli.h"
#include "config/load_config.h"
#include "discover/discover.h"
#include "lint/registry.h"
#include "lint/run.h"
#include "report/report.h"

namespace fs = std::filesystem;

namespace migralint::cli {
namespace {

int UsageError(const std::string& message) {
  std::cerr << "migralint: " << message << "\n";
  return kUsage;
}

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

std::string UnknownRuleMessage(const std::string& id) {
  return "unknown rule \"" + id + "\" (`migralint rules` lists them)";
}

}  // namespace

int Lint(const CommonOptions& o) {
  for (const auto* list : {&o.enable, &o.disable}) {
    for (const std::string& id : *list) {
      if (!lint::FindRule(id)) return UsageError(UnknownRuleMessage(id));
    }
  }
  std::optional<fs::path> config_path;
  if (!o.config.empty()) {
    if (!fs::is_regular_file(o.config)) return UsageError(o.config + ": config file not found");
    config_path = o.config;
  }
  const config::KnownRules known = lint::KnownRuleOptions();
  config::ConfigResolver configs(known, config_path);

  std::vector<std::string> paths = o.paths.empty() ? std::vector<std::string>{"."} : o.paths;
  lint::Options options;
  options.enable = o.enable;
  options.disable = o.disable;
  options.jobs = o.jobs ? o.jobs : std::max(1u, std::thread::hardware_concurrency());

  discover::Discovery discovery;
  if (!o.stdin_filename.empty()) {
    std::ostringstream text;
    text << std::cin.rdbuf();
    options.stdin_text = text.str();
    options.stdin_path = fs::absolute(o.stdin_filename).lexically_normal();
    discovery.sets.push_back(discover::SetContaining(*options.stdin_path, configs));
    discovery.only_files.push_back(*options.stdin_path);
  } else {
    discovery = discover::Discover(paths, configs);
  }
  options.only_files = discovery.only_files;

  bool usage_error = false;
  for (const std::string& e : configs.errors()) {
    std::cerr << e << "\n";
    usage_error = true;
  }
  for (const std::string& e : discovery.errors) {
    std::cerr << "migralint: " << e << "\n";
    usage_error = true;
  }
  if (usage_error) return kUsage;

  const lint::LintResult result = lint::Run(discovery.sets, options);

  const auto format = report::ParseFormat(o.format);
  if (!format) return UsageError("unknown format \"" + o.format + "\"");
  report::EmitOptions emit;
  emit.quiet = o.quiet;
  const bool to_terminal = o.output.empty() && isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR");
  emit.color = o.color == "always" || (o.color == "auto" && to_terminal);
  if (o.output.empty()) {
    report::Emit(*format, result, emit, std::cout);
    std::cout.flush();
  } else {
    std::ofstream out(o.output, std::ios::binary | std::ios::trunc);
    if (!out) return UsageError(o.output + ": cannot write the report");
    report::Emit(*format, result, emit, out);
    if (!out.flush()) return UsageError(o.output + ": cannot write the report");
  }

  for (const std::string& e : result.io_errors) std::cerr << "migralint: " << e << "\n";
  if (!result.io_errors.empty()) return kUsage;

  FailOn fail_on = FailOn::kError;
  if (!o.fail_on.empty()) {
    fail_on = *ParseFailOn(o.fail_on);
  } else {
    fail_on = configs.For(paths.front()).get()->fail_on;
  }
  const bool fails = std::any_of(result.diagnostics.begin(), result.diagnostics.end(),
                                 [&](const Diagnostic& d) { return Fails(d.severity, fail_on); });
  return fails ? kFindings : kClean;
}

int Rules(const std::string& format) {
  if (format == "json") {
    nlohmann::json rules = nlohmann::json::array();
    for (const auto& entry : lint::Registry()) {
      rules.push_back({{"id", entry.rule->id},
                       {"severity", SeverityName(entry.rule->severity)},
                       {"category", entry.rule->category},
                       {"summary", entry.rule->summary}});
    }
    std::cout << rules.dump(2) << "\n";
    return kClean;
  }
  std::size_t width = 0;
  for (const auto& entry : lint::Registry()) width = std::max(width, entry.rule->id.size());
  for (const auto& entry : lint::Registry()) {
    const std::string id(entry.rule->id);
    const std::string severity(SeverityName(entry.rule->severity));
    const std::string category(entry.rule->category);
    std::cout << id << std::string(width - id.size() + 2, ' ') << severity
              << std::string(9 - severity.size(), ' ') << category
              << std::string(category.size() < 13 ? 13 - category.size() : 1, ' ')
              << entry.rule->summary << "\n";
  }
  return kClean;
}

int Explain(const std::string& id) {
  const lint::RuleEntry* entry = lint::FindRule(id);
  if (!entry) return UsageError(UnknownRuleMessage(id));
  std::cout << entry->docs;
  std::cout << "\n## Default\n" << SeverityName(entry->rule->severity) << " ("
            << entry->rule->category << ")\n";
  std::cout << "\n## Flagged\n```sql\n" << entry->bad << "```\n";
  std::cout << "\n## Not flagged\n```sql\n" << entry->good << "```\n";
  return kClean;
}

}  // namespace migralint::cli
