// fix_proof_test.cc: the fixes of rls-initplan and constraint-not-valid, run on a real
// PostgreSQL: the fixed text (as tests/cli_test.cc's FixWrapsCallsSetsTheTimeoutAndSplitsThe-
// Validation writes it) is accepted, does what the original statements do — the constraints end
// validated, and a row that breaks one still fails the migration, with the same SQLSTATE — and
// the policy's calls become initplans, evaluated once per statement.
#include <gtest/gtest.h>

#include <memory>
#include <string>
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

}  // namespace
}  // namespace migralint
