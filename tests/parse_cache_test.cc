// parse_cache_test.cc: a cached parse is the parse. Every project .sql file is parsed, saved and
// restored; the restored statements, comments, findings and trees (packed by protobuf-c) must
// equal the parsed ones. Damaged entries are refused, never followed.
#include "parse/parse_cache.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <random>

#include "parse/parse_file.h"
#include "read/read_file.h"
#include "sql_files.h"
#include "temp_folder.h"

namespace fs = std::filesystem;

namespace migralint::parse {
namespace {

const fs::path kSource = MIGRALINT_SOURCE_DIR;

std::string Packed(const PgQuery__Node* node) {
  if (!node) return "(null)";
  std::string bytes(protobuf_c_message_get_packed_size(&node->base), '\0');
  protobuf_c_message_pack(&node->base, reinterpret_cast<uint8_t*>(bytes.data()));
  return bytes;
}

// Everything ParseFile gives, as one comparable string.
std::string Describe(const FileUnit& unit, const std::vector<Diagnostic>& found) {
  std::string out;
  for (const Comment& c : unit.comments)
    out += "comment " + std::to_string(c.begin) + "-" + std::to_string(c.end) + " " +
           std::to_string(c.own_line) + " " + c.text + "\n";
  for (const Diagnostic& d : found)
    out += "finding " + d.rule + " " + d.path + ":" + std::to_string(d.start.line) + ":" +
           std::to_string(d.start.column) + "-" + std::to_string(d.end.line) + ":" +
           std::to_string(d.end.column) + " " + d.message + " | " + d.help + "\n";
  for (const Statement& s : unit.statements) {
    out += "statement " + std::to_string(s.begin) + "-" + std::to_string(s.end) + " base " +
           std::to_string(s.parse_base) + " parent " + std::to_string(s.parent) + " kind " +
           std::to_string(s.kind) + " tree " + Packed(s.node) + "\n";
    for (const Enclosure& e : s.enclosures) {
      out += "  enclosure " + std::to_string(static_cast<int>(e.kind)) + " " + e.condition;
      for (const std::string& h : e.handled) out += " " + h;
      out += "\n";
    }
  }
  return out;
}

struct Parsed {
  FileUnit unit;
  std::vector<Diagnostic> found;
};

Parsed Parse(const fs::path& path) {
  Parsed p;
  read::ReadResult read = read::ReadFile(path, path.string());
  p.unit.source = std::move(read.source);
  if (read.parseable) ParseFile(p.unit, p.found);
  return p;
}

TEST(ParseCache, RestoredIsWhatWasParsed) {
  std::size_t statements = 0;
  for (const fs::path& path : migralint::testing::ProjectSqlFiles(kSource)) {
    const Parsed parsed = Parse(path);
    const std::string bytes = Serialize(parsed.unit, parsed.found);
    Parsed restored;
    restored.unit.source = parsed.unit.source;
    ASSERT_TRUE(Restore(bytes, restored.unit, restored.found)) << path;
    EXPECT_EQ(Describe(restored.unit, restored.found), Describe(parsed.unit, parsed.found)) << path;
    statements += parsed.unit.statements.size();
  }
  EXPECT_GT(statements, 500u);
}

TEST(ParseCache, DamagedEntriesAreRefusedOrHarmless) {
  const Parsed parsed = Parse(kSource / "rules/non-idempotent-ddl/bad.sql");
  const std::string bytes = Serialize(parsed.unit, parsed.found);
  // Every truncation is refused.
  for (std::size_t n = 0; n < bytes.size(); n += 7) {
    FileUnit unit;
    unit.source = parsed.unit.source;
    std::vector<Diagnostic> found;
    EXPECT_FALSE(Restore(std::string_view(bytes).substr(0, n), unit, found)) << n;
    EXPECT_TRUE(unit.statements.empty());
  }
  // Flipped bytes are refused, or restore something (a flipped scalar is a scalar) that can be
  // walked without crashing (the sanitizer run checks that).
  std::mt19937 random(7);
  for (int round = 0; round < 2000; ++round) {
    std::string damaged = bytes;
    for (int k = 0; k < 3; ++k)
      damaged[random() % damaged.size()] ^= static_cast<char>(1 + random() % 255);
    FileUnit unit;
    unit.source = parsed.unit.source;
    std::vector<Diagnostic> found;
    if (Restore(damaged, unit, found)) (void)Describe(unit, found);
  }
}

class ParseCacheFiles : public migralint::testing::TempFolderTest {
 protected:
  ParseCacheFiles() : TempFolderTest("parse-cache") {}
};

TEST_F(ParseCacheFiles, SecondRunRestoresAndChangedTextIsParsedAgain) {
  Write("set/001_a.sql", "CREATE TABLE a (id int);\n");
  Write("set/002_b.sql", "CREATE TABLE b (id int REFERENCES a);\n");
  auto run = [&](const std::string& file, std::size_t& hits, std::size_t& misses) {
    ParseCache cache(dir_ / "cache", dir_ / "set");
    Parsed p;
    p.unit.source = read::ReadFile(dir_ / "set" / file, file).source;
    cache.Parse(p.unit, p.found);
    cache.Save();
    hits = cache.hits();
    misses = cache.misses();
    return Describe(p.unit, p.found);
  };
  std::size_t hits, misses;
  const std::string first = run("002_b.sql", hits, misses);
  EXPECT_EQ(misses, 1u);
  EXPECT_EQ(run("002_b.sql", hits, misses), first);
  EXPECT_EQ(hits, 1u);
  EXPECT_EQ(misses, 0u);
  // A changed file: parsed again, never the old result.
  Write("set/002_b.sql", "CREATE TABLE b (id int REFERENCES a, x (;\n");
  const std::string changed = run("002_b.sql", hits, misses);
  EXPECT_EQ(misses, 1u);
  EXPECT_NE(changed, first);
  EXPECT_NE(changed.find("syntax-error"), std::string::npos);
  // A damaged pack is an empty cache.
  for (const auto& e : fs::directory_iterator(dir_ / "cache"))
    Write(fs::relative(e.path(), dir_).string(), "garbage");
  EXPECT_EQ(run("002_b.sql", hits, misses), changed);
  EXPECT_EQ(hits, 0u);
}

TEST_F(ParseCacheFiles, DamagedEntryIsDetectedAndParsedAgain) {
  Write("set/001_a.sql", "CREATE TABLE a (id int);\nSELECT (;\n");
  auto run = [&](std::size_t& hits) {
    ParseCache cache(dir_ / "cache", dir_ / "set");
    Parsed p;
    p.unit.source = read::ReadFile(dir_ / "set/001_a.sql", "001_a.sql").source;
    cache.Parse(p.unit, p.found);
    cache.Save();
    hits = cache.hits();
    return Describe(p.unit, p.found);
  };
  std::size_t hits;
  const std::string first = run(hits);
  ASSERT_NE(first.find("syntax error"), std::string::npos) << first;
  // One byte of the entry changed, the pack otherwise well formed: a message that reads
  // differently (a flip in a tree would be as silent). Refused, and the file parsed again.
  for (const auto& e : fs::directory_iterator(dir_ / "cache")) {
    std::string pack = migralint::testing::Slurp(e.path());
    const std::size_t at = pack.find("syntax error");
    ASSERT_NE(at, std::string::npos);
    pack[at + 7] = 'E';
    Write(fs::relative(e.path(), dir_).string(), pack);
  }
  EXPECT_EQ(run(hits), first);
  EXPECT_EQ(hits, 0u);
  EXPECT_EQ(run(hits), first);  // the pack written again is whole
  EXPECT_EQ(hits, 1u);
}

}  // namespace
}  // namespace migralint::parse
