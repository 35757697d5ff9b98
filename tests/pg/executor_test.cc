// executor_test.cc: `apply`, `lint --apply`, `status` as processes against real throwaway
// PostgreSQL servers: history, advisory lock, transactions, failures, the gate, dry runs, other
// runners' histories, and passwords that never show.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <thread>

#include "apply/connection.h"
#include "apply/embedded_server.h"

namespace fs = std::filesystem;

namespace migralint {
namespace {

const fs::path kBinary = MIGRALINT_BINARY;

struct Outcome {
  int exit_code = -1;
  std::string out, err;
};

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::set<std::string> EmbeddedFolders() {
  std::set<std::string> out;
  for (const auto& e : fs::directory_iterator("/tmp")) {
    if (e.path().filename().string().rfind("migralint-pg-", 0) == 0) out.insert(e.path().string());
  }
  return out;
}

class Executor : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string error;
    server_ = apply::EmbeddedServer::Start(error).release();
    ASSERT_NE(server_, nullptr) << error;
  }
  static void TearDownTestSuite() { delete server_; }

  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("migralint-exec-" + std::to_string(getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    database_ = "t_" + std::to_string(getpid()) + "_" + std::to_string(++count_);
    Admin().Exec("CREATE DATABASE " + database_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  apply::Connection& Admin() {
    static std::unique_ptr<apply::Connection> admin;
    std::string error;
    if (!admin) admin = apply::Connection::Open(server_->ConnInfo(), error);
    return *admin;
  }
  std::unique_ptr<apply::Connection> Db() {
    std::string error;
    return apply::Connection::Open(server_->ConnInfo(database_), error);
  }
  std::string Url() const { return server_->ConnInfo(database_); }
  std::string Scalar(const std::string& sql) {
    auto r = Db()->Exec(sql);
    EXPECT_TRUE(r.ok) << sql << ": " << r.message;
    return r.ok && !r.rows.empty() && r.rows[0][0] ? *r.rows[0][0] : "";
  }

  void Write(const std::string& relative, const std::string& text) {
    fs::create_directories((dir_ / relative).parent_path());
    std::ofstream(dir_ / relative, std::ios::binary) << text;
  }

  // Runs migralint in the work folder; `env` is prepended to the command line.
  Outcome Migralint(const std::string& args, const std::string& env = "") {
    const fs::path out = dir_ / ".out", err = dir_ / ".err";
    const std::string command = "cd '" + dir_.string() + "' && env -u DATABASE_URL NO_COLOR=1 " +
                                env + " '" + kBinary.string() + "' " + args + " >'" + out.string() +
                                "' 2>'" + err.string() + "'";
    const int status = std::system(command.c_str());
    return Outcome{WIFEXITED(status) ? WEXITSTATUS(status) : -1, Slurp(out), Slurp(err)};
  }
  Outcome Apply(const std::string& args = "") {
    return Migralint("apply --database-url '" + Url() + "' " + args + " db");
  }

  void ThreeFiles() {
    Write("db/migrations/001_accounts.sql",
          "CREATE TABLE IF NOT EXISTS accounts (id bigint PRIMARY KEY);\n");
    Write("db/migrations/002_notes.sql",
          "CREATE TABLE IF NOT EXISTS notes (id bigint PRIMARY KEY, account_id bigint);\n"
          "CREATE INDEX IF NOT EXISTS notes_account_id_idx ON notes (account_id);\n");
    Write("db/migrations/003_tags.sql",
          "CREATE TABLE IF NOT EXISTS tags (id bigint PRIMARY KEY);\n");
  }

  static inline apply::EmbeddedServer* server_ = nullptr;
  static inline int count_ = 0;
  fs::path dir_;
  std::string database_;
};

TEST_F(Executor, AppliesRecordsAndFindsNothingPendingTheSecondTime) {
  ThreeFiles();
  Outcome r = Apply();
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("applied  db/migrations/002_notes.sql ("), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("2 statements)"), std::string::npos) << r.out;
  EXPECT_EQ(Scalar("SELECT count(*) FROM migralint.schema_migrations WHERE status = 'applied'"),
            "3");
  EXPECT_EQ(Scalar("SELECT checksum_raw ~ '^[0-9a-f]{64}$' AND checksum_sem ~ '^[0-9a-f]{64}$' AND "
                   "version = '002' "
                   "AND name = 'notes' AND applied_by <> '' FROM migralint.schema_migrations WHERE "
                   "path = '002_notes.sql'"),
            "t");
  r = Apply();
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("applied 0 migrations"), std::string::npos) << r.out;
}

TEST_F(Executor, FailureRollsBackStopsAndResumesAfterTheFix) {
  ThreeFiles();
  Write("db/migrations/002_notes.sql",
        "CREATE TABLE IF NOT EXISTS notes (id bigint PRIMARY KEY);\n"
        "INSERT INTO notes (id) VALUES (1);\n"
        "SELECT 1 / (id - 1) FROM notes;\n");
  Outcome r = Apply("--disable hardcoded-data");
  EXPECT_EQ(r.exit_code, 3) << r.out << r.err;
  EXPECT_NE(r.out.find("db/migrations/002_notes.sql:3:1: error: division by zero (SQLSTATE 22012)"),
            std::string::npos)
      << r.out;
  EXPECT_EQ(
      Scalar("SELECT status FROM migralint.schema_migrations WHERE path = '001_accounts.sql'"),
      "applied");
  EXPECT_EQ(Scalar("SELECT status || ': ' || error FROM migralint.schema_migrations WHERE path = "
                   "'002_notes.sql'"),
            "failed: division by zero (SQLSTATE 22012)");
  EXPECT_EQ(Scalar("SELECT count(*) FROM migralint.schema_migrations WHERE path = '003_tags.sql'"),
            "0");
  EXPECT_EQ(Scalar("SELECT to_regclass('notes') IS NULL"), "t");  // rolled back
  EXPECT_EQ(Scalar("SELECT to_regclass('tags') IS NULL"), "t");   // never ran

  Write("db/migrations/002_notes.sql",
        "CREATE TABLE IF NOT EXISTS notes (id bigint PRIMARY KEY);\n");
  r = Apply();
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("applied 2 migrations"), std::string::npos) << r.out;
  EXPECT_EQ(Scalar("SELECT string_agg(path || '=' || status, ',' ORDER BY path) FROM "
                   "migralint.schema_migrations"),
            "001_accounts.sql=applied,002_notes.sql=applied,003_tags.sql=applied");
}

TEST_F(Executor, PositionOfTheErrorInsideTheStatement) {
  Write("db/migrations/001_a.sql",
        "CREATE TABLE IF NOT EXISTS a (id int);\n\nSELECT id,\n       nope\n  FROM a;\n");
  Outcome r = Apply();
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(
      r.out.find(
          "db/migrations/001_a.sql:4:8: error: column \"nope\" does not exist (SQLSTATE 42703)"),
      std::string::npos)
      << r.out;
}

TEST_F(Executor, TransactionModes) {
  Write("db/migrations/001_a.sql", "CREATE TABLE IF NOT EXISTS a (id int);\n");
  Write(
      "db/migrations/002_index.sql",
      "-- migralint:no-transaction\nCREATE INDEX CONCURRENTLY IF NOT EXISTS a_id_idx ON a (id);\n");
  Write("db/migrations/003_own.sql",
        "BEGIN;\nALTER TABLE a ADD COLUMN IF NOT EXISTS b int;\nCOMMIT;\n");
  Outcome r = Apply();
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("002_index.sql ("), std::string::npos);
  EXPECT_NE(r.out.find("one by one without a transaction (migralint:no-transaction)"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("in the file's own transaction"), std::string::npos) << r.out;
  EXPECT_EQ(Scalar("SELECT count(*) FROM pg_indexes WHERE indexname = 'a_id_idx'"), "1");
}

TEST_F(Executor, GateRefusesAndLeavesTheDatabaseUntouched) {
  ThreeFiles();
  Write("db/migrations/003_tags.sql",
        "CREATE TABLE IF NOT EXISTS tags (id bigint PRIMARY KEY,);\n");
  Outcome r = Apply();
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("nothing applied"), std::string::npos);
  EXPECT_EQ(Scalar("SELECT to_regclass('migralint.schema_migrations') IS NULL AND "
                   "to_regclass('accounts') IS NULL"),
            "t");
  r = Migralint("lint --apply --database-url '" + Url() + "' db");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(Scalar("SELECT to_regclass('migralint.schema_migrations') IS NULL"), "t");
}

TEST_F(Executor, DriftAgainstTheHistoryIsGated) {
  ThreeFiles();
  ASSERT_EQ(Apply().exit_code, 0);
  Write("db/migrations/003_tags.sql",
        "CREATE TABLE IF NOT EXISTS tags (id bigint PRIMARY KEY, label text);\n");
  Write("db/migrations/004_more.sql", "CREATE TABLE IF NOT EXISTS more (id int);\n");
  Outcome r = Migralint("apply --format gcc --database-url '" + Url() + "' db");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(
      r.out.find(
          "db/migrations/003_tags.sql:1:1: error: \"003_tags.sql\" changed after it was applied"),
      std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("semantic change"), std::string::npos);
  EXPECT_EQ(Scalar("SELECT to_regclass('more') IS NULL"), "t");
  fs::remove(dir_ / "db/migrations/003_tags.sql");
  r = Migralint("apply --format gcc --database-url '" + Url() + "' db");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("\"003_tags.sql\" was applied to the database"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("[missing-migration]"), std::string::npos);
}

TEST_F(Executor, DryRunPersistsNothing) {
  ThreeFiles();
  Outcome r = Apply("--dry-run");
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("would apply db/migrations/001_accounts.sql"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("nothing persisted"), std::string::npos);
  EXPECT_EQ(Scalar("SELECT to_regclass('migralint.schema_migrations') IS NULL AND "
                   "to_regclass('accounts') IS NULL "
                   "AND to_regclass('tags') IS NULL"),
            "t");
}

TEST_F(Executor, StatusTableAndJson) {
  ThreeFiles();
  Write("db/migrations/004_broken.sql", "SELECT 1/0;\n");
  Apply();
  Write(
      "db/migrations/002_notes.sql",
      "-- reworded\nCREATE TABLE IF NOT EXISTS notes (id bigint PRIMARY KEY, account_id bigint);\n"
      "CREATE INDEX IF NOT EXISTS notes_account_id_idx ON notes (account_id);\n");
  fs::remove(dir_ / "db/migrations/001_accounts.sql");
  Write("db/migrations/005_new.sql", "SELECT 1;\n");
  Outcome r = Migralint("status --database-url '" + Url() + "' db");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char* line :
       {"  modified  db/migrations/002_notes.sql", "  applied   db/migrations/003_tags.sql",
        "  failed    db/migrations/004_broken.sql", "  pending   db/migrations/005_new.sql",
        "  missing   db/migrations/001_accounts.sql"}) {
    EXPECT_NE(r.out.find(line), std::string::npos) << line << "\n" << r.out;
  }
  r = Migralint("status --format json --database-url '" + Url() + "' db");
  const auto j = nlohmann::json::parse(r.out);
  std::map<std::string, std::string> states;
  for (const auto& m : j["sets"][0]["migrations"]) states[m["path"]] = m["status"];
  EXPECT_EQ(states["db/migrations/004_broken.sql"], "failed");
  EXPECT_EQ(states["db/migrations/001_accounts.sql"], "missing");
  EXPECT_EQ(states["db/migrations/005_new.sql"], "pending");
  EXPECT_EQ(Migralint("status db").exit_code, 2);  // no database given
}

TEST_F(Executor, TwoRunnersOneDatabase) {
  ThreeFiles();
  Write("db/migrations/002_notes.sql",
        "CREATE TABLE IF NOT EXISTS notes (id int);\nSELECT pg_sleep(2);\n");
  const std::string command = "cd '" + dir_.string() + "' && env -u DATABASE_URL '" +
                              kBinary.string() + "' apply --database-url '" + Url() + "' db";
  std::string outputs[2];
  int codes[2];
  std::thread first([&] {
    const int s = std::system((command + " >'" + (dir_ / ".a").string() + "' 2>&1").c_str());
    codes[0] = WEXITSTATUS(s);
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(700));
  const int s = std::system((command + " >'" + (dir_ / ".b").string() + "' 2>&1").c_str());
  codes[1] = WEXITSTATUS(s);
  first.join();
  outputs[0] = Slurp(dir_ / ".a");
  outputs[1] = Slurp(dir_ / ".b");
  EXPECT_EQ(codes[0], 0) << outputs[0];
  EXPECT_EQ(codes[1], 0) << outputs[1];
  EXPECT_NE(outputs[0].find("applied 3 migrations"), std::string::npos) << outputs[0];
  EXPECT_NE(outputs[1].find("waiting for another migralint run"), std::string::npos) << outputs[1];
  EXPECT_NE(outputs[1].find("applied 0 migrations"), std::string::npos) << outputs[1];
  EXPECT_EQ(Scalar("SELECT count(*) FROM migralint.schema_migrations"), "3");
}

TEST_F(Executor, OtherRunnersHistoriesAreRecognisedAndAdopted) {
  // Seed 000's runner applied core 001 and a theme migration; Supabase's applied one version.
  Write("app/core/migrations/001_users.sql", "CREATE TABLE users (id int);\n");
  Write("app/core/migrations/002_posts.sql", "CREATE TABLE IF NOT EXISTS posts (id int);\n");
  Write("app/contents/themes/blue/migrations/001_menus.sql", "CREATE TABLE menus (id int);\n");
  auto db = Db();
  ASSERT_TRUE(
      db->Exec("CREATE TABLE users (id int); CREATE TABLE menus (id int);"
               "CREATE TABLE _migrations (id serial PRIMARY KEY, filename text UNIQUE NOT NULL);"
               "CREATE TABLE _content_migrations (id serial PRIMARY KEY, source_type text, "
               "source_name text, filename text);"
               "INSERT INTO _migrations (filename) VALUES ('001_users.sql');"
               "INSERT INTO _content_migrations (source_type, source_name, filename) VALUES "
               "('theme', 'blue', '001_menus.sql');")
          .ok);
  Outcome r = Migralint("status --history-from seed000 --database-url '" + Url() + "' app");
  EXPECT_NE(r.out.find("applied*  app/core/migrations/001_users.sql"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("pending   app/core/migrations/002_posts.sql"), std::string::npos) << r.out;
  r = Migralint("apply --fail-on never --adopt --history-from seed000 --database-url '" + Url() +
                "' app");
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;  // users and menus would fail if run again
  EXPECT_NE(r.out.find("adopted  app/core/migrations/001_users.sql"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("applied 1 migration, adopted 2"), std::string::npos) << r.out;
  EXPECT_EQ(Scalar("SELECT string_agg(status, ',' ORDER BY path) FROM migralint.schema_migrations"),
            "adopted,adopted,applied");

  Write("supa/supabase/migrations/20240101000000_a.sql", "CREATE TABLE a (id int);\n");
  ASSERT_TRUE(
      db->Exec("CREATE TABLE a (id int); CREATE SCHEMA supabase_migrations;"
               "CREATE TABLE supabase_migrations.schema_migrations (version text PRIMARY KEY);"
               "INSERT INTO supabase_migrations.schema_migrations VALUES ('20240101000000');")
          .ok);
  r = Migralint("status --format json --history-from supabase --database-url '" + Url() + "' supa");
  EXPECT_NE(r.out.find("\"applied_by_runner\": \"supabase\""), std::string::npos) << r.out;
}

TEST_F(Executor, PasswordsNeverShow) {
  ThreeFiles();
  const std::string url =
      "postgresql://postgres:s3cr3tpw@/" + database_ + "?host=" + server_->folder() + "&port=5432";
  Outcome r = Migralint("apply --database-url '" + url + "' db");
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ((r.out + r.err).find("s3cr3tpw"), std::string::npos) << r.out << r.err;
  EXPECT_NE(r.out.find("postgres:***@"), std::string::npos) << r.out;

  r = Migralint("apply db",
                "DATABASE_URL='postgresql://postgres:s3cr3tpw@/x?host=/nonexistent/dir'");
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ((r.out + r.err).find("s3cr3tpw"), std::string::npos) << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  EXPECT_NE(r.err.find("cannot connect"), std::string::npos);

  r = Migralint("apply --database-url 'postgresql://postgres:s3cr3tpw@/no_such_db?host=" +
                server_->folder() + "&port=5432' db");
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("database \"no_such_db\" does not exist"), std::string::npos) << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;

  // A role that must give a password, and a wrong one.
  ASSERT_TRUE(Admin()
                  .Exec("DO $$ BEGIN CREATE ROLE app LOGIN PASSWORD 'right-pw'; EXCEPTION WHEN "
                        "duplicate_object THEN NULL; END $$")
                  .ok);
  {
    std::ofstream hba(server_->folder() + "/data/pg_hba.conf");
    hba << "local all postgres trust\nlocal all all scram-sha-256\n";
  }
  ASSERT_TRUE(Admin().Exec("SELECT pg_reload_conf()").ok);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  r = Migralint("apply --database-url 'postgresql://app:wr0ngpw@/" + database_ +
                "?host=" + server_->folder() + "&port=5432' db");
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("password authentication failed"), std::string::npos) << r.err;
  EXPECT_EQ((r.out + r.err).find("wr0ngpw"), std::string::npos) << r.err;
  std::ofstream(server_->folder() + "/data/pg_hba.conf") << "local all all trust\n";
  Admin().Exec("SELECT pg_reload_conf()");
}

TEST_F(Executor, EmbeddedDefaultIsRemovedAfterwardsAndOnSigterm) {
  ThreeFiles();
  const auto before = EmbeddedFolders();
  Outcome r = Migralint("lint --apply db");
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("applied 3 migrations on a throwaway PostgreSQL ("), std::string::npos)
      << r.out;
  const std::string folder =
      r.out.substr(r.out.find("PostgreSQL (") + 12,
                   r.out.find(')', r.out.find("PostgreSQL (")) - r.out.find("PostgreSQL (") - 12);
  EXPECT_FALSE(fs::exists(folder)) << folder << " was left behind";

  Write("db/migrations/004_slow.sql", "SELECT pg_sleep(60);\n");
  const pid_t child = fork();
  if (child == 0) {
    chdir(dir_.c_str());
    freopen("/dev/null", "w", stdout);
    unsetenv("DATABASE_URL");
    execl(kBinary.c_str(), "migralint", "apply", "db", nullptr);
    _exit(127);
  }
  // Wait for its server to appear, then interrupt it.
  std::set<std::string> during;
  for (int i = 0; i < 200 && during.size() <= before.size(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    during = EmbeddedFolders();
  }
  ASSERT_GT(during.size(), before.size()) << "the embedded server never started";
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  kill(child, SIGTERM);
  int status = 0;
  waitpid(child, &status, 0);
  EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM);
  // Its server's folder (new since `before`) is gone; other processes' servers may come and go.
  const auto after = EmbeddedFolders();
  for (const std::string& started : during) {
    if (!before.count(started)) {
      EXPECT_FALSE(after.count(started)) << started << " was left behind";
    }
  }
}

}  // namespace
}  // namespace migralint
