// regressions_test.cc: every input saved under tests/regressions/<target>/ (crashes, leaks and
// hangs that fuzzing or hostile-input testing found) replayed through the fuzz entry point of
// that target (fuzz/targets.h), which must report no problem — under ASan/UBSan/LSan in
// build-asan, as the fuzzers run it.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>

#include "fuzz/targets.h"

namespace fs = std::filesystem;

namespace {

const fs::path kRegressions = fs::path(MIGRALINT_SOURCE_DIR) / "tests" / "regressions";

std::vector<fs::path> Inputs(const std::string& target) {
  std::vector<fs::path> inputs;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(kRegressions / target, ec)) {
    if (entry.is_regular_file() && entry.path().extension() != ".md")
      inputs.push_back(entry.path());
  }
  std::sort(inputs.begin(), inputs.end());
  return inputs;
}

std::string Slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void Replay(const std::string& target,
            const std::function<migralint::fuzz::Problems(std::string_view)>& entry) {
  for (const fs::path& input : Inputs(target)) {
    SCOPED_TRACE(input.string());
    for (const std::string& problem : entry(Slurp(input))) ADD_FAILURE() << problem;
  }
}

TEST(Regressions, LintFile) { Replay("lint_file", migralint::fuzz::LintFile); }
TEST(Regressions, LintStdin) { Replay("lint_stdin", migralint::fuzz::LintStdin); }
TEST(Regressions, ParseCache) { Replay("parse_cache", migralint::fuzz::RestoreCacheEntry); }
TEST(Regressions, Config) { Replay("config", migralint::fuzz::ParseConfigText); }
TEST(Regressions, LockFile) { Replay("lock_file", migralint::fuzz::ParseLockText); }
TEST(Regressions, Discover) { Replay("discover", migralint::fuzz::DiscoverTree); }

}  // namespace
