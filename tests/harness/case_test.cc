// case_test.cc: every rule example, test case and corpus set is linted and its findings must
// equal its inline expectations exactly — nothing missing, nothing extra.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "config/load_config.h"
#include "discover/discover.h"
#include "discover/layouts.h"
#include "harness/expectations.h"
#include "lint/registry.h"
#include "lint/run.h"

namespace fs = std::filesystem;

namespace migralint::testing {
namespace {

const fs::path kSource = MIGRALINT_SOURCE_DIR;

struct Case {
  std::string name;
  fs::path path;
  std::string only_rule;  // rule examples run with only their rule on
  enum class Kind { kBad, kGood, kFile, kSet } kind = Kind::kSet;
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.path.string(); }

std::vector<Case> AllCases() {
  std::vector<Case> cases;
  auto safe = [](std::string s) {
    for (char& c : s) {
      if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
    }
    return s;
  };
  for (const auto& entry : lint::Registry()) {
    const std::string id(entry.rule->id);
    const fs::path dir = kSource / "rules" / id;
    for (const auto& [kind, base] :
         {std::pair{Case::Kind::kBad, "bad"}, std::pair{Case::Kind::kGood, "good"}}) {
      fs::path path = fs::exists(dir / (std::string(base) + ".sql"))
                          ? dir / (std::string(base) + ".sql")
                          : dir / base;
      cases.push_back({safe("rule_" + id + "_" + base), path, id, kind});
    }
  }
  std::vector<fs::path> found;
  for (const fs::path& root : {kSource / "tests" / "cases" / "files"}) {
    if (!fs::is_directory(root)) continue;
    for (const auto& e : fs::directory_iterator(root)) {
      if (e.path().extension() == ".sql") found.push_back(e.path());
    }
  }
  std::sort(found.begin(), found.end());
  for (const auto& f : found)
    cases.push_back({safe("file_" + f.stem().string()), f, "", Case::Kind::kFile});
  found.clear();
  for (const fs::path& root : {kSource / "tests" / "cases" / "sets", kSource / "corpus"}) {
    if (!fs::is_directory(root)) continue;
    for (const auto& e : fs::directory_iterator(root)) {
      if (e.is_directory()) found.push_back(e.path());
    }
  }
  std::sort(found.begin(), found.end());
  for (const auto& d : found) {
    cases.push_back({safe(d.parent_path().filename().string() + "_" + d.filename().string()), d, "",
                     Case::Kind::kSet});
  }
  return cases;
}

class CaseTest : public ::testing::TestWithParam<Case> {};

TEST_P(CaseTest, FindingsMatchExpectations) {
  const Case& c = GetParam();
  ASSERT_TRUE(fs::exists(c.path)) << c.path << " is missing";
  const config::KnownRules known = lint::KnownRuleOptions();
  config::ConfigResolver configs(known, std::nullopt);
  std::vector<MigrationSet> sets;
  if (fs::is_regular_file(c.path)) {
    sets.push_back(discover::SingleFileSet(c.path, configs.For(c.path.parent_path())));
  } else {
    discover::Discovery discovery = discover::Discover({c.path.string()}, configs);
    ASSERT_TRUE(discovery.errors.empty()) << discovery.errors.front();
    sets = std::move(discovery.sets);
  }
  ASSERT_TRUE(configs.errors().empty()) << configs.errors().front();

  lint::Options options;
  if (!c.only_rule.empty()) {
    for (const auto& entry : lint::Registry()) {
      if (entry.rule->id != c.only_rule) options.disable.emplace_back(entry.rule->id);
    }
  }
  const lint::LintResult result = lint::Run(sets, options);
  EXPECT_TRUE(result.io_errors.empty());

  const std::vector<Expectation> expected = ReadExpectationsBelow(c.path);
  for (const Expectation& e : expected) {
    EXPECT_TRUE(lint::FindRule(e.rule))
        << e.file.string() << ":" << e.written_at << ": expect names unknown rule " << e.rule;
  }
  if (c.kind == Case::Kind::kGood) {
    EXPECT_TRUE(expected.empty()) << c.path << ": a good example declares no findings";
  }
  if (c.kind == Case::Kind::kBad) {
    EXPECT_TRUE(std::any_of(expected.begin(), expected.end(),
                            [&](const Expectation& e) { return e.rule == c.only_rule; }))
        << c.path << ": a bad example must expect its own rule";
  }
  for (const std::string& problem : Mismatches(result.diagnostics, expected)) {
    ADD_FAILURE() << problem;
  }
}

INSTANTIATE_TEST_SUITE_P(Cases, CaseTest, ::testing::ValuesIn(AllCases()),
                         [](const ::testing::TestParamInfo<Case>& param) {
                           return param.param.name;
                         });

// Registry meta-tests: every rule documents itself the same way.
TEST(Registry, EveryRuleIsDocumented) {
  for (const auto& entry : lint::Registry()) {
    const std::string id(entry.rule->id);
    EXPECT_EQ(entry.docs.substr(0, id.size() + 3), "# " + id + "\n") << id;
    for (const char* heading : {"## What it flags", "## Why it matters", "## Instead"}) {
      EXPECT_NE(entry.docs.find(heading), std::string_view::npos) << id << " lacks " << heading;
    }
    EXPECT_FALSE(entry.rule->summary.empty()) << id;
    EXPECT_FALSE(entry.rule->category.empty()) << id;
    bool kebab = !id.empty();
    for (char ch : id) kebab &= (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-';
    EXPECT_TRUE(kebab) << id;
  }
}

}  // namespace
}  // namespace migralint::testing
