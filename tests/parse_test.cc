// parse_test.cc: read + parse — exact spans, recovery after errors, literals, PL/pgSQL bodies.
#include <gtest/gtest.h>
#include <pg_query/pg_query.pb-c.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "parse/parse_file.h"
#include "read/read_file.h"
#include "sql_files.h"

namespace migralint {
namespace {

struct Parsed {
  FileUnit unit;
  std::vector<Diagnostic> diagnostics;

  std::vector<std::string> Texts(bool nested = false) const {
    std::vector<std::string> out;
    for (const Statement& s : unit.statements) {
      if (s.IsNested() == nested)
        out.push_back(unit.source.text().substr(s.begin, s.end - s.begin));
    }
    return out;
  }
};

Parsed Parse(std::string text, std::size_t chunk_bytes = parse::kParseChunkBytes) {
  Parsed p;
  read::ReadResult read = read::ReadText(std::move(text), "t.sql");
  p.unit.source = std::move(read.source);
  p.diagnostics = std::move(read.diagnostics);
  p.unit.read_ok = read.parseable;
  if (read.parseable) parse::ParseFile(p.unit, p.diagnostics, chunk_bytes);
  return p;
}

// What a parse found, to compare two parses of one text: each statement's span, depth and kind,
// and each finding's place and message.
std::vector<std::string> Outline(const Parsed& p) {
  std::vector<std::string> out;
  for (const Statement& s : p.unit.statements) {
    out.push_back(std::to_string(s.begin) + "-" + std::to_string(s.end) + " " +
                  std::to_string(s.parent) + " " + std::to_string(s.kind));
  }
  for (const Diagnostic& d : p.diagnostics) {
    out.push_back(std::to_string(d.start.line) + ":" + std::to_string(d.start.column) + " " +
                  d.message);
  }
  return out;
}

TEST(Parse, StatementSpansAreExact) {
  Parsed p = Parse(
      "-- header\nCREATE TABLE a (id int);\n\n  /* c */ CREATE INDEX i ON a (id) -- "
      "tail\n;\nSELECT 1");
  EXPECT_TRUE(p.diagnostics.empty());
  EXPECT_EQ(p.Texts(), (std::vector<std::string>{"CREATE TABLE a (id int)",
                                                 "CREATE INDEX i ON a (id)", "SELECT 1"}));
  const Position start = p.unit.source.At(p.unit.statements[1].begin);
  EXPECT_EQ(start.line, 4u);
  EXPECT_EQ(start.column, 11u);
}

// A big file is parsed a chunk of statements at a time: the same statements as in one call.
// With chunks of one byte every statement is a chunk of its own, and a ';' inside a BEGIN
// ATOMIC body or a CREATE RULE ends a chunk PostgreSQL finds unfinished.
TEST(Parse, ChunksGiveTheSameStatementsAsOneCall) {
  std::vector<std::pair<std::string, std::string>> texts = {
      {"atomic",
       "CREATE TABLE a (id int);\nCREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC "
       "SELECT 1; SELECT 2; END;\nCREATE RULE r AS ON INSERT TO a DO ALSO (NOTIFY a; NOTIFY b);\n"
       "SELECT 3"},
      {"error", "CREATE TABLE a (id int);\nSELECT 1 +;\nCREATE TABLE b (id int,);\nSELECT 2;\n"}};
  for (const auto& path : testing::ProjectSqlFiles(MIGRALINT_SOURCE_DIR)) {
    std::ifstream in(path, std::ios::binary);
    texts.emplace_back(path.string(), std::string(std::istreambuf_iterator<char>(in), {}));
  }
  for (const auto& [name, text] : texts) {
    const Parsed whole = Parse(text, SIZE_MAX), chunked = Parse(text, 1);
    ASSERT_EQ(Outline(chunked), Outline(whole)) << name;
  }
}

TEST(Parse, UnbalancedParenthesisDoesNotSwallowTheNextStatement) {
  // pg_query_split_with_scanner returns nothing after this; recovery must not rest on it.
  Parsed p = Parse("CREATE TABLE a (id int,;\nCREATE INDEX i ON t(x);\n");
  ASSERT_EQ(p.diagnostics.size(), 1u);
  EXPECT_EQ(p.diagnostics[0].rule, "syntax-error");
  EXPECT_EQ(p.diagnostics[0].start.line, 1u);
  EXPECT_EQ(p.diagnostics[0].start.column, 24u);  // at ';', where PostgreSQL reports it
  ASSERT_EQ(p.unit.statements.size(), 2u);
  EXPECT_EQ(p.unit.statements[0].node, nullptr);
  ASSERT_NE(p.unit.statements[1].node, nullptr);
  EXPECT_EQ(p.unit.statements[1].node->node_case, PG_QUERY__NODE__NODE_INDEX_STMT);
}

TEST(Parse, ErrorPositionIsPostgresOwnAndLaterStatementsSurvive) {
  Parsed p = Parse(
      "CREATE TABLE ok (id int);\nCREATE TABLE bad (\n  id int\n  name text\n);\nCREATE TABLE "
      "later (id int);\n");
  ASSERT_EQ(p.diagnostics.size(), 1u);
  EXPECT_EQ(p.diagnostics[0].start.line, 4u);
  EXPECT_EQ(p.diagnostics[0].start.column, 3u);
  EXPECT_EQ(p.diagnostics[0].end.column, 7u);  // underlines "name"
  EXPECT_NE(p.diagnostics[0].message.find("at or near \"name\""), std::string::npos);
  const auto texts = p.Texts();
  EXPECT_EQ(texts.back(), "CREATE TABLE later (id int)");
}

TEST(Parse, RunnerPlaceholdersStandInAsNamesOfTheirLength) {
  // Go templates (also inside quotes and a DO body), ${name} and $%NAME%$ are replaced by the
  // runner before PostgreSQL sees the text: never a syntax error, every offset kept.
  const std::string text =
      "CREATE TABLE {{ index .Options \"Namespace\" }}.users (id int);\n"
      "CREATE INDEX i ON \"{{ index .Options \"Namespace\" }}\".users (id);\n"
      "DO $$ BEGIN ALTER TABLE {{ .Namespace }}.users ADD COLUMN x int; END $$;\n"
      "CREATE ROLE ${owner} PASSWORD '${owner_password}';\n"
      "GRANT SELECT ON $%SCHEMA%$.users TO ${owner};\n"
      "SELECT '{{1,2},{3,4}}'::int[];\n";
  Parsed p = Parse(text);
  EXPECT_TRUE(p.diagnostics.empty()) << p.diagnostics.front().message;
  ASSERT_EQ(p.unit.statements.size(), 7u);  // the DO block's ALTER is nested
  for (const Statement& s : p.unit.statements) EXPECT_NE(s.node, nullptr);
  // Offsets are the file's: the GRANT starts where it is written.
  EXPECT_EQ(p.unit.statements[5].begin, text.find("GRANT"));
}

TEST(Parse, PlaceholderValuesFromTheConfigFitInTheirPlace) {
  const std::map<std::string, std::string> values{{"schema", "auth"}, {".Namespace", "auth"}};
  EXPECT_EQ(parse::WithPlaceholders("ALTER TABLE ${schema}.users ADD x int;", values),
            "ALTER TABLE auth     .users ADD x int;");
  // Quoted: the blanks go outside the quotes, so the name stays "auth".
  EXPECT_EQ(parse::WithPlaceholders("GRANT ALL ON \"${schema}\".t TO r;", values),
            "GRANT ALL ON \"auth\"     .t TO r;");
  EXPECT_EQ(parse::WithPlaceholders("SELECT * FROM {{ .Namespace }}.users;", values),
            "SELECT * FROM auth            .users;");
  // No value, or one longer than the placeholder: a name made of its letters, the same however
  // the placeholder is spaced.
  EXPECT_EQ(parse::WithPlaceholders("DROP ROLE ${owner};", values), "DROP ROLE _owner  ;");
  EXPECT_EQ(parse::WithPlaceholders("DROP ROLE ${s};", {{"s", "much_too_long"}}),
            "DROP ROLE _s  ;");
  EXPECT_EQ(parse::WithPlaceholders("{{index .Options \"Namespace\" }}.t", {}),
            "_indexoptionsnamespace         .t");
  EXPECT_EQ(parse::WithPlaceholders("{{ index .Options \"Namespace\" }}.t", {}),
            "_indexoptionsnamespace          .t");
  // Array literals are no templates.
  EXPECT_EQ(parse::WithPlaceholders("SELECT '{{a,b},{c,d}}';", {}), "SELECT '{{a,b},{c,d}}';");
}

TEST(Parse, EveryStatementBetweenManyErrorsSurvives) {
  // Braces where a name belongs break several statements; every other statement is still
  // parsed, and each error is reported where PostgreSQL puts it. The last one is unfinished at
  // the end of the file (tree-sitter's boundaries decide there), and a BEGIN ATOMIC body holds
  // ';' inside one statement.
  std::string text;
  for (int i = 0; i < 30; ++i) {
    text += "CREATE TABLE t" + std::to_string(i) + " (id int);\n";
    if (i % 3 == 0) text += "CREATE TABLE {schema}.x" + std::to_string(i) + " (id int);\n";
  }
  text +=
      "CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 2; END;\n"
      "CREATE TABLE last (";
  Parsed p = Parse(text);
  ASSERT_EQ(p.diagnostics.size(), 11u);
  for (std::size_t i = 0; i < 10; ++i) {
    EXPECT_EQ(p.diagnostics[i].start.line, 2 + 4 * i) << i;
    EXPECT_EQ(p.diagnostics[i].start.column, 14u) << i;  // at "{"
  }
  EXPECT_NE(p.diagnostics[10].message.find("end of input"), std::string::npos);
  std::size_t parsed = 0, broken = 0;
  for (const Statement& s : p.unit.statements) (s.node ? parsed : broken) += 1;
  EXPECT_EQ(parsed, 31u);  // the 30 tables and the function
  EXPECT_EQ(broken, 11u);
  EXPECT_EQ(p.Texts()[p.Texts().size() - 2],
            "CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 2; END");
}

TEST(Parse, LiteralsHideSemicolons) {
  Parsed p = Parse(
      "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $body$ SELECT 1; $body$;\n"
      "SELECT E'it\\'s; fine', 'a;b', \"we;ird\" FROM t;\n"
      "/* outer /* nested; */ still; */ SELECT 2;\n"
      "SELECT (1;\n");  // an error, so recovery splits all of the above by hand
  ASSERT_EQ(p.diagnostics.size(), 1u);
  EXPECT_EQ(p.diagnostics[0].start.line, 4u);
  const auto texts = p.Texts();
  ASSERT_EQ(texts.size(), 4u);
  EXPECT_EQ(texts[0].substr(0, 15), "CREATE FUNCTION");
  EXPECT_EQ(texts[1], "SELECT E'it\\'s; fine', 'a;b', \"we;ird\" FROM t");
  EXPECT_EQ(texts[2], "SELECT 2");
  for (std::size_t i = 0; i < 3; ++i) EXPECT_NE(p.unit.statements[i].node, nullptr) << i;
}

TEST(Parse, UnterminatedDollarQuoteIsReportedOnce) {
  Parsed p =
      Parse("CREATE TABLE a (id int);\nDO $$ BEGIN PERFORM 1; END;\nCREATE TABLE b (id int);\n");
  ASSERT_EQ(p.diagnostics.size(), 1u);
  EXPECT_EQ(p.diagnostics[0].start.line, 2u);
  EXPECT_NE(p.diagnostics[0].message.find("unterminated"), std::string::npos);
}

TEST(Parse, CrlfAndBomKeepPositionsExact) {
  Parsed p = Parse(
      "\xEF\xBB\xBF"
      "CREATE TABLE a (id int);\r\nCREATE TABLE b (\r\n  x int\r\n  y int);\r\n");
  EXPECT_TRUE(p.unit.source.had_bom);
  ASSERT_EQ(p.diagnostics.size(), 1u);
  EXPECT_EQ(p.diagnostics[0].start.line, 4u);
  EXPECT_EQ(p.diagnostics[0].start.column, 3u);
}

TEST(Parse, ColumnsCountCodePoints) {
  Parsed p = Parse("SELECT 'é—ü' x y;\n");
  ASSERT_EQ(p.diagnostics.size(), 1u);
  EXPECT_EQ(p.diagnostics[0].start.column, 16u);  // "y": 15 code points before it
}

TEST(Parse, InvalidUtf8IsReportedOnItsLine) {
  Parsed p = Parse("SELECT 1;\nSELECT 'caf\xE9';\n");
  ASSERT_EQ(p.diagnostics.size(), 1u);
  EXPECT_EQ(p.diagnostics[0].rule, "file-encoding");
  EXPECT_EQ(p.diagnostics[0].start.line, 2u);
  EXPECT_EQ(p.diagnostics[0].start.column, 12u);
}

TEST(Parse, EmptyAndCommentOnlyFilesAreFine) {
  for (const char* text : {"", "\n\n", "-- nothing here\n/* at all */\n"}) {
    Parsed p = Parse(text);
    EXPECT_TRUE(p.diagnostics.empty()) << text;
    EXPECT_TRUE(p.unit.statements.empty()) << text;
  }
}

TEST(Parse, PsqlMetaCommandsAreReportedNotDropped) {
  Parsed p = Parse("\\set ON_ERROR_STOP on\nCREATE TABLE a (id int);\n\\i other.sql\n");
  ASSERT_EQ(p.diagnostics.size(), 2u);
  EXPECT_EQ(p.diagnostics[0].start.line, 1u);
  EXPECT_NE(p.diagnostics[0].message.find("`\\set`"), std::string::npos);
  EXPECT_EQ(p.diagnostics[1].start.line, 3u);
  EXPECT_EQ(p.Texts(), (std::vector<std::string>{"CREATE TABLE a (id int)"}));
}

TEST(Parse, DbmateDownSectionIsNotForward) {
  Parsed p = Parse("-- migrate:up\nCREATE TABLE a (id int);\n-- migrate:down\nDROP TABLE a;\n");
  EXPECT_EQ(p.Texts(), (std::vector<std::string>{"CREATE TABLE a (id int)"}));
}

TEST(Parse, DoBlockStatementsAreSeenWithTheirGuards) {
  Parsed p = Parse(
      "DO $$\nBEGIN\n  IF NOT EXISTS (SELECT 1 FROM information_schema.columns WHERE column_name = "
      "'x') THEN\n"
      "    ALTER TABLE t ADD COLUMN x int;\n  END IF;\n  CREATE INDEX i ON t (x);\n"
      "EXCEPTION WHEN duplicate_object THEN NULL;\nEND $$;\n");
  EXPECT_TRUE(p.diagnostics.empty());
  const auto nested = p.Texts(true);
  ASSERT_EQ(nested.size(), 2u);
  EXPECT_EQ(nested[0], "ALTER TABLE t ADD COLUMN x int");
  const Statement& alter = p.unit.statements[1];
  EXPECT_EQ(alter.parent, 0);
  EXPECT_EQ(p.unit.source.At(alter.begin).line, 4u);
  EXPECT_EQ(p.unit.source.At(alter.begin).column, 5u);
  ASSERT_EQ(alter.enclosures.size(), 2u);
  EXPECT_EQ(alter.enclosures[0].kind, Enclosure::Kind::kBlock);
  EXPECT_EQ(alter.enclosures[0].handled, (std::vector<std::string>{"duplicate_object"}));
  EXPECT_EQ(alter.enclosures[1].kind, Enclosure::Kind::kIf);
  EXPECT_NE(alter.enclosures[1].condition.find("NOT EXISTS"), std::string::npos);
  const Statement& index = p.unit.statements[2];
  EXPECT_EQ(p.unit.source.At(index.begin).line, 6u);
  EXPECT_EQ(index.enclosures.size(), 1u);
}

TEST(Parse, FunctionBodyStatementsAreSeen) {
  Parsed p = Parse(
      "CREATE OR REPLACE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $fn$\nBEGIN\n"
      "  NEW.updated_at = now();\n  INSERT INTO audit (at) VALUES (now());\n  RETURN "
      "NEW;\nEND;\n$fn$;\n");
  EXPECT_TRUE(p.diagnostics.empty());
  EXPECT_EQ(p.Texts(true), (std::vector<std::string>{"INSERT INTO audit (at) VALUES (now())"}));
}

TEST(Parse, BrokenPlpgsqlBodyIsASyntaxError) {
  Parsed p = Parse("DO $$ BEGIN IF true THEN PERFORM 1; END; $$;\n");
  ASSERT_EQ(p.diagnostics.size(), 1u);
  EXPECT_EQ(p.diagnostics[0].rule, "syntax-error");
  EXPECT_NE(p.diagnostics[0].message.find("PL/pgSQL"), std::string::npos);
}

}  // namespace
}  // namespace migralint

namespace migralint {
namespace {

TEST(Read, FileOverTheLimitIsRefusedUnread) {
  const auto path = std::filesystem::temp_directory_path() /
                    ("migralint-big-" + std::to_string(::getpid()) + ".sql");
  { std::ofstream(path) << "SELECT 1;\n"; }
  std::filesystem::resize_file(path, read::kMaxFileBytes + 1);  // sparse: nothing is written
  read::ReadResult r = read::ReadFile(path, "big.sql");
  std::filesystem::remove(path);
  EXPECT_FALSE(r.parseable);
  EXPECT_TRUE(r.source.text().empty());
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].rule, "file-encoding");
  EXPECT_NE(r.diagnostics[0].message.find("64 MiB"), std::string::npos);
}

TEST(Read, NonRegularFileIsAnIoError) {
  read::ReadResult r = read::ReadFile("/dev/null", "null.sql");
  EXPECT_FALSE(r.parseable);
  EXPECT_NE(r.io_error.find("not a regular file"), std::string::npos);
}

// A file's text goes once it is replayed; a later finding reads it again, and a file edited in
// between is noticed rather than excerpted wrongly.
class Released : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (std::filesystem::temp_directory_path() /
             ("migralint-released-" + std::to_string(::getpid()) + ".sql"))
                .string();
    Write(
        "\xEF\xBB\xBF"
        "CREATE TABLE t (\n  note text -- \xC3\xA9t\xC3\xA9\n);\n");
    read_ = read::ReadFile(path_, "t.sql");
  }
  void TearDown() override { std::filesystem::remove(path_); }
  void Write(const std::string& bytes) { std::ofstream(path_, std::ios::binary) << bytes; }

  std::string path_;
  read::ReadResult read_;
};

TEST_F(Released, TextIsReadAgainWhenAsked) {
  SourceFile& source = read_.source;
  const std::string text = source.text();
  const Position end = source.At(static_cast<std::uint32_t>(text.find(");")));
  source.Release(path_);
  EXPECT_TRUE(source.released());
  EXPECT_EQ(source.text(), text);  // the BOM dropped again
  EXPECT_EQ(source.At(static_cast<std::uint32_t>(text.find(");"))).line, end.line);
  EXPECT_EQ(source.LineText(2), "  note text -- \xC3\xA9t\xC3\xA9");
  EXPECT_FALSE(source.changed());
}

TEST_F(Released, EditedFileReadsAsBlanksAndSaysSo) {
  SourceFile& source = read_.source;
  const std::size_t size = source.text().size();
  source.KeepLine(2);
  source.Release(path_);
  Write(
      "\xEF\xBB\xBF"
      "CREATE TABLE u (\n  note text -- \xC3\xA9t\xC3\xA9\n);\n");    // same size
  EXPECT_EQ(source.LineText(2), "  note text -- \xC3\xA9t\xC3\xA9");  // kept: not read again
  EXPECT_FALSE(source.changed());
  EXPECT_EQ(source.text(), std::string(size, ' '));
  EXPECT_TRUE(source.changed());
  EXPECT_EQ(source.At(static_cast<std::uint32_t>(size)).line, 1u);  // every offset still in range
}

TEST_F(Released, DeletedFileReadsAsBlanksAndSaysSo) {
  SourceFile& source = read_.source;
  const std::size_t size = source.text().size();
  source.Release(path_);
  std::filesystem::remove(path_);
  EXPECT_EQ(source.text().size(), size);
  EXPECT_TRUE(source.changed());
}

TEST(Read, NulBytesMeanBinary) {
  Parsed p = Parse(std::string("SELECT 1;\nSELECT \0 2;\n", 22));
  ASSERT_EQ(p.diagnostics.size(), 1u);
  EXPECT_EQ(p.diagnostics[0].start.line, 2u);
  EXPECT_FALSE(p.unit.read_ok);
}

}  // namespace
}  // namespace migralint
