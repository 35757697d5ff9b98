// lock_cli_test.cc: `migralint lock` / `new` and drift against the lock file, as processes —
// including two git branches that each add a migration and conflict on the lock file.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "temp_folder.h"

namespace fs = std::filesystem;

namespace {

using migralint::testing::Slurp;

const fs::path kBinary = MIGRALINT_BINARY;

class Workspace : public migralint::testing::TempFolderTest {
 protected:
  Workspace() : TempFolderTest("lock") {}

  std::string Read(const std::string& relative) { return Slurp(dir_ / relative); }
  // Runs a shell command in the workspace; returns its exit code, output in `out`.
  int Sh(const std::string& command, std::string* out = nullptr) {
    const fs::path log = dir_ / ".out";
    const int status = std::system(
        ("cd '" + dir_.string() + "' && (" + command + ") >'" + log.string() + "' 2>&1").c_str());
    if (out) *out = Read(".out");
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }
  int Migralint(const std::string& args, std::string* out = nullptr) {
    return Sh("NO_COLOR=1 '" + kBinary.string() + "' " + args, out);
  }
};

TEST_F(Workspace, LockThenEditsAreClassified) {
  Write("db/migrations/001_a.sql", "CREATE TABLE IF NOT EXISTS a (id int);\n");
  Write("db/migrations/002_b.sql", "-- b\nCREATE TABLE IF NOT EXISTS b (id int);\n");
  Write("db/migrations/003_c.sql", "CREATE TABLE IF NOT EXISTS c (id int);\n");
  std::string out;
  ASSERT_EQ(Migralint("lock db", &out), 0) << out;
  EXPECT_EQ(out, "wrote db/migrations/migralint.lock (3 migrations)\n");
  const std::string lock = Read("db/migrations/migralint.lock");
  EXPECT_TRUE(std::regex_search(
      lock,
      std::regex(
          "^migralint-lock 1 sum:[0-9a-f]{64}\n001_a.sql sha256:[0-9a-f]{64} sem:[0-9a-f]{64}\n")));
  EXPECT_EQ(Migralint("lint db"), 0);

  Write("db/migrations/002_b.sql",
        "-- b, reworded\ncreate table if not exists b (\n  id int\n);\n");          // cosmetic
  Write("db/migrations/003_c.sql", "CREATE TABLE IF NOT EXISTS c (id bigint);\n");  // semantic
  EXPECT_EQ(Migralint("lint --format gcc --disable missing-primary-key db", &out), 1);
  EXPECT_EQ(out,
            "db/migrations/002_b.sql:1:1: warning: \"002_b.sql\" changed after it was recorded in "
            "db/migrations/migralint.lock: cosmetic change (comments or whitespace only) "
            "[modified-migration]\n"
            "db/migrations/003_c.sql:1:1: error: \"003_c.sql\" changed after it was recorded in "
            "db/migrations/migralint.lock: semantic change: databases that ran it differ from ones "
            "that will "
            "[modified-migration]\n");
}

TEST_F(Workspace, DeletedRenamedAndOutOfOrder) {
  Write("m/001_a.sql", "CREATE TABLE IF NOT EXISTS a (id int);\n");
  Write("m/002_b.sql", "CREATE TABLE IF NOT EXISTS b (id int);\n");
  Write("m/004_d.sql", "CREATE TABLE IF NOT EXISTS d (id int);\n");
  ASSERT_EQ(Migralint("lock m"), 0);
  fs::rename(dir_ / "m/002_b.sql", dir_ / "m/005_b.sql");
  fs::remove(dir_ / "m/001_a.sql");
  Write("m/003_c.sql", "CREATE TABLE IF NOT EXISTS c (id int);\n");
  std::string out;
  EXPECT_EQ(Migralint("lint --format gcc --disable sequence-gap m", &out), 1);
  EXPECT_NE(out.find("m/migralint.lock:2:1: error: \"001_a.sql\" is recorded in m/migralint.lock "
                     "but no longer exists [missing-migration]"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("m/migralint.lock:3:1: error: \"002_b.sql\" is recorded in m/migralint.lock "
                     "but was renamed to \"005_b.sql\""),
            std::string::npos)
      << out;
  EXPECT_NE(
      out.find("m/003_c.sql:1:1: warning: \"003_c.sql\" is new but sorts before \"004_d.sql\""),
      std::string::npos)
      << out;
}

TEST_F(Workspace, HandEditedLockIsReportedAtItsFirstLine) {
  Write("m/001_a.sql", "CREATE TABLE IF NOT EXISTS a (id int);\n");
  ASSERT_EQ(Migralint("lock m"), 0);
  std::string lock = Read("m/migralint.lock");
  lock += "002_b.sql sha256:" + std::string(64, 'a') + " sem:" + std::string(64, 'b') + "\n";
  Write("m/migralint.lock", lock);
  std::string out;
  EXPECT_EQ(Migralint("lint --format gcc --disable missing-primary-key m", &out), 1);
  EXPECT_EQ(out.rfind("m/migralint.lock:1:1: error: \"m/migralint.lock\" was edited by hand", 0),
            0u)
      << out;
}

TEST_F(Workspace, LockCheckedOutWithCrlfIsTheSameLock) {
  // git's autocrlf turns every LF of the lock file into CRLF on checkout.
  Write("m/001_a.sql", "CREATE TABLE IF NOT EXISTS a (id int);\n");
  Write("m/002_b.sql", "CREATE TABLE IF NOT EXISTS b (id int);\n");
  ASSERT_EQ(Migralint("lock m"), 0);
  std::string crlf;
  for (char c : Read("m/migralint.lock"))
    crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  Write("m/migralint.lock", crlf);
  std::string out;
  EXPECT_EQ(Migralint("lint --format gcc --disable missing-primary-key m", &out), 0) << out;
  EXPECT_EQ(out, "");
  // Still a lock: an edit after it is found.
  Write("m/002_b.sql", "CREATE TABLE IF NOT EXISTS b (id bigint);\n");
  EXPECT_EQ(Migralint("lint --format gcc --disable missing-primary-key m", &out), 1);
  EXPECT_NE(out.find("m/002_b.sql:1:1: error: \"002_b.sql\" changed after it was recorded"),
            std::string::npos)
      << out;
}

TEST_F(Workspace, TwoBranchesAddingMigrationsConflictOnTheLockFile) {
  if (Sh("command -v git") != 0) GTEST_SKIP() << "git is not installed";
  Write("db/migrations/001_a.sql", "CREATE TABLE IF NOT EXISTS a (id int);\n");
  ASSERT_EQ(Migralint("lock db"), 0);
  const std::string git =
      "git -c user.name=t -c user.email=t@example.com -c init.defaultBranch=main ";
  std::string out;
  ASSERT_EQ(Sh(git + "init -q . && " + git + "add -A && " + git + "commit -qm base", &out), 0)
      << out;
  ASSERT_EQ(Sh(git + "checkout -qb feature-b"), 0);
  Write("db/migrations/002_b.sql", "CREATE TABLE IF NOT EXISTS b (id int);\n");
  ASSERT_EQ(Migralint("lock db"), 0);
  ASSERT_EQ(Sh(git + "add -A && " + git + "commit -qm b"), 0);
  ASSERT_EQ(Sh(git + "checkout -q main && " + git + "checkout -qb feature-c"), 0);
  Write("db/migrations/002_c.sql", "CREATE TABLE IF NOT EXISTS c (id int);\n");
  ASSERT_EQ(Migralint("lock db"), 0);
  ASSERT_EQ(Sh(git + "add -A && " + git + "commit -qm c"), 0);
  ASSERT_EQ(Sh(git + "checkout -q main && " + git + "merge -q feature-b"), 0);
  EXPECT_NE(Sh(git + "merge -q feature-c", &out), 0) << "the second branch must not merge cleanly";
  EXPECT_NE(out.find("CONFLICT"), std::string::npos) << out;
  EXPECT_NE(out.find("migralint.lock"), std::string::npos) << out;
}

TEST_F(Workspace, NewCreatesTheNextMigrationAndNeverOverwrites) {
  Write("db/migrations/001_a.sql", "CREATE TABLE IF NOT EXISTS a (id int);\n");
  Write("db/migrations/009_i.sql", "CREATE TABLE IF NOT EXISTS i (id int);\n");
  std::string out;
  ASSERT_EQ(Migralint("new 'Add tags!' --set db/migrations", &out), 0) << out;
  EXPECT_EQ(out, "created db/migrations/010_add_tags.sql\n");
  const std::string text = Read("db/migrations/010_add_tags.sql");
  EXPECT_TRUE(std::regex_search(text, std::regex("^-- Migration: 010_add_tags.sql\n-- Description: "
                                                 "Add tags!\n-- Date: \\d{4}-\\d{2}-\\d{2}\n")));
}

TEST_F(Workspace, NewNeverOverwrites) {
  // Two calls in the same second: the second takes the next version, and the first file is
  // left as it was written.
  Write("s/supabase/migrations/20240101000000_init.sql", "SELECT 1;\n");
  const std::string bin = "'" + kBinary.string() + "'";
  std::string out;
  Sh(bin + " new again --set s/supabase && " + bin + " new again --set s/supabase", &out);
  std::vector<fs::path> created;
  for (const auto& entry : fs::directory_iterator(dir_ / "s/supabase/migrations")) {
    if (entry.path().filename().string().find("_again.sql") != std::string::npos)
      created.push_back(entry.path());
  }
  ASSERT_EQ(created.size(), 2u) << out;
  EXPECT_NE(created[0].filename(), created[1].filename());
  for (const fs::path& file : created)
    EXPECT_NE(Read(fs::relative(file, dir_).string()).find("-- Migration: "), std::string::npos);
}

TEST_F(Workspace, NewUsesTimestampsInTimestampedSets) {
  Write("supabase/migrations/20240101000000_init.sql", "SELECT 1;\n");
  std::string out;
  ASSERT_EQ(Migralint("new 'create profiles' --set supabase", &out), 0) << out;
  EXPECT_TRUE(std::regex_match(
      out, std::regex("created supabase/migrations/\\d{14}_create_profiles.sql\n")))
      << out;
  Write("up/000001_init.up.sql", "SELECT 1;\n");
  ASSERT_EQ(Migralint("new 'add x' --set up", &out), 0) << out;
  EXPECT_EQ(out, "created up/000002_add_x.up.sql\ncreated up/000002_add_x.down.sql\n");
}

}  // namespace
