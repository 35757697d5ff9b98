// lock_claims_test.cc: the lock, rewrite and error claims of the rules' messages, checked on a
// real PostgreSQL. A rewrite is a changed pg_relation_filenode; an ACCESS EXCLUSIVE lock is a
// statement that waits (pg_locks, granted = false) behind a reader holding only ACCESS SHARE,
// the weakest lock, which nothing else conflicts with; a rejection is its SQLSTATE.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <thread>

#include "apply/connection.h"
#include "claims_server.h"

namespace migralint {
namespace {

class LockClaims : public testing::ClaimsServer {
 protected:
  // A fresh database with `orders` (1,000 rows) and an index on it.
  void SetUp() override {
    ClaimsServer::SetUp();
    if (HasFatalFailure()) return;
    Run("CREATE TABLE orders (id bigint NOT NULL, email text, quantity int, unit_cents int, "
        "during tsrange);"
        "INSERT INTO orders SELECT g, 'u' || g || '@example.com', g % 7, 100 + g, "
        "tsrange(now()::timestamp + g * interval '1 hour', "
        "now()::timestamp + (g + 1) * interval '1 hour') FROM generate_series(1, 1000) g;"
        "CREATE INDEX orders_id_idx ON orders (id);");
  }

  std::string Filenode(const std::string& relation) {
    const auto r = db_->Exec("SELECT pg_relation_filenode('" + relation + "')::text");
    EXPECT_TRUE(r.ok && r.rows.size() == 1) << r.message;
    return r.ok && !r.rows.empty() && r.rows[0][0] ? *r.rows[0][0] : "";
  }

  // True when `sql` rewrites `relation` (and succeeds).
  bool Rewrites(const std::string& sql, const std::string& relation) {
    const std::string before = Filenode(relation);
    const auto r = db_->Exec(sql);
    EXPECT_TRUE(r.ok) << sql << ": " << r.sqlstate << " " << r.message;
    return Filenode(relation) != before;
  }

  // The lock mode `sql` waits for on `relation` while another session reads `read` (holding
  // ACCESS SHARE on it), or "" when it ran to its end without waiting. Runs in a transaction
  // that is rolled back unless `transaction` is false.
  std::string WaitsFor(const std::string& sql, const std::string& relation, const std::string& read,
                       bool transaction = true) {
    return WaitsBehind(sql, relation, "SELECT count(*) FROM " + read, transaction);
  }

  // The same, while another session has run `hold` in a transaction still open (a write holds
  // ROW EXCLUSIVE on its table).
  std::string WaitsBehind(const std::string& sql, const std::string& relation,
                          const std::string& hold, bool transaction = true) {
    auto holder = Open();
    EXPECT_TRUE(holder->Exec("BEGIN").ok);
    EXPECT_TRUE(holder->Exec(hold).ok) << hold;
    std::atomic<bool> done{false};
    apply::QueryResult result;
    std::thread writer([&] {
      auto c = Open();
      if (transaction) c->Exec("BEGIN");
      result = c->Exec(sql);
      if (transaction) c->Exec("ROLLBACK");
      done = true;
    });
    std::string mode;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (!done && mode.empty() && std::chrono::steady_clock::now() < deadline) {
      const auto r = db_->Exec("SELECT mode FROM pg_locks WHERE NOT granted AND relation = '" +
                               relation + "'::regclass");
      if (r.ok && !r.rows.empty() && r.rows[0][0]) mode = *r.rows[0][0];
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    holder->Exec("COMMIT");
    writer.join();
    EXPECT_TRUE(result.ok) << sql << ": " << result.sqlstate << " " << result.message;
    return mode;
  }

  // The lock modes this session holds on `relation` right after `sql` (in a transaction rolled
  // back after), sorted and comma-separated.
  std::string Holds(const std::string& sql, const std::string& relation) {
    EXPECT_TRUE(db_->Exec("BEGIN").ok);
    const auto done = db_->Exec(sql);
    EXPECT_TRUE(done.ok) << sql << ": " << done.sqlstate << " " << done.message;
    const auto r = db_->Exec(
        "SELECT string_agg(mode, ',' ORDER BY mode) FROM pg_locks WHERE pid = pg_backend_pid() "
        "AND locktype = 'relation' AND relation = '" +
        relation + "'::regclass");
    db_->Exec("ROLLBACK");
    return r.ok && !r.rows.empty() && r.rows[0][0] ? *r.rows[0][0] : "";
  }

  // How many sequential scans of `table` `sql` does (in a transaction rolled back after).
  long Scans(const std::string& sql, const std::string& table) {
    const std::string count =
        "SELECT seq_scan FROM pg_stat_xact_user_tables WHERE relname = '" + table + "'";
    EXPECT_TRUE(db_->Exec("BEGIN").ok);
    const auto before = db_->Exec(count);
    const auto done = db_->Exec(sql);
    EXPECT_TRUE(done.ok) << sql << ": " << done.sqlstate << " " << done.message;
    const auto after = db_->Exec(count);
    db_->Exec("ROLLBACK");
    if (!before.ok || !after.ok || before.rows.empty() || after.rows.empty()) return -1;
    return std::stol(*after.rows[0][0]) - std::stol(*before.rows[0][0]);
  }

  std::string Sqlstate(const std::string& sql) { return db_->Exec(sql).sqlstate; }
};

constexpr const char* kExclusive = "AccessExclusiveLock";

// constraint-builds-index: "builds its index on … under an ACCESS EXCLUSIVE lock".
TEST_F(LockClaims, ConstraintsBuildTheirIndexUnderAccessExclusive) {
  EXPECT_EQ(WaitsFor("ALTER TABLE orders ADD PRIMARY KEY (id)", "orders", "orders"), kExclusive);
  EXPECT_EQ(WaitsFor("ALTER TABLE orders ADD CONSTRAINT orders_email_key UNIQUE (email)", "orders",
                     "orders"),
            kExclusive);
  EXPECT_EQ(WaitsFor("ALTER TABLE orders ADD CONSTRAINT orders_no_overlap "
                     "EXCLUDE USING gist (during WITH &&)",
                     "orders", "orders"),
            kExclusive);
  EXPECT_EQ(WaitsFor("ALTER TABLE orders ADD COLUMN seq bigserial PRIMARY KEY", "orders", "orders"),
            kExclusive);
  EXPECT_EQ(WaitsFor("ALTER TABLE orders ADD COLUMN no bigint GENERATED ALWAYS AS IDENTITY UNIQUE",
                     "orders", "orders"),
            kExclusive);
  // The probe tells modes apart: CREATE INDEX takes SHARE, which lets readers be.
  EXPECT_EQ(WaitsFor("CREATE INDEX orders_email_idx ON orders (email)", "orders", "orders"), "");
  // The recipe's first step does not block readers (nor, with SHARE UPDATE EXCLUSIVE, writers).
  EXPECT_EQ(WaitsFor("CREATE UNIQUE INDEX CONCURRENTLY orders_email_key ON orders (email)",
                     "orders", "orders", false),
            "");
}

// volatile-default: "rewrites … under an ACCESS EXCLUSIVE lock"; constant and stable defaults
// (the good examples) do not rewrite.
TEST_F(LockClaims, VolatileDefaultsRewrite) {
  EXPECT_TRUE(
      Rewrites("ALTER TABLE orders ADD COLUMN token uuid DEFAULT gen_random_uuid()", "orders"));
  EXPECT_TRUE(Rewrites("ALTER TABLE orders ADD COLUMN seen timestamptz DEFAULT clock_timestamp()",
                       "orders"));
  EXPECT_TRUE(
      Rewrites("ALTER TABLE orders ADD COLUMN bucket int DEFAULT (random() * 100)::int", "orders"));
  EXPECT_TRUE(Rewrites("ALTER TABLE orders ADD COLUMN seq bigserial", "orders"));
  EXPECT_TRUE(
      Rewrites("ALTER TABLE orders ADD COLUMN no bigint GENERATED ALWAYS AS IDENTITY", "orders"));
  EXPECT_TRUE(
      Rewrites("ALTER TABLE orders ADD COLUMN total bigint "
               "GENERATED ALWAYS AS (quantity * unit_cents) STORED",
               "orders"));
  Run("CREATE FUNCTION new_ref() RETURNS text LANGUAGE sql AS $$ SELECT md5(random()::text) $$");
  EXPECT_TRUE(Rewrites("ALTER TABLE orders ADD COLUMN ref text DEFAULT new_ref()", "orders"));
  EXPECT_EQ(WaitsFor("ALTER TABLE orders ADD COLUMN ref2 uuid DEFAULT gen_random_uuid()", "orders",
                     "orders"),
            kExclusive);

  EXPECT_FALSE(
      Rewrites("ALTER TABLE orders ADD COLUMN status text NOT NULL DEFAULT 'active'", "orders"));
  EXPECT_FALSE(
      Rewrites("ALTER TABLE orders ADD COLUMN created timestamptz DEFAULT now()", "orders"));
  EXPECT_FALSE(
      Rewrites("ALTER TABLE orders ADD COLUMN tags text[] DEFAULT ARRAY[]::text[]", "orders"));
  EXPECT_FALSE(Rewrites("ALTER TABLE orders ADD COLUMN note text DEFAULT NULL", "orders"));
  Run("CREATE FUNCTION region() RETURNS text LANGUAGE sql STABLE AS $$ SELECT 'eu' $$");
  EXPECT_FALSE(Rewrites("ALTER TABLE orders ADD COLUMN region text DEFAULT region()", "orders"));
}

// volatile-default's list of volatile functions (rules/volatile-default/rule.cc): each one this
// server has (with uuid-ossp and pgcrypto, when installed) is VOLATILE in pg_proc.
TEST_F(LockClaims, TheVolatileListIsVolatile) {
  db_->Exec("CREATE EXTENSION IF NOT EXISTS \"uuid-ossp\"");
  db_->Exec("CREATE EXTENSION IF NOT EXISTS pgcrypto");
  const auto r = db_->Exec(
      "SELECT string_agg(DISTINCT proname || ':' || provolatile::text, ' ') FROM pg_proc "
      "WHERE proname IN ('clock_timestamp', 'gen_random_bytes', 'gen_random_uuid', 'nextval', "
      "'random', 'random_normal', 'setval', 'timeofday', 'uuid_generate_v1', "
      "'uuid_generate_v1mc', 'uuid_generate_v4', 'uuidv4', 'uuidv7')");
  ASSERT_TRUE(r.ok && r.rows.size() == 1 && r.rows[0][0]) << r.message;
  const std::string found = *r.rows[0][0];
  EXPECT_EQ(found.find(":s"), std::string::npos) << found;
  EXPECT_EQ(found.find(":i"), std::string::npos) << found;
  EXPECT_NE(found.find("clock_timestamp:v"), std::string::npos) << found;
}

// blocking-maintenance: each statement "rewrites"/"copies" the table and takes ACCESS EXCLUSIVE.
TEST_F(LockClaims, MaintenanceRewritesUnderAccessExclusive) {
  EXPECT_TRUE(Rewrites("VACUUM FULL orders", "orders"));
  EXPECT_EQ(WaitsFor("VACUUM FULL orders", "orders", "orders", false), kExclusive);
  EXPECT_TRUE(Rewrites("CLUSTER orders USING orders_id_idx", "orders"));
  EXPECT_EQ(WaitsFor("CLUSTER orders USING orders_id_idx", "orders", "orders"), kExclusive);
  EXPECT_TRUE(Rewrites("ALTER TABLE orders SET UNLOGGED", "orders"));
  EXPECT_EQ(WaitsFor("ALTER TABLE orders SET LOGGED", "orders", "orders"), kExclusive);
  EXPECT_TRUE(Rewrites("ALTER TABLE orders SET LOGGED", "orders"));
  EXPECT_EQ(WaitsFor("ALTER TABLE orders SET UNLOGGED", "orders", "orders"), kExclusive);

  // A tablespace in the server's folder, owned by the server's user.
  const std::string location = server_->folder() + "/archive";
  ASSERT_TRUE(std::filesystem::create_directory(location));
  struct stat owner {};
  ASSERT_EQ(stat(server_->folder().c_str(), &owner), 0);
  ASSERT_EQ(chown(location.c_str(), owner.st_uid, owner.st_gid), 0);
  Run("CREATE TABLESPACE archive LOCATION '" + location + "'");
  EXPECT_EQ(WaitsFor("ALTER TABLE orders SET TABLESPACE archive", "orders", "orders"), kExclusive);
  EXPECT_TRUE(Rewrites("ALTER TABLE orders SET TABLESPACE archive", "orders"));
  Run("ALTER TABLE orders SET TABLESPACE pg_default");
  Run("DROP TABLESPACE archive");

  // Plain VACUUM does not wait behind a reader.
  EXPECT_EQ(WaitsFor("VACUUM orders", "orders", "orders", false), "");
}

TEST_F(LockClaims, RefreshWithoutConcurrentlyLocksReadersOut) {
  Run("CREATE MATERIALIZED VIEW daily AS SELECT quantity, count(*) AS n FROM orders GROUP BY 1;"
      "CREATE UNIQUE INDEX daily_quantity ON daily (quantity)");
  EXPECT_EQ(WaitsFor("REFRESH MATERIALIZED VIEW daily", "daily", "daily"), kExclusive);
  EXPECT_EQ(WaitsFor("REFRESH MATERIALIZED VIEW CONCURRENTLY daily", "daily", "daily"), "");
  // A view never populated cannot be refreshed concurrently (so the rule stays silent).
  Run("CREATE MATERIALIZED VIEW empty_daily AS SELECT 1 AS one WITH NO DATA;"
      "CREATE UNIQUE INDEX empty_daily_one ON empty_daily (one)");
  EXPECT_EQ(Sqlstate("REFRESH MATERIALIZED VIEW CONCURRENTLY empty_daily"), "0A000");
}

TEST_F(LockClaims, DetachPartitionLocksTheParent) {
  Run("CREATE TABLE events (at date NOT NULL, v int) PARTITION BY RANGE (at);"
      "CREATE TABLE events_2019 PARTITION OF events FOR VALUES FROM ('2019-01-01') TO "
      "('2020-01-01');"
      "CREATE TABLE events_2020 PARTITION OF events FOR VALUES FROM ('2020-01-01') TO "
      "('2021-01-01');"
      "INSERT INTO events SELECT date '2019-01-01' + g % 700, g FROM generate_series(1, 1000) g");
  EXPECT_EQ(WaitsFor("ALTER TABLE events DETACH PARTITION events_2019", "events", "events"),
            kExclusive);
}

TEST_F(LockClaims, LockTableDefaultsToAccessExclusive) {
  EXPECT_EQ(WaitsFor("LOCK TABLE orders", "orders", "orders"), kExclusive);
  EXPECT_EQ(WaitsFor("LOCK TABLE orders IN ACCESS EXCLUSIVE MODE", "orders", "orders"), kExclusive);
  EXPECT_EQ(WaitsFor("LOCK TABLE orders IN SHARE ROW EXCLUSIVE MODE", "orders", "orders"), "");
}

// duplicate-column: the bad example's statements, as PostgreSQL answers them.
TEST_F(LockClaims, DuplicateColumnsAreRejected) {
  Run("CREATE TABLE settings (key text PRIMARY KEY, value text);"
      "CREATE TABLE counters (name text PRIMARY KEY, hits int)");
  EXPECT_EQ(Sqlstate("INSERT INTO settings (key, value, key) VALUES ('a', 'b', 'c')"), "42701");
  EXPECT_EQ(Sqlstate("UPDATE orders SET email = lower(email), quantity = 1, email = NULL"),
            "42601");
  EXPECT_EQ(Sqlstate("CREATE TABLE invoices (id bigint, total_cents bigint, total_cents numeric)"),
            "42701");
  EXPECT_EQ(Sqlstate("CREATE TABLE line_items (Qty int, qty int)"), "42701");
  EXPECT_EQ(Sqlstate("CREATE TABLE line_items (qty int, PRIMARY KEY (qty, qty))"), "42701");
  EXPECT_EQ(Sqlstate("ALTER TABLE orders ADD COLUMN nickname text, ADD COLUMN nickname text"),
            "42701");
  EXPECT_EQ(Sqlstate("ALTER TABLE orders ADD CONSTRAINT orders_email_key UNIQUE (email, email)"),
            "42701");
  EXPECT_EQ(Sqlstate("INSERT INTO counters (name, hits) VALUES ('home', 1) ON CONFLICT (name) "
                     "DO UPDATE SET hits = counters.hits + 1, hits = 0"),
            "42601");
  // An index may repeat a column: not a duplicate PostgreSQL rejects (so the rule is silent).
  EXPECT_EQ(Sqlstate("CREATE INDEX orders_id_id ON orders (id, id)"), "");
  EXPECT_EQ(Sqlstate("CREATE UNIQUE INDEX orders_id_id_key ON orders (id, id)"), "");
  // The good example's: two parts of one column, and a quoted name that keeps its case.
  Run("CREATE TABLE matrices (cells int[]);"
      "INSERT INTO matrices (cells[1], cells[2]) VALUES (1, 2);"
      "CREATE TABLE line_items (\"Qty\" int, qty int, PRIMARY KEY (qty))");
}

// identifier-too-long: names are cut to 63 bytes; a second name with the same 63 collides.
TEST_F(LockClaims, LongNamesAreCutAndCollide) {
  const std::string region =
      "customer_subscription_billing_period_adjustment_history_entries_by_region";
  const std::string plan =
      "customer_subscription_billing_period_adjustment_history_entries_by_plan";
  Run("CREATE TABLE " + region + " (id bigint PRIMARY KEY)");
  const auto cut = db_->Exec(
      "SELECT relname::text FROM pg_class WHERE relname LIKE 'customer_%' AND relkind = 'r'");
  ASSERT_TRUE(cut.ok && cut.rows.size() == 1);
  EXPECT_EQ(*cut.rows[0][0], region.substr(0, 63));
  EXPECT_EQ(Sqlstate("CREATE TABLE " + plan + " (id bigint PRIMARY KEY)"), "42P07");
  EXPECT_EQ(Sqlstate("CREATE TABLE IF NOT EXISTS " + plan + " (id bigint PRIMARY KEY)"), "");
  Run("CREATE TABLE ship (country text);"
      "ALTER TABLE ship ADD CONSTRAINT "
      "orders_shipping_address_country_code_must_be_iso_3166_alpha_2_check "
      "CHECK (length(country) = 2)");
  EXPECT_EQ(Sqlstate("ALTER TABLE ship ADD CONSTRAINT "
                     "orders_shipping_address_country_code_must_be_iso_3166_alpha_2_chk "
                     "CHECK (country = upper(country))"),
            "42710");
}

// constraint-not-valid: a foreign key or CHECK added without NOT VALID reads every row (and fails
// on one that breaks it) under SHARE ROW EXCLUSIVE on both tables / ACCESS EXCLUSIVE; NOT VALID
// reads nothing; VALIDATE takes SHARE UPDATE EXCLUSIVE unless the ADD's lock is still held.
TEST_F(LockClaims, ConstraintsWithoutNotValidScanUnderLock) {
  Run("CREATE TABLE customers (id bigint PRIMARY KEY);"
      "INSERT INTO customers SELECT generate_series(1, 9);"
      "ALTER TABLE orders ADD COLUMN customer_id bigint;"
      "UPDATE orders SET customer_id = id % 10 + 1");  // customer 10 does not exist
  const std::string fk =
      "ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) "
      "REFERENCES customers (id)";
  EXPECT_EQ(Sqlstate(fk), "23503");  // every row is checked
  Run("UPDATE orders SET customer_id = 1 WHERE customer_id = 10");
  EXPECT_EQ(Scans(fk, "orders"), 1);
  EXPECT_EQ(Holds(fk, "orders"), "AccessShareLock,ShareRowExclusiveLock");
  EXPECT_EQ(Holds(fk, "customers"), "AccessShareLock,RowShareLock,ShareRowExclusiveLock");
  // Writers of either table wait; readers do not.
  EXPECT_EQ(WaitsBehind(fk, "customers", "INSERT INTO customers VALUES (100)"),
            "ShareRowExclusiveLock");
  EXPECT_EQ(WaitsBehind(fk, "orders", "UPDATE orders SET quantity = quantity WHERE id = 1"),
            "ShareRowExclusiveLock");
  EXPECT_EQ(WaitsFor(fk, "customers", "customers"), "");

  const std::string check =
      "ALTER TABLE orders ADD CONSTRAINT orders_quantity_positive "
      "CHECK (quantity > 0)";
  EXPECT_EQ(Sqlstate(check), "23514");  // quantity = id % 7 is 0 on some rows
  EXPECT_EQ(Scans("ALTER TABLE orders ADD CHECK (quantity >= 0)", "orders"), 1);
  EXPECT_EQ(WaitsFor("ALTER TABLE orders ADD CHECK (quantity >= 0)", "orders", "orders"),
            kExclusive);

  // NOT VALID: nothing read, the row breaking it stays.
  EXPECT_EQ(Scans(check + " NOT VALID", "orders"), 0);
  EXPECT_EQ(Scans(fk + " NOT VALID", "orders"), 0);
  Run(check + " NOT VALID");
  EXPECT_EQ(Sqlstate("INSERT INTO orders (id, quantity) VALUES (5000, 0)"), "23514");  // new rows
  Run("UPDATE orders SET quantity = 1 WHERE quantity = 0");
  // VALIDATE reads the rows under SHARE UPDATE EXCLUSIVE: writers go on.
  const std::string validate = "ALTER TABLE orders VALIDATE CONSTRAINT orders_quantity_positive";
  EXPECT_EQ(Scans(validate, "orders"), 1);
  EXPECT_EQ(Holds(validate, "orders"), "ShareUpdateExclusiveLock");
  EXPECT_EQ(WaitsBehind(validate, "orders", "UPDATE orders SET quantity = quantity WHERE id = 1"),
            "");
  // ... unless the NOT VALID add is in the same transaction: its ACCESS EXCLUSIVE is still held.
  EXPECT_EQ(Holds("ALTER TABLE orders ADD CONSTRAINT orders_cents CHECK (unit_cents > 0) NOT VALID;"
                  "ALTER TABLE orders VALIDATE CONSTRAINT orders_cents",
                  "orders"),
            "AccessExclusiveLock,ShareUpdateExclusiveLock");
  // rule.md's "by version": before 18 a partitioned table refuses a NOT VALID foreign key.
  Run("CREATE TABLE events (at int, customer_id bigint) PARTITION BY RANGE (at)");
  EXPECT_EQ(Sqlstate("ALTER TABLE events ADD FOREIGN KEY (customer_id) REFERENCES customers "
                     "NOT VALID"),
            "42809");
}

// constraint-not-valid: what ADD COLUMN checks. A foreign key on a new column without DEFAULT is
// not checked at all (the column is all NULL); with any DEFAULT clause, even NULL, it is, and
// so is a CHECK on a new column, and a key added beside the column in the same statement.
TEST_F(LockClaims, NewColumnConstraintsAndTheirScans) {
  Run("CREATE TABLE customers (id bigint PRIMARY KEY); INSERT INTO customers VALUES (1)");
  EXPECT_EQ(Scans("ALTER TABLE orders ADD COLUMN c bigint REFERENCES customers", "orders"), 0);
  EXPECT_EQ(Holds("ALTER TABLE orders ADD COLUMN c bigint REFERENCES customers", "customers"),
            "AccessShareLock,ShareRowExclusiveLock");
  EXPECT_EQ(
      Scans("ALTER TABLE orders ADD COLUMN c bigint DEFAULT NULL REFERENCES customers", "orders"),
      1);
  EXPECT_EQ(
      Scans("ALTER TABLE orders ADD COLUMN c bigint DEFAULT 1 REFERENCES customers", "orders"), 1);
  EXPECT_EQ(Scans("ALTER TABLE orders ADD COLUMN c int CHECK (c > 0)", "orders"), 1);
  EXPECT_EQ(
      Scans("ALTER TABLE orders ADD COLUMN c bigint, ADD FOREIGN KEY (c) REFERENCES customers",
            "orders"),
      1);
  EXPECT_EQ(Scans("ALTER TABLE orders ADD COLUMN c bigint", "orders"), 0);
}

// constraint-not-valid: a domain constraint is checked on every column of the domain, each
// table under SHARE (writers wait); NOT VALID reads nothing; on this server (15) VALIDATE takes
// SHARE too.
TEST_F(LockClaims, DomainConstraintsCheckEveryColumn) {
  Run("CREATE DOMAIN cents AS int; ALTER TABLE orders ADD COLUMN price cents;"
      "UPDATE orders SET price = unit_cents - 200");  // negative on some rows
  const std::string add = "ALTER DOMAIN cents ADD CONSTRAINT cents_positive CHECK (VALUE > 0)";
  EXPECT_EQ(Sqlstate(add), "23514");
  Run("UPDATE orders SET price = 1 WHERE price <= 0");
  EXPECT_EQ(Holds(add, "orders"), "ShareLock");
  EXPECT_EQ(WaitsBehind(add, "orders", "UPDATE orders SET quantity = quantity WHERE id = 1"),
            "ShareLock");
  EXPECT_EQ(Holds(add + " NOT VALID", "orders"), "");
  Run(add + " NOT VALID");
  EXPECT_EQ(Holds("ALTER DOMAIN cents VALIDATE CONSTRAINT cents_positive", "orders"), "ShareLock");
}

// lock-timeout: while a statement waits for ACCESS EXCLUSIVE behind a reader, later readers queue
// behind it; with lock_timeout it gives up (55P03) and they go on. And the lock levels of the
// statements the rule counts, and of some it does not.
TEST_F(LockClaims, WaitingLockQueuesEveryoneUnlessLockTimeout) {
  auto reader = Open();
  ASSERT_TRUE(reader->Exec("BEGIN; SELECT count(*) FROM orders").ok);
  std::thread alter([&] { Open()->Exec("ALTER TABLE orders ADD COLUMN note text"); });
  std::atomic<bool> read{false};
  auto watcher = Open();  // its own connection: db_ is polled by this thread at the same time
  std::thread later([&] {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (std::chrono::steady_clock::now() < deadline) {  // once the ALTER waits
      const auto r = watcher->Exec(
          "SELECT 1 FROM pg_locks WHERE NOT granted AND mode = 'AccessExclusiveLock' AND "
          "relation = 'orders'::regclass");
      if (r.ok && !r.rows.empty()) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    Open()->Exec("SELECT count(*) FROM orders");
    read = true;
  });
  std::string queued;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (queued.empty() && std::chrono::steady_clock::now() < deadline) {
    const auto r = db_->Exec(
        "SELECT mode FROM pg_locks WHERE NOT granted AND mode = 'AccessShareLock' AND "
        "relation = 'orders'::regclass");
    if (r.ok && !r.rows.empty() && r.rows[0][0]) queued = *r.rows[0][0];
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_EQ(queued, "AccessShareLock");  // a plain SELECT waits behind the waiting ALTER
  EXPECT_FALSE(read);
  reader->Exec("COMMIT");
  alter.join();
  later.join();
  EXPECT_TRUE(read);

  // With lock_timeout the ALTER gives up.
  ASSERT_TRUE(reader->Exec("BEGIN; SELECT count(*) FROM orders").ok);
  auto migration = Open();
  ASSERT_TRUE(migration->Exec("SET lock_timeout = '200ms'").ok);
  EXPECT_EQ(migration->Exec("ALTER TABLE orders ADD COLUMN other text").sqlstate, "55P03");
  ASSERT_TRUE(migration->Exec("BEGIN; SET LOCAL lock_timeout = '200ms'").ok);
  EXPECT_EQ(migration
                ->Exec("CREATE TRIGGER t BEFORE UPDATE ON orders FOR EACH ROW EXECUTE "
                       "FUNCTION suppress_redundant_updates_trigger()")
                .sqlstate,
            "");  // SHARE ROW EXCLUSIVE: a reader does not hold it up
  migration->Exec("ROLLBACK");
  reader->Exec("COMMIT");

  Run("CREATE TABLE customers (id bigint PRIMARY KEY);"
      "CREATE TABLE events (at int) PARTITION BY RANGE (at)");
  EXPECT_EQ(Holds("CREATE TRIGGER t BEFORE UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION "
                  "suppress_redundant_updates_trigger()",
                  "orders"),
            "ShareRowExclusiveLock");
  EXPECT_EQ(Holds("ALTER TABLE orders DISABLE TRIGGER ALL", "orders"), "ShareRowExclusiveLock");
  EXPECT_EQ(Holds("CREATE TABLE invoices (customer_id bigint REFERENCES customers)", "customers"),
            "AccessShareLock,ShareRowExclusiveLock");
  EXPECT_EQ(
      Holds("CREATE TABLE events_1 PARTITION OF events FOR VALUES FROM (1) TO (10)", "events"),
      kExclusive);
  EXPECT_EQ(Holds("DROP INDEX orders_id_idx", "orders"), kExclusive);
  EXPECT_EQ(Holds("CREATE POLICY p ON orders USING (true)", "orders"), kExclusive);
  EXPECT_EQ(Holds("ALTER TABLE orders OWNER TO CURRENT_USER", "orders"), kExclusive);
  EXPECT_EQ(Holds("ALTER TABLE orders RENAME COLUMN email TO mail", "orders"), kExclusive);
  // Not counted: SHARE UPDATE EXCLUSIVE, SHARE, or no lock on the table.
  EXPECT_EQ(Holds("ALTER TABLE orders SET (fillfactor = 90)", "orders"),
            "ShareUpdateExclusiveLock");
  EXPECT_EQ(Holds("ALTER TABLE orders ALTER COLUMN id SET STATISTICS 100", "orders"),
            "ShareUpdateExclusiveLock");
  EXPECT_EQ(Holds("CREATE INDEX orders_email_idx ON orders (email)", "orders"), "ShareLock");
  EXPECT_EQ(Holds("GRANT SELECT ON orders TO PUBLIC", "orders"), "");
  EXPECT_EQ(Holds("COMMENT ON TABLE orders IS 'x'", "orders"), "ShareUpdateExclusiveLock");
}

// breaking-change: the old name stops working for code that is already running — a statement it
// prepared before the rename fails when executed after it — and keeps working when the same
// migration puts a view or a generated column under the old name. Identity changes refuse the
// inserts the message names.
TEST_F(LockClaims, RenamesBreakTheRunningCodeUnlessTheOldNameStays) {
  auto app = Open();  // the deployed application, connected before the migration
  ASSERT_TRUE(app->Exec("PREPARE by_email AS SELECT id FROM orders WHERE email = $1").ok);
  ASSERT_TRUE(app->Exec("EXECUTE by_email('u1@example.com')").ok);
  Run("ALTER TABLE orders RENAME COLUMN email TO contact_email");
  EXPECT_EQ(app->Exec("EXECUTE by_email('u1@example.com')").sqlstate, "42703");
  EXPECT_EQ(app->Exec("SELECT email FROM orders LIMIT 1").sqlstate, "42703");
  // The compatible form: a generated column under the old name, in the same migration.
  Run("ALTER TABLE orders ADD COLUMN email text GENERATED ALWAYS AS (contact_email) STORED");
  EXPECT_TRUE(app->Exec("EXECUTE by_email('u1@example.com')").ok);

  ASSERT_TRUE(app->Exec("PREPARE count_orders AS SELECT count(*) FROM orders").ok);
  Run("ALTER TABLE orders RENAME TO purchases");
  EXPECT_EQ(app->Exec("EXECUTE count_orders").sqlstate, "42P01");
  Run("CREATE VIEW orders AS SELECT * FROM purchases");
  EXPECT_TRUE(app->Exec("EXECUTE count_orders").ok);

  Run("CREATE TYPE tier AS ENUM ('free', 'pro');"
      "CREATE FUNCTION label(n int) RETURNS text LANGUAGE sql AS $$ SELECT 'n' || n $$;"
      "ALTER TYPE tier RENAME TO plan_tier;"
      "ALTER FUNCTION label(int) RENAME TO title");
  EXPECT_EQ(app->Exec("SELECT 'free'::tier").sqlstate, "42704");
  EXPECT_EQ(app->Exec("SELECT label(1)").sqlstate, "42883");

  Run("CREATE TABLE tickets (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, t text);"
      "INSERT INTO tickets (id, t) VALUES (100, 'explicit')");
  Run("ALTER TABLE tickets ALTER COLUMN id SET GENERATED ALWAYS");
  EXPECT_EQ(app->Exec("INSERT INTO tickets (id, t) VALUES (101, 'explicit')").sqlstate, "428C9");
  Run("ALTER TABLE tickets ALTER COLUMN id DROP IDENTITY");
  EXPECT_EQ(app->Exec("INSERT INTO tickets (t) VALUES ('no id')").sqlstate, "23502");
}

// rls-initplan: a bare STABLE call in a policy is a filter evaluated for every row; wrapped in a
// sub-select it is an InitPlan, evaluated once. rls-without-policy: row level security with no
// policy hides every row from a role without BYPASSRLS, without an error.
TEST_F(LockClaims, PolicyCallsAndDenyAll) {
  const std::string role = "reader_" + database_;  // roles belong to the cluster: one per test
  Run("CREATE SCHEMA auth;"
      "CREATE FUNCTION auth.uid() RETURNS uuid LANGUAGE sql STABLE AS "
      "$$ SELECT nullif(current_setting('request.jwt.claim.sub', true), '')::uuid $$;"
      "CREATE TABLE todos (id bigint PRIMARY KEY, user_id uuid);"
      "INSERT INTO todos SELECT g, gen_random_uuid() FROM generate_series(1, 100) g;"
      "ALTER TABLE todos ENABLE ROW LEVEL SECURITY;"
      "CREATE ROLE " +
      role +
      ";"
      "GRANT USAGE ON SCHEMA auth TO " +
      role +
      ";"
      "GRANT SELECT ON todos TO " +
      role);
  auto as_role = [&](const std::string& sql) {
    Run("SET ROLE " + role);
    const auto r = db_->Exec(sql);
    Run("RESET ROLE");
    EXPECT_TRUE(r.ok) << sql << ": " << r.message;
    std::string text;
    for (const auto& row : r.rows) text += (row[0] ? *row[0] : "") + "\n";
    return text;
  };
  EXPECT_EQ(as_role("SELECT count(*)::text FROM todos"), "0\n");
  Run("CREATE POLICY own ON todos FOR SELECT USING (user_id = auth.uid())");
  const std::string bare = as_role("EXPLAIN (COSTS OFF) SELECT * FROM todos");
  EXPECT_EQ(bare.find("InitPlan"), std::string::npos) << bare;
  EXPECT_NE(bare.find("Filter"), std::string::npos) << bare;
  Run("ALTER POLICY own ON todos USING (user_id = (SELECT auth.uid()))");
  const std::string wrapped = as_role("EXPLAIN (COSTS OFF) SELECT * FROM todos");
  EXPECT_NE(wrapped.find("InitPlan"), std::string::npos) << wrapped;
  Run("DROP OWNED BY " + role + "; DROP ROLE " + role);
}

// missing-primary-key: a published table without a primary key (its default replica identity)
// rejects UPDATE and DELETE.
TEST_F(LockClaims, PublishedTablesNeedAKey) {
  Run("CREATE TABLE page_views (path text); INSERT INTO page_views VALUES ('/');"
      "CREATE PUBLICATION page_views_pub FOR TABLE page_views");
  EXPECT_EQ(Sqlstate("UPDATE page_views SET path = '/home'"), "55000");
  EXPECT_EQ(Sqlstate("DELETE FROM page_views"), "55000");
  Run("ALTER TABLE page_views ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY");
  EXPECT_EQ(Sqlstate("UPDATE page_views SET path = '/home'"), "");
}
}  // namespace
}  // namespace migralint
