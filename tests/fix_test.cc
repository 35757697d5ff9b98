// fix_test.cc: stage fix — edits applied and shown as a diff.
#include <gtest/gtest.h>

#include "fix/edits.h"

namespace migralint {
namespace {

Edit At(std::uint32_t begin, std::uint32_t end, std::string text) {
  return {begin, end, std::move(text), {}, {}};
}

TEST(Fix, SameEditOnceOverlappingOnesLeftForTheNextRun) {
  std::size_t left_out = 0;
  const std::vector<Edit> edits =
      fix::Compatible({At(10, 10, " B"), At(0, 0, "A"), At(10, 10, " B"), At(4, 8, "x"),
                       At(6, 9, "y"), At(0, 0, "other")},
                      left_out);
  ASSERT_EQ(edits.size(), 3u);
  EXPECT_EQ(edits[0].text, "A");
  EXPECT_EQ(edits[1].text, "x");
  EXPECT_EQ(edits[2].text, " B");
  EXPECT_EQ(left_out, 2u);  // the overlapping replacement and the second insertion at 0
  EXPECT_EQ(fix::Applied("0123456789tail", edits), "A0123x89 Btail");
}

TEST(Fix, DiffHasContextAndJoinsNearbyChanges) {
  std::string text;
  for (int i = 1; i <= 20; ++i) text += "line " + std::to_string(i) + "\n";
  const auto offset = [&](int line) {
    return static_cast<std::uint32_t>(text.find("line " + std::to_string(line) + "\n"));
  };
  // Lines 2 and 5 (one hunk: their contexts touch), and line 18 (its own hunk).
  const std::vector<Edit> edits = {At(offset(2) + 4, offset(2) + 4, "!"),
                                   At(offset(5), offset(5), "new\n"),
                                   At(offset(18), offset(19), "")};
  EXPECT_EQ(
      fix::UnifiedDiff("db/x.sql", text, edits),
      "--- a/db/x.sql\n+++ b/db/x.sql\n"
      "@@ -1,8 +1,9 @@\n line 1\n-line 2\n+line! 2\n line 3\n line 4\n-line 5\n+new\n+line 5\n"
      " line 6\n line 7\n line 8\n"
      "@@ -15,6 +16,5 @@\n line 15\n line 16\n line 17\n-line 18\n line 19\n line 20\n");
}

TEST(Fix, DiffOfALastLineWithoutNewline) {
  EXPECT_EQ(fix::UnifiedDiff("a.sql", "CREATE TABLE t (id int);", {At(12, 12, " IF NOT EXISTS")}),
            "--- a/a.sql\n+++ b/a.sql\n@@ -1,1 +1,1 @@\n-CREATE TABLE t (id int);\n"
            "\\ No newline at end of file\n+CREATE TABLE IF NOT EXISTS t (id int);\n"
            "\\ No newline at end of file\n");
}

}  // namespace
}  // namespace migralint
