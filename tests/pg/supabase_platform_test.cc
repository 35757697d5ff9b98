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
#include <string>

#include "apply/platform_stub.h"
#include "claims_server.h"
#include "migralint/migration_set.h"

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
  const fs::path dir =
      fs::temp_directory_path() / ("migralint-supabase-" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  fs::copy(fs::path(MIGRALINT_SOURCE_DIR) / "tests/pg/supabase_platform", dir,
           fs::copy_options::recursive);
  const std::string out = (dir / ".out").string();
  const std::string command = "cd '" + dir.string() + "' && env -u DATABASE_URL NO_COLOR=1 '" +
                              std::string(MIGRALINT_BINARY) +
                              "' lint --apply --fail-on never . >'" + out + "' 2>&1";
  const int status = std::system(command.c_str());
  const std::string output = Read(out);
  fs::remove_all(dir);
  ASSERT_TRUE(WIFEXITED(status)) << output;
  EXPECT_EQ(WEXITSTATUS(status), 0) << output;
  EXPECT_NE(output.find("applied 4 migrations on a throwaway PostgreSQL"), std::string::npos)
      << output;
  EXPECT_NE(output.find("20240104000000_profiles_phone_index.sql ("), std::string::npos) << output;
  EXPECT_NE(output.find("without a transaction: its first statement refuses one, as supabase "
                        "runs it"),
            std::string::npos)
      << output;
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
