// judged_test.cc: findings on the real sets of ../shared (corpus-runners, corpus-real), judged
// by reading the SQL and kept in tests/judged/<set>.tsv. A finding judged true must still be
// reported; one judged false (and fixed) must not come back. Prints the rates per rule.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "config/load_config.h"
#include "discover/discover.h"
#include "lint/registry.h"
#include "lint/run.h"

namespace fs = std::filesystem;

namespace migralint {
namespace {

const fs::path kSource = MIGRALINT_SOURCE_DIR;
const fs::path kShared = kSource.parent_path() / "shared";

struct Verdict {
  std::string verdict;  // true | noise | false | false-open (a false positive not fixed yet)
  std::string rule, where, reason;
};

std::vector<Verdict> ReadVerdicts(const fs::path& file) {
  std::vector<Verdict> out;
  std::ifstream in(file);
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    Verdict v;
    std::getline(fields, v.verdict, '\t');
    std::getline(fields, v.rule, '\t');
    std::getline(fields, v.where, '\t');
    std::getline(fields, v.reason);
    out.push_back(v);
  }
  return out;
}

// "rule path:line:col" of every finding, path relative to ../shared.
std::set<std::string> Findings(const fs::path& dir) {
  static const config::KnownRules known = lint::KnownRuleOptions();
  config::ConfigResolver configs(known, std::nullopt);
  const discover::Discovery discovery = discover::Discover({dir.string()}, configs);
  const lint::LintResult result = lint::Run(discovery.sets, {});
  std::set<std::string> found;
  for (const Diagnostic& d : result.diagnostics) {
    found.insert(d.rule + " " + fs::path(d.path).lexically_relative(kShared).generic_string() +
                 ":" + std::to_string(d.start.line) + ":" + std::to_string(d.start.column));
  }
  return found;
}

TEST(Judged, RealSetFindingsKeepTheirVerdicts) {
  if (!fs::is_directory(kShared)) GTEST_SKIP() << kShared << " absent (needs ../shared)";
  std::map<std::string, std::map<std::string, int>> rates;  // rule -> verdict -> count
  int files = 0;
  for (const auto& entry : fs::directory_iterator(kSource / "tests" / "judged")) {
    if (entry.path().extension() != ".tsv") continue;
    const std::string set = entry.path().stem().string();
    fs::path dir = kShared / "corpus-runners" / set;
    if (!fs::is_directory(dir)) dir = kShared / "corpus-real" / set;
    ASSERT_TRUE(fs::is_directory(dir)) << set;
    const std::set<std::string> found = Findings(dir);
    ++files;
    for (const Verdict& v : ReadVerdicts(entry.path())) {
      ++rates[v.rule][v.verdict];
      const bool present = found.count(v.rule + " " + v.where) > 0;
      if (v.verdict == "true") {
        EXPECT_TRUE(present) << set << ": a finding judged true is gone: " << v.rule << " "
                             << v.where << " (" << v.reason << ")";
      } else if (v.verdict == "false") {
        EXPECT_FALSE(present) << set << ": a false positive came back: " << v.rule << " " << v.where
                              << " (" << v.reason << ")";
      }
    }
  }
  EXPECT_GT(files, 0);
  int all = 0, false_positives = 0, noise = 0;
  for (const auto& [rule, counts] : rates) {
    int n = 0;  // what is still reported: fixed false positives are gone from the rates
    for (const auto& [verdict, count] : counts) n += verdict == "false" ? 0 : count;
    if (n == 0) continue;
    const int fp = counts.count("false-open") ? counts.at("false-open") : 0;
    const int ns = counts.count("noise") ? counts.at("noise") : 0;
    all += n;
    false_positives += fp;
    noise += ns;
    std::printf("judged %-30s %4d sampled, %3d false positive (%5.1f%%), %3d noise (%5.1f%%)\n",
                rule.c_str(), n, fp, 100.0 * fp / n, ns, 100.0 * ns / n);
  }
  std::printf("judged %-30s %4d sampled, %3d false positive (%5.1f%%), %3d noise (%5.1f%%)\n",
              "all", all, false_positives, 100.0 * false_positives / std::max(all, 1), noise,
              100.0 * noise / std::max(all, 1));
}

}  // namespace
}  // namespace migralint
