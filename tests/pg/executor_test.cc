// executor_test.cc: `apply`, `lint --apply`, `status` as processes against real throwaway
// PostgreSQL servers: history, advisory lock, transactions, failures, the gate, dry runs, other
// runners' histories, and passwords that never show.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <thread>

#include "apply/connection.h"
#include "apply/embedded_server.h"
#include "migralint/sha256.h"

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
  // Without a database, a refused set starts no throwaway server: with no PostgreSQL to start,
  // the answer is still the gate's, not "cannot start the embedded PostgreSQL".
  r = Migralint("lint --apply db", "MIGRALINT_PG_BINDIR=/nonexistent");
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("nothing applied: findings"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("embedded"), std::string::npos) << r.err;
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
  ASSERT_EQ(r.exit_code, 1) << r.err;  // modified, failed and missing migrations need a look
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

// `fix` never edits a migration the database records as applied, even without a lock file.
TEST_F(Executor, FixNeverEditsWhatTheDatabaseRecords) {
  const std::string applied =
      "CREATE OR REPLACE FUNCTION f() RETURNS int LANGUAGE sql SECURITY DEFINER AS $$ SELECT 1 "
      "$$;\n";
  Write("db/migrations/001_f.sql", applied);
  ASSERT_EQ(Migralint("apply --fail-on never --database-url '" + Url() + "' db").exit_code, 0);
  Write("db/migrations/002_g.sql",
        "CREATE OR REPLACE FUNCTION g() RETURNS int LANGUAGE sql SECURITY DEFINER AS $$ SELECT 2 "
        "$$;\n");
  Outcome r = Migralint("fix --database-url '" + Url() + "' db");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("001_f.sql: not fixed: recorded in the database's history"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(Slurp(dir_ / "db/migrations/001_f.sql"), applied);
  EXPECT_NE(Slurp(dir_ / "db/migrations/002_g.sql").find("SECURITY DEFINER SET search_path"),
            std::string::npos);
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

// Issue 19: the executor never reports what did not happen.

TEST_F(Executor, FailingCommitIsAFailure) {
  ThreeFiles();
  // A deferred foreign key is checked at COMMIT only.
  Write("db/migrations/002_notes.sql",
        "CREATE TABLE IF NOT EXISTS parents (id int PRIMARY KEY);\n"
        "CREATE TABLE IF NOT EXISTS notes (parent int REFERENCES parents DEFERRABLE INITIALLY "
        "DEFERRED);\n"
        "INSERT INTO notes VALUES (1);\n");
  Outcome r = Apply("--disable hardcoded-data");
  EXPECT_EQ(r.exit_code, 3) << r.out << r.err;
  EXPECT_NE(r.out.find("db/migrations/002_notes.sql:1:1: error: COMMIT failed: insert or update on "
                       "table \"notes\" violates foreign key constraint"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("(SQLSTATE 23503)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("it was rolled back and nothing after it ran"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("applied 3 migrations"), std::string::npos) << r.out;
  EXPECT_EQ(Scalar("SELECT string_agg(path || '=' || status, ',' ORDER BY path) FROM "
                   "migralint.schema_migrations"),
            "001_accounts.sql=applied,002_notes.sql=failed");
  EXPECT_EQ(Scalar("SELECT to_regclass('notes') IS NULL AND to_regclass('tags') IS NULL"), "t");

  // The same in a file's own transaction: its COMMIT is the failing statement. (A SET before
  // its BEGIN commits nothing.)
  Write(
      "db/migrations/002_notes.sql",
      "SET lock_timeout = '5s';\nBEGIN;\nCREATE TABLE IF NOT EXISTS parents (id int PRIMARY KEY);\n"
      "CREATE TABLE IF NOT EXISTS notes (parent int REFERENCES parents DEFERRABLE INITIALLY "
      "DEFERRED);\n"
      "INSERT INTO notes VALUES (1);\nCOMMIT;\n");
  r = Apply("--disable hardcoded-data");
  EXPECT_EQ(r.exit_code, 3) << r.out << r.err;
  EXPECT_NE(r.out.find("db/migrations/002_notes.sql:6:1: error: insert or update on table"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("nothing of it was committed"), std::string::npos) << r.out;
  EXPECT_EQ(Scalar("SELECT status FROM migralint.schema_migrations WHERE path = '002_notes.sql'"),
            "failed");
  EXPECT_EQ(Scalar("SELECT to_regclass('notes') IS NULL AND to_regclass('tags') IS NULL"), "t");
}

TEST_F(Executor, PartlyCommittedFileStaysStartedAndStopsTheNextRun) {
  Write("db/migrations/001_a.sql", "CREATE TABLE IF NOT EXISTS a (id int);\n");
  // Its first transaction commits, its second fails.
  Write("db/migrations/002_two.sql",
        "BEGIN;\nINSERT INTO a VALUES (1);\nCOMMIT;\nBEGIN;\nINSERT INTO a VALUES (1 / 0);\n"
        "COMMIT;\n");
  Write("db/migrations/003_c.sql", "CREATE TABLE IF NOT EXISTS c (id int);\n");
  Outcome r = Apply("--disable hardcoded-data");
  EXPECT_EQ(r.exit_code, 3) << r.out << r.err;
  EXPECT_NE(r.out.find("db/migrations/002_two.sql:5:"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("statements before it were committed"), std::string::npos) << r.out;
  EXPECT_EQ(Scalar("SELECT status FROM migralint.schema_migrations WHERE path = '002_two.sql'"),
            "started");
  EXPECT_EQ(Scalar("SELECT count(*) FROM a"), "1");

  r = Migralint("status --database-url '" + Url() + "' db");
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.out.find("  started   db/migrations/002_two.sql"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("never recorded as finished"), std::string::npos) << r.out;
  r = Migralint("status --format json --database-url '" + Url() + "' db");
  EXPECT_NE(r.out.find("\"status\": \"started\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"check\": "), std::string::npos) << r.out;

  // Fixed or not, the next apply runs nothing while the entry says "started".
  Write("db/migrations/002_two.sql",
        "BEGIN;\nINSERT INTO a VALUES (1);\nCOMMIT;\nBEGIN;\nINSERT INTO a VALUES (2);\nCOMMIT;\n");
  r = Apply("--disable hardcoded-data");
  EXPECT_EQ(r.exit_code, 3) << r.out << r.err;
  EXPECT_NE(r.err.find("nothing applied: db/migrations/002_two.sql was started"), std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("DELETE FROM migralint.schema_migrations WHERE set_root = '' AND path = "
                       "'002_two.sql'"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(Scalar("SELECT count(*) FROM a"), "1");
  EXPECT_EQ(Scalar("SELECT to_regclass('c') IS NULL"), "t");

  // Done as the message says: the committed part undone, the entry deleted.
  ASSERT_TRUE(Db()->Exec("DELETE FROM a; DELETE FROM migralint.schema_migrations WHERE path = "
                         "'002_two.sql'")
                  .ok);
  r = Apply("--disable hardcoded-data");
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(Scalar("SELECT string_agg(id::text, ',' ORDER BY id) FROM a"), "1,2");
}

TEST_F(Executor, NoTransactionFileIsRecordedStartedFirst) {
  Write("db/migrations/001_a.sql", "CREATE TABLE IF NOT EXISTS a (id int);\n");
  Write("db/migrations/002_b.sql",
        "-- migralint:no-transaction\nINSERT INTO a VALUES (1);\nSELECT pg_sleep(30);\n");
  const std::string command =
      "cd '" + dir_.string() + "' && env -u DATABASE_URL '" + kBinary.string() +
      "' apply --disable hardcoded-data --database-url '" + Url() + "' db >/dev/null 2>&1";
  std::thread run([&] { std::system(command.c_str()); });
  bool sleeping = false;
  for (int i = 0; i < 200 && !sleeping; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    sleeping =
        Scalar("SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep%'") == "1";
  }
  ASSERT_TRUE(sleeping);
  // Mid-file, the history says what is true: begun, not finished.
  EXPECT_EQ(Scalar("SELECT status FROM migralint.schema_migrations WHERE path = '002_b.sql'"),
            "started");
  Scalar(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE "
      "'SELECT pg_sleep%'");
  run.join();
  EXPECT_EQ(Scalar("SELECT status FROM migralint.schema_migrations WHERE path = '002_b.sql'"),
            "started");
  EXPECT_EQ(Scalar("SELECT count(*) FROM a"), "1");  // committed: it must not run twice
  Outcome r = Apply("--disable hardcoded-data");
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("was started"), std::string::npos) << r.err;
  EXPECT_EQ(Scalar("SELECT count(*) FROM a"), "1");
}

TEST_F(Executor, InvalidIndexLeftByConcurrentlyIsNamed) {
  Write("db/migrations/001_t.sql",
        "CREATE TABLE IF NOT EXISTS t (x int);\nINSERT INTO t VALUES (1), (1);\n");
  Write("db/migrations/002_index.sql",
        "-- migralint:no-transaction\n"
        "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS t_x_key ON t (x);\n");
  Outcome r = Apply("--disable hardcoded-data");
  EXPECT_EQ(r.exit_code, 3) << r.out << r.err;
  EXPECT_NE(r.out.find("db/migrations/002_index.sql:2:1: error: could not create unique index "
                       "\"t_x_key\""),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("left the INVALID index t_x_key behind; drop it with `DROP INDEX "
                       "CONCURRENTLY t_x_key;`"),
            std::string::npos)
      << r.out;
  EXPECT_EQ(r.out.find("it was rolled back"), std::string::npos) << r.out;
  EXPECT_EQ(Scalar("SELECT status FROM migralint.schema_migrations WHERE path = '002_index.sql'"),
            "failed");
  EXPECT_EQ(Scalar("SELECT indisvalid FROM pg_index WHERE indexrelid = 't_x_key'::regclass"), "f");

  // The duplicates fixed but the index not dropped: IF NOT EXISTS skips it, and the migration
  // is not recorded as applied while its index is invalid.
  ASSERT_TRUE(Db()->Exec("DELETE FROM t WHERE ctid <> (SELECT min(ctid) FROM t)").ok);
  r = Apply("--disable hardcoded-data");
  EXPECT_EQ(r.exit_code, 3) << r.out << r.err;
  EXPECT_NE(r.out.find("db/migrations/002_index.sql:2:1: error: index t_x_key is INVALID"),
            std::string::npos)
      << r.out;
  EXPECT_EQ(Scalar("SELECT status FROM migralint.schema_migrations WHERE path = '002_index.sql'"),
            "failed");

  EXPECT_NE(r.out.find("drop the index with `DROP INDEX CONCURRENTLY t_x_key;` and apply again"),
            std::string::npos)
      << r.out;
  // Nor a file in migralint's transaction whose IF NOT EXISTS skips it.
  Write("db/migrations/002_index.sql", "CREATE UNIQUE INDEX IF NOT EXISTS t_x_key ON t (x);\n");
  r = Apply("--disable hardcoded-data --disable non-concurrent-index");
  EXPECT_EQ(r.exit_code, 3) << r.out << r.err;
  EXPECT_NE(r.out.find("db/migrations/002_index.sql:1:1: error: index t_x_key is INVALID"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("the file was rolled back"), std::string::npos) << r.out;
  EXPECT_EQ(Scalar("SELECT status FROM migralint.schema_migrations WHERE path = '002_index.sql'"),
            "failed");

  ASSERT_TRUE(Db()->Exec("DROP INDEX CONCURRENTLY t_x_key").ok);
  r = Apply("--disable hardcoded-data");
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(Scalar("SELECT indisvalid FROM pg_index WHERE indexrelid = 't_x_key'::regclass"), "t");
  EXPECT_EQ(Scalar("SELECT status FROM migralint.schema_migrations WHERE path = '002_index.sql'"),
            "applied");
}

TEST_F(Executor, SetsWithTheSameFileNamesKeepTheirOwnHistory) {
  fs::create_directories(dir_ / ".git");
  Write("one/migrations/001_init.sql", "CREATE TABLE IF NOT EXISTS one_t (id int);\n");
  Write("two/migrations/001_init.sql", "CREATE TABLE IF NOT EXISTS two_t (id int);\n");
  Outcome r = Migralint("apply --database-url '" + Url() + "' one/migrations two/migrations");
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("applied 2 migrations"), std::string::npos) << r.out;
  EXPECT_EQ(Scalar("SELECT string_agg(set_root || ':' || path || '=' || status, ',' ORDER BY "
                   "set_root) FROM migralint.schema_migrations"),
            "one/migrations:001_init.sql=applied,two/migrations:001_init.sql=applied");
  r = Migralint("status --database-url '" + Url() + "' one/migrations two/migrations");
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;  // all applied: nothing to look at
  EXPECT_NE(r.out.find("  applied   one/migrations/001_init.sql"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("  applied   two/migrations/001_init.sql"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("modified"), std::string::npos) << r.out;
  r = Migralint("apply --database-url '" + Url() + "' one/migrations two/migrations");
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("applied 0 migrations"), std::string::npos) << r.out;
}

TEST_F(Executor, HistoryOfTheFirstFormatIsMigrated) {
  fs::create_directories(dir_ / ".git");
  const std::string two = "CREATE TABLE IF NOT EXISTS two_t (id int);\n";
  Write("one/migrations/001_init.sql", "CREATE TABLE IF NOT EXISTS one_t (id int);\n");
  Write("two/migrations/001_init.sql", two);
  // As an earlier migralint left it: keyed by the set-relative path; two's file was applied.
  ASSERT_TRUE(Db()->Exec("CREATE SCHEMA migralint; CREATE TABLE migralint.schema_migrations ("
                         "path text PRIMARY KEY, version text NOT NULL, name text NOT NULL, "
                         "tier text NOT NULL DEFAULT '', source text NOT NULL DEFAULT '', "
                         "checksum_raw text NOT NULL, checksum_sem text NOT NULL, "
                         "applied_at timestamptz NOT NULL DEFAULT now(), "
                         "applied_by text NOT NULL DEFAULT current_user, "
                         "execution_ms bigint NOT NULL DEFAULT 0, "
                         "status text NOT NULL CHECK (status IN ('applied', 'failed', 'adopted')), "
                         "error text); CREATE TABLE two_t (id int);")
                  .ok);
  ASSERT_TRUE(Db()->ExecParams("INSERT INTO migralint.schema_migrations (path, version, name, "
                               "checksum_raw, checksum_sem, status) VALUES ('001_init.sql', "
                               "'001', 'init', $1, 'x', 'applied')",
                               {Sha256Hex(two)})
                  .ok);
  Outcome r = Migralint("status --database-url '" + Url() + "' one/migrations two/migrations");
  EXPECT_NE(r.out.find("  pending   one/migrations/001_init.sql"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("  applied   two/migrations/001_init.sql"), std::string::npos) << r.out;
  r = Migralint("apply --database-url '" + Url() + "' one/migrations two/migrations");
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("applied 1 migration on"), std::string::npos) << r.out;
  EXPECT_EQ(Scalar("SELECT string_agg(set_root || ':' || path || '=' || status, ',' ORDER BY "
                   "set_root) FROM migralint.schema_migrations"),
            "one/migrations:001_init.sql=applied,two/migrations:001_init.sql=applied");
}

TEST_F(Executor, RunsTheBytesItLinted) {
  ThreeFiles();
  // Another runner holds the lock while the file changes after lint.
  auto holder = Db();
  ASSERT_TRUE(holder->Exec("SELECT pg_advisory_lock(7887052289473538670)").ok);
  const std::string command = "cd '" + dir_.string() + "' && env -u DATABASE_URL '" +
                              kBinary.string() + "' apply --database-url '" + Url() + "' db >'" +
                              (dir_ / ".run").string() + "' 2>&1";
  int code = -1;
  std::thread run([&] { code = WEXITSTATUS(std::system(command.c_str())); });
  for (int i = 0; i < 200 && Slurp(dir_ / ".run").find("waiting") == std::string::npos; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  Write("db/migrations/002_notes.sql", "DROP TABLE accounts;\n");
  ASSERT_TRUE(holder->Exec("SELECT pg_advisory_unlock(7887052289473538670)").ok);
  run.join();
  const std::string out = Slurp(dir_ / ".run");
  EXPECT_EQ(code, 3) << out;
  EXPECT_NE(out.find("db/migrations/002_notes.sql changed after it was linted"), std::string::npos)
      << out;
  EXPECT_EQ(Scalar("SELECT to_regclass('migralint.schema_migrations') IS NULL AND "
                   "to_regclass('accounts') IS NULL"),
            "t");
}

TEST_F(Executor, SessionStateDoesNotLeakIntoTheNextFile) {
  Write("migralint.toml", "statement_timeout = \"4s\"\nlock_timeout = \"250ms\"\n");
  Write("db/migrations/001_settings.sql",
        "CREATE SCHEMA IF NOT EXISTS elsewhere;\n"
        "DO $$ BEGIN CREATE ROLE leaky NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END "
        "$$;\n"
        "GRANT USAGE, CREATE ON SCHEMA elsewhere TO leaky;\n"
        "SET search_path = elsewhere;\n"
        "SELECT set_config('statement_timeout', '0', false);\n"
        "SET lock_timeout = 0;\n"
        "SET SESSION AUTHORIZATION leaky;\n"
        "SET ROLE leaky;\n");
  Write("db/migrations/002_check.sql",
        "CREATE TABLE IF NOT EXISTS public.seen AS SELECT current_setting('search_path') AS sp, "
        "current_user AS who, current_setting('statement_timeout') AS st, "
        "current_setting('lock_timeout') AS lt;\n");
  Outcome r = Apply();
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(Scalar("SELECT sp || '|' || who || '|' || st || '|' || lt FROM public.seen"),
            "\"$user\", public|postgres|4s|250ms");

  // lock_timeout from the config holds: a locked table stops the file quickly.
  Write("db/migrations/003_alter.sql", "SET lock_timeout = 0;\n");
  Write("db/migrations/004_alter.sql", "ALTER TABLE public.seen ADD COLUMN IF NOT EXISTS x int;\n");
  auto holder = Db();
  ASSERT_TRUE(holder->Exec("BEGIN; LOCK TABLE public.seen IN ACCESS SHARE MODE").ok);
  r = Apply();
  EXPECT_EQ(r.exit_code, 3) << r.out << r.err;
  EXPECT_NE(r.out.find("db/migrations/004_alter.sql:1:1: error: canceling statement due to lock "
                       "timeout (SQLSTATE 55P03)"),
            std::string::npos)
      << r.out;
  holder->Exec("ROLLBACK");
}

TEST_F(Executor, CopyFromStdinIsRefusedBeforeAnythingRuns) {
  ThreeFiles();
  Write("db/migrations/004_rows.sql",
        "CREATE TABLE IF NOT EXISTS r (id int);\n\nCOPY r FROM STDIN;\n");
  Write("db/migrations/005_out.sql", "COPY (SELECT 1) TO STDOUT;\n");
  Outcome r = Apply();
  EXPECT_EQ(r.exit_code, 3) << r.out << r.err;
  EXPECT_NE(r.out.find("db/migrations/004_rows.sql:3:1: error: COPY … FROM STDIN"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("db/migrations/005_out.sql:1:1: error: COPY … TO STDOUT"), std::string::npos)
      << r.out;
  EXPECT_NE(r.err.find("nothing applied"), std::string::npos) << r.err;
  EXPECT_EQ(Scalar("SELECT to_regclass('migralint.schema_migrations') IS NULL AND "
                   "to_regclass('accounts') IS NULL"),
            "t");
  // A file on the server is fine for the executor.
  Write("db/migrations/004_rows.sql", "CREATE TABLE IF NOT EXISTS r (id int);\n");
  Write("db/migrations/005_out.sql", "COPY (SELECT 1) TO '/dev/null';\n");
  r = Apply();
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
}

// A port on which something accepts connections and never answers; and one nobody listens on.
int ListeningSocket(int& port) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t size = sizeof address;
  bind(fd, reinterpret_cast<sockaddr*>(&address), size);
  listen(fd, 8);
  getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size);
  port = ntohs(address.sin_port);
  return fd;
}

TEST_F(Executor, ConnectTimeoutAndWholeMessages) {
  ThreeFiles();
  int port = 0;
  const int silent = ListeningSocket(port);
  const std::string url = "postgresql://u:Zq7s3cr3t@127.0.0.1:" + std::to_string(port) + "/x";
  auto started = std::chrono::steady_clock::now();
  Outcome r = Migralint("apply --connect-timeout 2 --database-url '" + url + "' db");
  auto took = std::chrono::steady_clock::now() - started;
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_LT(took, std::chrono::seconds(8));
  EXPECT_NE(r.err.find("timeout expired"), std::string::npos) << r.err;
  EXPECT_EQ((r.out + r.err).find("Zq7s3cr3t"), std::string::npos) << r.err;
  // From the config too.
  Write("migralint.toml", "connect_timeout = 2\n");
  started = std::chrono::steady_clock::now();
  r = Migralint("status --database-url '" + url + "' db");
  took = std::chrono::steady_clock::now() - started;
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_LT(took, std::chrono::seconds(8));
  EXPECT_NE(r.err.find("timeout expired"), std::string::npos) << r.err;
  close(silent);

  // Nobody listening: libpq's whole message, on one line.
  const int closed = ListeningSocket(port);
  close(closed);
  r = Migralint("apply --database-url 'postgresql://u:Zq7s3cr3t@127.0.0.1:" + std::to_string(port) +
                "/x' db");
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_NE(r.err.find("Connection refused"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("Is the server running"), std::string::npos) << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  EXPECT_EQ((r.out + r.err).find("Zq7s3cr3t"), std::string::npos) << r.err;
}

// `s` quoted for sh.
std::string Quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

TEST_F(Executor, NoPasswordShowsForAnyUrlForm) {
  ThreeFiles();
  const std::string port = "1";  // nobody listens: every form fails to connect, or to parse
  const std::vector<std::string> forms = {
      "postgresql://user:Zq7s3cr3t@127.0.0.1:" + port + "/db",
      "postgresql://user:Zq7s3@cr3t@127.0.0.1:" + port + "/db",      // unencoded @
      "postgresql://user:Zq7s3%zzcr3t@127.0.0.1:" + port + "/db",    // bad % escape
      "postgresql://user:Zq7s3%2cr3t@127.0.0.1:" + port + "/db",     // truncated % escape
      "POSTGRESQL://user:Zq7s3cr3t@127.0.0.1:" + port + "/db",       // upper-case scheme
      "Postgres://user:Zq7s3cr3t@127.0.0.1:" + port + "/db",         // mixed case
      "postgresql://user:Zq7s3cr3t@[::1:" + port + "/db",            // broken IPv6 bracket
      "postgresql://user:Zq7s3cr3t@[::1/db",                         // and no port
      "postgresql://user:Zq7s3/cr3t@127.0.0.1:" + port + "/db",      // unencoded /
      "postgresql://user:Zq7s3?cr3t@127.0.0.1:" + port + "/db",      // unencoded ?
      "postgresql://user:Zq7s3cr3t@127.0.0.1:notaport/db",           // bad port
      "postgresql:///db?host=127.0.0.1&port=1&password=Zq7s3cr3t",   // query parameter
      "postgresql:///db?host=127.0.0.1&port=1&password=Zq7s3&cr3t",  // & in it
      "postgresql:///db?host=127.0.0.1&PASSWORD=Zq7s3cr3t",          // upper-case key
      "host=127.0.0.1 port=1 user=u password=Zq7s3cr3t dbname=x",
      "host=127.0.0.1 port=1 password = 'Zq7s3 cr3t' dbname=x",
      "host=127.0.0.1 port=1 password='Zq7s3cr3t",  // unterminated quote
      "dbname=postgresql://user:Zq7s3cr3t@127.0.0.1:1/db",
  };
  for (const std::string& form : forms) {
    const Outcome r = Migralint("apply --database-url " + Quote(form) + " db");
    EXPECT_EQ(r.exit_code, 3) << form << "\n" << r.err;
    const std::string all = r.out + r.err;
    for (const char* piece : {"Zq7", "s3cr3t", "cr3t"})
      EXPECT_EQ(all.find(piece), std::string::npos) << form << "\n" << all;
    // The same through DATABASE_URL, and for status.
    const Outcome s = Migralint("status db", "DATABASE_URL=" + Quote(form));
    EXPECT_EQ(s.exit_code, 3) << form << "\n" << s.err;
    for (const char* piece : {"Zq7", "s3cr3t", "cr3t"})
      EXPECT_EQ((s.out + s.err).find(piece), std::string::npos) << form << "\n" << s.err;
  }
}

// Starts `migralint apply db` on the embedded default, signals at their default; returns its pid.
pid_t StartEmbeddedApply(const fs::path& dir) {
  const pid_t child = fork();
  if (child == 0) {
    if (chdir(dir.c_str()) != 0) _exit(126);
    if (!freopen("/dev/null", "w", stdout) || !freopen("/dev/null", "w", stderr)) _exit(126);
    for (int s : {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE}) signal(s, SIG_DFL);
    unsetenv("DATABASE_URL");
    execl(kBinary.c_str(), "migralint", "apply", "db", nullptr);
    _exit(127);
  }
  return child;
}

bool Alive(pid_t pid) { return pid > 0 && kill(pid, 0) == 0; }

pid_t PostmasterIn(const std::string& folder) {
  std::ifstream in(folder + "/data/postmaster.pid");
  long pid = 0;
  return in >> pid ? static_cast<pid_t>(pid) : 0;
}

TEST_F(Executor, EmbeddedServerGoesOnEverySignalAlsoDuringInitdb) {
  ThreeFiles();
  Write("db/migrations/004_slow.sql", "SELECT pg_sleep(60);\n");
  for (int signal_number : {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE}) {
    for (bool during_initdb : {true, false}) {
      SCOPED_TRACE(std::string(strsignal(signal_number)) +
                   (during_initdb ? " during initdb" : " during a migration"));
      const auto before = EmbeddedFolders();
      const pid_t child = StartEmbeddedApply(dir_);
      std::string folder;
      for (int i = 0; i < 5000 && folder.empty(); ++i) {
        for (const std::string& f : EmbeddedFolders()) {
          if (!before.count(f)) folder = f;
        }
        if (folder.empty()) std::this_thread::sleep_for(std::chrono::milliseconds(2));
      }
      ASSERT_FALSE(folder.empty()) << "the embedded server never started";
      pid_t server = 0;
      if (during_initdb) {
        // The signal lands while initdb runs (or, on a slow machine — the sanitizer build —
        // just after it): either way the cleanup below is what is checked.
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
      } else {
        // Until the slow migration runs on it.
        bool sleeping = false;
        for (int i = 0; i < 300 && !sleeping; ++i) {
          std::this_thread::sleep_for(std::chrono::milliseconds(50));
          std::string error;
          auto db = apply::Connection::Open(
              "host=" + folder + " port=5432 user=postgres dbname=postgres", error);
          if (!db) continue;
          const auto r =
              db->Exec("SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep%'");
          sleeping = r.ok && r.rows[0][0] == std::optional<std::string>("1");
        }
        ASSERT_TRUE(sleeping);
        server = PostmasterIn(folder);
        ASSERT_TRUE(Alive(server));
      }
      kill(child, signal_number);
      int status = 0;
      waitpid(child, &status, 0);
      EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == signal_number) << status;
      EXPECT_FALSE(fs::exists(folder)) << folder << " was left behind";
      if (server) {
        for (int i = 0; i < 100 && Alive(server); ++i)
          std::this_thread::sleep_for(std::chrono::milliseconds(50));
        EXPECT_FALSE(Alive(server)) << "its server still runs";
      }
    }
  }
}

TEST_F(Executor, FoldersOfKilledRunsAreRemovedOnTheNextStart) {
  ThreeFiles();
  const pid_t dead = fork();
  if (dead == 0) _exit(0);
  waitpid(dead, nullptr, 0);
  auto fake = [&](const std::string& name, pid_t owner) {
    const fs::path folder = fs::path("/tmp") / ("migralint-pg-" + name);
    fs::create_directories(folder / "data");
    if (owner) std::ofstream(folder / "owner.pid") << owner << "\n";
    std::ofstream(folder / "data/postmaster.pid") << dead << "\n";
    return folder;
  };
  const std::string tag = std::to_string(getpid());
  const fs::path killed = fake("killed" + tag, dead);        // its run and server are gone
  const fs::path running = fake("running" + tag, getpid());  // its run is alive
  const fs::path unowned = fake("unowned" + tag, 0);         // an older migralint's, just made
  // A run killed with its server still running: the server is stopped too.
  std::string error;
  auto orphan = apply::EmbeddedServer::Start(error);
  ASSERT_NE(orphan, nullptr) << error;
  std::ofstream(orphan->folder() + "/owner.pid") << dead << "\n";
  const pid_t orphan_server = orphan->pid();

  Outcome r = Migralint("lint --apply db");
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_FALSE(fs::exists(killed));
  EXPECT_TRUE(fs::exists(running));
  EXPECT_TRUE(fs::exists(unowned));
  EXPECT_FALSE(fs::exists(orphan->folder()));
  for (int i = 0; i < 100 && Alive(orphan_server); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  EXPECT_FALSE(Alive(orphan_server));
  fs::remove_all(running);
  fs::remove_all(unowned);
}

}  // namespace
}  // namespace migralint
