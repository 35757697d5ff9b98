// lsp_text_test.cc: the language server's pure parts — UTF-16 columns, file URIs, where an
// ignore comment goes, which rule an ignore comment names under the cursor.
#include <gtest/gtest.h>

#include <string>

#include "lsp/actions.h"
#include "lsp/text.h"

namespace migralint::lsp {
namespace {

TEST(LspText, Utf16ColumnsCountSurrogatePairs) {
  // "a", "é" (2 bytes), "😀" (4 bytes: 2 UTF-16 units), "b".
  const std::string line =
      "a\xC3\xA9\xF0\x9F\x98\x80"
      "b";
  EXPECT_EQ(Utf16Column(line, 1), 0u);
  EXPECT_EQ(Utf16Column(line, 3), 2u);   // before the emoji
  EXPECT_EQ(Utf16Column(line, 4), 4u);   // before "b"
  EXPECT_EQ(Utf16Column(line, 99), 5u);  // clamped to the line's end
  EXPECT_EQ(ByteOfUtf16(line, 0), 0u);
  EXPECT_EQ(ByteOfUtf16(line, 2), 3u);
  EXPECT_EQ(ByteOfUtf16(line, 3), 3u);  // inside the pair: its start
  EXPECT_EQ(ByteOfUtf16(line, 4), 7u);
  EXPECT_EQ(ByteOfUtf16(line, 99), line.size());
  // A stray byte counts as one.
  EXPECT_EQ(Utf16Column("\xFF"
                        "x",
                        2),
            1u);
}

TEST(LspText, LinesDropTheirLineEnds) {
  const Lines lines("one\r\ntwo\n\nfour");
  ASSERT_EQ(lines.count(), 4u);
  EXPECT_EQ(lines.Line(0), "one");
  EXPECT_EQ(lines.Line(1), "two");
  EXPECT_EQ(lines.Line(2), "");
  EXPECT_EQ(lines.Line(3), "four");
  EXPECT_EQ(lines.Line(9), "");
}

TEST(LspText, FileUrisArePercentDecoded) {
  EXPECT_EQ(PathOfUri("file:///tmp/my%20set/001_a.sql"), "/tmp/my set/001_a.sql");
  EXPECT_EQ(PathOfUri("file://localhost/tmp/a.sql"), "/tmp/a.sql");
  EXPECT_EQ(PathOfUri("file:///tmp/%C3%A9/a.sql"), "/tmp/\xC3\xA9/a.sql");
  EXPECT_EQ(PathOfUri("file:///tmp/100%/a.sql"), "/tmp/100%/a.sql");  // not an escape
  EXPECT_FALSE(PathOfUri("untitled:Untitled-1"));
  EXPECT_FALSE(PathOfUri("file://otherhost/a.sql"));
}

TEST(LspActions, IgnoreCommentGoesBeforeTheStatementHoldingTheFinding) {
  const std::string text =
      "CREATE TABLE IF NOT EXISTS a (id bigint PRIMARY KEY);\n"
      "  CREATE TABLE IF NOT EXISTS b (id bigint PRIMARY KEY,\n"
      "    a_id bigint REFERENCES a (id));\n";
  // A finding on line 2 (0-based) of the statement starting on line 1: before line 1, indented.
  const LineInsert insert = IgnoreComment(text, "fk-missing-index", 2, 4);
  EXPECT_EQ(insert.line, 1u);
  EXPECT_EQ(insert.text, "  -- migralint-ignore fk-missing-index: <reason>\n");
  // On the first statement's own line.
  EXPECT_EQ(IgnoreComment(text, "non-idempotent-ddl", 0, 0).line, 0u);
}

TEST(LspActions, FindingBeforeTheFirstStatementIsIgnoredFileWide) {
  const std::string text = "-- header\n\nCREATE TABLE IF NOT EXISTS a (id int);\n";
  const LineInsert insert = IgnoreComment(text, "file-naming", 0, 0);
  EXPECT_EQ(insert.line, 0u);
  EXPECT_EQ(insert.text, "-- migralint-ignore-file file-naming: <reason>\n");
}

TEST(LspActions, RuleNamedUnderTheCursor) {
  const std::string line = "-- migralint-ignore fk-missing-index, prefer-bigint: small table";
  EXPECT_EQ(IgnoredRuleAt(line, line.find("missing")), "fk-missing-index");
  EXPECT_EQ(IgnoredRuleAt(line, line.find("bigint")), "prefer-bigint");
  EXPECT_EQ(IgnoredRuleAt(line, line.find("small")), "");  // the reason
  EXPECT_EQ(IgnoredRuleAt(line, 3), "");                   // the keyword
  // squawk's names map onto ours; an unknown name gives nothing.
  const std::string squawk = "SELECT 1; -- squawk-ignore ban-char-field";
  EXPECT_EQ(IgnoredRuleAt(squawk, squawk.find("ban")), "no-char-type");
  EXPECT_EQ(IgnoredRuleAt("-- migralint-ignore no-such-rule: x", 22), "");
  EXPECT_EQ(IgnoredRuleAt("-- just a comment", 5), "");
}

TEST(LspActions, ExplanationIsTheRuleDocumentation) {
  const std::string text = Explanation("unsafe-not-null");
  EXPECT_EQ(text.rfind("# unsafe-not-null", 0), 0u);
  EXPECT_NE(text.find("**Default:** error"), std::string::npos) << text;
  EXPECT_EQ(Explanation("no-such-rule"), "");
}

}  // namespace
}  // namespace migralint::lsp
