// claims_server.h: the fixture of the tests that prove rules' claims on PostgreSQL — one
// throwaway server per test suite, a fresh database per test, and its connection.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "apply/connection.h"
#include "apply/embedded_server.h"

namespace migralint::testing {

class ClaimsServer : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string error;
    server_ = apply::EmbeddedServer::Start(error).release();
    if (!server_) start_error_ = error;
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }

  // A fresh database (`claims_<n>`) and db_ connected to it.
  void SetUp() override {
    ASSERT_TRUE(server_) << start_error_;
    database_ = "claims_" + std::to_string(++databases_);
    std::string error;
    auto admin = apply::Connection::Open(server_->ConnInfo(), error);
    ASSERT_TRUE(admin) << error;
    ASSERT_TRUE(admin->Exec("CREATE DATABASE " + database_).ok);
    db_ = Open();
    ASSERT_TRUE(db_);
  }

  // Another connection to the test's database.
  std::unique_ptr<apply::Connection> Open() {
    std::string error;
    auto c = apply::Connection::Open(server_->ConnInfo(database_), error);
    EXPECT_TRUE(c) << error;
    return c;
  }

  void Run(const std::string& sql) {
    const auto r = db_->Exec(sql);
    ASSERT_TRUE(r.ok) << sql << ": " << r.sqlstate << " " << r.message;
  }

  static std::string Read(const std::filesystem::path& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  }

  inline static apply::EmbeddedServer* server_ = nullptr;
  inline static std::string start_error_;
  inline static int databases_ = 0;
  std::string database_;
  std::unique_ptr<apply::Connection> db_;
};

}  // namespace migralint::testing
