// supabase_platform_test.cc: the throwaway server's Supabase stand-in (src/apply/platform_stub.cc)
// behaves as the platform does: a Supabase set that uses auth.users(phone), storage.objects'
// columns, the JWT helpers, uuid-ossp unqualified and the API roles' default grants applies with
// `lint --apply` (tests/pg/supabase_platform, whose third migration asserts it), a file that
// starts with CREATE INDEX CONCURRENTLY too, as the Supabase CLI runs it; and a foreign key
// to auth.users(phone) stands on the UNIQUE constraint GoTrue owns (fk-to-auth-unique's claim).
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <utility>

#include "apply/platform_stub.h"
#include "claims_server.h"
#include "migralint/migration_set.h"
#include "migralint/schema.h"
#include "model/builtins.h"

namespace fs = std::filesystem;

namespace migralint {
namespace {

class SupabasePlatform : public testing::ClaimsServer {
 protected:
  void SetUp() override {
    ClaimsServer::SetUp();
    if (HasFatalFailure()) return;
    const auto stub = apply::CreatePlatformStub(*db_, Layout::kSupabase);
    ASSERT_TRUE(stub.ok) << stub.message;
  }

  // `migralint lint --apply --fail-on never` on a copy of `set` (a Supabase project folder):
  // exit code and output.
  static std::pair<int, std::string> LintApply(const fs::path& set) {
    const fs::path dir =
        fs::temp_directory_path() / ("migralint-supabase-" + std::to_string(getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    fs::copy(set, dir, fs::copy_options::recursive);
    const std::string out = (dir / ".out").string();
    const std::string command = "cd '" + dir.string() + "' && env -u DATABASE_URL NO_COLOR=1 '" +
                                std::string(MIGRALINT_BINARY) +
                                "' lint --apply --fail-on never . >'" + out + "' 2>&1";
    const int status = std::system(command.c_str());
    std::string output = Read(out);
    fs::remove_all(dir);
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, std::move(output)};
  }

  std::string Fails(const std::string& sql) {
    const apply::QueryResult r = db_->Exec(sql);
    EXPECT_FALSE(r.ok) << sql;
    return r.sqlstate;
  }
};

TEST_F(SupabasePlatform, StubIsIdempotent) {
  const auto again = apply::CreatePlatformStub(*db_, Layout::kSupabase);
  EXPECT_TRUE(again.ok) << again.message;
}

TEST_F(SupabasePlatform, SetAppliesWithLintApply) {
  const auto [status, output] =
      LintApply(fs::path(MIGRALINT_SOURCE_DIR) / "tests/pg/supabase_platform");
  EXPECT_EQ(status, 0) << output;
  EXPECT_NE(output.find("applied 4 migrations on a throwaway PostgreSQL"), std::string::npos)
      << output;
  EXPECT_NE(output.find("without a transaction: its first statement refuses one, as supabase "
                        "runs it"),
            std::string::npos)
      << output;
}

// An extension only Supabase's image ships: the stand-in cannot fake it, and says so.
TEST_F(SupabasePlatform, ExtensionOnlySupabaseShipsIsExplained) {
  const fs::path set = fs::temp_directory_path() / ("migralint-cron-" + std::to_string(getpid()));
  fs::remove_all(set);
  fs::create_directories(set / "supabase/migrations");
  std::ofstream(set / "supabase/migrations/20240101000000_cron.sql")
      << "CREATE EXTENSION IF NOT EXISTS pg_cron WITH SCHEMA pg_catalog;\n";
  const auto [status, output] = LintApply(set);
  fs::remove_all(set);
  EXPECT_NE(status, 0) << output;
  EXPECT_NE(output.find("extension \"pg_cron\" is not available (SQLSTATE 0A000)"),
            std::string::npos)
      << output;
  EXPECT_NE(output.find("note: Supabase provides that extension"), std::string::npos) << output;
}

// What the model takes as given on Supabase (src/model/builtins.cc) is on the stand-in, so that
// lint and `lint --apply` agree on what exists before the first migration.
TEST_F(SupabasePlatform, ModelExternalsExistOnTheStandIn) {
  Schema schema;
  model::AddBuiltins(Layout::kSupabase, schema);
  for (const auto& [name, origin] : schema.schemas) {
    const auto r = db_->ExecParams("SELECT to_regnamespace($1) IS NOT NULL", {name});
    ASSERT_TRUE(r.ok) << r.message;
    EXPECT_EQ(r.rows.at(0).at(0).value_or(""), "t") << "schema " << name;
  }
  int checked = 0;
  for (const std::string& name : schema.externals) {
    // Other runners' history tables are not the platform's; supabase_vault is not on this
    // server (see platform_stub.cc).
    if (name.rfind("public.", 0) == 0 || name.rfind("migralint.", 0) == 0 ||
        name.rfind("vault.", 0) == 0)
      continue;
    const auto r = db_->ExecParams(
        "SELECT to_regclass($1) IS NOT NULL OR to_regtype($1) IS NOT NULL OR EXISTS ("
        "  SELECT FROM pg_proc WHERE pronamespace = to_regnamespace(split_part($1, '.', 1))"
        "  AND proname = split_part($1, '.', 2))",
        {name});
    ASSERT_TRUE(r.ok) << r.message;
    EXPECT_EQ(r.rows.at(0).at(0).value_or(""), "t") << name << " is not on the stand-in";
    ++checked;
  }
  EXPECT_GT(checked, 40);
}

// The foreign key is accepted only because of users_phone_key: without it PostgreSQL has no
// unique constraint to reference; with the key in place, the constraint cannot be dropped
// (Supabase's auth upgrades that change it are blocked) unless CASCADE drops the user's key.
TEST_F(SupabasePlatform, ForeignKeyToAuthPhoneStandsOnItsUniqueConstraint) {
  Run("CREATE TABLE public.contacts (phone text REFERENCES auth.users (phone))");
  EXPECT_EQ(Fails("ALTER TABLE auth.users DROP CONSTRAINT users_phone_key"), "2BP01");
  Run("DROP TABLE public.contacts");
  Run("ALTER TABLE auth.users DROP CONSTRAINT users_phone_key");
  EXPECT_EQ(Fails("CREATE TABLE public.contacts (phone text REFERENCES auth.users (phone))"),
            "42830");
  // email's uniqueness is a partial index (not SSO users only): no key to reference at all.
  EXPECT_EQ(Fails("CREATE TABLE public.mail (email varchar(255) REFERENCES auth.users (email))"),
            "42830");
}

// fk-to-auth-unique's examples on the stand-in: the bad one's keys to Supabase's unique
// constraints are accepted (that is the trap), its key to auth.users (email) is rejected.
TEST_F(SupabasePlatform, FkToAuthUniqueExamplesOnThePlatform) {
  const fs::path rule = fs::path(MIGRALINT_SOURCE_DIR) / "rules/fk-to-auth-unique";
  const std::string bad = Read(rule / "bad.sql");
  const std::size_t newsletter = bad.find("CREATE TABLE public.newsletter");
  ASSERT_NE(newsletter, std::string::npos);
  Run(bad.substr(0, newsletter));
  EXPECT_EQ(Fails(bad.substr(newsletter)), "42830");
  Run("DROP TABLE public.profiles, public.devices");
  Run(Read(rule / "good.sql"));
}

}  // namespace
}  // namespace migralint
