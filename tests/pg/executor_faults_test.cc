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

}  // namespace
}  // namespace migralint
