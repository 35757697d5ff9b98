// report_test.cc: every output format on a hand-built lint result.
#include "report/report.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <string>

#include "lint/registry.h"
#include "make_diagnostic.h"

namespace migralint::report {
namespace {

using Json = nlohmann::json;

constexpr const char* kInit = "db/migrations/0001_init.sql";
constexpr const char* kOdd = "db/migrations/002 add,col.sql";

using migralint::testing::MakeDiagnostic;

// Two files, three findings (one of each severity), source lines for the excerpts.
lint::LintResult Sample() {
  lint::LintResult r;
  r.sets.push_back({"db/migrations", "numbered", "psql", 2, 1, 0});
  r.files = 2;
  r.statements = 5;
  r.diagnostics.push_back(MakeDiagnostic("syntax-error", Severity::kError, kInit, {3, 8}, {3, 13},
                                         "syntax error at or near \"TABEL\"", "fix the statement"));
  // A tab and a two-byte "é" before the span: columns are code points, not bytes.
  r.diagnostics.push_back(MakeDiagnostic("unused-ignore", Severity::kWarning, kInit, {5, 18},
                                         {5, 25}, "ignore of \"bad_col\" suppresses nothing",
                                         "remove it"));
  // Spans two lines; path and message need escaping in some formats.
  r.diagnostics.push_back(MakeDiagnostic("file-naming", Severity::kInfo, kOdd, {1, 1}, {2, 1},
                                         "name 100%\nmatches, no: pattern", ""));
  r.lines[kInit][3] = "CREATE TABEL users (id int);";
  r.lines[kInit][5] = "\tSELECT 'h\xC3\xA9llo', bad_col;";
  r.lines[kOdd][1] = "CREATE INDEX x ON t (a);\r";
  return r;
}

std::string Render(Format format, const lint::LintResult& r, EmitOptions options = {}) {
  std::ostringstream out;
  Emit(format, r, options, out);
  return out.str();
}

TEST(ReportTest, ParseFormat) {
  EXPECT_EQ(ParseFormat("text"), Format::kText);
  EXPECT_EQ(ParseFormat("gcc"), Format::kGcc);
  EXPECT_EQ(ParseFormat("json"), Format::kJson);
  EXPECT_EQ(ParseFormat("sarif"), Format::kSarif);
  EXPECT_EQ(ParseFormat("github"), Format::kGithub);
  EXPECT_EQ(ParseFormat("SARIF"), std::nullopt);
  EXPECT_EQ(ParseFormat(""), std::nullopt);
}

TEST(ReportTest, GccExact) {
  EXPECT_EQ(Render(Format::kGcc, Sample()),
            "db/migrations/0001_init.sql:3:8: error: syntax error at or near \"TABEL\" "
            "[syntax-error]\n"
            "db/migrations/0001_init.sql:5:18: warning: ignore of \"bad_col\" suppresses nothing "
            "[unused-ignore]\n"
            "db/migrations/002 add,col.sql:1:1: note: name 100% matches, no: pattern "
            "[file-naming]\n");
}

TEST(ReportTest, GccEmpty) {
  lint::LintResult empty;
  EXPECT_EQ(Render(Format::kGcc, empty), "");
}

TEST(ReportTest, GithubEscaping) {
  EXPECT_EQ(Render(Format::kGithub, Sample()),
            "::error file=db/migrations/0001_init.sql,line=3,col=8,endLine=3,endColumn=13,"
            "title=syntax-error::syntax error at or near \"TABEL\"\n"
            "::warning file=db/migrations/0001_init.sql,line=5,col=18,endLine=5,endColumn=25,"
            "title=unused-ignore::ignore of \"bad_col\" suppresses nothing\n"
            // Two lines: no col/endColumn. Property: ',' -> %2C; message keeps ':' and ','.
            "::notice file=db/migrations/002 add%2Ccol.sql,line=1,endLine=2,"
            "title=file-naming::name 100%25%0Amatches, no: pattern\n");
}

TEST(ReportTest, GithubPropertyEscapes) {
  lint::LintResult r;
  r.diagnostics.push_back(
      MakeDiagnostic("x", Severity::kError, "a:b,c%d\re\nf.sql", {1, 1}, {1, 2}, "m%\r\n:,", ""));
  EXPECT_EQ(Render(Format::kGithub, r),
            "::error file=a%3Ab%2Cc%25d%0De%0Af.sql,line=1,col=1,endLine=1,endColumn=2,"
            "title=x::m%25%0D%0A:,\n");
}

TEST(ReportTest, JsonShape) {
  const std::string text = Render(Format::kJson, Sample());
  ASSERT_FALSE(text.empty());
  EXPECT_EQ(text.back(), '\n');
  EXPECT_EQ(text.rfind("{\n  \"version\": 1,\n  \"tool\": {\n    \"name\": \"migralint\",", 0), 0u)
      << text;
  const Json j = Json::parse(text);
  EXPECT_EQ(j["version"], 1);
  EXPECT_EQ(j["tool"]["name"], "migralint");
  EXPECT_TRUE(j["tool"]["version"].is_string());
  ASSERT_EQ(j["sets"].size(), 1u);
  EXPECT_EQ(j["sets"][0], (Json{{"root", "db/migrations"},
                                {"layout", "numbered"},
                                {"runner", "psql"},
                                {"files", 2},
                                {"others", 1}}));
  ASSERT_EQ(j["diagnostics"].size(), 3u);
  EXPECT_EQ(j["diagnostics"][0], (Json{{"rule", "syntax-error"},
                                       {"severity", "error"},
                                       {"path", kInit},
                                       {"line", 3},
                                       {"column", 8},
                                       {"end_line", 3},
                                       {"end_column", 13},
                                       {"message", "syntax error at or near \"TABEL\""},
                                       {"help", "fix the statement"},
                                       {"url",
                                        "https://github.com/migralint/migralint/blob/main/docs/"
                                        "rules/syntax-error.md"}}));
  EXPECT_EQ(j["diagnostics"][1]["severity"], "warning");
  EXPECT_EQ(j["diagnostics"][2]["severity"], "info");
  EXPECT_EQ(j["diagnostics"][2]["message"], "name 100%\nmatches, no: pattern");
  EXPECT_EQ(j["diagnostics"][2]["end_line"], 2);
  EXPECT_EQ(j["summary"],
            (Json{{"files", 2}, {"statements", 5}, {"error", 1}, {"warning", 1}, {"info", 1}}));
  const std::vector<std::string> keys = {"version", "tool", "sets", "diagnostics", "summary"};
  std::vector<std::string> order;
  const auto ordered = nlohmann::ordered_json::parse(text);
  for (const auto& item : ordered.items()) order.push_back(item.key());
  EXPECT_EQ(order, keys);
}

TEST(ReportTest, JsonEscapesEveryByteAsNlohmannDoes) {
  // The report writes JSON itself; every ASCII byte (and then UTF-8) must come out as nlohmann
  // would write it, and read back the same.
  std::string all;
  for (int c = 1; c < 128; ++c) all += static_cast<char>(c);
  for (const std::string& message : {all, all + "é✓"}) {
    lint::LintResult r;
    r.diagnostics.push_back(
        MakeDiagnostic("x", Severity::kError, "a.sql", {1, 1}, {1, 2}, message, all));
    const std::string text = Render(Format::kJson, r);
    const std::string expected = "\"message\": " + Json(message).dump() + ",";
    EXPECT_NE(text.find(expected), std::string::npos) << text;
    EXPECT_EQ(Json::parse(text)["diagnostics"][0]["message"], message);
    EXPECT_EQ(Json::parse(text)["diagnostics"][0]["help"], all);
    EXPECT_TRUE(Json::parse(text)["diagnostics"][0]["url"].is_null());  // no such rule: no page
  }
}

TEST(ReportTest, JsonFindsEscapesAtEveryOffset) {
  // Plain text is skipped eight bytes at a time: a byte to escape in any lane of a word, or
  // right after it, must still be found.
  for (const std::string special : {"\"", "\\", "\n", "\x01", "\x1F", "\x7F", "\xC3\xA9"}) {
    for (std::size_t offset = 0; offset < 18; ++offset) {
      const std::string message = std::string(offset, 'a') + special + std::string(offset, 'b');
      lint::LintResult r;
      r.diagnostics.push_back(
          MakeDiagnostic("x", Severity::kError, "a.sql", {1, 1}, {1, 2}, message, ""));
      const std::string text = Render(Format::kJson, r);
      EXPECT_NE(text.find("\"message\": " + Json(message).dump() + ","), std::string::npos) << text;
    }
  }
}

TEST(ReportTest, JsonEmptyAndInvalidUtf8) {
  lint::LintResult r;
  r.diagnostics.push_back(
      MakeDiagnostic("x", Severity::kError, "a.sql", {1, 1}, {1, 2}, "bad \xFF", ""));
  const Json j = Json::parse(Render(Format::kJson, r));  // replaced, not thrown
  EXPECT_EQ(j["diagnostics"][0]["message"], "bad \xEF\xBF\xBD");
  const Json empty = Json::parse(Render(Format::kJson, lint::LintResult{}));
  EXPECT_TRUE(empty["sets"].is_array());
  EXPECT_TRUE(empty["diagnostics"].is_array());
  EXPECT_EQ(empty["summary"]["error"], 0);
}

TEST(ReportTest, TextExact) {
  EXPECT_EQ(Render(Format::kText, Sample()),
            "db/migrations/0001_init.sql:3:8: error[syntax-error]: syntax error at or near "
            "\"TABEL\"\n"
            "3 | CREATE TABEL users (id int);\n"
            "  |        ^^^^^\n"
            "  = help: fix the statement\n"
            "\n"
            "db/migrations/0001_init.sql:5:18: warning[unused-ignore]: ignore of \"bad_col\" "
            "suppresses nothing\n"
            "5 | \tSELECT 'h\xC3\xA9llo', bad_col;\n"
            "  | \t                ^^^^^^^\n"
            "  = help: remove it\n"
            "\n"
            // A span past the end of its line underlines the rest of the line; no help line.
            "db/migrations/002 add,col.sql:1:1: info[file-naming]: name 100%\\x0amatches, no: "
            "pattern\n"
            "1 | CREATE INDEX x ON t (a);\n"
            "  | ^^^^^^^^^^^^^^^^^^^^^^^^\n"
            "\n"
            // Each set, with the runner the findings assume.
            "db/migrations: 2 migrations, run by psql (numbered layout; 1 other file linted, not "
            "replayed)\n"
            "1 error, 1 warning, 1 info in 2 files (5 statements)\n");
}

TEST(ReportTest, TextCaretColumns) {
  lint::LintResult r;
  r.files = 1;
  r.statements = 1;
  // "ü" (2 bytes) and "名前" (3 bytes each, two cells wide) before the span.
  r.diagnostics.push_back(
      MakeDiagnostic("x", Severity::kError, "a.sql", {12, 6}, {12, 9}, "m", ""));
  r.lines["a.sql"][12] = "\xC3\xBC \xE5\x90\x8D\xE5\x89\x8D name";
  // Zero-width span at the end of the line still gets one caret; no source line: no excerpt.
  r.diagnostics.push_back(
      MakeDiagnostic("x", Severity::kWarning, "a.sql", {13, 4}, {13, 4}, "m", ""));
  r.lines["a.sql"][13] = "abc";
  r.diagnostics.push_back(MakeDiagnostic("x", Severity::kInfo, "b.sql", {1, 1}, {1, 2}, "m", "h"));
  EXPECT_EQ(Render(Format::kText, r),
            "a.sql:12:6: error[x]: m\n"
            "12 | \xC3\xBC \xE5\x90\x8D\xE5\x89\x8D name\n"
            "   |        ^^^\n"
            "\n"
            "a.sql:13:4: warning[x]: m\n"
            "13 | abc\n"
            "   |    ^\n"
            "\n"
            "b.sql:1:1: info[x]: m\n"
            "  = help: h\n"
            "\n"
            "1 error, 1 warning, 1 info in 1 file (1 statement)\n");
}

TEST(ReportTest, TextClean) {
  lint::LintResult r;
  r.files = 3;
  r.statements = 12;
  EXPECT_EQ(Render(Format::kText, r), "no problems in 3 files (12 statements)\n");
  EXPECT_EQ(Render(Format::kText, r, {.color = false, .quiet = true}), "");
  // Quiet only silences a clean run.
  EXPECT_NE(Render(Format::kText, Sample(), {.color = false, .quiet = true}), "");
}

TEST(ReportTest, TextColor) {
  const std::string plain = Render(Format::kText, Sample());
  const std::string color = Render(Format::kText, Sample(), {.color = true, .quiet = false});
  EXPECT_EQ(plain.find('\x1b'), std::string::npos);
  EXPECT_NE(color.find("\x1b[1;31merror[syntax-error]:"), std::string::npos) << color;
  EXPECT_NE(color.find("\x1b[1;33mwarning[unused-ignore]:"), std::string::npos);
  // Stripping the escapes gives the plain output back.
  EXPECT_EQ(std::regex_replace(color, std::regex("\x1b\\[[0-9;]*m"), ""), plain);
}

TEST(ReportTest, SarifStructure) {
  const Json log = Json::parse(Render(Format::kSarif, Sample()));
  EXPECT_EQ(log["version"], "2.1.0");
  EXPECT_TRUE(log["$schema"].is_string());
  ASSERT_EQ(log["runs"].size(), 1u);
  const Json& run = log["runs"][0];
  EXPECT_EQ(run["columnKind"], "unicodeCodePoints");
  const Json& driver = run["tool"]["driver"];
  EXPECT_EQ(driver["name"], "migralint");
  EXPECT_TRUE(driver["informationUri"].is_string());

  // Every registry rule, in registry order.
  const auto& registry = lint::Registry();
  const Json& rules = driver["rules"];
  ASSERT_EQ(rules.size(), registry.size());
  for (std::size_t i = 0; i < registry.size(); ++i) {
    const Rule& rule = *registry[i].rule;
    EXPECT_EQ(rules[i]["id"], std::string(rule.id));
    EXPECT_EQ(rules[i]["shortDescription"]["text"], std::string(rule.summary));
    EXPECT_FALSE(rules[i]["fullDescription"]["text"].get<std::string>().empty());
    EXPECT_EQ(rules[i]["help"]["markdown"], std::string(registry[i].docs));
    EXPECT_EQ(rules[i]["properties"]["category"], std::string(rule.category));
    EXPECT_EQ(rules[i]["helpUri"], driver["informationUri"].get<std::string>() +
                                       "/blob/main/docs/rules/" + std::string(rule.id) + ".md");
    const std::string level = rules[i]["defaultConfiguration"]["level"];
    EXPECT_TRUE(level == "error" || level == "warning" || level == "note") << level;
    // GitHub ranks security alerts by these; other rules carry neither.
    const Json& properties = rules[i]["properties"];
    if (rule.category == "security") {
      EXPECT_EQ(properties["tags"][0], "security") << rule.id;
      const double score = std::stod(properties["security-severity"].get<std::string>());
      EXPECT_TRUE(score >= 0.0 && score <= 10.0) << rule.id;
    } else {
      EXPECT_FALSE(properties.contains("security-severity")) << rule.id;
    }
  }
  // A CWE where one fits: policies that admit every row are improper access control.
  for (const Json& rule : rules) {
    if (rule["id"] == "policy-always-true") {
      EXPECT_EQ(rule["properties"]["tags"][1], "external/cwe/cwe-284");
    }
  }
  const Json* syntax = nullptr;
  for (const Json& rule : rules) {
    if (rule["id"] == "syntax-error") syntax = &rule;
  }
  ASSERT_NE(syntax, nullptr);
  EXPECT_EQ((*syntax)["name"], "SyntaxError");
  EXPECT_EQ((*syntax)["fullDescription"]["text"].get<std::string>().rfind("A statement that", 0),
            0u);

  const Json& results = run["results"];
  ASSERT_EQ(results.size(), 3u);
  const char* levels[] = {"error", "warning", "note"};
  const std::regex hash("[0-9a-f]{16}:1");
  for (std::size_t i = 0; i < results.size(); ++i) {
    const Json& result = results[i];
    EXPECT_EQ(result["level"], levels[i]);
    const std::size_t index = result["ruleIndex"];
    ASSERT_LT(index, rules.size());
    EXPECT_EQ(rules[index]["id"], result["ruleId"]);
    ASSERT_EQ(result["locations"].size(), 1u);
    EXPECT_EQ(result["locations"][0]["physicalLocation"]["artifactLocation"]["uriBaseId"],
              "%SRCROOT%");
    EXPECT_TRUE(std::regex_match(
        result["partialFingerprints"]["primaryLocationLineHash"].get<std::string>(), hash));
  }
  EXPECT_EQ(results[0]["message"]["text"], "syntax error at or near \"TABEL\"");
  const Json& first = results[0]["locations"][0]["physicalLocation"];
  EXPECT_EQ(first["artifactLocation"]["uri"], kInit);
  EXPECT_EQ(first["region"],
            (Json{{"startLine", 3}, {"startColumn", 8}, {"endLine", 3}, {"endColumn", 13}}));
  EXPECT_EQ(results[2]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            "db/migrations/002%20add,col.sql");
}

TEST(ReportTest, SarifUriEncoding) {
  lint::LintResult r;
  r.diagnostics.push_back(MakeDiagnostic("x", Severity::kError, "./db\\m:1/caf\xC3\xA9 #1%.sql",
                                         {1, 1}, {1, 2}, "m", ""));
  const Json log = Json::parse(Render(Format::kSarif, r));
  const Json& result = log["runs"][0]["results"][0];
  EXPECT_EQ(result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            "db/m%3A1/caf%C3%A9%20%231%25.sql");
  // A rule the registry does not know still gets a descriptor, so ruleIndex stays valid.
  const Json& rules = log["runs"][0]["tool"]["driver"]["rules"];
  EXPECT_EQ(rules.size(), lint::Registry().size() + 1);
  EXPECT_EQ(rules[result["ruleIndex"].get<std::size_t>()]["id"], "x");
}

TEST(ReportTest, SarifFingerprintStable) {
  lint::LintResult a = Sample();
  lint::LintResult b = Sample();
  // The same finding three lines further down (lines inserted above): same fingerprint.
  b.diagnostics[0].start.line = b.diagnostics[0].end.line = 6;
  b.lines[kInit][6] = "  CREATE TABEL users (id int);  ";
  auto fingerprint = [](const lint::LintResult& r, std::size_t i) {
    const Json log = Json::parse(Render(Format::kSarif, r));
    return log["runs"][0]["results"][i]["partialFingerprints"]["primaryLocationLineHash"]
        .get<std::string>();
  };
  EXPECT_EQ(fingerprint(a, 0), fingerprint(b, 0));
  EXPECT_NE(fingerprint(a, 0), fingerprint(a, 1));
  EXPECT_EQ(Render(Format::kSarif, a), Render(Format::kSarif, a));
  // Identical rule, path and line text: the second gets ":2".
  lint::LintResult twice = Sample();
  twice.diagnostics.push_back(twice.diagnostics[0]);
  twice.diagnostics.back().start.column = twice.diagnostics.back().end.column = 20;
  const std::string f0 = fingerprint(twice, 0);
  const std::string f3 = fingerprint(twice, 3);
  EXPECT_EQ(f0.substr(0, 16), f3.substr(0, 16));
  EXPECT_EQ(f3.substr(16), ":2");
}

}  // namespace
}  // namespace migralint::report
