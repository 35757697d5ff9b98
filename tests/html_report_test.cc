// html_report_test.cc: --format html on hand-built lint results — escaping, the counts, the
// timeline order, a finding's excerpt, applied / pending states.
#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "make_diagnostic.h"
#include "report/report.h"

namespace migralint::report {
namespace {

constexpr const char* kRoot = "db/migrations";
constexpr const char* kFirst = "db/migrations/001_init.sql";
constexpr const char* kSecond = "db/migrations/002_users.sql";
constexpr const char* kThird = "db/migrations/003_<script>.sql";
constexpr const char* kRollback = "db/migrations/rollback-001.sql";

using migralint::testing::MakeDiagnostic;

// One numbered set of three migrations (listed out of name order on purpose: the timeline is
// the order given) and a rollback; four findings, one on a deleted file.
lint::LintResult Sample() {
  lint::LintResult r;
  lint::SetSummary set{kRoot, "numbered", "psql", 3, 1, 0};
  set.timeline = {{kSecond, "002", "", "", "migration"},
                  {kFirst, "001", "", "", "migration"},
                  {kThird, "003", "", "", "migration"},
                  {kRollback, "001", "", "", "rollback"}};
  r.sets.push_back(set);
  r.files = 4;
  r.statements = 7;
  r.diagnostics = {
      MakeDiagnostic("syntax-error", Severity::kError, kFirst, {3, 8}, {3, 13},
                     "syntax error at or near \"TABEL\"", "fix the statement"),
      MakeDiagnostic("unused-ignore", Severity::kWarning, kFirst, {5, 18}, {5, 25},
                     "ignore <b>suppresses</b> nothing"),
      MakeDiagnostic("syntax-error", Severity::kError, kThird, {1, 1}, {2, 1}, "a & b"),
      MakeDiagnostic("missing-migration", Severity::kWarning, "db/migrations/000_gone.sql", {1, 1},
                     {1, 1}, "gone"),
  };
  r.lines[kFirst][3] = "CREATE TABEL users (id int);";
  r.lines[kFirst][5] = "\tSELECT 'h\xC3\xA9llo', bad_col;";
  r.lines[kThird][1] = "<script>alert(\"x\")</script> \xFF\x01 & done\r";
  return r;
}

std::string Html(const lint::LintResult& r) {
  std::ostringstream out;
  Emit(Format::kHtml, r, {}, out);
  return out.str();
}

std::size_t Count(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1))
    ++n;
  return n;
}

TEST(HtmlReportTest, ParseFormat) { EXPECT_EQ(ParseFormat("html"), Format::kHtml); }

TEST(HtmlReportTest, SelfContainedAndDeterministic) {
  const std::string html = Html(Sample());
  EXPECT_EQ(html.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0), 0u);
  EXPECT_NE(html.find("<meta charset=\"utf-8\">"), std::string::npos);
  EXPECT_NE(html.find("<style>"), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_EQ(html.find("src="), std::string::npos);
  EXPECT_EQ(html.find("http"), std::string::npos);
  EXPECT_EQ(html.substr(html.size() - 8), "</html>\n");
  EXPECT_EQ(html, Html(Sample()));
}

TEST(HtmlReportTest, EscapesEverythingFromTheData) {
  const std::string html = Html(Sample());
  // The page's own script is the only one.
  EXPECT_EQ(Count(html, "<script"), 1u);
  EXPECT_EQ(Count(html, "<b>suppresses"), 0u);
  EXPECT_NE(html.find("ignore &lt;b&gt;suppresses&lt;/b&gt; nothing"), std::string::npos);
  EXPECT_NE(html.find("data-path=\"db/migrations/003_&lt;script&gt;.sql\""), std::string::npos);
  EXPECT_NE(html.find("<span class=\"msg\">a &amp; b</span>"), std::string::npos);
  // Invalid UTF-8 and control characters become U+FFFD; the trailing "\r" goes.
  EXPECT_NE(
      html.find(
          "<span class=\"ln\">1</span><mark>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; "
          "\xEF\xBF\xBD\xEF\xBF\xBD &amp; done</mark></pre>"),
      std::string::npos)
      << html;
}

TEST(HtmlReportTest, Counts) {
  const std::string html = Html(Sample());
  EXPECT_NE(
      html.find(
          "id=\"total-findings\" data-count=\"4\">4 findings</b>: 2 errors, 2 warnings, 0 infos"),
      std::string::npos);
  // Per rule: error, warning, info, total; the rule links to its first finding.
  EXPECT_NE(
      html.find(
          "<tr data-rule=\"syntax-error\"><td class=\"mono\"><a "
          "href=\"#finding-1\">syntax-error</a>"
          "</td><td class=\"num\">2</td><td class=\"num zero\">0</td><td class=\"num zero\">0</td>"
          "<td class=\"num\">2</td></tr>"),
      std::string::npos);
  EXPECT_NE(
      html.find("<tr data-rule=\"missing-migration\"><td class=\"mono\"><a href=\"#finding-4\">"),
      std::string::npos);
  EXPECT_NE(html.find("<td class=\"num\" data-severity=\"error\">2</td><td class=\"num\" "
                      "data-severity=\"warning\">"
                      "2</td><td class=\"num zero\" data-severity=\"info\">0</td>"),
            std::string::npos);
  // Every finding once, the one on a deleted file included (under its set, outside the timeline).
  EXPECT_EQ(Count(html, "<div class=\"finding "), 4u);
  for (int i = 1; i <= 4; ++i)
    EXPECT_EQ(Count(html, "id=\"finding-" + std::to_string(i) + "\""), 1u);
  EXPECT_NE(
      html.find("data-path=\"db/migrations/000_gone.sql\" data-role=\"\" data-findings=\"1\""),
      std::string::npos);
  EXPECT_NE(html.find("data-findings=\"4\">"), std::string::npos);  // the set's section
}

TEST(HtmlReportTest, TimelineInExecutionOrder) {
  const std::string html = Html(Sample());
  const std::size_t second = html.find(
      "data-path=\"db/migrations/002_users.sql\" data-role=\"migration\" data-order=\"1\"");
  const std::size_t first = html.find(
      "data-path=\"db/migrations/001_init.sql\" data-role=\"migration\" data-order=\"2\"");
  const std::size_t third = html.find("data-order=\"3\"");
  const std::size_t others = html.find("Not in the timeline");
  const std::size_t rollback =
      html.find("data-path=\"db/migrations/rollback-001.sql\" data-role=\"rollback\" data-version");
  ASSERT_NE(second, std::string::npos);
  ASSERT_NE(first, std::string::npos);
  ASSERT_NE(rollback, std::string::npos);
  EXPECT_LT(second, first);
  EXPECT_LT(first, third);
  EXPECT_LT(third, others);
  EXPECT_LT(others, rollback);
  EXPECT_NE(html.find("<section class=\"set\" id=\"set-1\" data-root=\"db/migrations\" "
                      "data-layout=\"numbered\""),
            std::string::npos);
  // A plain lint has no states.
  EXPECT_EQ(html.find(" data-state=\""), std::string::npos);
}

TEST(HtmlReportTest, FindingExcerptHighlightsTheRegion) {
  const std::string html = Html(Sample());
  EXPECT_NE(
      html.find("<div class=\"finding sev-error\" id=\"finding-1\" data-rule=\"syntax-error\" "
                "data-severity=\"error\" data-path=\"db/migrations/001_init.sql\" data-line=\"3\" "
                "data-column=\"8\">"),
      std::string::npos);
  EXPECT_NE(
      html.find(
          "<pre class=\"excerpt\"><span class=\"ln\">3</span>CREATE <mark>TABEL</mark> users (id "
          "int);</pre>\n<p class=\"help\"><b>help:</b> fix the statement</p>"),
      std::string::npos);
  // Columns count code points: "é" is two bytes, one column.
  EXPECT_NE(html.find("<span class=\"ln\">5</span>\tSELECT &#39;h\xC3\xA9llo&#39;, "
                      "<mark>bad_col</mark>;</pre>"),
            std::string::npos);
  // Findings sit under their file, inside its <li>.
  const std::size_t file = html.find("data-path=\"db/migrations/001_init.sql\" data-role");
  const std::size_t finding = html.find("id=\"finding-2\"");
  EXPECT_LT(file, finding);
  EXPECT_EQ(html.find("</li>", file), html.find("</li>", finding));
}

TEST(HtmlReportTest, ThreeTierAndStates) {
  lint::LintResult r;
  lint::SetSummary set{"app", "three-tier", "seed000", 2, 0, 0};
  set.timeline = {{"app/core/migrations/001_a.sql", "001", "core", "core", "migration"},
                  {"app/contents/plugins/billing/migrations/001_b.sql", "001", "plugin", "billing",
                   "migration"}};
  r.sets.push_back(set);
  r.states["app/core/migrations/001_a.sql"] = "applied";
  r.states["app/contents/plugins/billing/migrations/001_b.sql"] = "pending";
  const std::string html = Html(r);
  EXPECT_NE(html.find("data-tier=\"core\" data-source=\"core\" data-state=\"applied\""),
            std::string::npos);
  EXPECT_NE(html.find("data-tier=\"plugin\" data-source=\"billing\" data-state=\"pending\""),
            std::string::npos);
  EXPECT_NE(html.find("<span class=\"badge tier tier-plugin\">plugin</span><span class=\"source "
                      "mono\">billing</span>"),
            std::string::npos);
  EXPECT_NE(html.find("<span class=\"badge state state-pending\">pending</span>"),
            std::string::npos);
  EXPECT_NE(html.find("2 migrations in execution order · 1 applied · 1 pending · 0 findings"),
            std::string::npos);
  EXPECT_NE(html.find("no problems"), std::string::npos);
  EXPECT_EQ(Count(html, "<div class=\"finding "), 0u);
}

}  // namespace
}  // namespace migralint::report
