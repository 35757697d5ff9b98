// commands.cc: lint, lsp, rules, explain.
#include "cli/commands.h"

#include <algorithm>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

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
                       // Whether it reads the replayed schema (the benchmark's no-model row).
                       {"model", entry.rule->check_statement || entry.rule->check_schema},
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

namespace {

// `text` with each byte that is not part of valid UTF-8 written \xNN (file-encoding's example
// holds some), and a final line end: printable, and the same as docs/rules/ shows it.
std::string Printable(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      out += text[i];
      continue;
    }
    const std::size_t length = b >= 0xC2 && b <= 0xDF   ? 2
                               : b >= 0xE0 && b <= 0xEF ? 3
                               : b >= 0xF0 && b <= 0xF4 ? 4
                                                        : 0;
    auto at = [&](std::size_t k) { return static_cast<unsigned char>(text[i + k]); };
    bool ok = length > 0 && i + length <= text.size();
    for (std::size_t k = 1; ok && k < length; ++k) ok = at(k) >= 0x80 && at(k) <= 0xBF;
    // No overlong forms, no surrogates, nothing past U+10FFFF.
    if (ok && length == 3) ok = !(b == 0xE0 && at(1) < 0xA0) && !(b == 0xED && at(1) > 0x9F);
    if (ok && length == 4) ok = !(b == 0xF0 && at(1) < 0x90) && !(b == 0xF4 && at(1) > 0x8F);
    if (ok) {
      out.append(text.substr(i, length));
      i += length - 1;
    } else {
      out += "\\x";
      out += kHex[b >> 4];
      out += kHex[b & 0xF];
    }
  }
  if (!out.empty() && out.back() != '\n') out += '\n';
  return out;
}

// An example: its SQL, or for a set example each of its files, named, with its content.
void PrintExample(std::string_view text, const std::vector<lint::ExampleFile>& files) {
  if (files.empty()) {
    std::cout << "```sql\n" << text << "```\n";
    return;
  }
  bool first = true;
  for (const lint::ExampleFile& file : files) {
    const std::string_view name = file.path.substr(file.path.rfind('/') + 1);
    if (name == "expect.txt") continue;  // the test harness's expectations
    if (!first) std::cout << "\n";
    first = false;
    const bool sql = file.path.size() >= 4 && file.path.substr(file.path.size() - 4) == ".sql";
    std::cout << "`" << file.path << "`:\n```" << (sql ? "sql" : "text") << "\n"
              << Printable(file.text) << "```\n";
  }
}

}  // namespace

int Explain(const std::string& id) {
  const lint::RuleEntry* entry = lint::FindRule(id);
  if (!entry) return UsageError("unknown rule \"" + id + "\" (`migralint rules` lists them)");
  std::cout << entry->docs;
  std::cout << "\n## Default\n"
            << SeverityName(entry->rule->severity) << " (" << entry->rule->category << ")\n";
  std::cout << "\n## Flagged\n";
  PrintExample(entry->bad, entry->bad_files);
  std::cout << "\n## Not flagged\n";
  PrintExample(entry->good, entry->good_files);
  return kClean;
}

}  // namespace migralint::cli
