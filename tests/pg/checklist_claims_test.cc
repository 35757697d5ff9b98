// checklist_claims_test.cc: what the docs of the seeds' checklist rules (fk-on-delete,
// required-columns, self-recording) say PostgreSQL does, on a real PostgreSQL.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "claims_server.h"

namespace migralint {
namespace {

namespace fs = std::filesystem;

const fs::path kRules = fs::path(MIGRALINT_SOURCE_DIR) / "rules";

using ChecklistClaims = testing::ClaimsServer;

// fk-on-delete: with the bad example's references (NO ACTION, RESTRICT), deleting a referenced
// row fails with 23503; with the good example's CASCADE it takes the child rows along.
TEST_F(ChecklistClaims, FkWithoutCascadeBlocksTheDelete) {
  Run(Read(kRules / "fk-on-delete" / "bad" / "migrations" / "001_tasks.sql"));
  Run("INSERT INTO \"user\" VALUES ('u1'); INSERT INTO tasks (id, \"userId\", title) "
      "VALUES ('t1', 'u1', 'a'); INSERT INTO tasks (id, \"userId\", title, \"parentId\") "
      "VALUES ('t2', 'u1', 'b', 't1')");
  EXPECT_EQ(db_->Exec("DELETE FROM \"user\" WHERE id = 'u1'").sqlstate, "23503");
  EXPECT_EQ(db_->Exec("DELETE FROM tasks WHERE id = 't1'").sqlstate, "23503");  // RESTRICT
}

TEST_F(ChecklistClaims, FkWithCascadeDeletesTheChildRows) {
  Run(Read(kRules / "fk-on-delete" / "good" / "migrations" / "001_tasks.sql"));
  Run("INSERT INTO \"user\" VALUES ('u1'), ('u2'); INSERT INTO tasks (id, \"userId\", "
      "\"assigneeId\", title) VALUES ('t1', 'u1', 'u2', 'a')");
  Run("DELETE FROM \"user\" WHERE id = 'u2'");  // SET NULL: the task stays
  EXPECT_EQ(db_->Exec("SELECT \"assigneeId\" FROM tasks").rows.at(0).at(0), std::nullopt);
  Run("DELETE FROM \"user\" WHERE id = 'u1'");
  EXPECT_EQ(db_->Exec("SELECT count(*) FROM tasks").rows.at(0).at(0), "0");
}

// required-columns: `userId` written without quotes is the column userid; queries written
// "userId" do not find it (42703).
TEST_F(ChecklistClaims, UnquotedCamelCaseIsAnotherColumn) {
  Run(Read(kRules / "required-columns" / "bad" / "migrations" / "001_tasks.sql"));
  EXPECT_EQ(db_->Exec("SELECT \"userId\" FROM notes").sqlstate, "42703");
  EXPECT_TRUE(db_->Exec("SELECT userid FROM notes").ok);
}

// self-recording: the migration records itself in dbmate's table (version the primary key);
// the runner's own insert of the same version then fails with 23505 and takes the migration's
// transaction down with it.
TEST_F(ChecklistClaims, RecordingTwiceFailsOnTheRunnersKey) {
  Run("CREATE TABLE schema_migrations (version varchar(128) PRIMARY KEY)");  // as dbmate makes it
  Run("BEGIN");
  Run("CREATE TABLE widgets (id bigint PRIMARY KEY, name text NOT NULL)");
  Run("INSERT INTO schema_migrations (version) VALUES ('20240101120000')");  // the file's
  EXPECT_EQ(db_->Exec("INSERT INTO schema_migrations (version) VALUES ('20240101120000')").sqlstate,
            "23505");  // the runner's
  Run("ROLLBACK");
  EXPECT_EQ(db_->Exec("SELECT 1 FROM widgets").sqlstate, "42P01");  // the migration is gone
}

}  // namespace
}  // namespace migralint
