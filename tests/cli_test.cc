// cli_test.cc: the migralint binary run as a process — exit codes, every format, config errors.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

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
  Result bare = Run("");  // bare `migralint`: the usage, with every command
  EXPECT_EQ(bare.exit_code, 2);
  EXPECT_NE(bare.err.find("Usage: migralint"), std::string::npos) << bare.err;
  EXPECT_NE(bare.err.find("status"), std::string::npos) << bare.err;
  // lint --help puts what only --apply uses under its own heading.
  Result help = Run("lint --help");
  EXPECT_EQ(help.exit_code, 0);
  ASSERT_NE(help.out.find("With --apply:"), std::string::npos) << help.out;
  EXPECT_GT(help.out.find("--database-url"), help.out.find("With --apply:")) << help.out;
  EXPECT_GT(help.out.find("--dry-run"), help.out.find("With --apply:")) << help.out;
  EXPECT_LT(help.out.find("--stdin-filename"), help.out.find("With --apply:")) << help.out;
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
  // A set example shows each file's SQL, not only its name; bytes that are not UTF-8 as \xNN.
  explain = Run("explain duplicate-version");
  EXPECT_NE(explain.out.find("`bad/migrations/001_tags.sql`:\n```sql\nCREATE TABLE tags (id bigint "
                             "PRIMARY KEY);\n```\n"),
            std::string::npos)
      << explain.out;
  explain = Run("explain file-encoding");
  EXPECT_NE(explain.out.find("INSERT INTO cities VALUES ('Bogot\\xE1');"), std::string::npos)
      << explain.out;
  EXPECT_EQ(explain.out.find("expect.txt"), std::string::npos);
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

// A file named on the command line (as an editor names its buffer) gets exactly the findings the
// whole set's run gives it, though the other files are then only replayed, not checked.
TEST_F(Cli, NamedFileGetsTheFindingsOfTheWholeRun) {
  const std::string corpus = (kSource / "corpus").string();
  const auto whole = nlohmann::json::parse(Run("lint --format json '" + corpus + "'").out);
  std::map<std::string, std::multiset<std::string>> by_file;
  for (const auto& d : whole["diagnostics"]) by_file[d["path"]].insert(d.dump());
  std::size_t files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(kSource / "corpus")) {
    if (entry.path().extension() != ".sql") continue;
    const auto one =
        nlohmann::json::parse(Run("lint --format json '" + entry.path().string() + "'").out);
    std::multiset<std::string> found;
    for (const auto& d : one["diagnostics"]) found.insert(d.dump());
    EXPECT_EQ(found, by_file[entry.path().string()]) << entry.path();
    ++files;
  }
  EXPECT_GT(files, 40u);
  EXPECT_GT(by_file.size(), 10u);  // files with findings among them
}

// A misnamed file is offered a name in its set's own pattern, after the last migration.
TEST_F(Cli, MisnamedFileIsOfferedANameInTheSetsPattern) {
  for (const auto& [set, name] :
       {std::pair{"rules/file-naming/bad", "002_add_label.sql"},
        std::pair{"corpus/supabase", "20250410120001_plan_seat_limits.sql"}}) {
    Result r = Run("lint --format json '" + (kSource / set).string() + "'");
    const auto j = nlohmann::json::parse(r.out);
    std::string help;
    for (const auto& d : j["diagnostics"]) {
      if (d["rule"] == "file-naming") help = d["help"];
    }
    EXPECT_NE(help.find("e.g. to " + std::string(name)), std::string::npos) << set << ": " << help;
  }
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
  const Result r =
      Run("lint --format gcc --stdin-filename db/migrations/002_b.sql",
          "SET lock_timeout = '2s';\nALTER TABLE a ADD COLUMN IF NOT EXISTS b text;\n");
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const Result missing = Run("lint --format gcc --stdin-filename db/migrations/002_b.sql",
                             "ALTER TABLE nope ADD COLUMN IF NOT EXISTS b text;\n");
  EXPECT_NE(missing.out.find("db/migrations/002_b.sql:1:"), std::string::npos) << missing.out;
}

// `fix` rewrites the files not recorded as applied, keeps everything else byte for byte, and its
// --diff is the same change as a patch.
TEST_F(Cli, FixRewritesOnlyWhatIsNotApplied) {
  Write("migralint.toml", "runner = \"psql\"\n");  // files run again by hand: idempotency counts
  const std::string applied = "CREATE TABLE a (id bigint PRIMARY KEY);\n";
  Write("db/migrations/001_a.sql", applied);
  ASSERT_EQ(Run("lock").exit_code, 0);
  const std::string pending =
      "-- Notes\ncreate table notes (id bigint primary key, body text); -- keep me\n"
      "CREATE /* here */ INDEX notes_body ON notes (body);\n\n"
      "CREATE FUNCTION app.touch() RETURNS int LANGUAGE sql SECURITY DEFINER AS $$ SELECT 1 $$;\n";
  Write("db/migrations/002_notes.sql", pending);
  Write("copy/db/migrations/002_notes.sql", pending);

  Result dry = Run("fix --dry-run db");
  EXPECT_EQ(dry.exit_code, 0) << dry.err;
  EXPECT_NE(dry.out.find("db/migrations/002_notes.sql: would fix 4 findings"), std::string::npos)
      << dry.out;
  EXPECT_EQ(Slurp(dir_ / "db/migrations/002_notes.sql"), pending);

  Result diff = Run("fix --diff db");
  EXPECT_EQ(diff.exit_code, 0) << diff.err;
  EXPECT_NE(diff.out.find("--- a/db/migrations/002_notes.sql"), std::string::npos) << diff.out;
  EXPECT_EQ(diff.out.find("001_a.sql"), std::string::npos) << diff.out;

  Result fixed = Run("fix db");
  EXPECT_EQ(fixed.exit_code, 0) << fixed.err;
  EXPECT_NE(fixed.err.find("001_a.sql: not fixed: recorded in migralint.lock"), std::string::npos)
      << fixed.err;
  EXPECT_EQ(Slurp(dir_ / "db/migrations/001_a.sql"), applied);
  EXPECT_EQ(Slurp(dir_ / "db/migrations/002_notes.sql"),
            "-- Notes\ncreate table if not exists notes (id bigint primary key, body text); -- "
            "keep me\nCREATE /* here */ INDEX IF NOT EXISTS notes_body ON notes (body);\n\n"
            "CREATE OR REPLACE FUNCTION app.touch() RETURNS int LANGUAGE sql SECURITY DEFINER SET "
            "search_path = app, pg_catalog, public, pg_temp AS $$ SELECT 1 $$;\n");
  // The diff, applied by patch(1) to the copy, gives the same file.
  Write("copy/fix.patch", diff.out);
  ASSERT_EQ(
      std::system(("cd '" + (dir_ / "copy").string() + "' && patch -s -p1 < fix.patch").c_str()),
      0);
  EXPECT_EQ(Slurp(dir_ / "copy/db/migrations/002_notes.sql"),
            Slurp(dir_ / "db/migrations/002_notes.sql"));
  // What was fixed is no longer reported; what has no fix still is (the applied file).
  Result after = Run("lint --format json db");
  const auto j = nlohmann::json::parse(after.out);
  for (const auto& d : j["diagnostics"]) {
    EXPECT_NE(d["path"], "db/migrations/002_notes.sql") << d.dump();
    EXPECT_FALSE(d.contains("fix") && d["path"] == "db/migrations/002_notes.sql");
  }
  EXPECT_EQ(Run("fix --rule no-such-rule db").exit_code, 2);
}

// The fixes of rls-initplan, lock-timeout and constraint-not-valid, exactly: each call wrapped
// (a parenthesis in a literal is not the call's), the timeout set before the file's first
// statement, the constraint added NOT VALID and validated by a new statement (psql runs each
// statement in its own transaction).
TEST_F(Cli, FixWrapsCallsSetsTheTimeoutAndSplitsTheValidation) {
  Write("migralint.toml", "runner = \"psql\"\n");
  Write("db/migrations/001_tables.sql",
        "CREATE TABLE customers (id uuid PRIMARY KEY);\n"
        "CREATE TABLE orders (id bigint PRIMARY KEY, customer_id uuid, qty int);\n");
  const std::string pending =
      "-- Orders: a check, a key and a policy\n"
      "alter table orders add constraint orders_qty_positive check (qty > 0);  -- why\n"
      "ALTER TABLE orders ADD CONSTRAINT orders_customer_fk\n"
      "  FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE CASCADE;\n"
      "ALTER TABLE orders ADD CHECK (qty < 1000);\n"
      "CREATE POLICY \"own orders\" ON orders FOR SELECT\n"
      "  USING (customer_id = auth.uid() AND current_setting('app.tenant', true) <> 'a(b)');\n";
  Write("db/migrations/002_orders.sql", pending);
  Result fixed = Run("fix --rule rls-initplan --rule lock-timeout --rule constraint-not-valid db");
  EXPECT_EQ(fixed.exit_code, 0) << fixed.err;
  EXPECT_NE(fixed.out.find("002_orders.sql: fixed 4 findings"), std::string::npos) << fixed.out;
  EXPECT_EQ(Slurp(dir_ / "db/migrations/002_orders.sql"),
            "-- Orders: a check, a key and a policy\n"
            "set lock_timeout = '2s';\n"
            "alter table orders add constraint orders_qty_positive check (qty > 0) not valid;  "
            "-- why\n"
            "alter table orders validate constraint orders_qty_positive;\n"
            "ALTER TABLE orders ADD CONSTRAINT orders_customer_fk\n"
            "  FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE CASCADE NOT VALID;\n"
            "ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_fk;\n"
            "ALTER TABLE orders ADD CHECK (qty < 1000);\n"
            "CREATE POLICY \"own orders\" ON orders FOR SELECT\n"
            "  USING (customer_id = (SELECT auth.uid()) AND (SELECT current_setting('app.tenant', "
            "true)) <> 'a(b)');\n");
  // Gone: all but the unnamed CHECK (no name to validate by: no fix).
  Result after = Run("lint --format json db");
  const auto j = nlohmann::json::parse(after.out);
  int left = 0;
  for (const auto& d : j["diagnostics"]) {
    if (d["rule"] == "rls-initplan" || d["rule"] == "lock-timeout") ADD_FAILURE() << d.dump();
    if (d["rule"] == "constraint-not-valid") {
      ++left;
      EXPECT_FALSE(d.contains("fix")) << d.dump();
    }
  }
  EXPECT_EQ(left, 1);
}

// In a file goose runs in one transaction: the timeout goes after the `-- +goose Up` marker, and
// the constraint gets no fix (its VALIDATE would run in the same transaction).
TEST_F(Cli, FixKeepsRunnerMarkersAndLeavesValidationInOneTransaction) {
  Write("migralint.toml", "runner = \"goose\"\n");
  Write("db/migrations/001_tables.sql",
        "-- +goose Up\nCREATE TABLE orders (id bigint PRIMARY KEY, qty int);\n");
  Write("db/migrations/002_check.sql",
        "-- +goose Up\n  ALTER TABLE orders ADD CONSTRAINT qty_positive CHECK (qty > 0);\n"
        "-- +goose Down\nALTER TABLE orders DROP CONSTRAINT qty_positive;\n");
  Result fixed = Run("fix db");
  EXPECT_EQ(fixed.exit_code, 0) << fixed.err;
  EXPECT_EQ(Slurp(dir_ / "db/migrations/002_check.sql"),
            "-- +goose Up\n  SET lock_timeout = '2s';\n"
            "  ALTER TABLE orders ADD CONSTRAINT qty_positive CHECK (qty > 0);\n"
            "-- +goose Down\nALTER TABLE orders DROP CONSTRAINT qty_positive;\n");
  // A first statement in a StatementBegin block (goose sends it as one): the SET goes before the
  // block's marker, a statement of its own.
  const std::string block =
      "-- +goose StatementBegin\nCREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1';\n"
      "-- +goose StatementEnd\nALTER TABLE orders ADD COLUMN note text;\n";
  Write("db/migrations/003_block.sql", "-- +goose Up\n" + block);
  ASSERT_EQ(Run("fix db").exit_code, 0);
  EXPECT_EQ(Slurp(dir_ / "db/migrations/003_block.sql"),
            "-- +goose Up\nSET lock_timeout = '2s';\n" + block);
}

// Liquibase runs and checksums each changeset on its own: the timeout goes into the changeset of
// the lock, not the file's first one.
TEST_F(Cli, FixSetsTheTimeoutInTheLiquibaseChangesetOfTheLock) {
  Write("migralint.toml", "runner = \"liquibase\"\n");
  Write("db/changesets/001.sql",
        "--liquibase formatted sql\n--changeset a:1\n"
        "CREATE TABLE orders (id bigint PRIMARY KEY);\n");
  Write("db/changesets/002.sql",
        "--liquibase formatted sql\n--changeset a:2\nCREATE TABLE notes (id int);\n"
        "--changeset a:3\nALTER TABLE orders ADD COLUMN note text;\n");
  Result fixed = Run("fix --rule lock-timeout db");
  EXPECT_EQ(fixed.exit_code, 0) << fixed.err;
  EXPECT_EQ(Slurp(dir_ / "db/changesets/002.sql"),
            "--liquibase formatted sql\n--changeset a:2\nCREATE TABLE notes (id int);\n"
            "--changeset a:3\nSET lock_timeout = '2s';\n"
            "ALTER TABLE orders ADD COLUMN note text;\n");
}

// non-concurrent-index: CONCURRENTLY, plus the runner's own marker in its own place (dbmate's up
// line, a Liquibase changeset line) when the file is wrapped; none where the fixed statement would
// still run in a transaction block (a Flyway script mixing it with others, a goose file whose
// other statements need the transaction, an sqlx file sent as one query of several statements).
TEST_F(Cli, FixMakesIndexesConcurrentOnlyWhereTheRunnerRunsThemOutsideATransaction) {
  const std::string orders = "CREATE TABLE orders (id bigint PRIMARY KEY, qty int);\n";
  Write("dbmate/migralint.toml", "runner = \"dbmate\"\n");
  Write("dbmate/db/migrations/001_orders.sql",
        "-- migrate:up\n" + orders + "-- migrate:down\nDROP TABLE orders;\n");
  Write("dbmate/db/migrations/002_index.sql",
        "-- migrate:up\nCREATE INDEX orders_qty ON orders (qty);\n\n"
        "-- migrate:down\nDROP INDEX orders_qty;\n");
  Write("liquibase/migralint.toml", "runner = \"liquibase\"\n");
  Write("liquibase/db/changesets/001.sql", "--liquibase formatted sql\n--changeset a:1\n" + orders);
  const std::string changesets =
      "--liquibase formatted sql\n--changeset a:2\nCREATE TABLE notes (id int);\n"
      "--changeset a:3 labels:x\ncreate index orders_qty on orders (qty);\n";
  Write("liquibase/db/changesets/002.sql", changesets);
  Write("flyway/migralint.toml", "runner = \"flyway\"\n");
  Write("flyway/db/migrations/V1__orders.sql", orders);
  Write("flyway/db/migrations/V2__index.sql", "CREATE INDEX orders_qty ON orders (qty);\n");
  const std::string mixed = "CREATE INDEX orders_id ON orders (id);\nCREATE TABLE n (id int);\n";
  Write("flyway/db/migrations/V3__mixed.sql", mixed);
  Write("goose/migralint.toml", "runner = \"goose\"\n");
  Write("goose/db/migrations/001_orders.sql", "-- +goose Up\n" + orders);
  const std::string goose =
      "-- +goose Up\nCREATE INDEX orders_qty ON orders (qty);\nUPDATE orders SET qty = 0;\n";
  Write("goose/db/migrations/002_index.sql", goose);
  Write("sqlx/migralint.toml", "runner = \"sqlx\"\n");
  Write("sqlx/db/migrations/001_orders.sql", orders);
  const std::string sqlx = "CREATE INDEX orders_qty ON orders (qty);\nSELECT 1;\n";
  Write("sqlx/db/migrations/002_index.sql", sqlx);
  for (const char* set : {"dbmate", "liquibase", "flyway", "goose", "sqlx"}) {
    const Result fixed = Run("fix --rule non-concurrent-index " + std::string(set) + "/db");
    EXPECT_EQ(fixed.exit_code, 0) << set << fixed.err;
  }
  EXPECT_EQ(Slurp(dir_ / "dbmate/db/migrations/002_index.sql"),
            "-- migrate:up transaction:false\nCREATE INDEX CONCURRENTLY orders_qty ON orders "
            "(qty);\n\n-- migrate:down\nDROP INDEX orders_qty;\n");
  EXPECT_EQ(Slurp(dir_ / "liquibase/db/changesets/002.sql"),
            "--liquibase formatted sql\n--changeset a:2\nCREATE TABLE notes (id int);\n"
            "--changeset a:3 labels:x runInTransaction:false\n"
            "create index concurrently orders_qty on orders (qty);\n");
  EXPECT_EQ(Slurp(dir_ / "flyway/db/migrations/V2__index.sql"),
            "CREATE INDEX CONCURRENTLY orders_qty ON orders (qty);\n");
  EXPECT_EQ(Slurp(dir_ / "flyway/db/migrations/V3__mixed.sql"), mixed);
  EXPECT_EQ(Slurp(dir_ / "goose/db/migrations/002_index.sql"), goose);
  EXPECT_EQ(Slurp(dir_ / "sqlx/db/migrations/002_index.sql"), sqlx);
  // What is fixed is gone and nothing runs in a transaction; what is not still says what to do.
  for (const char* set : {"dbmate", "liquibase", "flyway", "goose", "sqlx"}) {
    const auto j = nlohmann::json::parse(Run("lint --format json " + std::string(set) + "/db").out);
    int left = 0;
    for (const auto& d : j["diagnostics"]) {
      EXPECT_NE(d["rule"], "concurrently-in-transaction") << d.dump();
      if (d["rule"] != "non-concurrent-index") continue;
      ++left;
      EXPECT_FALSE(d.contains("fix")) << d.dump();
    }
    const bool unfixed =
        std::string(set) == "flyway" || std::string(set) == "goose" || std::string(set) == "sqlx";
    EXPECT_EQ(left, unfixed ? 1 : 0) << set;
  }
}

// A lone DROP INDEX in a file sqlx sends as one query: lock-timeout's SET before it would make
// the fixed file two statements, one transaction, which PostgreSQL refuses CONCURRENTLY in — so
// only non-concurrent-index fixes it (and the lock it reported is gone with CONCURRENTLY).
TEST_F(Cli, FixOfALoneIndexDropInOneQueryAddsNoStatementBeforeIt) {
  Write("migralint.toml", "runner = \"sqlx\"\n");
  Write("db/migrations/001_orders.sql",
        "CREATE TABLE orders (id bigint PRIMARY KEY, qty int);\n"
        "CREATE INDEX orders_qty ON orders (qty);\n");
  Write("db/migrations/002_drop.sql", "-- unused\nDROP INDEX orders_qty;\n");
  const Result fixed = Run("fix db");
  EXPECT_EQ(fixed.exit_code, 0) << fixed.err;
  EXPECT_EQ(Slurp(dir_ / "db/migrations/002_drop.sql"),
            "-- no-transaction\n-- unused\nDROP INDEX CONCURRENTLY orders_qty;\n");
  const auto j = nlohmann::json::parse(Run("lint --format json db").out);
  for (const auto& d : j["diagnostics"])
    EXPECT_NE(d["path"], "db/migrations/002_drop.sql") << d.dump();
}

TEST_F(Cli, FindingsCarryTheirFixInJsonAndSarif) {
  Write("migralint.toml", "runner = \"psql\"\n");
  Write("db/migrations/001_a.sql", "CREATE TABLE a (id bigint PRIMARY KEY);\n");
  const auto json = nlohmann::json::parse(Run("lint --format json db").out);
  ASSERT_EQ(json["diagnostics"].size(), 1u) << json.dump();
  const auto& edit = json["diagnostics"][0]["fix"]["edits"][0];
  EXPECT_EQ(edit["offset"], 12);
  EXPECT_EQ(edit["length"], 0);
  EXPECT_EQ(edit["line"], 1);
  EXPECT_EQ(edit["column"], 13);
  EXPECT_EQ(edit["text"], " IF NOT EXISTS");
  const auto sarif = nlohmann::json::parse(Run("lint --format sarif db").out);
  const auto& change = sarif["runs"][0]["results"][0]["fixes"][0]["artifactChanges"][0];
  EXPECT_EQ(change["artifactLocation"]["uri"], "db/migrations/001_a.sql");
  EXPECT_EQ(change["replacements"][0]["deletedRegion"]["startColumn"], 13);
  EXPECT_EQ(change["replacements"][0]["insertedContent"]["text"], " IF NOT EXISTS");
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

// --changed-since and baselines (issue 17): a real git repository in the test's folder.
class Adopt : public Cli {
 protected:
  // Runs git in the folder (or `sub` below it), isolated from the user's configuration.
  void Git(const std::string& args, const std::string& sub = "") {
    const std::string command = "cd '" + (dir_ / sub).string() + "' && HOME='" + dir_.string() +
                                "' GIT_CONFIG_NOSYSTEM=1 GIT_AUTHOR_NAME=t "
                                "GIT_AUTHOR_EMAIL=t@example.invalid GIT_COMMITTER_NAME=t "
                                "GIT_COMMITTER_EMAIL=t@example.invalid git " +
                                args + " >/dev/null 2>&1";
    ASSERT_EQ(std::system(command.c_str()), 0) << command;
  }
  void Init() { Git("init -q -b main ."); }
  void Commit(const std::string& message = "c") {
    Git("add -A");
    Git("commit -q -m '" + message + "'");
  }
  // `lint --format gcc` lines, one per finding.
  static std::vector<std::string> Lines(const std::string& out) {
    std::vector<std::string> lines;
    std::istringstream in(out);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
  }
  static constexpr const char* kOld = "CREATE TABLE a (id bigint PRIMARY KEY, n int);\n";
  static constexpr const char* kNew =
      "CREATE TABLE IF NOT EXISTS b (id bigint PRIMARY KEY, n int);\n"
      "CREATE INDEX b_n ON b (n);\n";
};

TEST_F(Adopt, ChangedSinceReportsOnlyNewAndChangedFiles) {
  Init();
  Write("db/migrations/001_a.sql", kOld);
  Commit();
  Write("db/migrations/002_b.sql", kNew);  // untracked: added
  Result r = Run("lint --format gcc --changed-since HEAD db");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Lines(r.out), std::vector<std::string>{
                              "db/migrations/002_b.sql:2:1: warning: CREATE INDEX without IF NOT "
                              "EXISTS: it fails when the file runs a second time "
                              "[non-idempotent-ddl]"});
  // Everything without the option; the text summary says what was left out.
  EXPECT_EQ(Lines(Run("lint --format gcc db").out).size(), 2u);
  r = Run("lint --changed-since HEAD db");
  EXPECT_NE(r.out.find("1 finding in files unchanged since HEAD not shown"), std::string::npos)
      << r.out;
  const auto json = nlohmann::json::parse(Run("lint --format json --changed-since HEAD db").out);
  EXPECT_EQ(json["summary"]["unchanged"], 1);
}

TEST_F(Adopt, ChangedSinceCountsTheIndexAndWorksFromASubFolderAndThroughALink) {
  Init();
  Write("db/migrations/001_a.sql", kOld);
  Write("db/migrations/002_b.sql", kNew);
  Commit();
  // A change staged, then undone in the working tree only: the index still differs from HEAD.
  Write("db/migrations/001_a.sql", std::string(kOld) + "CREATE INDEX a_n ON a (n);\n");
  Git("add db/migrations/001_a.sql");
  Write("db/migrations/001_a.sql", kOld);
  Result r = Run("lint --format gcc --changed-since HEAD db");
  ASSERT_EQ(Lines(r.out).size(), 1u) << r.out << r.err;
  EXPECT_EQ(Lines(r.out)[0].rfind("db/migrations/001_a.sql:1:1:", 0), 0u) << r.out;
  // From a sub-folder, and through a symbolic link to the set.
  fs::create_symlink(dir_ / "db" / "migrations", dir_ / "linked");
  for (const std::string& args : {"cd db && '" + kBinary.string() +
                                      "' lint --format gcc "
                                      "--changed-since HEAD migrations",
                                  "'" + kBinary.string() +
                                      "' lint --format gcc --changed-since "
                                      "HEAD linked"}) {
    const std::string command = "cd '" + dir_.string() + "' && " + args + " 2>&1";
    FILE* pipe = popen(command.c_str(), "r");
    ASSERT_NE(pipe, nullptr);
    std::string out;
    char buffer[4096];
    while (std::size_t n = fread(buffer, 1, sizeof buffer, pipe)) out.append(buffer, n);
    pclose(pipe);
    ASSERT_EQ(Lines(out).size(), 1u) << args << "\n" << out;
    EXPECT_NE(out.find("001_a.sql:1:1:"), std::string::npos) << out;
  }
}

TEST_F(Adopt, ChangedSinceKeepsSetFindingsThatNameAChangedFile) {
  Init();
  Write("db/migrations/001_b.sql", "CREATE TABLE IF NOT EXISTS b (id bigint PRIMARY KEY);\n");
  Commit();
  // The new file sorts first: the duplicate is reported on the old one, naming the new one.
  Write("db/migrations/001_a.sql", "CREATE TABLE IF NOT EXISTS a (id bigint PRIMARY KEY);\n");
  Result r = Run("lint --format gcc --changed-since HEAD db");
  EXPECT_EQ(r.exit_code, 1) << r.err;
  ASSERT_EQ(Lines(r.out).size(), 1u) << r.out;
  EXPECT_NE(r.out.find("db/migrations/001_b.sql:1:1: error: version 001 of \"001_b.sql\" is also "
                       "the version of \"001_a.sql\""),
            std::string::npos)
      << r.out;
}

TEST_F(Adopt, ChangedSinceInARepositoryWithoutCommitsSeesEverythingAsNew) {
  Init();
  Write("db/migrations/001_a.sql", kOld);
  Write("db/migrations/002_b.sql", kNew);
  Git("add db/migrations/001_a.sql");
  EXPECT_EQ(Lines(Run("lint --format gcc --changed-since HEAD db").out).size(), 2u);
  // Another ref names nothing there.
  Result r = Run("lint --changed-since main db");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("\"main\" names no commit"), std::string::npos) << r.err;
}

TEST_F(Adopt, ChangedSinceErrorsExitTwo) {
  Write("db/migrations/001_a.sql", kOld);
  // Outside a repository (the ceiling keeps git from finding one above the test folder).
  const std::string ceiling = "GIT_CEILING_DIRECTORIES='" + dir_.parent_path().string() + "' ";
  const std::string outside = "cd '" + dir_.string() + "' && " + ceiling + "'" + kBinary.string() +
                              "' lint --changed-since HEAD db 2>&1";
  FILE* pipe = popen(outside.c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  std::string out;
  char buffer[4096];
  while (std::size_t n = fread(buffer, 1, sizeof buffer, pipe)) out.append(buffer, n);
  const int status = pclose(pipe);
  EXPECT_EQ(WEXITSTATUS(status), 2) << out;
  EXPECT_NE(out.find("is not in a git repository"), std::string::npos) << out;

  Init();
  Commit();
  Result r = Run("lint --changed-since no-such-ref db");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("\"no-such-ref\" names no commit"), std::string::npos) << r.err;
  r = Run("lint --changed-since --oops db");
  EXPECT_EQ(r.exit_code, 2);
  // git missing from PATH.
  const std::string no_git = "cd '" + dir_.string() + "' && PATH=/nonexistent '" +
                             kBinary.string() + "' lint --changed-since HEAD db 2>&1";
  pipe = popen(no_git.c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  out.clear();
  while (std::size_t n = fread(buffer, 1, sizeof buffer, pipe)) out.append(buffer, n);
  EXPECT_EQ(WEXITSTATUS(pclose(pipe)), 2) << out;
  EXPECT_NE(out.find("needs git"), std::string::npos) << out;
}

TEST_F(Adopt, BaselineKeepsMatchingThroughEditsElsewhereAndReportsStaleEntries) {
  Write("db/migrations/001_a.sql", std::string(kOld) + "CREATE INDEX a_n ON a (n);\n");
  Result r = Run("baseline db");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "wrote db/migrations/migralint.baseline (2 findings)\n");
  const std::string baseline = Slurp(dir_ / "db/migrations/migralint.baseline");
  EXPECT_EQ(baseline.rfind("# migralint.baseline", 0), 0u) << baseline;
  EXPECT_EQ(baseline.find(":1:"), std::string::npos) << "no line numbers:\n" << baseline;
  r = Run("lint db");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("2 findings baselined in migralint.baseline not shown"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("no problems"), std::string::npos) << r.out;

  // Another statement edited above the findings, and one added: their lines move; still matched.
  Write("db/migrations/001_a.sql",
        "-- the accounts\nCREATE TABLE IF NOT EXISTS z (id bigint PRIMARY KEY);\n"
        "CREATE TABLE a (id bigint PRIMARY KEY,\n    n int);\nCREATE INDEX a_n ON a (n);\n");
  r = Run("lint --format gcc db");
  EXPECT_EQ(r.out, "") << r.out;
  EXPECT_EQ(nlohmann::json::parse(Run("lint --format json db").out)["summary"]["baselined"], 2);

  // The finding's own statement changed: reported, and its old entry is stale.
  Write("db/migrations/001_a.sql",
        "CREATE TABLE a (id bigint PRIMARY KEY, n int);\nCREATE INDEX a_n ON a (n, id);\n");
  r = Run("lint --format gcc db");
  EXPECT_EQ(Lines(r.out),
            (std::vector<std::string>{
                "db/migrations/001_a.sql:2:1: warning: CREATE INDEX without IF NOT EXISTS: it "
                "fails when the file runs a second time [non-idempotent-ddl]",
                "db/migrations/migralint.baseline:9:1: note: baseline entry matches no finding "
                "any more: non-idempotent-ddl in \"001_a.sql\" (CREATE INDEX without IF NOT "
                "EXISTS: it fails when the file runs a second time) [unused-baseline]"}))
      << r.out;
  // --no-baseline: everything, no stale entries.
  EXPECT_EQ(Lines(Run("lint --format gcc --no-baseline db").out).size(), 2u);
}

TEST_F(Adopt, BaselineCountsIdenticalFindingsAndReportsBadLines) {
  const std::string twice =
      "CREATE TABLE IF NOT EXISTS a (id bigint);\nDROP TABLE a;\nDROP TABLE a;\n";
  Write("db/migrations/001_a.sql", twice);
  const std::size_t all = Lines(Run("lint --format gcc db").out).size();
  ASSERT_GE(all, 2u);
  ASSERT_EQ(Run("baseline db").exit_code, 0);
  EXPECT_NE(Slurp(dir_ / "db/migrations/migralint.baseline").find("\t2\t"), std::string::npos);
  EXPECT_EQ(Run("lint --format gcc db").out, "");
  // A third identical statement: one more than the baseline counts.
  Write("db/migrations/001_a.sql", twice + "DROP TABLE a;\n");
  std::vector<std::string> lines = Lines(Run("lint --format gcc db").out);
  ASSERT_FALSE(lines.empty());
  for (const std::string& line : lines) EXPECT_EQ(line.rfind("db/migrations/001_a.sql:4:", 0), 0u);
  // An unreadable line is a finding at its place, not a crash.
  std::ofstream(dir_ / "db/migrations/migralint.baseline", std::ios::app) << "garbage\n";
  lines = Lines(Run("lint --format gcc db").out);
  EXPECT_NE(std::find_if(lines.begin(), lines.end(),
                         [](const std::string& l) {
                           return l.rfind("db/migrations/migralint.baseline:", 0) == 0 &&
                                  l.find("warning: ") != std::string::npos &&
                                  l.find("[unused-baseline]") != std::string::npos;
                         }),
            lines.end());
}
