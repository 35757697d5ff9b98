// cli_test.cc: the migralint binary run as a process — exit codes, every format, config errors.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "temp_folder.h"

namespace fs = std::filesystem;

namespace {

using migralint::testing::Slurp;

const fs::path kSource = MIGRALINT_SOURCE_DIR;
const fs::path kBinary = MIGRALINT_BINARY;

struct Result {
  int exit_code = -1;
  std::string out;
  std::string err;
};

class Cli : public migralint::testing::TempFolderTest {
 protected:
  Cli() : TempFolderTest("cli") {}

  // Runs `migralint ARGS` in the temporary folder, optionally with standard input.
  Result Run(const std::string& args, const std::string& input = "") {
    const fs::path in = dir_ / ".stdin", out = dir_ / ".stdout", err = dir_ / ".stderr";
    std::ofstream(in, std::ios::binary) << input;
    // (--stdin-filename keeps a parse cache: in the test's folder, not the user's.)
    const std::string command =
        "cd '" + dir_.string() + "' && NO_COLOR=1 MIGRALINT_CACHE_DIR=.cache '" + kBinary.string() +
        "' " + args + " <'" + in.string() + "' >'" + out.string() + "' 2>'" + err.string() + "'";
    const int status = std::system(command.c_str());
    Result r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = Slurp(out);
    r.err = Slurp(err);
    return r;
  }

  void CleanSet() {
    Write("db/migrations/001_a.sql", "CREATE TABLE IF NOT EXISTS a (id bigint PRIMARY KEY);\n");
  }
  void BrokenSet() {
    CleanSet();
    Write("db/migrations/002_b.sql",
          "CREATE TABLE IF NOT EXISTS b (\n  id int\n  name text\n);\nCREATE TABLE IF NOT EXISTS c "
          "(id bigint PRIMARY KEY);\n");
  }
};

TEST_F(Cli, CleanSetExitsZero) {
  CleanSet();
  Result r = Run("lint db");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("no problems"), std::string::npos) << r.out;
}

TEST_F(Cli, QuietCleanSetPrintsNothing) {
  CleanSet();
  Result r = Run("lint --quiet db");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "");
}

TEST_F(Cli, FindingsExitOneWithGccLines) {
  BrokenSet();
  Result r = Run("lint --format gcc db");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(
      r.out,
      "db/migrations/002_b.sql:3:3: error: syntax error at or near \"name\" [syntax-error]\n");
}

TEST_F(Cli, DefaultPathIsTheCurrentFolder) {
  BrokenSet();
  Result r = Run("lint --format gcc");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("db/migrations/002_b.sql:3:3"), std::string::npos);
}

TEST_F(Cli, TextShowsSourceCaretAndHelp) {
  BrokenSet();
  Result r = Run("lint db");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("  name text"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("^^^^"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("help"), std::string::npos) << r.out;
}

// fk-missing-index reports when the set has ended, on a file whose text was freed once it was
// replayed: it is read again for the position (in code points) and the excerpt.
TEST_F(Cli, FindingOnAnEarlierFileAtTheEndOfTheSet) {
  Write("db/migrations/001_a.sql",
        "CREATE TABLE a (id bigint PRIMARY KEY);\n"
        "CREATE TABLE b (\n  id bigint PRIMARY KEY,\n  /* \xC3\xA9 */ a_id bigint REFERENCES a "
        "(id)\n);\n");
  Write("db/migrations/002_b.sql", "ALTER TABLE b ADD COLUMN note text;\n");
  Result r = Run("lint --format gcc db");
  EXPECT_EQ(r.exit_code, 0) << r.err;  // a warning
  EXPECT_NE(r.out.find("db/migrations/001_a.sql:4:11: warning: foreign key"), std::string::npos)
      << r.out;
  r = Run("lint db");
  EXPECT_NE(r.out.find("  /* \xC3\xA9 */ a_id bigint REFERENCES a (id)\n"), std::string::npos)
      << r.out;
}

TEST_F(Cli, JsonHasTheContractShape) {
  BrokenSet();
  Result r = Run("lint --format json db");
  EXPECT_EQ(r.exit_code, 1);
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["version"], 1);
  EXPECT_EQ(j["tool"]["name"], "migralint");
  ASSERT_EQ(j["sets"].size(), 1u);
  EXPECT_EQ(j["sets"][0]["root"], "db/migrations");
  EXPECT_EQ(j["sets"][0]["layout"], "numbered");
  EXPECT_EQ(j["sets"][0]["files"], 2);
  ASSERT_EQ(j["diagnostics"].size(), 1u);
  const auto& d = j["diagnostics"][0];
  EXPECT_EQ(d["rule"], "syntax-error");
  EXPECT_EQ(d["severity"], "error");
  EXPECT_EQ(d["path"], "db/migrations/002_b.sql");
  EXPECT_EQ(d["line"], 3);
  EXPECT_EQ(d["column"], 3);
  EXPECT_EQ(d["end_line"], 3);
  EXPECT_EQ(d["end_column"], 7);
  EXPECT_EQ(j["summary"]["files"], 2);
  EXPECT_EQ(j["summary"]["statements"], 3);
  EXPECT_EQ(j["summary"]["error"], 1);
}

TEST_F(Cli, GithubAnnotations) {
  BrokenSet();
  Result r = Run("lint --format github db");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(
      r.out.rfind(
          "::error "
          "file=db/migrations/002_b.sql,line=3,col=3,endLine=3,endColumn=7,title=syntax-error::",
          0),
      0u)
      << r.out;
}

TEST_F(Cli, SarifHasEveryRuleAndTheResult) {
  BrokenSet();
  Result r = Run("lint --format sarif db");
  EXPECT_EQ(r.exit_code, 1);
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["version"], "2.1.0");
  const auto& run = j["runs"][0];
  Result rules = Run("rules --format json");
  EXPECT_EQ(run["tool"]["driver"]["rules"].size(), nlohmann::json::parse(rules.out).size());
  ASSERT_EQ(run["results"].size(), 1u);
  const auto& result = run["results"][0];
  EXPECT_EQ(result["ruleId"], "syntax-error");
  EXPECT_EQ(run["tool"]["driver"]["rules"][result["ruleIndex"].get<int>()]["id"], "syntax-error");
  EXPECT_EQ(result["locations"][0]["physicalLocation"]["region"]["startLine"], 3);
}

TEST_F(Cli, OutputFile) {
  BrokenSet();
  Result r = Run("lint --format gcc --output report.txt db");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(Slurp(dir_ / "report.txt").find("[syntax-error]"), std::string::npos);
}

TEST_F(Cli, FailOnDecidesTheExitCode) {
  CleanSet();
  Write("db/migrations/notes.sql", "SELECT 1;\n");  // file-naming: a warning
  EXPECT_EQ(Run("lint db").exit_code, 0);
  EXPECT_EQ(Run("lint --fail-on warning db").exit_code, 1);
  BrokenSet();
  EXPECT_EQ(Run("lint --fail-on never db").exit_code, 0);
  Write("migralint.toml", "fail_on = \"warning\"\n");
  EXPECT_EQ(Run("lint --disable syntax-error db").exit_code, 1);
}

TEST_F(Cli, DisableEnableAndConfigSeverity) {
  BrokenSet();
  EXPECT_EQ(Run("lint --disable syntax-error db").exit_code, 0);
  Write("migralint.toml", "[rules]\nsyntax-error = \"warning\"\n");
  Result r = Run("lint --format gcc db");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find(": warning: "), std::string::npos);
  Write("migralint.toml", "[rules]\nsyntax-error = \"off\"\n");
  EXPECT_EQ(Run("lint db").exit_code, 0);
  EXPECT_EQ(Run("lint --enable syntax-error db").exit_code, 1);
}

TEST_F(Cli, UsageErrorsExitTwo) {
  CleanSet();
  Result unknown_flag = Run("lint --no-such-flag db");
  EXPECT_EQ(unknown_flag.exit_code, 2);
  EXPECT_NE(unknown_flag.err.find("no-such-flag"), std::string::npos);
  Result missing = Run("lint nowhere");
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("nowhere: no such file or directory"), std::string::npos);
  Result rule = Run("lint --disable no-such-rule db");
  EXPECT_EQ(rule.exit_code, 2);
  EXPECT_NE(rule.err.find("unknown rule \"no-such-rule\""), std::string::npos);
  EXPECT_EQ(Run("lint --format xml db").exit_code, 2);
  EXPECT_EQ(Run("explain no-such-rule").exit_code, 2);
  EXPECT_EQ(Run("").exit_code, 2);
  Result empty = Run("lint .stdin");  // a folder-less file is linted alone
  EXPECT_EQ(empty.exit_code, 0);
  fs::create_directories(dir_ / "empty");
  Result nothing = Run("lint empty");
  EXPECT_EQ(nothing.exit_code, 2);
  EXPECT_NE(nothing.err.find("no migration files found"), std::string::npos);
}

TEST_F(Cli, ConfigErrorsNameFileLineAndKey) {
  CleanSet();
  Write("migralint.toml", "pg_version = 15\ncolour = \"red\"\n");
  Result r = Run("lint db");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("migralint.toml:2:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("unknown key `colour`"), std::string::npos) << r.err;

  Write("migralint.toml", "[rules]\nsyntax-error = \"loud\"\n");
  r = Run("lint db");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("migralint.toml:2:"), std::string::npos) << r.err;

  Write("migralint.toml", "[rules]\nno-such-rule = \"off\"\n");
  r = Run("lint db");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("unknown rule `no-such-rule`"), std::string::npos) << r.err;

  Write("migralint.toml", "pg_version = [\n");
  EXPECT_EQ(Run("lint db").exit_code, 2);
  EXPECT_EQ(Run("lint --config missing.toml db").exit_code, 2);
}

TEST_F(Cli, InlineSuppression) {
  Write("db/migrations/001_a.sql",
        "-- migralint-ignore syntax-error: known\nCREATE TABLE IF NOT EXISTS b (\n  id int\n  name "
        "text\n);\n"
        "CREATE TABLE IF NOT EXISTS c (id bigint PRIMARY KEY); -- migralint-ignore syntax-error: "
        "nothing to hide\n");
  Result r = Run("lint --format gcc db");
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(r.out,
            "db/migrations/001_a.sql:6:55: warning: `migralint-ignore` for syntax-error suppresses "
            "nothing here [unused-ignore]\n");
}

TEST_F(Cli, FileWideSuppressionAndSquawkAlias) {
  Write("db/migrations/001_a.sql",
        "-- migralint-ignore-file syntax-error: generated\nCREATE TABLE IF NOT EXISTS b (\n  id "
        "int\n  name text\n);\n");
  Write("db/migrations/002_b.sql", "-- squawk-ignore syntax-error\nSELECT (;\n");
  Result r = Run("lint --format gcc db");
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(r.out, "");
}

TEST_F(Cli, StdinFilenameLintsTheBufferInItsSet) {
  CleanSet();
  Write("db/migrations/002_b.sql", "CREATE TABLE IF NOT EXISTS b (id int);\n");
  Result r = Run("lint --format gcc --stdin-filename db/migrations/002_b.sql", "SELECT (;\n");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out,
            "db/migrations/002_b.sql:1:9: error: syntax error at or near \";\" [syntax-error]\n");
}

TEST_F(Cli, StdinFilenameCachesTheSetAndNeverServesAStaleParse) {
  BrokenSet();
  Write("db/migrations/003_c.sql", "CREATE TABLE IF NOT EXISTS c2 (id int REFERENCES b);\n");
  const std::string args = "lint --format gcc --stdin-filename db/migrations/003_c.sql";
  const std::string buffer = "ALTER TABLE missing ADD COLUMN x int;\n";
  const Result first = Run(args, buffer);
  ASSERT_TRUE(fs::is_directory(dir_ / ".cache")) << first.err;
  const Result second = Run(args, buffer);  // from the cache
  EXPECT_EQ(second.out, first.out);
  EXPECT_EQ(second.exit_code, first.exit_code);
  EXPECT_NE(first.out.find("\"public.missing\" does not exist"), std::string::npos) << first.out;
  // The edited buffer and an edited neighbour are what counts, not what was cached.
  Write("db/migrations/001_a.sql", "CREATE TABLE IF NOT EXISTS missing (id int);\n");
  const Result edited = Run(args, "ALTER TABLE missing ADD COLUMN x int;\nSELECT (;\n");
  EXPECT_EQ(edited.out.find("does not exist"), std::string::npos) << edited.out;
  EXPECT_NE(edited.out.find("003_c.sql:2:9: error: syntax error"), std::string::npos) << edited.out;
  EXPECT_EQ(Run(args + " --no-cache", "ALTER TABLE missing ADD COLUMN x int;\nSELECT (;\n").out,
            edited.out);
}

TEST_F(Cli, NamedFileReportsOnlyThatFile) {
  BrokenSet();
  Write("db/migrations/003_c.sql", "SELECT (;\n");
  Result r = Run("lint --format gcc db/migrations/003_c.sql");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out,
            "db/migrations/003_c.sql:1:9: error: syntax error at or near \";\" [syntax-error]\n");
}

TEST_F(Cli, SameFileTwiceIsLintedOnce) {
  BrokenSet();
  Result r = Run("lint --format gcc db db/migrations ./db/../db");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(
      r.out,
      "db/migrations/002_b.sql:3:3: error: syntax error at or near \"name\" [syntax-error]\n");
}

TEST_F(Cli, RulesAndExplain) {
  Result rules = Run("rules");
  EXPECT_EQ(rules.exit_code, 0);
  EXPECT_NE(rules.out.find("syntax-error"), std::string::npos);
  const auto j = nlohmann::json::parse(Run("rules --format json").out);
  ASSERT_FALSE(j.empty());
  EXPECT_TRUE(j[0].contains("severity"));
  // Each rule lists the squawk rules it covers (their ignore comments suppress it too).
  const auto covers = [&](const std::string& id) {
    for (const auto& rule : j) {
      if (rule["id"] == id) return rule["covers"].dump();
    }
    return std::string("no rule ") + id;
  };
  EXPECT_EQ(covers("constraint-builds-index"),
            R"(["squawk:adding-serial-primary-key-field","squawk:disallowed-unique-constraint"])");
  EXPECT_EQ(covers("prefer-timestamptz"), R"(["squawk:prefer-timestamp-tz"])");
  EXPECT_EQ(covers("file-naming"), "[]");
  Result explain = Run("explain file-naming");
  EXPECT_EQ(explain.exit_code, 0);
  EXPECT_EQ(explain.out.rfind("# file-naming\n", 0), 0u);
  EXPECT_NE(explain.out.find("## Instead"), std::string::npos);
}

// A graver variant (ReportGraver) is one level above the rule's severity: identifier-too-long
// warns about a long name and errs when the cut name collides; a config override moves both.
TEST_F(Cli, GraverFindingsRankAboveTheRule) {
  const std::string a(70, 'a'), b = std::string(63, 'a') + "_b";
  Write("db/migrations/001_a.sql", "CREATE TABLE " + a + " (id bigint PRIMARY KEY);\n" +
                                       "CREATE TABLE " + b + " (id bigint PRIMARY KEY);\n");
  Result r = Run("lint --format gcc db");
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_NE(r.out.find("001_a.sql:1:14: warning: name of 70 bytes"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("001_a.sql:2:14: error: name of 65 bytes"), std::string::npos) << r.out;
  Write("db/migralint.toml", "[rules]\nidentifier-too-long = \"info\"\n");
  r = Run("lint --format gcc db");
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("001_a.sql:1:14: note: name of 70 bytes"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("001_a.sql:2:14: warning: name of 65 bytes"), std::string::npos) << r.out;
}

TEST_F(Cli, Version) {
  Result r = Run("--version");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "migralint 0.1.0\n");
}

TEST_F(Cli, CorpusSetsAreDetected) {
  const std::string corpus = (kSource / "corpus").string();
  Result r = Run("lint --format json '" + corpus + "'");
  const auto j = nlohmann::json::parse(r.out);
  std::set<std::string> layouts;
  for (const auto& set : j["sets"]) layouts.insert(set["layout"]);
  EXPECT_EQ(layouts, (std::set<std::string>{"three-tier", "supabase", "numbered"}));
  EXPECT_EQ(j["sets"].size(), 5u);
}

TEST_F(Cli, EachSetSaysItsRunner) {
  Write("db/migrations/20240101000000_jobs.sql",
        "-- +goose Up\nCREATE TABLE jobs (id bigint PRIMARY KEY);\n-- +goose Down\nDROP TABLE "
        "jobs;\n");
  const Result text = Run("lint db");
  EXPECT_NE(text.out.find("db/migrations: 1 migration, run by goose (numbered layout)"),
            std::string::npos)
      << text.out;
  auto runner = [&](const std::string& args) {
    return nlohmann::json::parse(Run("lint --format json " + args).out)["sets"][0]["runner"];
  };
  EXPECT_EQ(runner("db"), "goose");
  EXPECT_EQ(runner("--runner psql db"), "psql");
  Write("migralint.toml", "runner = \"sqlx\"\n");
  EXPECT_EQ(runner("db"), "sqlx");
  EXPECT_EQ(runner("--runner dbmate db"), "dbmate");  // the option wins over the file
  const auto sarif = nlohmann::json::parse(Run("lint --format sarif db").out);
  EXPECT_EQ(sarif["runs"][0]["properties"]["sets"][0]["runner"], "sqlx");
  Write("migralint.toml", "runner = \"flyaway\"\n");
  const Result bad = Run("lint db");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("`runner` must be one of"), std::string::npos) << bad.err;
  EXPECT_EQ(Run("lint --runner flyaway db").exit_code, 2);
}

TEST_F(Cli, SupabaseSetIsTheSameFromInsideItsFolder) {
  Write("supabase/migrations/20240101000000_notes.sql",
        "create table if not exists public.notes (id bigint primary key, owner uuid references "
        "auth.users (id));\nalter table public.notes enable row level security;\n");
  for (const std::string path :
       {"supabase", "supabase/migrations", "supabase/migrations/", "supabase/migrations/."}) {
    const auto j = nlohmann::json::parse(Run("lint --format json " + path).out);
    EXPECT_EQ(j["sets"][0]["layout"], "supabase") << path;
    EXPECT_EQ(j["sets"][0]["runner"], "supabase") << path;
    for (const auto& d : j["diagnostics"]) EXPECT_NE(d["rule"], "unknown-object") << path;
  }
}

TEST_F(Cli, StdinFilenameOfANewFileSeesItsSet) {
  CleanSet();
  // 002 is not on disk yet: the editor's buffer joins the set after 001, which created "a".
  const Result r = Run("lint --format gcc --stdin-filename db/migrations/002_b.sql",
                       "ALTER TABLE a ADD COLUMN IF NOT EXISTS b text;\n");
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const Result missing = Run("lint --format gcc --stdin-filename db/migrations/002_b.sql",
                             "ALTER TABLE nope ADD COLUMN IF NOT EXISTS b text;\n");
  EXPECT_NE(missing.out.find("db/migrations/002_b.sql:1:"), std::string::npos) << missing.out;
}

TEST_F(Cli, NewTwiceInOneSecondGivesTwoVersions) {
  Write("supabase/migrations/20240101000000_init.sql", "select 1;\n");
  ASSERT_EQ(Run("new first --set supabase/migrations").exit_code, 0);
  ASSERT_EQ(Run("new second --set supabase/migrations").exit_code, 0);
  std::set<std::string> versions;
  for (const auto& entry : fs::directory_iterator(dir_ / "supabase/migrations"))
    versions.insert(entry.path().filename().string().substr(0, 14));
  EXPECT_EQ(versions.size(), 3u);
}

}  // namespace
