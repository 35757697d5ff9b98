// executor_faults_test.cc: the executor under faults, on real throwaway servers — the server
// killed mid-file, migralint killed mid-file, a statement over statement_timeout, a dropped
// connection. Nothing may be applied twice or recorded wrongly, and a rerun must complete.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "apply/connection.h"
#include "apply/embedded_server.h"

namespace fs = std::filesystem;

namespace migralint {
namespace {

const fs::path kBinary = MIGRALINT_BINARY;

class Faults : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string error;
    server_ = apply::EmbeddedServer::Start(error);
    ASSERT_NE(server_, nullptr) << error;
    dir_ = fs::temp_directory_path() /
           ("migralint-faults-" + std::to_string(getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "db/migrations");
    Write("001_a.sql", "CREATE TABLE IF NOT EXISTS a (id int);\n");
    Write("003_c.sql", "CREATE TABLE IF NOT EXISTS c (id int);\n");
  }
  void TearDown() override { fs::remove_all(dir_); }

  void Write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / "db/migrations" / name) << text;
  }

  std::string Scalar(const std::string& sql) {
    std::string error;
    auto db = apply::Connection::Open(server_->ConnInfo(), error);
    if (!db) return "no connection: " + error;
    auto r = db->Exec(sql);
    return r.ok && !r.rows.empty() && r.rows[0][0] ? *r.rows[0][0] : r.message;
  }
  std::string History() {
    return Scalar(
        "SELECT coalesce(string_agg(path || '=' || status, ',' ORDER BY path), '') FROM "
        "migralint.schema_migrations");
  }

  // Starts `migralint apply` in the background; returns its pid.
  pid_t StartApply(const std::string& extra = "") {
    const pid_t child = fork();
    if (child == 0) {
      if (chdir(dir_.c_str()) != 0) _exit(126);
      const std::string out = (dir_ / ".out").string();
      if (!freopen(out.c_str(), "w", stdout) || !freopen(out.c_str(), "a", stderr)) _exit(126);
      const std::string command = "exec '" + kBinary.string() + "' apply --database-url '" +
                                  server_->ConnInfo() + "' " + extra + " db";
      execl("/bin/sh", "sh", "-c", command.c_str(), nullptr);
      _exit(127);
    }
    return child;
  }
  int Wait(pid_t child) {
    int status = 0;
    waitpid(child, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }
  int ApplyNow(std::string* output = nullptr) {
    const int code = Wait(StartApply());
    if (output) {
      std::ifstream in(dir_ / ".out");
      std::ostringstream s;
      s << in.rdbuf();
      *output = s.str();
    }
    return code;
  }
  // Waits until a backend runs pg_sleep (the slow file is mid-way).
  bool WaitForSleep() {
    for (int i = 0; i < 200; ++i) {
      if (Scalar("SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep%'") ==
          "1")
        return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
  }

  std::unique_ptr<apply::EmbeddedServer> server_;
  fs::path dir_;
};

TEST_F(Faults, ServerKilledMidFile) {
  Write("002_b.sql", "CREATE TABLE IF NOT EXISTS b (id int);\nSELECT pg_sleep(30);\n");
  const pid_t child = StartApply();
  ASSERT_TRUE(WaitForSleep());
  kill(server_->pid(), SIGKILL);
  EXPECT_EQ(Wait(child), 3);
  std::string error;
  ASSERT_TRUE(server_->Restart(error)) << error;
  EXPECT_EQ(History(), "001_a.sql=applied");  // nothing says 002 applied
  EXPECT_EQ(Scalar("SELECT to_regclass('b') IS NULL"), "t");
  Write("002_b.sql", "CREATE TABLE IF NOT EXISTS b (id int);\n");
  std::string out;
  EXPECT_EQ(ApplyNow(&out), 0) << out;
  EXPECT_EQ(History(), "001_a.sql=applied,002_b.sql=applied,003_c.sql=applied");
}

TEST_F(Faults, MigralintKilledMidFile) {
  Write("002_b.sql", "CREATE TABLE IF NOT EXISTS b (id int);\nSELECT pg_sleep(30);\n");
  const pid_t child = StartApply();
  ASSERT_TRUE(WaitForSleep());
  kill(child, SIGKILL);
  Wait(child);
  // The server notices the client is gone: the transaction rolls back, the lock is released.
  for (int i = 0;
       i < 100 && Scalar("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'") != "0"; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_EQ(Scalar("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"), "0");
  EXPECT_EQ(Scalar("SELECT to_regclass('b') IS NULL"), "t");
  EXPECT_EQ(History(), "001_a.sql=applied");
  Write("002_b.sql", "CREATE TABLE IF NOT EXISTS b (id int);\n");
  std::string out;
  EXPECT_EQ(ApplyNow(&out), 0) << out;
  EXPECT_EQ(History(), "001_a.sql=applied,002_b.sql=applied,003_c.sql=applied");
}

TEST_F(Faults, StatementTimeout) {
  Write("002_b.sql", "CREATE TABLE IF NOT EXISTS b (id int);\nSELECT pg_sleep(5);\n");
  std::ofstream(dir_ / "migralint.toml") << "statement_timeout = \"300ms\"\n";
  std::string out;
  EXPECT_EQ(ApplyNow(&out), 3) << out;
  EXPECT_NE(out.find("db/migrations/002_b.sql:2:1: error: canceling statement due to statement "
                     "timeout (SQLSTATE 57014)"),
            std::string::npos)
      << out;
  EXPECT_EQ(History(), "001_a.sql=applied,002_b.sql=failed");
  EXPECT_EQ(Scalar("SELECT to_regclass('b') IS NULL"), "t");
}

TEST_F(Faults, ConnectionDropped) {
  Write("002_b.sql", "CREATE TABLE IF NOT EXISTS b (id int);\nSELECT pg_sleep(30);\n");
  const pid_t child = StartApply();
  ASSERT_TRUE(WaitForSleep());
  EXPECT_EQ(Scalar("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE query LIKE "
                   "'SELECT pg_sleep%'"),
            "1");
  EXPECT_EQ(Wait(child), 3);
  EXPECT_EQ(History(), "001_a.sql=applied");
  Write("002_b.sql", "CREATE TABLE IF NOT EXISTS b (id int);\n");
  std::string out;
  EXPECT_EQ(ApplyNow(&out), 0) << out;
  EXPECT_EQ(History(), "001_a.sql=applied,002_b.sql=applied,003_c.sql=applied");
}

// Issue 19, part 3: one apply killed (SIGKILL, through MIGRALINT_FAULT_AT) at each of its steps
// in turn — before and after BEGIN, after each statement, before and after the history writes
// and COMMIT — in files of every transaction mode. After each kill, `status` tells the truth,
// and applying again neither loses nor repeats work.
TEST_F(Faults, KilledAtEveryStep) {
  Write("001_a.sql",
        "CREATE TABLE IF NOT EXISTS log (file text);\nINSERT INTO log VALUES ('001');\n");
  Write("002_own.sql", "BEGIN;\nINSERT INTO log VALUES ('002');\nCOMMIT;\n");
  Write("003_c.sql",
        "-- migralint:no-transaction\nINSERT INTO log VALUES ('003');\n"
        "CREATE INDEX CONCURRENTLY IF NOT EXISTS log_file_idx ON log (file);\n");
  Write("004_d.sql", "INSERT INTO log VALUES ('004');\n");
  const std::vector<std::string> files = {"001_a.sql", "002_own.sql", "003_c.sql", "004_d.sql"};
  int steps = 0;
  for (int step = 1; step < 100; ++step) {
    SCOPED_TRACE("killed at step " + std::to_string(step));
    const std::string database = "fault_" + std::to_string(step);
    std::string error;
    auto admin = apply::Connection::Open(server_->ConnInfo(), error);
    ASSERT_TRUE(admin->Exec("CREATE DATABASE " + database).ok);
    auto db = [&] { return apply::Connection::Open(server_->ConnInfo(database), error); };
    auto scalar = [&](const std::string& sql) {
      auto r = db()->Exec(sql);
      return r.ok && !r.rows.empty() && r.rows[0][0] ? *r.rows[0][0] : r.message;
    };
    auto run = [&](const std::string& command, const std::string& env = "") {
      const std::string line = "cd '" + dir_.string() + "' && env -u DATABASE_URL " + env + " '" +
                               kBinary.string() + "' " + command + " --database-url '" +
                               server_->ConnInfo(database) + "' db >'" + (dir_ / ".out").string() +
                               "' 2>&1";
      const int status = std::system(line.c_str());
      std::ifstream in(dir_ / ".out");
      std::ostringstream text;
      text << in.rdbuf();
      return std::pair{WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status),
                       text.str()};
    };
    auto [code, out] = run("apply", "MIGRALINT_FAULT_AT=" + std::to_string(step));
    if (out.find("fault injected") == std::string::npos) {
      EXPECT_EQ(code, 0) << out;  // past the last step: an ordinary run
      steps = step - 1;
      break;
    }
    EXPECT_EQ(code, 128 + SIGKILL) << out;
    // The server notices the dead client: its transaction is rolled back, its lock released.
    for (int i = 0; i < 100 && scalar("SELECT count(*) FROM pg_locks WHERE locktype = "
                                      "'advisory'") != "0";
         ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(50));

    // What each file did, by the rows it wrote; what status says of it.
    auto done = [&](const std::string& file) {
      const std::string n =
          scalar("SELECT count(*) FROM log WHERE file = '" + file.substr(0, 3) + "'");
      return n == "1" ? 1 : n == "0" || n.find("does not exist") != std::string::npos ? 0 : -1;
    };
    auto [status_code, status_out] = run("status --format json");
    ASSERT_TRUE(status_code == 0 || status_code == 1) << status_out;
    const auto report = nlohmann::json::parse(status_out);
    std::vector<std::string> started;
    for (const auto& m : report["sets"][0]["migrations"]) {
      const std::string path = m["path"], state = m["status"];
      const std::string file = fs::path(path).filename().string();
      const int did = done(file);
      ASSERT_NE(did, -1) << file << " ran twice";
      if (state == "applied") {
        EXPECT_EQ(did, 1) << file << " is said applied but did not run\n" << status_out;
      } else if (state == "pending") {
        EXPECT_EQ(did, 0) << file << " is said pending but ran\n" << status_out;
      } else {
        // Only a file run outside migralint's transaction may be caught between its two records.
        EXPECT_EQ(state, "started") << file << "\n" << status_out;
        EXPECT_TRUE(file == "002_own.sql" || file == "003_c.sql") << file;
        EXPECT_NE(m.value("check", "").find("never recorded as finished"), std::string::npos);
        started.push_back(file);
      }
    }
    EXPECT_EQ(status_code, started.empty() ? 0 : 1) << status_out;  // 1: something to look at
    if (!started.empty()) {
      // Applying again stops on it, and does nothing.
      auto [again, again_out] = run("apply");
      EXPECT_EQ(again, 3) << again_out;
      EXPECT_NE(again_out.find("was started"), std::string::npos) << again_out;
      // What its message says to do, after looking at the database.
      for (const std::string& file : started) {
        const std::string where = " WHERE path = '" + file + "'";
        db()->Exec(done(file) == 1 && (file != "003_c.sql" || scalar("SELECT count(*) FROM "
                                                                     "pg_index WHERE indexrelid "
                                                                     "= 'log_file_idx'::regclass"
                                                                     " AND indisvalid") == "1")
                       ? "UPDATE migralint.schema_migrations SET status = 'applied'" + where
                       : "DELETE FROM log WHERE file = '" + file.substr(0, 3) +
                             "'; DELETE FROM migralint.schema_migrations" + where);
      }
    }
    auto [final_code, final_out] = run("apply");
    EXPECT_EQ(final_code, 0) << final_out;
    for (const std::string& file : files) EXPECT_EQ(done(file), 1) << file << "\n" << final_out;
    EXPECT_EQ(scalar("SELECT string_agg(status, ',' ORDER BY path) FROM "
                     "migralint.schema_migrations"),
              "applied,applied,applied,applied");
  }
  // Every step of every file was a kill point: 4 files, each with at least 5.
  EXPECT_GE(steps, 20);
}

}  // namespace
}  // namespace migralint
