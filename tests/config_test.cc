// config_test.cc: migralint.toml — every key of spec §5, and file:line errors for bad ones.
#include <gtest/gtest.h>

#include "config/load_config.h"

namespace migralint::config {
namespace {

const KnownRules kRules = {{"syntax-error", {}}, {"updated-at-trigger", {"columns"}}};

TEST(Config, ReadsEveryKey) {
  const LoadResult r = ParseConfig(R"(
pg_version = 16
transaction = "none"
exposed_schemas = ["public", "api"]
external = ["auth.users"]
fail_on = "warning"
active_theme = "aurora"
timezone = "Etc/UTC"

[rules]
syntax-error = "warning"

[rules.updated-at-trigger]
severity = "off"
columns = ["updated_at", "modified"]

[[sets]]
path = "db/migrations"
pattern = '^(\d{3})_(.+)\.sql$'
)",
                                   "migralint.toml", kRules);
  ASSERT_TRUE(r.errors.empty()) << r.errors.front();
  const Config& c = *r.config;
  EXPECT_EQ(c.pg_version, 16);
  EXPECT_FALSE(c.per_file_transaction);
  EXPECT_EQ(c.exposed_schemas, (std::vector<std::string>{"public", "api"}));
  EXPECT_EQ(c.external, (std::vector<std::string>{"auth.users"}));
  EXPECT_EQ(c.fail_on, FailOn::kWarning);
  EXPECT_EQ(c.active_theme, "aurora");
  EXPECT_EQ(c.timezone, "Etc/UTC");
  EXPECT_TRUE(c.SessionInUtc(""));
  ASSERT_NE(c.Rule("syntax-error"), nullptr);
  EXPECT_EQ(c.Rule("syntax-error")->severity, Severity::kWarning);
  EXPECT_TRUE(c.Rule("updated-at-trigger")->off);
  EXPECT_EQ(c.Rule("updated-at-trigger")->options.at("columns"),
            (std::vector<std::string>{"updated_at", "modified"}));
  ASSERT_EQ(c.sets.size(), 1u);
  EXPECT_EQ(c.sets[0].path, "db/migrations");
}

// A switch option (`strict = true`) reads as the string "true" or "false".
TEST(Config, BooleanRuleOption) {
  const KnownRules rules = {{"breaking-change", {"strict"}}};
  const LoadResult on = ParseConfig("[rules.breaking-change]\nstrict = true\n", "m.toml", rules);
  ASSERT_TRUE(on.errors.empty()) << on.errors.front();
  EXPECT_EQ(on.config->Rule("breaking-change")->options.at("strict"),
            (std::vector<std::string>{"true"}));
  const LoadResult off = ParseConfig("[rules.breaking-change]\nstrict = false\n", "m.toml", rules);
  ASSERT_TRUE(off.errors.empty()) << off.errors.front();
  EXPECT_EQ(off.config->Rule("breaking-change")->options.at("strict"),
            (std::vector<std::string>{"false"}));
  EXPECT_FALSE(
      ParseConfig("[rules.breaking-change]\nstrict = 1\n", "m.toml", rules).errors.empty());
}

// The session time zone: what the config says, else the runner's own.
TEST(Config, SessionTimeZone) {
  Config c;
  EXPECT_FALSE(c.SessionInUtc(""));
  EXPECT_TRUE(c.SessionInUtc("UTC"));
  c.timezone = "Europe/Amsterdam";
  EXPECT_FALSE(c.SessionInUtc("UTC"));
  c.timezone = "gmt";
  EXPECT_TRUE(c.SessionInUtc(""));
}

struct BadCase {
  const char* toml;
  const char* where;    // "file:line:"
  const char* message;  // part of the message
};

class BadConfig : public ::testing::TestWithParam<BadCase> {};

TEST_P(BadConfig, NamesFileLineAndProblem) {
  const BadCase& c = GetParam();
  const LoadResult r = ParseConfig(c.toml, "cfg/migralint.toml", kRules);
  EXPECT_FALSE(r.config.has_value());
  ASSERT_FALSE(r.errors.empty());
  EXPECT_EQ(r.errors[0].rfind(c.where, 0), 0u) << r.errors[0];
  EXPECT_NE(r.errors[0].find(c.message), std::string::npos) << r.errors[0];
}

INSTANTIATE_TEST_SUITE_P(
    Config, BadConfig,
    ::testing::Values(
        BadCase{"colour = 1\n", "cfg/migralint.toml:1:", "unknown key `colour`"},
        BadCase{"\npg_version = \"15\"\n",
                "cfg/migralint.toml:2:", "`pg_version` must be an integer"},
        BadCase{"pg_version = 9\n", "cfg/migralint.toml:1:", "from 10 to 18"},
        BadCase{"timezone = \"\"\n", "cfg/migralint.toml:1:", "`timezone` must name a time zone"},
        BadCase{"transaction = \"always\"\n", "cfg/migralint.toml:1:", "\"per-file\" or \"none\""},
        BadCase{"exposed_schemas = \"public\"\n", "cfg/migralint.toml:1:", "array of strings"},
        BadCase{"external = [1, 2]\n", "cfg/migralint.toml:1:", "only strings"},
        BadCase{"fail_on = \"sometimes\"\n", "cfg/migralint.toml:1:", "`fail_on` must be"},
        BadCase{"active_theme = true\n", "cfg/migralint.toml:1:", "must be a string"},
        BadCase{"[rules]\nno-such-rule = \"off\"\n",
                "cfg/migralint.toml:2:", "unknown rule `no-such-rule`"},
        BadCase{"[rules]\nsyntax-error = \"loud\"\n",
                "cfg/migralint.toml:2:", "off, info, warning, error"},
        BadCase{"[rules]\nsyntax-error = 3\n",
                "cfg/migralint.toml:2:", "severity string or a table"},
        BadCase{"[rules.updated-at-trigger]\ncolumn = []\n",
                "cfg/migralint.toml:2:", "unknown option `column`"},
        BadCase{"[[sets]]\npath = \"x\"\npattern = \"(\"\n",
                "cfg/migralint.toml:3:", "not a valid regular expression"},
        BadCase{"[[sets]]\nglob = \"x\"\n", "cfg/migralint.toml:2:", "unknown key `sets.glob`"},
        BadCase{"[[sets]]\npath = \"x\"\norder = \"random\"\n",
                "cfg/migralint.toml:3:", "`sets.order` must be"},
        BadCase{"[[sets]]\npath = \"x\"\nrecursive = \"yes\"\n",
                "cfg/migralint.toml:3:", "`sets.recursive` must be true or false"},
        BadCase{"runner = \"flyaway\"\n", "cfg/migralint.toml:1:", "`runner` must be one of"},
        BadCase{"[placeholders]\nschema = 1\n", "cfg/migralint.toml:2:", ""},
        BadCase{"pg_version = [\n", "cfg/migralint.toml:", ""}));

}  // namespace
}  // namespace migralint::config
