// lint_prop_test.cc: properties of lint over generated migration sets — plausible SQL (statements
// that trigger the rules, mutated ones, comments, dollar quotes, ignore comments) and raw bytes.
//   * output is deterministic and the same for any --jobs;
//   * every diagnostic's span lies inside its file;
//   * JSON and SARIF output parse, and SARIF validates against the 2.1.0 schema;
//   * suppressing rule X (--disable X or a migralint-ignore X comment) hides no finding of Y != X;
//   * arbitrary bytes as a migration file never crash lint.
#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <tuple>

#include "config/load_config.h"
#include "discover/discover.h"
#include "fuzz/targets.h"
#include "lint/registry.h"
#include "lint/run.h"
#include "migralint/display_path.h"
#include "report/report.h"

namespace fs = std::filesystem;

namespace migralint::testing {
namespace {

// Statements that, alone or together, make most rules speak.
const std::vector<std::string>& Statements() {
  static const std::vector<std::string> statements = {
      "CREATE TABLE accounts (id bigint PRIMARY KEY, name text NOT NULL);",
      "CREATE TABLE IF NOT EXISTS orders (id bigint PRIMARY KEY, account_id bigint REFERENCES "
      "accounts (id));",
      "CREATE INDEX orders_account_idx ON orders (account_id);",
      "CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_id_idx ON orders (id);",
      "ALTER TABLE accounts ADD COLUMN email text NOT NULL;",
      "ALTER TABLE accounts ALTER COLUMN name TYPE varchar(10);",
      "ALTER TABLE accounts ALTER COLUMN name SET NOT NULL;",
      "DROP TABLE accounts;",
      "ALTER TABLE orders DROP COLUMN account_id;",
      "ALTER TABLE missing_table ADD COLUMN x int;",
      "INSERT INTO accounts (id, name) VALUES (1, 'admin');",
      "CREATE FUNCTION f() RETURNS int LANGUAGE sql SECURITY DEFINER AS $$ SELECT 1 $$;",
      "CREATE OR REPLACE FUNCTION set_updated_at() RETURNS trigger LANGUAGE plpgsql AS "
      "$fn$\nBEGIN\n"
      "  NEW.updated_at = now();\n  RETURN NEW;\nEND\n$fn$;",
      "CREATE TABLE IF NOT EXISTS items (id uuid PRIMARY KEY, updated_at timestamptz NOT NULL "
      "DEFAULT now());",
      "DO $$ BEGIN\n  IF NOT EXISTS (SELECT 1 FROM pg_tables WHERE tablename = 'x') THEN\n"
      "    CREATE TABLE x (id int);\n  END IF;\nEND $$;",
      "DO $$ BEGIN PERFORM 1; RAISE NOTICE 'ok'; END $$;",
      "BEGIN;",
      "COMMIT;",
      "CREATE POLICY accounts_read ON accounts FOR SELECT USING (true);",
      "ALTER TABLE accounts ENABLE ROW LEVEL SECURITY;",
      "CREATE VIEW account_names AS SELECT name FROM accounts;",
      "ALTER TABLE orders ADD CONSTRAINT orders_account_fk FOREIGN KEY (account_id) REFERENCES "
      "accounts (id);",
      "CREATE UNIQUE INDEX accounts_email_key ON accounts (email);",
      "ALTER TABLE accounts RENAME COLUMN name TO full_name;",
      "CREATE EXTENSION IF NOT EXISTS pgcrypto;",
      "SELECT (;",
      "CREATE TABLE broken (\n  id int\n  name text\n);",
      "\\set ON_ERROR_STOP on",
      "UPDATE accounts SET name = E'it\\'s' WHERE id = 1;",
      "COMMENT ON TABLE accounts IS 'people; and things';",
  };
  return statements;
}

std::vector<std::string> RuleIds() {
  std::vector<std::string> ids;
  for (const auto& entry : lint::Registry()) ids.emplace_back(entry.rule->id);
  return ids;
}

// Tokens that upset lexers: quotes, comment openers, dollar tags, odd bytes.
rc::Gen<std::string> Token() {
  return rc::gen::element<std::string>("'", "\"", "$$", "$a$", "/*", "*/", "--", ";", "(", ")",
                                       "\n", "\r\n", std::string(1, '\0'), "\xff", "\xc3\xa9", "\\",
                                       "E'", "::", " ", "\xef\xbb\xbf",
                                       "-- migralint-ignore syntax-error\n");
}

std::string Mutate(std::string s) {
  const int edits = *rc::gen::inRange(1, 4);
  for (int e = 0; e < edits; ++e) {
    const auto at = static_cast<std::size_t>(*rc::gen::inRange<std::size_t>(0, s.size() + 1));
    switch (*rc::gen::inRange(0, 4)) {
      case 0:  // delete a few bytes
        s.erase(at, static_cast<std::size_t>(*rc::gen::inRange(1, 6)));
        break;
      case 1:  // insert a troublesome token
        s.insert(at, *Token());
        break;
      case 2:  // replace a byte by any byte
        if (at < s.size()) s[at] = *rc::gen::arbitrary<char>();
        break;
      default:  // cut the rest
        s.resize(at);
    }
  }
  return s;
}

rc::Gen<std::string> Comment() {
  return rc::gen::oneOf(rc::gen::element<std::string>(
                            "-- a note\n", "/* block */\n", "/* nested /* inner */ still */\n",
                            "-- migrate:up\n", "-- migrate:down\n", "/* unclosed\n",
                            "-- migralint-ignore-file hardcoded-data: seed rows\n",
                            "-- squawk-ignore prefer-robust-stmts\n"),
                        rc::gen::map(rc::gen::elementOf(RuleIds()), [](const std::string& id) {
                          return "-- migralint-ignore " + id + ": generated\n";
                        }));
}

// One piece of a file. Every piece ends with a line end unless it is raw bytes.
std::string Chunk() {
  switch (*rc::gen::weightedElement<int>({{10, 0}, {3, 1}, {2, 2}, {1, 3}, {1, 4}})) {
    case 0:
      return *rc::gen::elementOf(Statements()) + "\n";
    case 1:
      return Mutate(*rc::gen::elementOf(Statements())) + "\n";
    case 2:
      return *Comment();
    case 3:
      return "CREATE FUNCTION g() RETURNS text LANGUAGE plpgsql AS $body$\nBEGIN\n  RETURN '" +
             *rc::gen::container<std::string>(rc::gen::elementOf(std::string("ab$;'\n -/*"))) +
             "';\nEND\n$body$;\n";
    default:
      return *rc::gen::arbitrary<std::string>();
  }
}

struct GenFile {
  std::string name;
  std::vector<std::string> chunks;
  std::string Text() const {
    std::string text;
    for (const auto& c : chunks) text += c;
    return text;
  }
};

std::vector<GenFile> GenSet() {
  const int count = *rc::gen::inRange(1, 5);
  std::vector<GenFile> files;
  int version = 0;
  for (int i = 0; i < count; ++i) {
    switch (*rc::gen::weightedElement<int>({{16, 0}, {1, 1}, {1, 2}, {1, 3}})) {
      case 0:
        ++version;
        break;
      case 1:
        version += 2;  // a gap
        break;
      case 2:
        version = std::max(version, 1);  // the same version again
        break;
      default:
        version = -1;  // a name matching no pattern
    }
    char name[32];
    if (version < 0) {
      std::snprintf(name, sizeof name, "notes_%d.sql", i);
      version = i + 1;
    } else {
      std::snprintf(name, sizeof name, "%03d_m%d.sql", version, i);
    }
    GenFile file{name, {}};
    const int chunks = *rc::gen::inRange(0, 7);
    for (int c = 0; c < chunks; ++c) file.chunks.push_back(Chunk());
    files.push_back(std::move(file));
  }
  return files;
}

// Settings that make more rules speak: an API-exposed schema (the RLS rules), no transaction
// around each file, severities changed. Mostly none.
rc::Gen<std::string> ConfigText() {
  return rc::gen::weightedElement<std::string>(
      {{6, ""},
       {2, "exposed_schemas = [\"public\"]\n"},
       {1, "transaction = \"none\"\n"},
       {1,
        "fail_on = \"warning\"\n[rules]\nhardcoded-data = \"off\"\nsyntax-error = \"warning\"\n"}});
}

// A generated set on disk, with a generated migralint.toml beside its folder; removed when it
// goes.
class SetOnDisk {
 public:
  // Under `base`: the temporary folder, or the current one for paths that display relative.
  explicit SetOnDisk(const std::vector<GenFile>& files,
                     const fs::path& base = fs::temp_directory_path()) {
    static int counter = 0;
    root_ =
        base / ("migralint-prop-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::remove_all(root_);
    fs::create_directories(root_ / "migrations");
    for (const GenFile& f : files) Write(f);
    if (const std::string config = *ConfigText().as("migralint.toml"); !config.empty()) {
      std::ofstream(root_ / "migralint.toml", std::ios::binary) << config;
    }
  }
  ~SetOnDisk() {
    std::error_code ignored;
    fs::remove_all(root_, ignored);
  }
  void Write(const GenFile& f) {
    std::ofstream(root_ / "migrations" / f.name, std::ios::binary) << f.Text();
  }
  std::string DisplayOf(const std::string& name) const {
    return DisplayPath(root_ / "migrations" / name);
  }

  lint::LintResult Lint(const lint::Options& options) const {
    const config::KnownRules known = lint::KnownRuleOptions();
    config::ConfigResolver configs(known, std::nullopt);
    const discover::Discovery discovery =
        discover::Discover({(root_ / "migrations").string()}, configs);
    RC_ASSERT(discovery.errors.empty());
    RC_ASSERT(configs.errors().empty());
    return lint::Run(discovery.sets, options);
  }

 private:
  fs::path root_;
};

std::string Json(const lint::LintResult& result) {
  std::ostringstream out;
  report::EmitJson(result, out);
  return out.str();
}

std::string Sarif(const lint::LintResult& result) {
  std::ostringstream out;
  report::EmitSarif(result, out);
  return out.str();
}

lint::Options Jobs(unsigned jobs) {
  lint::Options options;
  options.jobs = jobs;
  return options;
}

using Key = std::tuple<std::string, std::string, std::uint32_t, std::uint32_t, std::uint32_t,
                       std::uint32_t>;
Key KeyOf(const Diagnostic& d) {
  return {d.rule, d.path, d.start.line, d.start.column, d.end.line, d.end.column};
}

std::string Show(const Key& k) {
  return std::get<1>(k) + ":" + std::to_string(std::get<2>(k)) + ":" +
         std::to_string(std::get<3>(k)) + " [" + std::get<0>(k) + "]";
}

RC_GTEST_PROP(LintProperties, OutputIsDeterministicForAnyJobs, ()) {
  const SetOnDisk set(GenSet());
  const std::string once = Json(set.Lint(Jobs(1)));
  RC_ASSERT(Json(set.Lint(Jobs(1))) == once);
  RC_ASSERT(Json(set.Lint(Jobs(2))) == once);
  RC_ASSERT(Json(set.Lint(Jobs(4))) == once);
}

RC_GTEST_PROP(LintProperties, SpansLieInsideTheirFiles, ()) {
  const std::vector<GenFile> files = GenSet();
  const SetOnDisk set(files);
  const lint::LintResult result = set.Lint(Jobs(2));
  fuzz::Problems problems;
  for (const GenFile& f : files)
    fuzz::CheckSpans(result.diagnostics, fuzz::Source(f.Text(), set.DisplayOf(f.name)), problems);
  for (const auto& p : problems) RC_LOG() << p << "\n";
  RC_ASSERT(problems.empty());
}

RC_GTEST_PROP(LintProperties, JsonAndSarifParse, ()) {
  const SetOnDisk set(GenSet());
  const lint::LintResult result = set.Lint(Jobs(1));
  const auto json = nlohmann::json::parse(Json(result));  // throws if it does not parse
  RC_ASSERT(json["diagnostics"].size() == result.diagnostics.size());
  const auto sarif = nlohmann::json::parse(Sarif(result));
  RC_ASSERT(sarif["runs"][0]["results"].size() == result.diagnostics.size());
}

// The unused-ignore findings about X itself may change when X is off; everything else stays.
bool Concerns(const Diagnostic& d, const std::string& x) {
  return d.rule == x ||
         (d.rule == "unused-ignore" && d.message.find(" " + x + " ") != std::string::npos);
}

RC_GTEST_PROP(LintProperties, DisablingARuleHidesNoOtherRulesFindings, ()) {
  const SetOnDisk set(GenSet());
  const lint::LintResult before = set.Lint(Jobs(1));
  std::vector<std::string> candidates;
  for (const Diagnostic& d : before.diagnostics) candidates.push_back(d.rule);
  if (candidates.empty()) candidates = RuleIds();
  const std::string x = *rc::gen::elementOf(candidates).as("disabled rule");
  lint::Options options;
  options.disable = {x};
  const lint::LintResult after = set.Lint(options);
  std::multiset<Key> kept;
  for (const Diagnostic& d : after.diagnostics) {
    RC_ASSERT(d.rule != x);
    kept.insert(KeyOf(d));
  }
  for (const Diagnostic& d : before.diagnostics) {
    if (Concerns(d, x)) continue;
    const auto it = kept.find(KeyOf(d));
    if (it == kept.end()) RC_FAIL("--disable " + x + " hid " + Show(KeyOf(d)) + ": " + d.message);
    kept.erase(it);
  }
}

RC_GTEST_PROP(LintProperties, AnIgnoreCommentHidesNoOtherRulesFindings, ()) {
  std::vector<GenFile> files = GenSet();
  SetOnDisk set(files);
  const lint::LintResult before = set.Lint(Jobs(1));
  std::vector<std::string> candidates;
  for (const Diagnostic& d : before.diagnostics) candidates.push_back(d.rule);
  if (candidates.empty()) candidates = RuleIds();
  const std::string x = *rc::gen::elementOf(candidates).as("ignored rule");

  // The comment goes on a line of its own, before a piece that starts a line.
  const auto f = *rc::gen::inRange<std::size_t>(0, files.size()).as("file");
  GenFile& file = files[f];
  RC_PRE(file.Text().rfind("\xef\xbb\xbf", 0) !=
         0);  // the comment would move the BOM off the start
  std::vector<std::size_t> places = {0};
  for (std::size_t c = 1; c < file.chunks.size(); ++c) {
    if (!file.chunks[c - 1].empty() && file.chunks[c - 1].back() == '\n') places.push_back(c);
  }
  const std::size_t place = *rc::gen::elementOf(places).as("before piece");
  const bool file_wide = place == 0 && *rc::gen::arbitrary<bool>().as("file-wide");
  std::string prefix;
  for (std::size_t c = 0; c < place; ++c) prefix += file.chunks[c];
  const auto inserted_line =
      static_cast<std::uint32_t>(std::count(prefix.begin(), prefix.end(), '\n') + 1);
  file.chunks.insert(file.chunks.begin() + static_cast<std::ptrdiff_t>(place),
                     std::string(file_wide ? "-- migralint-ignore-file " : "-- migralint-ignore ") +
                         x + ": property\n");
  set.Write(file);
  const lint::LintResult after = set.Lint(Jobs(1));
  // dbmate is recognised by a marker in the first 512 bytes of the first file: not this property.
  RC_PRE(before.sets.size() == 1 && after.sets.size() == 1 &&
         before.sets[0].layout == after.sets[0].layout);

  // Findings of the commented file below the comment moved down one line: map them back.
  const std::string path = set.DisplayOf(file.name);
  std::multiset<Key> kept;
  for (const Diagnostic& d : after.diagnostics) {
    Key k = KeyOf(d);
    if (d.path == path) {
      if (std::get<2>(k) > inserted_line) --std::get<2>(k);
      if (std::get<4>(k) > inserted_line) --std::get<4>(k);
    }
    kept.insert(k);
  }
  for (const Diagnostic& d : before.diagnostics) {
    if (Concerns(d, x)) continue;
    const auto it = kept.find(KeyOf(d));
    if (it == kept.end()) RC_FAIL("ignoring " + x + " hid " + Show(KeyOf(d)) + ": " + d.message);
    kept.erase(it);
  }
}

RC_GTEST_PROP(LintProperties, ArbitraryBytesNeverCrashLint, ()) {
  const std::string bytes =
      *rc::gen::oneOf(rc::gen::arbitrary<std::string>(),
                      rc::gen::container<std::string>(rc::gen::arbitrary<char>()),
                      rc::gen::map(rc::gen::container<std::vector<std::string>>(Token()),
                                   [](const std::vector<std::string>& t) {
                                     std::string s;
                                     for (const auto& x : t) s += x;
                                     return s;
                                   }));
  const fuzz::Problems problems = fuzz::LintFile(bytes);
  for (const auto& p : problems) RC_LOG() << p << "\n";
  RC_ASSERT(problems.empty());
}

// What DisablingARuleHidesNoOtherRulesFindings found: `--disable unused-ignore` (or
// `unused-ignore = "off"`) still reported unused ignores, made after the rules that are off had
// been filtered out.
TEST(LintProperties, UnusedIgnoreCanBeTurnedOff) {
  const fs::path root =
      fs::temp_directory_path() / ("migralint-prop-unused-" + std::to_string(::getpid()));
  fs::remove_all(root);
  fs::create_directories(root / "migrations");
  std::ofstream(root / "migrations" / "001_a.sql")
      << "-- migralint-ignore syntax-error: nothing to hide\n"
         "CREATE TABLE IF NOT EXISTS a (id bigint PRIMARY KEY);\n";
  const config::KnownRules known = lint::KnownRuleOptions();
  config::ConfigResolver configs(known, std::nullopt);
  const discover::Discovery discovery =
      discover::Discover({(root / "migrations").string()}, configs);
  ASSERT_TRUE(discovery.errors.empty());
  lint::Options options;
  ASSERT_EQ(lint::Run(discovery.sets, options).diagnostics.size(), 1u);  // unused-ignore
  options.disable = {"unused-ignore"};
  EXPECT_TRUE(lint::Run(discovery.sets, options).diagnostics.empty());
  fs::remove_all(root);
}

// A few generated SARIF logs through the official schema (and GitHub's rules) with
// tests/sarif_validate.py, when ../shared/schemas is there.
TEST(LintProperties, GeneratedSarifValidates) {
  const fs::path source = MIGRALINT_SOURCE_DIR;
  const fs::path schema = source / ".." / "shared" / "schemas" / "sarif-schema-2.1.0.json";
  if (!fs::exists(schema)) GTEST_SKIP() << schema << " absent: SARIF schema validation skipped";
  const fs::path out =
      fs::temp_directory_path() / ("migralint-prop-sarif-" + std::to_string(::getpid()));
  fs::remove_all(out);
  fs::create_directories(out);
  struct Cleanup {
    fs::path path;
    ~Cleanup() {
      std::error_code ignored;
      fs::remove_all(path, ignored);
    }
  } cleanup{out};
  std::vector<std::string> logs;
  int runs = 0;
  ASSERT_TRUE(rc::check("generated sets", [&] {
    // In the current folder, so that paths are relative as GitHub wants them in SARIF.
    const SetOnDisk set(GenSet(), fs::current_path());
    const lint::LintResult result = set.Lint(Jobs(1));
    ++runs;
    // Keep a spread: the first with findings, then every tenth run.
    if ((logs.empty() && !result.diagnostics.empty()) || runs % 10 == 0)
      logs.push_back(Sarif(result));
  }));
  ASSERT_FALSE(logs.empty());
  std::string files;
  for (std::size_t i = 0; i < logs.size(); ++i) {
    const fs::path file = out / ("generated-" + std::to_string(i) + ".sarif");
    std::ofstream(file, std::ios::binary) << logs[i];
    files += " '" + file.string() + "'";
  }
  const std::string command =
      "/usr/bin/python3 '" + (source / "tests" / "sarif_validate.py").string() + "' '" +
      schema.string() + "'" + files + " > '" + (out / "validate.log").string() + "' 2>&1";
  const int status = std::system(command.c_str());
  std::ifstream log(out / "validate.log");
  std::ostringstream text;
  text << log.rdbuf();
  EXPECT_EQ(status, 0) << text.str();
}

}  // namespace
}  // namespace migralint::testing
