// runners_test.cc: every real set of ../shared/corpus-runners and ../shared/corpus-real is
// detected as the right sets, with its runner, its file count and its execution order; and each
// runner's transaction semantics on small files (runners.md §2 and §3).
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <map>

#include "config/load_config.h"
#include "discover/discover.h"
#include "lint/registry.h"
#include "migralint/runner.h"

namespace fs = std::filesystem;

namespace migralint {
namespace {

const fs::path kShared = fs::path(MIGRALINT_SOURCE_DIR).parent_path() / "shared";

struct Expected {
  std::string set;     // folder under ../shared
  std::size_t sets;    // sets found under it
  std::string runner;  // of every set
  std::size_t files;   // forward migrations, all sets together
  std::string first;   // relative path of the first migration of the first set
  std::string last;    // ... and of the last migration of the last set
};

std::vector<MigrationSet> Sets(const fs::path& path) {
  static const config::KnownRules known = lint::KnownRuleOptions();
  config::ConfigResolver configs(known, std::nullopt);
  discover::Discovery d = discover::Discover({path.string()}, configs);
  EXPECT_TRUE(d.errors.empty()) << path << ": " << (d.errors.empty() ? "" : d.errors.front());
  return std::move(d.sets);
}

class RealSet : public testing::TestWithParam<Expected> {};

TEST_P(RealSet, IsDetectedWithItsRunnerAndOrder) {
  const Expected& e = GetParam();
  const fs::path dir = kShared / e.set;
  if (!fs::is_directory(dir)) GTEST_SKIP() << dir << " absent (needs ../shared)";
  const std::vector<MigrationSet> sets = Sets(dir);
  ASSERT_EQ(sets.size(), e.sets);
  std::size_t files = 0;
  for (const MigrationSet& set : sets) {
    ASSERT_NE(set.runner, nullptr);
    EXPECT_EQ(set.runner->name, e.runner) << set.root_display;
    files += set.migrations.size();
  }
  EXPECT_EQ(files, e.files);
  ASSERT_FALSE(sets.front().migrations.empty());
  EXPECT_EQ(sets.front().migrations.front().relative, e.first);
  EXPECT_EQ(sets.back().migrations.back().relative, e.last);
}

INSTANTIATE_TEST_SUITE_P(
    Corpus, RealSet,
    testing::Values(
        Expected{"corpus-runners/hatchet", 1, "goose", 224, "20240115180414_init.sql",
                 "20260820185000_v1_0_147.sql"},
        // Flyway compares versions part by part: V10.0_… runs last, not after V1.x.
        Expected{"corpus-runners/dspace", 1, "flyway", 66,
                 "V1.1__Initial_DSpace_1.1_database_schema.sql",
                 "V10.0_2026.02.18__add_columns_security_level_metadata_value.sql"},
        // The baseline project first (the root plan requires it), then the root plan.
        Expected{"corpus-runners/chef-server", 1, "sqitch", 64, "baseline/deploy/osc_users.sql",
                 "deploy/kvpair.sql"},
        Expected{"corpus-runners/capgo", 1, "supabase", 350, "20250530233128_base.sql",
                 "20260714100722_observe_plugin_version_adoption_index.sql"},
        Expected{"corpus-runners/measure", 1, "dbmate", 72, "20240830075257_create_roles_table.sql",
                 "20260812144140_drop_event_reqs_table.sql"},
        Expected{"corpus-runners/docs-rs", 1, "sqlx", 33, "20231021111635_initial.up.sql",
                 "20260811210608_remove-release-files-archive.up.sql"},
        // One set per includeAll folder (one changelog per database), sub-folders by path.
        Expected{"corpus-runners/edp-ddm-registry", 8, "liquibase", 82,
                 "00010_initial-db-setup.sql", "00020_notification-channels.sql"},
        Expected{"corpus-real/lemmy", 1, "diesel", 342,
                 "00000000000000_diesel_initial_setup/up.sql",
                 "2026-07-27-143313-0000_rename_resolve_reason_to_conclusion/up.sql"},
        Expected{"corpus-real/openmeter", 1, "golang-migrate", 269, "20240826120919_init.up.sql",
                 "20260818090123_rate_card_feature_reference_constraints.up.sql"},
        Expected{"corpus-real/kratos", 1, "golang-migrate", 346,
                 "20150100000001000000_networks.postgres.up.sql",
                 "20260703000000000000_courier_messages_status_created_at_idx.postgres.autocommit."
                 "up.sql"},
        Expected{"corpus-real/harness", 1, "golang-migrate", 209,
                 "0000_alter_table_migrations.up.sql", "0189.up.sql"},
        Expected{"corpus-real/supabase-auth", 1, "golang-migrate", 70, "00_init_auth_schema.up.sql",
                 "20260625000000_add_custom_claims_allowlist.up.sql"}),
    [](const testing::TestParamInfo<Expected>& param) {
      std::string name = param.param.set.substr(param.param.set.find('/') + 1);
      std::replace(name.begin(), name.end(), '-', '_');
      return name;
    });

// Every runner of runners.def is documented, with its opt-out marker and its history table.
TEST(Runners, EachHasItsPage) {
  const fs::path docs = fs::path(MIGRALINT_SOURCE_DIR) / "docs" / "runners";
  for (const Runner* runner : AllRunners()) {
    std::ifstream in(docs / (std::string(runner->name) + ".md"));
    ASSERT_TRUE(in) << runner->name << ": docs/runners/" << runner->name << ".md missing";
    const std::string page((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_EQ(page.rfind("# " + std::string(runner->name) + "\n", 0), 0u) << runner->name;
    if (!runner->history_table.empty()) {
      EXPECT_NE(page.find(runner->history_table), std::string::npos) << runner->name;
    }
  }
}

}  // namespace
}  // namespace migralint
