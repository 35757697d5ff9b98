// rejection_claims_test.cc: the "PostgreSQL will reject" rules' examples run on a real
// PostgreSQL. Each statement of a bad example marked `-- expect: <rule> "… (SQLSTATE XXXXX …"`
// must fail with that SQLSTATE, every other statement must succeed, and the good examples must
// run through.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "apply/connection.h"
#include "claims_server.h"

namespace migralint {
namespace {

namespace fs = std::filesystem;

// The statements of an example, each with the SQLSTATE its expectation claims ("" when none):
// split at a `;` that ends a line (before its comment), outside dollar-quoted bodies.
struct Example {
  std::string sql, sqlstate;
};
std::vector<Example> Statements(const std::string& text) {
  static const std::regex claimed(R"(-- expect: [a-z-]+ .*SQLSTATE ([0-9A-Z]{5}))");
  std::vector<Example> out;
  std::istringstream lines(text);
  std::string line, sql, sqlstate;
  bool in_body = false;
  while (std::getline(lines, line)) {
    std::smatch m;
    if (std::regex_search(line, m, claimed)) sqlstate = m[1];
    std::string code = line;
    if (const auto comment = code.find("--"); comment != std::string::npos) code.resize(comment);
    for (std::size_t at = code.find("$$"); at != std::string::npos; at = code.find("$$", at + 2))
      in_body = !in_body;
    while (!code.empty() && (code.back() == ' ' || code.back() == '\r')) code.pop_back();
    sql += code + "\n";
    if (!in_body && !code.empty() && code.back() == ';') {
      out.push_back({sql, sqlstate});
      sql.clear();
      sqlstate.clear();
    }
  }
  return out;
}

class RejectionClaims : public testing::ClaimsServer {
 protected:
  // Runs the statements of `file` one by one — inside one transaction when `wrap` (each then
  // under a savepoint, so that one rejected statement does not abort the others) — and checks
  // each against its claim.
  void RunClaims(const fs::path& file, bool wrap) {
    const std::vector<Example> statements = Statements(Read(file));
    ASSERT_FALSE(statements.empty()) << file;
    if (wrap) {
      ASSERT_TRUE(db_->Exec("BEGIN").ok);
    }
    int claims = 0;
    for (const Example& e : statements) {
      if (wrap) {
        ASSERT_TRUE(db_->Exec("SAVEPOINT claim").ok);
      }
      const auto r = db_->Exec(e.sql);
      if (e.sqlstate.empty()) {
        EXPECT_TRUE(r.ok) << file.filename() << ": " << e.sql << r.sqlstate << " " << r.message;
      } else {
        ++claims;
        EXPECT_EQ(r.sqlstate, e.sqlstate) << file.filename() << ": " << e.sql << r.message;
      }
      if (wrap) {
        ASSERT_TRUE(db_->Exec(r.ok ? "RELEASE SAVEPOINT claim" : "ROLLBACK TO SAVEPOINT claim").ok);
      }
    }
    if (wrap) {
      ASSERT_TRUE(db_->Exec("COMMIT").ok);
    }
    std::printf("%s: %d rejections as claimed\n", file.filename().c_str(), claims);
  }

  // Runs `file` as one query: it must succeed.
  void RunsThrough(const fs::path& file) {
    const auto r = db_->Exec(Read(file));
    EXPECT_TRUE(r.ok) << file << ": " << r.sqlstate << " " << r.message;
  }
};

const fs::path kRules = fs::path(MIGRALINT_SOURCE_DIR) / "rules";

TEST_F(RejectionClaims, DuplicateObjectBadIsRejected) {
  RunClaims(kRules / "duplicate-object" / "bad.sql", /*wrap=*/true);
}

TEST_F(RejectionClaims, DuplicateObjectGoodRuns) {
  RunsThrough(kRules / "duplicate-object" / "good.sql");
}

TEST_F(RejectionClaims, DuplicateObjectNamespaces) {
  // One namespace for tables, views, sequences and indexes; a type clashes with a row type.
  ASSERT_TRUE(db_->Exec("CREATE TABLE t (id int); CREATE INDEX t_idx ON t (id)").ok);
  EXPECT_EQ(db_->Exec("CREATE SEQUENCE t_idx").sqlstate, "42P07");
  EXPECT_EQ(db_->Exec("CREATE TABLE t_idx (id int)").sqlstate, "42P07");
  EXPECT_EQ(db_->Exec("CREATE TYPE t AS ENUM ('a')").sqlstate, "42710");
  ASSERT_TRUE(db_->Exec("CREATE TYPE k AS ENUM ('a')").ok);
  EXPECT_EQ(db_->Exec("CREATE TABLE k (id int)").sqlstate, "42710");
  // Names are cut to 63 bytes: a long name written twice is one name.
  const std::string longer(70, 'x');
  ASSERT_TRUE(db_->Exec("CREATE TABLE " + longer + " (id int)").ok);
  EXPECT_EQ(db_->Exec("CREATE TABLE " + longer.substr(0, 63) + " (id int)").sqlstate, "42P07");
  // A CHECK on a dropped column goes with it (the model keeps CHECKs; the rule reads their text).
  ASSERT_TRUE(db_->Exec("ALTER TABLE t ADD COLUMN n int, ADD CONSTRAINT t_n CHECK (n > id)").ok);
  ASSERT_TRUE(db_->Exec("ALTER TABLE t DROP COLUMN n").ok);
  EXPECT_TRUE(db_->Exec("ALTER TABLE t ADD CONSTRAINT t_n CHECK (id < 10)").ok);
  // The drops of one ALTER TABLE run before its additions.
  ASSERT_TRUE(db_->Exec("ALTER TABLE t ADD CONSTRAINT t_pos CHECK (id > 0)").ok);
  EXPECT_TRUE(
      db_->Exec("ALTER TABLE t ADD CONSTRAINT t_pos CHECK (id > 1), DROP CONSTRAINT t_pos").ok);
}

TEST_F(RejectionClaims, NewEnumValueUsedBadIsRejected) {
  const fs::path set = kRules / "new-enum-value-used" / "bad" / "migrations";
  RunsThrough(set / "001_people.sql");
  RunClaims(set / "002_mood_ok.sql", /*wrap=*/true);    // the executor wraps the file
  RunClaims(set / "003_mood_meh.sql", /*wrap=*/false);  // the file's own BEGIN … COMMIT
  RunClaims(set / "004_feelings.sql", /*wrap=*/true);
}

TEST_F(RejectionClaims, NewEnumValueInADoBlock) {
  ASSERT_TRUE(db_->Exec("CREATE TYPE mood AS ENUM ('happy'); CREATE TABLE people (m mood)").ok);
  // A DO block is one transaction, even outside any other.
  EXPECT_EQ(db_->Exec("DO $$ BEGIN ALTER TYPE mood ADD VALUE 'ok'; "
                      "UPDATE people SET m = 'ok' WHERE m IS NULL; END $$")
                .sqlstate,
            "55P04");
  // Autocommitted one by one, the value is usable at once.
  ASSERT_TRUE(db_->Exec("ALTER TYPE mood ADD VALUE 'meh'").ok);
  EXPECT_TRUE(db_->Exec("UPDATE people SET m = 'meh' WHERE m IS NULL").ok);
}

TEST_F(RejectionClaims, NewEnumValueUsedGoodRuns) {
  const fs::path set = kRules / "new-enum-value-used" / "good" / "migrations";
  RunsThrough(set / "001_people.sql");
  RunClaims(set / "002_mood_ok.sql", /*wrap=*/false);   // its own BEGIN … COMMIT
  RunClaims(set / "003_mood_meh.sql", /*wrap=*/false);  // no transaction: one by one
}

}  // namespace
}  // namespace migralint
