// builtins_test.cc: src/model/builtins_pg15.inc is what a real PostgreSQL 15 provides. The test
// starts a server, reads pg_catalog and fails when the committed list differs; with
// MIGRALINT_UPDATE_SNAPSHOTS=1 it writes the list instead (ci/gen-builtins.sh).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "apply/connection.h"
#include "apply/embedded_server.h"

namespace fs = std::filesystem;

namespace migralint {
namespace {

const fs::path kSource = MIGRALINT_SOURCE_DIR;
constexpr const char* kMajor = "15";

// Types of pg_catalog, unqualified: TypeOf names them so.
constexpr const char* kTypes =
    "SELECT typname FROM pg_type WHERE typnamespace = 'pg_catalog'::regnamespace";
// Functions and relations, qualified.
constexpr const char* kFunctions =
    "SELECT DISTINCT n.nspname || '.' || p.proname FROM pg_proc p JOIN pg_namespace n"
    " ON n.oid = p.pronamespace WHERE n.nspname IN ('pg_catalog', 'information_schema')";
constexpr const char* kRelations =
    "SELECT n.nspname || '.' || c.relname FROM pg_class c JOIN pg_namespace n"
    " ON n.oid = c.relnamespace WHERE n.nspname IN ('pg_catalog', 'information_schema')"
    " AND c.relkind IN ('r', 'v', 'm', 'p', 'f', 'S')";

// One column of a query, in byte order (what std::binary_search over string_view expects).
std::vector<std::string> Names(apply::Connection& db, const char* query) {
  const apply::QueryResult r = db.Exec(query);
  EXPECT_TRUE(r.ok) << r.message;
  std::vector<std::string> names;
  for (const auto& row : r.rows) {
    if (!row.empty() && row[0]) names.push_back(*row[0]);
  }
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

void WriteArray(std::ostream& out, const char* name, const std::vector<std::string>& names) {
  out << "constexpr std::string_view " << name << "[] = {\n";
  for (const std::string& n : names) out << "    \"" << n << "\",\n";
  out << "};\n";
}

std::string Generate(apply::Connection& db) {
  std::ostringstream out;
  out << "// builtins_pg15.inc: the types, functions and relations PostgreSQL " << kMajor
      << " provides, read from a\n// fresh cluster's catalog by tests/pg/builtins_test.cc "
         "(ci/gen-builtins.sh writes it). Do not edit.\n";
  WriteArray(out, "kPgTypes", Names(db, kTypes));
  WriteArray(out, "kPgFunctions", Names(db, kFunctions));
  WriteArray(out, "kPgRelations", Names(db, kRelations));
  return out.str();
}

TEST(Builtins, CommittedListIsWhatPostgresProvides) {
  std::string error;
  const auto server = apply::EmbeddedServer::Start(error);
  ASSERT_TRUE(server) << error;
  const auto db = apply::Connection::Open(server->ConnInfo(), error);
  ASSERT_TRUE(db) << error;
  const apply::QueryResult version = db->Exec("SELECT current_setting('server_version_num')");
  ASSERT_TRUE(version.ok && !version.rows.empty() && version.rows[0][0]) << version.message;
  if (version.rows[0][0]->substr(0, 2) != kMajor)
    GTEST_SKIP() << "the list is PostgreSQL " << kMajor << "'s; this server is "
                 << *version.rows[0][0];

  const std::string now = Generate(*db);
  const fs::path committed = kSource / "src" / "model" / "builtins_pg15.inc";
  if (std::getenv("MIGRALINT_UPDATE_SNAPSHOTS")) std::ofstream(committed) << now;
  std::ifstream in(committed);
  std::ostringstream before;
  before << in.rdbuf();
  EXPECT_TRUE(before.str() == now)
      << committed << " differs from the server's catalog; regenerate it with "
      << "ci/gen-builtins.sh and review the diff";
}

}  // namespace
}  // namespace migralint
