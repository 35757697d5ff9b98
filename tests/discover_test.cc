// discover_test.cc: layouts, execution order, rollbacks kept apart, and the real corpus.
#include "discover/discover.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

#include "config/load_config.h"
#include "lint/registry.h"

namespace fs = std::filesystem;

namespace migralint {
namespace {

const fs::path kSource = MIGRALINT_SOURCE_DIR;

class TempTree {
 public:
  TempTree() {
    root_ = fs::temp_directory_path() /
            ("migralint-discover-" + std::to_string(::getpid()) + "-" + std::to_string(counter_++));
    fs::remove_all(root_);
    fs::create_directories(root_);
  }
  ~TempTree() { fs::remove_all(root_); }
  void Add(const std::string& relative, const std::string& text = "SELECT 1;\n") {
    fs::create_directories((root_ / relative).parent_path());
    std::ofstream(root_ / relative) << text;
  }
  const fs::path& root() const { return root_; }

 private:
  static inline int counter_ = 0;
  fs::path root_;
};

std::vector<MigrationSet> DiscoverAt(const fs::path& path,
                                     std::vector<std::string>* errors = nullptr) {
  static const config::KnownRules known = lint::KnownRuleOptions();
  config::ConfigResolver configs(known, std::nullopt);
  discover::Discovery d = discover::Discover({path.string()}, configs);
  if (errors) *errors = d.errors;
  return std::move(d.sets);
}

std::vector<std::string> Relatives(const std::vector<MigrationFile>& files) {
  std::vector<std::string> out;
  for (const auto& f : files) out.push_back(f.relative);
  return out;
}

TEST(Discover, NumberedSetOrdersNumericallyAndKeepsRollbacksApart) {
  TempTree t;
  t.Add("db/migrations/010_c.sql");
  t.Add("db/migrations/002_b.sql");
  t.Add("db/migrations/1_a.sql");
  t.Add("db/migrations/rollback-002.sql");
  t.Add("db/migrations/notes.sql");
  auto sets = DiscoverAt(t.root());
  ASSERT_EQ(sets.size(), 1u);
  EXPECT_EQ(sets[0].layout, Layout::kNumbered);
  EXPECT_EQ(Relatives(sets[0].migrations),
            (std::vector<std::string>{"1_a.sql", "002_b.sql", "010_c.sql"}));
  ASSERT_EQ(sets[0].others.size(), 2u);
  EXPECT_EQ(sets[0].others[0].role, FileRole::kUnrecognised);  // notes.sql
  EXPECT_EQ(sets[0].others[1].role, FileRole::kRollback);
  EXPECT_EQ(sets[0].others[1].version.text, "002");
}

TEST(Discover, DatedSequenceVersions) {
  TempTree t;
  t.Add("migrations/20250110_002_b.sql");
  t.Add("migrations/20250110_010_c.sql");
  t.Add("migrations/20250109_001_a.sql");
  auto sets = DiscoverAt(t.root());
  ASSERT_EQ(sets.size(), 1u);
  EXPECT_EQ(
      Relatives(sets[0].migrations),
      (std::vector<std::string>{"20250109_001_a.sql", "20250110_002_b.sql", "20250110_010_c.sql"}));
  EXPECT_EQ(sets[0].migrations[1].version.text, "20250110_002");
  EXPECT_TRUE(sets[0].migrations[1].version.IsTimestamp());
}

TEST(Discover, UpDownAndPopDialects) {
  TempTree t;
  t.Add("m/001_a.up.sql");
  t.Add("m/001_a.down.sql");
  t.Add("m/002_b.up.sql");
  t.Add("m/002_b.postgres.up.sql");
  t.Add("m/002_b.sqlite3.up.sql");
  t.Add("m/003_c.postgres.autocommit.up.sql");
  auto sets = DiscoverAt(t.root());
  ASSERT_EQ(sets.size(), 1u);
  EXPECT_EQ(sets[0].layout, Layout::kUpDown);
  EXPECT_EQ(Relatives(sets[0].migrations),
            (std::vector<std::string>{"001_a.up.sql", "002_b.postgres.up.sql",
                                      "003_c.postgres.autocommit.up.sql"}));
  EXPECT_TRUE(sets[0].migrations[2].no_transaction);
  const auto skipped =
      std::count_if(sets[0].others.begin(), sets[0].others.end(),
                    [](const MigrationFile& f) { return f.role == FileRole::kOtherDialect; });
  EXPECT_EQ(skipped, 2);  // the generic 002 (superseded) and the sqlite3 one
}

TEST(Discover, FolderPerMigration) {
  TempTree t;
  t.Add("migrations/2019-02-26-002946_create_user/up.sql");
  t.Add("migrations/2019-02-26-002946_create_user/down.sql");
  t.Add("migrations/00000000000000_setup/up.sql");
  t.Add("prisma/migrations/20240101000000_init/migration.sql");
  auto sets = DiscoverAt(t.root());
  ASSERT_EQ(sets.size(), 2u);
  EXPECT_EQ(sets[0].layout, Layout::kFolderPerMigration);
  EXPECT_EQ(Relatives(sets[0].migrations),
            (std::vector<std::string>{"00000000000000_setup/up.sql",
                                      "2019-02-26-002946_create_user/up.sql"}));
  EXPECT_EQ(Relatives(sets[1].migrations),
            (std::vector<std::string>{"20240101000000_init/migration.sql"}));
}

TEST(Discover, DbmateIsRecognisedByItsMarker) {
  TempTree t;
  t.Add("db/migrations/20240101000000_a.sql",
        "-- migrate:up\nCREATE TABLE a (id int);\n-- migrate:down\nDROP TABLE a;\n");
  auto sets = DiscoverAt(t.root());
  ASSERT_EQ(sets.size(), 1u);
  EXPECT_EQ(sets[0].layout, Layout::kDbmate);
}

TEST(Discover, SupabaseWithSeed) {
  TempTree t;
  t.Add("supabase/migrations/20250301090000_a.sql");
  t.Add("supabase/migrations/20250201090000_b.sql");
  t.Add("supabase/seed.sql");
  t.Add("supabase/config.toml", "project_id = \"x\"\n");
  auto sets = DiscoverAt(t.root());
  ASSERT_EQ(sets.size(), 1u);
  EXPECT_EQ(sets[0].layout, Layout::kSupabase);
  EXPECT_EQ(sets[0].root.filename(), "migrations");
  EXPECT_EQ(Relatives(sets[0].migrations),
            (std::vector<std::string>{"20250201090000_b.sql", "20250301090000_a.sql"}));
  ASSERT_EQ(sets[0].others.size(), 1u);
  EXPECT_EQ(sets[0].others[0].role, FileRole::kSeedData);
}

TEST(Discover, ThreeTierOrderAndActiveTheme) {
  TempTree t;
  t.Add("core/migrations/002_b.sql");
  t.Add("core/migrations/001_a.sql");
  t.Add("contents/themes/blue/migrations/001_t.sql");
  t.Add("contents/themes/red/migrations/001_t.sql");
  t.Add("contents/plugins/zeta/migrations/001_z.sql");
  t.Add("contents/plugins/alpha/migrations/001_p.sql");
  t.Add("contents/plugins/alpha/entities/items/migrations/001_e.sql");
  t.Add("contents/themes/blue/entities/posts/migrations/001_e.sql");
  std::vector<std::string> errors;
  EXPECT_TRUE(DiscoverAt(t.root(), &errors).empty());
  ASSERT_EQ(errors.size(), 1u);  // two themes, none active
  EXPECT_NE(errors[0].find("several themes"), std::string::npos);

  t.Add("migralint.toml", "active_theme = \"blue\"\n");
  auto sets = DiscoverAt(t.root());
  ASSERT_EQ(sets.size(), 1u);
  EXPECT_EQ(sets[0].layout, Layout::kThreeTier);
  EXPECT_EQ(
      Relatives(sets[0].migrations),
      (std::vector<std::string>{"core/migrations/001_a.sql", "core/migrations/002_b.sql",
                                "contents/themes/blue/migrations/001_t.sql",
                                "contents/plugins/alpha/migrations/001_p.sql",
                                "contents/plugins/zeta/migrations/001_z.sql",
                                "contents/themes/blue/entities/posts/migrations/001_e.sql",
                                "contents/plugins/alpha/entities/items/migrations/001_e.sql"}));
  EXPECT_EQ(sets[0].migrations[2].tier, "theme");
  EXPECT_EQ(sets[0].migrations[6].source, "alpha/items");
  ASSERT_EQ(sets[0].others.size(), 1u);
  EXPECT_EQ(sets[0].others[0].role, FileRole::kInactive);  // the red theme
}

TEST(Discover, MissingPathIsAnError) {
  std::vector<std::string> errors;
  EXPECT_TRUE(DiscoverAt("/nonexistent/migralint/path", &errors).empty());
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].find("no such file"), std::string::npos);
}

// The real sets of ../shared/corpus-real: the forward set of each, in the order its runner
// uses (SOURCES.md: `find <set> -type f | LC_ALL=C sort`), down files kept apart.
TEST(Discover, RealCorpusCountsAndOrder) {
  const fs::path corpus = kSource.parent_path() / "shared" / "corpus-real";
  if (!fs::is_directory(corpus)) GTEST_SKIP() << corpus << " absent (needs ../shared)";
  // Counted with find(1): files minus *.down.sql / *_down.sql; up.sql folders for lemmy;
  // kratos: one file per version among postgres and dialect-less *.up.sql.
  const std::map<std::string, std::size_t> expected = {
      {"harness", 209}, {"kratos", 346}, {"lemmy", 342}, {"openmeter", 269}, {"supabase-auth", 70}};
  for (const auto& [name, count] : expected) {
    auto sets = DiscoverAt(corpus / name);
    ASSERT_EQ(sets.size(), 1u) << name;
    EXPECT_EQ(sets[0].migrations.size(), count) << name;
    std::vector<std::string> order = Relatives(sets[0].migrations);
    std::vector<std::string> sorted = order;
    std::sort(sorted.begin(), sorted.end());  // byte order, as LC_ALL=C sort
    EXPECT_EQ(order, sorted) << name << ": execution order differs from the runner's";
    for (const auto& f : sets[0].others) {
      EXPECT_NE(f.role, FileRole::kUnrecognised) << name << ": " << f.relative;
    }
  }
}

}  // namespace
}  // namespace migralint

// The version/name split is written out by hand; it must agree with the regex it replaces on
// names built from what matters: a date or not, a run of digits, a separator, a line break.
#include <regex>

#include "discover/file_name.h"

namespace migralint::discover {
namespace {

TEST(FileName, VersionSplitAgreesWithItsRegex) {
  static const std::regex pattern(R"(^(\d{8}_\d{1,6}|\d+)(?:[_-](.+))?$)");
  std::size_t matched = 0;
  for (const char* date : {"", "20240101_", "2024010_", "20240101", "20240101-"}) {
    for (std::size_t n = 0; n <= 8; ++n) {
      for (const char* tail : {"", "_x", "-x", "_", "x", "_x\ny", "__", "_1_2"}) {
        const std::string base = date + std::string(n, '7') + tail;
        std::smatch m;
        const bool matches = std::regex_match(base, m, pattern);
        const NameInfo info = ClassifyFileName(base + ".sql");
        EXPECT_EQ(info.role == FileRole::kMigration, matches) << base;
        if (!matches) continue;
        ++matched;
        EXPECT_EQ(info.version, m[1].str()) << base;
        EXPECT_EQ(info.name, m[2].str()) << base;
      }
    }
  }
  EXPECT_GT(matched, 100u);
}

}  // namespace
}  // namespace migralint::discover
