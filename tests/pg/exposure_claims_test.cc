// exposure_claims_test.cc: what the exposure rules (security-definer-view, auth-users-exposed,
// definer-function-exposed, exposed-matview, exposed-foreign-table) and the grant model say
// PostgreSQL does, on a real PostgreSQL.
#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "claims_server.h"

namespace migralint {
namespace {

using ExposureClaims = testing::ClaimsServer;

// Roles are cluster-wide: each test makes its own, IF NOT EXISTS in spirit.
void Role(apply::Connection& db, const std::string& name) {
  db.Exec("CREATE ROLE " + name + " NOLOGIN");
}

// security-definer-view: a view without security_invoker reads with its owner's rights — the
// policy that hides every row of the table from anon does not apply through it; with
// security_invoker = true it does.
TEST_F(ExposureClaims, DefinerViewBypassesTheTablesPolicy) {
  Role(*db_, "anon");
  Run("CREATE TABLE orders (id int PRIMARY KEY, total int); INSERT INTO orders VALUES (1, 10), "
      "(2, 20); ALTER TABLE orders ENABLE ROW LEVEL SECURITY; CREATE POLICY none ON orders FOR "
      "SELECT TO anon USING (false); GRANT SELECT ON orders TO anon");
  Run("CREATE VIEW order_totals AS SELECT sum(total) AS total, count(*) AS n FROM orders; "
      "GRANT SELECT ON order_totals TO anon");
  Run("CREATE VIEW order_totals_invoker WITH (security_invoker = true) AS SELECT count(*) AS n "
      "FROM orders; GRANT SELECT ON order_totals_invoker TO anon");
  Run("SET ROLE anon");
  EXPECT_EQ(db_->Exec("SELECT count(*) FROM orders").rows.at(0).at(0), "0");
  EXPECT_EQ(db_->Exec("SELECT n FROM order_totals").rows.at(0).at(0), "2");
  EXPECT_EQ(db_->Exec("SELECT n FROM order_totals_invoker").rows.at(0).at(0), "0");
  Run("RESET ROLE");
  // ALTER VIEW … SET (security_invoker = on) turns the first one into the second.
  Run("ALTER VIEW order_totals SET (security_invoker = on)");
  Run("SET ROLE anon");
  EXPECT_EQ(db_->Exec("SELECT n FROM order_totals").rows.at(0).at(0), "0");
  Run("RESET ROLE");
}

// auth-users-exposed: a role without any right on auth.users reads it through a view (its
// owner's rights); through a security_invoker view it is refused (42501).
TEST_F(ExposureClaims, ViewOverAuthUsersServesItToARoleWithoutRights) {
  Role(*db_, "anon");
  Run("CREATE SCHEMA auth; CREATE TABLE auth.users (id uuid PRIMARY KEY, email text); INSERT "
      "INTO auth.users VALUES (gen_random_uuid(), 'a@example.com'); GRANT USAGE ON SCHEMA auth "
      "TO anon");
  Run("CREATE VIEW user_directory AS SELECT email FROM auth.users; GRANT SELECT ON "
      "user_directory TO anon");
  Run("CREATE VIEW my_email WITH (security_invoker = true) AS SELECT email FROM auth.users; "
      "GRANT SELECT ON my_email TO anon");
  Run("SET ROLE anon");
  EXPECT_EQ(db_->Exec("SELECT email FROM auth.users").sqlstate, "42501");
  EXPECT_EQ(db_->Exec("SELECT email FROM user_directory").rows.at(0).at(0), "a@example.com");
  EXPECT_EQ(db_->Exec("SELECT email FROM my_email").sqlstate, "42501");
  Run("RESET ROLE");
}

// definer-function-exposed: a new function is executable by any role through PUBLIC; REVOKE
// FROM PUBLIC takes it away; ALTER DEFAULT PRIVILEGES (without IN SCHEMA) stops it for new
// functions, but IN SCHEMA cannot revoke the PUBLIC default (per-schema defaults only add).
TEST_F(ExposureClaims, DefinerFunctionIsExecutableThroughPublicByDefault) {
  Role(*db_, "fresh_visitor");
  Run("CREATE FUNCTION credit() RETURNS int LANGUAGE sql SECURITY DEFINER AS 'SELECT 1'");
  auto can = [&](const std::string& function) {
    return db_
        ->Exec("SELECT has_function_privilege('fresh_visitor', '" + function + "', 'EXECUTE')")
        .rows.at(0)
        .at(0);
  };
  EXPECT_EQ(can("credit()"), "t");
  Run("REVOKE EXECUTE ON FUNCTION credit() FROM PUBLIC");
  EXPECT_EQ(can("credit()"), "f");

  Run("ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC");
  Run("CREATE FUNCTION debit() RETURNS int LANGUAGE sql SECURITY DEFINER AS 'SELECT 1'");
  EXPECT_EQ(can("debit()"), "t");
  Run("ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC");
  Run("CREATE FUNCTION refund() RETURNS int LANGUAGE sql SECURITY DEFINER AS 'SELECT 1'");
  EXPECT_EQ(can("refund()"), "f");
  Run("ALTER DEFAULT PRIVILEGES GRANT EXECUTE ON FUNCTIONS TO PUBLIC");

  // CREATE OR REPLACE keeps the privileges of the function it replaces.
  Run("CREATE OR REPLACE FUNCTION credit() RETURNS int LANGUAGE sql SECURITY DEFINER AS "
      "'SELECT 2'");
  EXPECT_EQ(can("credit()"), "f");
}

// exposed-matview, exposed-foreign-table: neither can have row level security (42809).
TEST_F(ExposureClaims, MatviewsAndForeignTablesHaveNoRowLevelSecurity) {
  Run("CREATE TABLE orders (id int PRIMARY KEY); CREATE MATERIALIZED VIEW order_count AS SELECT "
      "count(*) FROM orders");
  EXPECT_EQ(db_->Exec("ALTER TABLE order_count ENABLE ROW LEVEL SECURITY").sqlstate, "42809");
  Run("CREATE FOREIGN DATA WRAPPER nothing; CREATE SERVER billing FOREIGN DATA WRAPPER nothing; "
      "CREATE FOREIGN TABLE invoices (id int) SERVER billing");
  EXPECT_EQ(db_->Exec("ALTER TABLE invoices ENABLE ROW LEVEL SECURITY").sqlstate, "42809");
}

}  // namespace
}  // namespace migralint
