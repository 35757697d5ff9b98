// json_tree_test.cc: the JSON reader gives exactly libpg_query's protobuf tree. Every .sql file
// of the project (rule examples, cases, corpus sets) and of ../shared/corpus-real when present
// is parsed both ways; the tree read from JSON, packed again, must be byte for byte the
// protobuf libpg_query produced — no field lost, renamed or given another value.
#include "parse/json_tree.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "parse/pg_parser.h"
#include "sql_files.h"
#include "temp_folder.h"

namespace fs = std::filesystem;

namespace migralint::parse {
namespace {

const fs::path kSource = MIGRALINT_SOURCE_DIR;

using migralint::testing::ProjectSqlFiles;
using migralint::testing::Slurp;
using migralint::testing::SqlFilesUnder;

std::string Packed(const PgQuery__ParseResult* tree) {
  std::string packed(pg_query__parse_result__get_packed_size(tree), '\0');
  pg_query__parse_result__pack(tree, reinterpret_cast<uint8_t*>(packed.data()));
  return packed;
}

enum class Outcome { kRejected, kReadFromJson, kProtobufPath };

// Parses one text both ways and compares the trees; `what` names it in failures.
Outcome Compare(const std::string& sql, const std::string& what) {
  PgQueryProtobufParseResult reference = pg_query_parse_protobuf(sql.c_str());
  PgQueryParseResult json = pg_query_parse(sql.c_str());
  Outcome outcome = Outcome::kRejected;
  EXPECT_EQ(!reference.error, !json.error) << what;
  if (!reference.error && !json.error) {
    const std::string expected(reference.parse_tree.data, reference.parse_tree.len);
    Arena arena;
    const PgQuery__ParseResult* tree = ReadJsonTree(json.parse_tree, sql, arena);
    outcome = tree ? Outcome::kReadFromJson : Outcome::kProtobufPath;
    if (tree) {
      EXPECT_TRUE(Packed(tree) == expected)
          << what << ": the tree read from JSON differs from libpg_query's protobuf";
    }
    // What the rest of migralint gets, whichever path it took.
    // (Deeper than kMaxJsonDepth: refused, with the reason, whichever path.)
    const PgParse parsed = ParseSql(sql.c_str());
    if (parsed.error && parsed.error->too_deep)
      EXPECT_EQ(tree, nullptr) << what;
    else
      EXPECT_TRUE(parsed.tree && Packed(parsed.tree.operator->()) == expected) << what;
  }
  pg_query_free_protobuf_parse_result(reference);
  pg_query_free_parse_result(json);
  return outcome;
}

void CheckAll(const std::vector<fs::path>& files) {
  std::map<Outcome, std::size_t> count;
  for (const fs::path& path : files) ++count[Compare(Slurp(path), path.string())];
  std::cout << files.size() << " files: " << count[Outcome::kReadFromJson] << " read from JSON, "
            << count[Outcome::kProtobufPath] << " through protobuf (a negative number JSON loses), "
            << count[Outcome::kRejected] << " rejected by PostgreSQL\n";
  EXPECT_GT(count[Outcome::kReadFromJson], 0u);
}

TEST(JsonTree, ProjectFilesReadAsTheirProtobuf) { CheckAll(ProjectSqlFiles(kSource)); }

TEST(JsonTree, RealCorpusReadsAsItsProtobuf) {
  const fs::path corpus = kSource.parent_path() / "shared" / "corpus-real";
  if (!fs::is_directory(corpus)) GTEST_SKIP() << corpus << " absent (needs ../shared)";
  CheckAll(SqlFilesUnder(corpus));
}

TEST(JsonTree, EdgeValuesSurvive) {
  // Escapes, non-ASCII, zero values (omitted from JSON), large numbers, enums, array bounds.
  for (const char* sql :
       {"SELECT E'a\\nb\\\\c\"d', 'é✓', 0, 2147483648, -2147483649, 1.5e10, true, false;",
        "CREATE TABLE t (id bigint GENERATED ALWAYS AS IDENTITY, b bit(3) DEFAULT B'101',"
        " c int[] DEFAULT '{}', d text[3][], e numeric(10, 0) DEFAULT 0);",
        "SELECT $1, x[1:2], ROW(1, 2) FROM t WHERE a IS NOT NULL ORDER BY 1 DESC NULLS LAST;"}) {
    EXPECT_EQ(Compare(sql, sql), Outcome::kReadFromJson) << sql;
  }
  // JSON drops negative integers. A negative literal is read back from the SQL text...
  for (const char* sql : {"SELECT -1, - 2, -(3), -\n -- c\n 4, -0, -2147483648, x - 1 FROM t;",
                          "CREATE TABLE t (a int DEFAULT -1 CHECK (a > -100));"}) {
    EXPECT_EQ(Compare(sql, sql), Outcome::kReadFromJson) << sql;
  }
  // ...other negative numbers (and a literal behind a block comment) take the protobuf path,
  // with the same tree.
  for (const char* sql : {"SELECT - /* minus */ 5;", "CREATE SEQUENCE s INCREMENT BY -1;",
                          "ALTER TABLE t ALTER COLUMN c SET STATISTICS -1;"}) {
    EXPECT_EQ(Compare(sql, sql), Outcome::kProtobufPath) << sql;
  }
}

TEST(JsonTree, MalformedJsonIsRefused) {
  Arena arena;
  const std::string_view sql = "";
  EXPECT_EQ(ReadJsonTree("{\"version\": 1, \"stmts\": [", sql, arena), nullptr);
  EXPECT_EQ(ReadJsonTree("{\"noSuchField\": 1}", sql, arena), nullptr);
  EXPECT_EQ(ReadJsonTree("{\"version\": \"x\"}", sql, arena), nullptr);
  EXPECT_EQ(ReadJsonTree("{\"stmts\": [{\"stmt\": {\"NoSuchNode\": {}}}]}", sql, arena), nullptr);
  EXPECT_NE(ReadJsonTree("{\"version\": 150001}", sql, arena), nullptr);
}

}  // namespace
}  // namespace migralint::parse
