// commands.cc: lint, lsp, rules, explain.
#include "cli/commands.h"

#include <algorithm>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <thread>

#include "cli/cli.h"
#include "cli/linting.h"
#include "lint/registry.h"
#include "lint/suppressions.h"
#include "lsp/server.h"

namespace migralint::cli {

int Lint(const CommonOptions& o) {
  // The result lives until the process ends: freeing every file's text and finding one by one
  // takes longer than exiting. (Reachable from a static: leak checkers do not count it.)
  static const Linted* linted = nullptr;
  linted = DiscoverAndLint(o).release();
  if (!linted) return kUsage;
  if (!EmitReport(o, linted->result)) return kUsage;
  for (const std::string& e : linted->result.io_errors) std::cerr << "migralint: " << e << "\n";
  if (!linted->result.io_errors.empty()) return kUsage;
  return FailsGate(linted->result, linted->fail_on) ? kFindings : kClean;
}

int Lsp(const LspOptions& o) {
  lsp::ServerOptions options;
  options.debounce_ms = o.debounce_ms;
  if (!o.no_cache) options.cache_dir = o.cache_dir.empty() ? UserCacheDir() : o.cache_dir;
  options.jobs = o.jobs ? o.jobs : std::max(1u, std::thread::hardware_concurrency());
  return lsp::Serve(0, 1, options);
}

int Rules(const std::string& format) {
  if (format == "json") {
    nlohmann::json rules = nlohmann::json::array();
    for (const auto& entry : lint::Registry()) {
      nlohmann::json covers = nlohmann::json::array();
      for (std::string_view squawk : lint::SquawkRulesCovered(entry.rule->id))
        covers.push_back("squawk:" + std::string(squawk));
      rules.push_back({{"id", entry.rule->id},
                       {"severity", SeverityName(entry.rule->severity)},
                       {"category", entry.rule->category},
                       {"summary", entry.rule->summary},
                       {"covers", std::move(covers)}});
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
  if (!entry) return UsageError("unknown rule \"" + id + "\" (`migralint rules` lists them)");
  std::cout << entry->docs;
  std::cout << "\n## Default\n"
            << SeverityName(entry->rule->severity) << " (" << entry->rule->category << ")\n";
  std::cout << "\n## Flagged\n```sql\n" << entry->bad << "```\n";
  std::cout << "\n## Not flagged\n```sql\n" << entry->good << "```\n";
  return kClean;
}

}  // namespace migralint::cli
