// fix_proof_test.cc: the fixes of rls-initplan and constraint-not-valid, run on a real
// PostgreSQL: the fixed text (as tests/cli_test.cc's FixWrapsCallsSetsTheTimeoutAndSplitsThe-
// Validation writes it) is accepted, does what the original statements do — the constraints end
// validated, and a row that breaks one still fails the migration, with the same SQLSTATE — and
// the policy's calls become initplans, evaluated once per statement. And the fix of
// non-concurrent-index, written by `migralint fix` and run as goose and sqlx run the file: the
// CONCURRENTLY statements succeed outside a transaction, where PostgreSQL refuses them inside one
// (the runner's wrapping, or one query of several statements) and on a partitioned table.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "apply/connection.h"
#include "apply/platform_stub.h"
#include "claims_server.h"
#include "migralint/migration_set.h"

namespace migralint {
namespace {

class FixProof : public testing::ClaimsServer {
 protected:
  void SetUp() override {
    ClaimsServer::SetUp();
    if (HasFatalFailure()) return;
    const auto stub = apply::CreatePlatformStub(*db_, Layout::kSupabase);
    ASSERT_TRUE(stub.ok) << stub.message;
    Ok("CREATE TABLE customers (id uuid PRIMARY KEY)");
    Ok("CREATE TABLE orders (id bigint PRIMARY KEY, customer_id uuid, qty int)");
    Ok("INSERT INTO customers VALUES ('00000000-0000-0000-0000-000000000001')");
    Ok("INSERT INTO orders SELECT g, '00000000-0000-0000-0000-000000000001', 1 "
       "FROM generate_series(1, 100) g");
  }

  apply::QueryResult Ok(const std::string& sql) {
    apply::QueryResult r = db_->Exec(sql);
    EXPECT_TRUE(r.ok) << sql << ": " << r.sqlstate << " " << r.message;
    return r;
  }

  // The plan of a query on orders as the role the policy is for.
  std::string Plan() {
    Ok("SET ROLE authenticated");
    const apply::QueryResult r = Ok("EXPLAIN SELECT * FROM orders");
    Ok("RESET ROLE");
    std::string plan;
    for (const auto& row : r.rows) plan += row.empty() || !row[0] ? "" : *row[0] + "\n";
    return plan;
  }
};

TEST_F(FixProof, SplitValidationEndsValidatedAndFailsOnTheSameRows) {
  // Each statement on its own, as psql runs the fixed file.
  for (const char* sql : {
           "set lock_timeout = '2s'",
           "alter table orders add constraint orders_qty_positive check (qty > 0) not valid",
           "alter table orders validate constraint orders_qty_positive",
           "ALTER TABLE orders ADD CONSTRAINT orders_customer_fk\n"
           "  FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE CASCADE NOT VALID",
           "ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_fk",
           "ALTER TABLE ONLY orders ADD CONSTRAINT \"K2\" CHECK (id > 0) NO INHERIT NOT VALID",
           "ALTER TABLE ONLY orders VALIDATE CONSTRAINT \"K2\"",
       })
    Ok(sql);
  const apply::QueryResult validated =
      Ok("SELECT count(*) FROM pg_constraint WHERE conrelid = 'orders'::regclass AND "
         "conname IN ('orders_qty_positive', 'orders_customer_fk', 'K2') AND convalidated");
  ASSERT_EQ(validated.rows.size(), 1u);
  EXPECT_EQ(validated.rows[0][0].value_or(""), "3");
  // A row that breaks the check: the original ADD fails with 23514, and so does the fixed pair —
  // at the VALIDATE, leaving the constraint NOT VALID (new rows checked) rather than absent.
  Ok("CREATE TABLE lines (qty int)");
  Ok("INSERT INTO lines VALUES (1), (-1)");
  const apply::QueryResult original =
      db_->Exec("ALTER TABLE lines ADD CONSTRAINT qty_nonnegative CHECK (qty >= 0)");
  EXPECT_EQ(original.sqlstate, "23514") << original.message;
  Ok("ALTER TABLE lines ADD CONSTRAINT qty_nonnegative CHECK (qty >= 0) NOT VALID");
  const apply::QueryResult validate =
      db_->Exec("ALTER TABLE lines VALIDATE CONSTRAINT qty_nonnegative");
  EXPECT_EQ(validate.sqlstate, "23514") << validate.message;
}

TEST_F(FixProof, WrappedCallsBecomeInitPlans) {
  Ok("ALTER TABLE orders ENABLE ROW LEVEL SECURITY");
  Ok("GRANT SELECT ON orders TO authenticated");
  Ok("CREATE POLICY \"own orders\" ON orders FOR SELECT\n"
     "  USING (customer_id = auth.uid() AND current_setting('app.tenant', true) <> 'a(b)')");
  EXPECT_EQ(Plan().find("InitPlan"), std::string::npos) << Plan();
  Ok("DROP POLICY \"own orders\" ON orders");
  // The fixed text.
  Ok("CREATE POLICY \"own orders\" ON orders FOR SELECT\n"
     "  USING (customer_id = (SELECT auth.uid()) AND (SELECT current_setting('app.tenant', "
     "true)) <> 'a(b)')");
  const std::string plan = Plan();
  EXPECT_NE(plan.find("InitPlan 1"), std::string::npos) << plan;
  EXPECT_NE(plan.find("InitPlan 2"), std::string::npos) << plan;
}

// Runs `migralint fix` on a set in a fresh folder below /tmp and returns the fixed text of
// `file` (its relative path); `files`: relative path -> text.
std::string FixedBy(const std::vector<std::pair<std::string, std::string>>& files,
                    const std::string& file) {
  namespace fs = std::filesystem;
  const fs::path dir =
      fs::temp_directory_path() / ("migralint-fixproof-" + std::to_string(::getpid()) + "-" +
                                   ::testing::UnitTest::GetInstance()->current_test_info()->name());
  fs::remove_all(dir);
  for (const auto& [relative, text] : files) {
    fs::create_directories((dir / relative).parent_path());
    std::ofstream(dir / relative, std::ios::binary) << text;
  }
  const std::string command = "cd '" + dir.string() + "' && env -u DATABASE_URL '" +
                              std::string(MIGRALINT_BINARY) + "' fix --rule non-concurrent-index " +
                              "db >/dev/null 2>&1";
  const int status = std::system(command.c_str());
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << command;
  std::ifstream in(dir / file, std::ios::binary);
  std::ostringstream fixed;
  fixed << in.rdbuf();
  fs::remove_all(dir);
  return fixed.str();
}

// The statements of a goose Up section, as goose splits them: a statement ends at a line ending
// in `;` (enough for these files: no StatementBegin blocks, no `;` inside a line).
std::vector<std::string> GooseUp(const std::string& text) {
  std::vector<std::string> out;
  const std::size_t up = text.find("-- +goose Up");
  const std::size_t down = text.find("-- +goose Down");
  std::string statement;
  for (std::size_t at = text.find('\n', up) + 1; at < down;) {
    const std::size_t nl = text.find('\n', at);
    const std::string line = text.substr(at, nl - at);
    at = nl + 1;
    if (line.rfind("--", 0) == 0) continue;
    statement += line + "\n";
    if (!line.empty() && line.back() == ';') {
      out.push_back(statement);
      statement.clear();
    }
  }
  return out;
}

TEST_F(FixProof, ConcurrentIndexesRunOutsideTheTransactionGooseNoLongerOpens) {
  Ok("CREATE INDEX orders_qty_old ON orders (qty)");
  const std::string tables =
      "-- +goose Up\nCREATE TABLE orders (id bigint PRIMARY KEY, customer_id uuid, qty int);\n"
      "CREATE INDEX orders_qty_old ON orders (qty);\n-- +goose Down\nDROP TABLE orders;\n";
  const std::string pending =
      "-- +goose Up\nSET lock_timeout = '2s';\n"
      "create index orders_customer on orders (customer_id);\n"
      "CREATE UNIQUE INDEX orders_id_qty\n  ON orders (id, qty);\n"
      "DROP INDEX orders_qty_old;\n"
      "-- +goose Down\nDROP INDEX orders_customer;\n";
  const std::string fixed = FixedBy({{"migralint.toml", "runner = \"goose\"\n"},
                                     {"db/migrations/001_orders.sql", tables},
                                     {"db/migrations/002_indexes.sql", pending}},
                                    "db/migrations/002_indexes.sql");
  EXPECT_EQ(fixed,
            "-- +goose NO TRANSACTION\n-- +goose Up\nSET lock_timeout = '2s';\n"
            "create index concurrently orders_customer on orders (customer_id);\n"
            "CREATE UNIQUE INDEX CONCURRENTLY orders_id_qty\n  ON orders (id, qty);\n"
            "DROP INDEX CONCURRENTLY orders_qty_old;\n"
            "-- +goose Down\nDROP INDEX orders_customer;\n");
  const std::vector<std::string> statements = GooseUp(fixed);
  ASSERT_EQ(statements.size(), 4u);
  // As goose ran the file before the fix, in its transaction: PostgreSQL refuses CONCURRENTLY.
  Ok("BEGIN");
  EXPECT_EQ(db_->Exec(statements[1]).sqlstate, "25001");
  Ok("ROLLBACK");
  // With NO TRANSACTION goose sends each statement on its own: all succeed.
  for (const std::string& statement : statements) Ok(statement);
  const apply::QueryResult built =
      Ok("SELECT string_agg(c.relname || ':' || i.indisvalid, ',' ORDER BY c.relname) FROM "
         "pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = "
         "'orders'::regclass AND c.relname LIKE 'orders_%' AND c.relname <> 'orders_pkey'");
  ASSERT_EQ(built.rows.size(), 1u);
  EXPECT_EQ(built.rows[0][0].value_or(""), "orders_customer:true,orders_id_qty:true");
}

TEST_F(FixProof, ALoneConcurrentIndexRunsAsTheOneQuerySqlxSends) {
  const std::string fixed =
      FixedBy({{"migralint.toml", "runner = \"sqlx\"\n"},
               {"db/migrations/001_orders.sql",
                "CREATE TABLE orders (id bigint PRIMARY KEY, customer_id uuid, qty int);\n"},
               {"db/migrations/002_index.sql",
                "-- Orders by customer\nCREATE INDEX orders_customer ON orders (customer_id);\n"}},
              "db/migrations/002_index.sql");
  EXPECT_EQ(fixed,
            "-- no-transaction\n-- Orders by customer\n"
            "CREATE INDEX CONCURRENTLY orders_customer ON orders (customer_id);\n");
  // sqlx sends the whole file as one simple query: alone, the statement runs outside any block.
  Ok(fixed);
  // With a second statement the query is one implicit transaction block, which PostgreSQL
  // refuses CONCURRENTLY in: why the fix is offered only for a statement alone in its file.
  EXPECT_EQ(db_->Exec("SET lock_timeout = '2s'; " + fixed).sqlstate, "25001");
}

TEST_F(FixProof, NoConcurrentIndexOnAPartitionedTableNorAConcurrentDropOfSeveral) {
  // What the fix leaves alone, because PostgreSQL refuses it concurrently.
  Ok("CREATE TABLE events (id bigint, at date) PARTITION BY RANGE (at)");
  EXPECT_EQ(db_->Exec("CREATE INDEX CONCURRENTLY events_at ON events (at)").sqlstate, "0A000");
  Ok("CREATE INDEX a ON orders (qty)");
  Ok("CREATE INDEX b ON orders (customer_id)");
  EXPECT_EQ(db_->Exec("DROP INDEX CONCURRENTLY a, b").sqlstate, "0A000");
  EXPECT_EQ(db_->Exec("DROP INDEX CONCURRENTLY a CASCADE").sqlstate, "0A000");
}

}  // namespace
}  // namespace migralint
