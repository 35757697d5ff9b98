// corpus_real_test.cc: every rule over the real sets of ../shared/corpus-real. The findings per
// rule are recorded in corpus-real-counts.txt; a change in any count fails until the file is
// updated on purpose (MIGRALINT_UPDATE_SNAPSHOTS=1), so rule changes show their effect on real
// code in review.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>

#include "config/load_config.h"
#include "discover/discover.h"
#include "lint/registry.h"
#include "lint/run.h"

namespace fs = std::filesystem;

namespace migralint {
namespace {

const fs::path kSource = MIGRALINT_SOURCE_DIR;

TEST(CorpusReal, FindingsPerRuleAreAsRecorded) {
  const fs::path corpus = kSource.parent_path() / "shared" / "corpus-real";
  if (!fs::is_directory(corpus)) GTEST_SKIP() << corpus << " absent (needs ../shared)";
  const config::KnownRules known = lint::KnownRuleOptions();
  config::ConfigResolver configs(known, std::nullopt);
  const discover::Discovery discovery = discover::Discover({corpus.string()}, configs);
  ASSERT_TRUE(discovery.errors.empty()) << discovery.errors.front();
  const lint::LintResult result = lint::Run(discovery.sets, {});
  EXPECT_TRUE(result.io_errors.empty());

  std::map<std::string, std::map<std::string, int>> counts;  // set -> rule -> findings
  for (const Diagnostic& d : result.diagnostics) {
    const std::string relative = fs::path(d.path).lexically_relative(corpus).generic_string();
    ++counts[relative.substr(0, relative.find('/'))][d.rule];
  }
  std::ostringstream now;
  now << "# findings per set and rule over ../shared/corpus-real (tests/corpus_real_test.cc)\n";
  for (const auto& [set, rules] : counts) {
    for (const auto& [rule, n] : rules) now << set << " " << rule << " " << n << "\n";
  }
  const fs::path recorded = kSource / "tests" / "corpus-real-counts.txt";
  if (std::getenv("MIGRALINT_UPDATE_SNAPSHOTS")) std::ofstream(recorded) << now.str();
  std::ifstream in(recorded);
  std::ostringstream before;
  before << in.rdbuf();
  EXPECT_EQ(before.str(), now.str())
      << "findings over corpus-real changed; if that is intended, rerun with "
         "MIGRALINT_UPDATE_SNAPSHOTS=1 and review the diff of "
      << recorded;
}

}  // namespace
}  // namespace migralint
