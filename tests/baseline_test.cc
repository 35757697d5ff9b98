// baseline_test.cc: migralint.baseline as text — fingerprints, reading, writing (cli/baseline).
#include "cli/baseline.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace migralint::cli {
namespace {

TEST(Baseline, FingerprintIgnoresWhitespaceButNotTextOrMessage) {
  EXPECT_EQ(NormaliseWhitespace("  CREATE\tINDEX\r\n  a_n ON a (n)  "),
            "CREATE INDEX a_n ON a (n)");
  const std::string f = Fingerprint("CREATE INDEX a_n ON a (n)", "m");
  EXPECT_EQ(f.size(), 16u);
  EXPECT_EQ(f, Fingerprint("CREATE INDEX\n    a_n ON a (n)", "m"));
  EXPECT_NE(f, Fingerprint("CREATE INDEX a_n ON a (n, id)", "m"));
  EXPECT_NE(f, Fingerprint("CREATE INDEX a_n ON a (n)", "other"));
}

TEST(Baseline, WritesSortedMergedEscapedAndReadsItBack) {
  std::vector<BaselineEntry> entries = {
      {"rule-b", "002_b.sql", "00000000000000bb", 1, "second", 0},
      {"rule-a", "001\ta.sql", "00000000000000aa", 1, "tab\tand\nline", 0},
      {"rule-b", "002_b.sql", "00000000000000bb", 1, "second", 0},
  };
  const std::string text = FormatBaseline(entries);
  EXPECT_EQ(text.rfind("# migralint.baseline", 0), 0u);
  const std::string body = text.substr(text.find("\nrule-"));
  EXPECT_EQ(body,
            "\nrule-a\t001\\ta.sql\t00000000000000aa\t1\ttab\\tand\\nline\n"
            "rule-b\t002_b.sql\t00000000000000bb\t2\tsecond\n");
  const BaselineFile read = ParseBaseline(text);
  EXPECT_TRUE(read.problems.empty());
  ASSERT_EQ(read.entries.size(), 2u);
  EXPECT_EQ(read.entries[0].path, "001\ta.sql");
  EXPECT_EQ(read.entries[0].message, "tab\tand\nline");
  EXPECT_EQ(read.entries[1].count, 2u);
  EXPECT_EQ(read.entries[1].line, 9u);            // after the seven header lines
  EXPECT_EQ(FormatBaseline(read.entries), text);  // stable: written again, the same bytes
}

TEST(Baseline, BadLinesAreProblemsWithTheirLineNumber) {
  const BaselineFile read = ParseBaseline(
      "# header\n\n"
      "only one field\n"
      "Bad_Rule\ta.sql\t00000000000000aa\t1\n"
      "rule\t\t00000000000000aa\t1\n"
      "rule\ta.sql\tnot-hex\t1\n"
      "rule\ta.sql\t00000000000000aa\t0\n"
      "rule\ta\\q.sql\t00000000000000aa\t1\n"
      "rule\ta.sql\t00000000000000aa\t3\r\n");
  ASSERT_EQ(read.entries.size(), 1u);
  EXPECT_EQ(read.entries[0].count, 3u);
  EXPECT_EQ(read.entries[0].message, "");
  std::vector<std::uint32_t> lines;
  for (const auto& [line, problem] : read.problems) lines.push_back(line);
  EXPECT_EQ(lines, (std::vector<std::uint32_t>{3, 4, 5, 6, 7, 8}));
}

}  // namespace
}  // namespace migralint::cli
