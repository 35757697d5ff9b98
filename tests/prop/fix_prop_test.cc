// fix_prop_test.cc: properties of the fixes over generated migrations — statements that have a
// mechanical fix, in any letter case, with comments and line breaks inside them:
//   * the fixed file parses;
//   * linting it again reports none of the fixed findings;
//   * nothing outside the edits changes (the text between them is the original's, byte for byte);
//   * no statement the fixes made CONCURRENTLY lands in a transaction block (under each runner's
//     profile: its wrapping, no-transaction marker, and how it sends a file).
#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "config/load_config.h"
#include "discover/discover.h"
#include "fix/edits.h"
#include "lint/registry.h"
#include "lint/run.h"
#include "temp_folder.h"

namespace fs = std::filesystem;

namespace migralint::testing {
namespace {

const std::vector<std::string>& Templates() {
  static const std::vector<std::string> templates = {
      "CREATE TABLE t# (id bigint PRIMARY KEY)",
      "CREATE TEMP TABLE tt# (id int)",
      "CREATE UNLOGGED TABLE tu# (id int)",
      "CREATE TABLE ta# AS SELECT 1 AS x",
      "CREATE INDEX t#_idx ON t# (id)",
      "CREATE UNIQUE INDEX CONCURRENTLY t#_u ON t# (id)",
      "CREATE SCHEMA s#",
      "CREATE SEQUENCE q#",
      "CREATE EXTENSION pgcrypto",
      "CREATE VIEW v# AS SELECT 1 AS x",
      "CREATE MATERIALIZED VIEW m# AS SELECT 1 AS x",
      "ALTER TABLE t# ADD COLUMN c# int",
      "ALTER TABLE t# ADD c# text",
      "ALTER TABLE t# DROP COLUMN c#",
      "ALTER TABLE t# DROP c#",
      "ALTER TABLE t# DROP CONSTRAINT k#",
      "DROP TABLE t#",
      "DROP INDEX CONCURRENTLY t#_idx",
      "DROP INDEX t#_idx",
      "DROP INDEX IF EXISTS public.t#_u",
      "DROP MATERIALIZED VIEW m#",
      "DROP FOREIGN TABLE f#",
      "DROP FUNCTION f#()",
      "CREATE POLICY \"read #\" ON t# FOR SELECT USING (true)",
      "CREATE POLICY p# ON public.t# AS PERMISSIVE TO authenticated USING (id > 0)",
      "CREATE FUNCTION f#() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$",
      "CREATE FUNCTION s#.g#() RETURNS int LANGUAGE sql SECURITY DEFINER AS $$ SELECT 1 $$",
      "CREATE PROCEDURE p#() LANGUAGE sql AS $body$ SELECT 'security definer' $body$",
      "CREATE TRIGGER tr# BEFORE INSERT ON t# FOR EACH ROW EXECUTE FUNCTION f#()",
      "ALTER TYPE e# ADD VALUE 'x#'",
      "CREATE POLICY o# ON t# FOR SELECT USING (owner = auth.uid() OR auth.jwt() ->> 'r' = 'a')",
      "ALTER POLICY o# ON t# USING (tenant = current_setting('app.t(', true)::int)",
      "CREATE POLICY m# ON t# USING (id IN (SELECT id FROM members WHERE uid = auth.uid()))",
      "ALTER TABLE t# ADD CONSTRAINT k# CHECK (id > 0)",
      "ALTER TABLE ONLY t# ADD CONSTRAINT \"K#\" CHECK (id > 0) NO INHERIT",
      "ALTER TABLE t# ADD CONSTRAINT f# FOREIGN KEY (id) REFERENCES t# (id)",
      "TRUNCATE t#",
  };
  return templates;
}

// A statement from a template: a number for '#', a letter case, and maybe a comment or a line
// break where its first blank was.
rc::Gen<std::string> Statement() {
  return rc::gen::apply(
      [](std::size_t which, int n, int style, int gap) {
        std::string s = Templates()[which % Templates().size()];
        for (std::size_t at; (at = s.find('#')) != std::string::npos;)
          s.replace(at, 1, std::to_string(n));
        if (style == 1) {
          std::transform(s.begin(), s.end(), s.begin(),
                         [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        }
        const std::size_t blank = s.find(' ');
        if (gap == 1) s.replace(blank, 1, " /* why; */ ");
        if (gap == 2) s.replace(blank, 1, "\n  ");
        if (gap == 3) s.replace(blank, 1, " -- note\n ");
        return s + ";";
      },
      rc::gen::inRange<std::size_t>(0, 1000), rc::gen::inRange(1, 4), rc::gen::inRange(0, 2),
      rc::gen::inRange(0, 4));
}

lint::LintResult LintFolder(const fs::path& folder) {
  const config::KnownRules known = lint::KnownRuleOptions();
  config::ConfigResolver configs(known, std::nullopt);
  const discover::Discovery discovery = discover::Discover({folder.string()}, configs);
  RC_ASSERT(discovery.errors.empty());
  return lint::Run(discovery.sets, lint::Options{});
}

RC_GTEST_PROP(FixProperties, FixedFilesParseAndTheirFindingsAreGone, ()) {
  const auto statements = *rc::gen::container<std::vector<std::string>>(
      *rc::gen::inRange<std::size_t>(1, 10), Statement());
  // An earlier file creates the tables the statements use: constraints on them can be split.
  std::string tables;
  for (int n = 1; n <= 4; ++n)
    tables += "CREATE TABLE IF NOT EXISTS t" + std::to_string(n) + " (id int);\n";
  std::string text = "-- generated\n";
  for (const std::string& s : statements) text += s + (s.size() % 2 ? "\n" : "  -- tail\n");

  static int counter = 0;
  const fs::path root =
      fs::temp_directory_path() /
      ("migralint-fixprop-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  fs::remove_all(root);
  fs::create_directories(root / "db/migrations");
  std::ofstream(root / "migralint.toml") << "runner = \"psql\"\n";  // files run again: fixes count
  const fs::path file = root / "db/migrations/001_gen.sql";
  std::ofstream(file, std::ios::binary) << text;
  std::ofstream(root / "db/migrations/000_tables.sql", std::ios::binary) << tables;

  const lint::LintResult before = LintFolder(root / "db/migrations");
  std::vector<Edit> edits;
  std::map<std::string, int> fixed;  // rule -> findings with a fix
  const auto generated = [](const Diagnostic& d) { return d.path.ends_with("001_gen.sql"); };
  for (const Diagnostic& d : before.diagnostics) {
    if (!d.fix || !generated(d)) continue;
    edits.insert(edits.end(), d.fix->edits.begin(), d.fix->edits.end());
    ++fixed[d.rule];
  }
  std::size_t left_out = 0;
  edits = fix::Compatible(std::move(edits), left_out);
  const std::string changed = fix::Applied(text, edits);
  // Between the edits, the original bytes.
  std::size_t at = 0, shift = 0;
  for (const Edit& e : edits) {
    RC_ASSERT(changed.compare(at + shift, e.begin - at, text, at, e.begin - at) == 0);
    shift += e.text.size() - (e.end - e.begin);
    at = e.end;
  }
  RC_ASSERT(changed.compare(at + shift, std::string::npos, text, at, std::string::npos) == 0);

  std::ofstream(file, std::ios::binary | std::ios::trunc) << changed;
  const lint::LintResult after = LintFolder(root / "db/migrations");
  fs::remove_all(root);
  const auto in_transaction = [](const lint::LintResult& r) {
    return std::count_if(r.diagnostics.begin(), r.diagnostics.end(), [](const Diagnostic& d) {
      return d.rule == "concurrently-in-transaction";
    });
  };
  RC_ASSERT(in_transaction(after) <= in_transaction(before));
  for (const Diagnostic& d : after.diagnostics) {
    RC_LOG() << d.path << ":" << d.start.line << ": " << d.message << " [" << d.rule << "]\n";
    RC_ASSERT(d.rule != "syntax-error");
  }
  RC_LOG() << changed;
  if (left_out == 0) {
    for (const Diagnostic& d : after.diagnostics) RC_ASSERT(!generated(d) || !d.fix.has_value());
  }
  RC_TAG(fixed.empty() ? "nothing to fix" : "fixed");
}

// The runners whose profiles differ in how a file meets a transaction, with the marker a file
// starts with (its up section) and the name of its n-th migration.
struct RunnerCase {
  const char* runner;
  const char* head;
  std::string (*name)(int n);
};

const std::vector<RunnerCase>& Runners() {
  static const std::vector<RunnerCase> runners = {
      {"goose", "-- +goose Up\n", [](int n) { return "00" + std::to_string(n) + "_m.sql"; }},
      {"dbmate", "-- migrate:up\n", [](int n) { return "00" + std::to_string(n) + "_m.sql"; }},
      {"sqlx", "", [](int n) { return "00" + std::to_string(n) + "_m.sql"; }},
      {"flyway", "", [](int n) { return "V" + std::to_string(n) + "__m.sql"; }},
      {"migralint", "", [](int n) { return "00" + std::to_string(n) + "_m.sql"; }},
      {"golang-migrate", "", [](int n) { return "00" + std::to_string(n) + "_m.up.sql"; }},
      {"supabase", "", [](int n) { return "2024010100000" + std::to_string(n) + "_m.sql"; }},
      {"psql", "", [](int n) { return "00" + std::to_string(n) + "_m.sql"; }},
      {"liquibase", "--liquibase formatted sql\n--changeset gen:1\n",
       [](int n) { return "00" + std::to_string(n) + ".sql"; }},
      {"diesel", "", [](int n) { return "2024-01-01-00000" + std::to_string(n) + "_m/up.sql"; }},
  };
  return runners;
}

// Statements around the index builds and drops: ones that may share a no-transaction file with
// them, and ones that may not.
rc::Gen<std::string> IndexStatement() {
  static const std::vector<std::string> templates = {
      "CREATE INDEX i# ON t# (id)",
      "CREATE UNIQUE INDEX u# ON public.t# (id)",
      "CREATE INDEX IF NOT EXISTS n# ON t# (id)",
      "CREATE INDEX CONCURRENTLY c# ON t# (id)",
      "CREATE INDEX p# ON parted (id)",
      "DROP INDEX i#",
      "DROP INDEX IF EXISTS u#",
      "DROP INDEX i#, u#",
      "SET lock_timeout = '2s'",
      "SET LOCAL statement_timeout = '1min'",
      "ALTER TABLE t# ADD COLUMN c# int",
      "SELECT 1",
      "BEGIN",
      "COMMIT",
  };
  return rc::gen::apply(
      [](std::size_t which, int n, bool lower) {
        std::string s = templates[which % templates.size()];
        for (std::size_t at; (at = s.find('#')) != std::string::npos;)
          s.replace(at, 1, std::to_string(n));
        if (lower)
          std::transform(s.begin(), s.end(), s.begin(),
                         [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        return s + ";\n";
      },
      rc::gen::inRange<std::size_t>(0, 1000), rc::gen::inRange(1, 3), rc::gen::arbitrary<bool>());
}

RC_GTEST_PROP(FixProperties, ConcurrentIndexesRunOutsideTransactionsUnderEachRunner, ()) {
  const RunnerCase& rc_case = *rc::gen::elementOf(Runners());
  const auto statements = *rc::gen::container<std::vector<std::string>>(
      *rc::gen::inRange<std::size_t>(1, 5), IndexStatement());
  std::string text = std::string(rc_case.head) + "-- generated\n";
  for (const std::string& s : statements) text += s;
  if (std::string(rc_case.runner) == "dbmate") text += "-- migrate:down\n";

  static int counter = 0;
  const fs::path root =
      fs::temp_directory_path() /
      ("migralint-fixprop-runner-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  fs::remove_all(root);
  const fs::path folder =
      root / (std::string(rc_case.runner) == "supabase" ? "supabase/migrations" : "db/migrations");
  fs::create_directories(folder);
  std::ofstream(root / "migralint.toml")
      << "runner = \"" << rc_case.runner << "\"\n[rules]\nnon-idempotent-ddl = \"off\"\n";
  std::string tables = rc_case.head;
  for (int n = 1; n <= 2; ++n) tables += "CREATE TABLE t" + std::to_string(n) + " (id int);\n";
  tables += "CREATE TABLE parted (id int) PARTITION BY RANGE (id);\n";
  tables += "CREATE INDEX i1 ON t1 (id);\nCREATE INDEX u1 ON t1 (id);\n";
  tables += "CREATE INDEX i2 ON t2 (id);\nCREATE INDEX u2 ON t2 (id);\n";
  if (std::string(rc_case.runner) == "dbmate") tables += "-- migrate:down\n";
  const fs::path file = folder / rc_case.name(2);
  fs::create_directories(file.parent_path());  // Diesel: a folder per migration
  fs::create_directories((folder / rc_case.name(1)).parent_path());
  std::ofstream(folder / rc_case.name(1), std::ios::binary) << tables;
  std::ofstream(file, std::ios::binary) << text;

  const auto count = [&](const lint::LintResult& r, std::string_view rule) {
    return std::count_if(r.diagnostics.begin(), r.diagnostics.end(), [&](const Diagnostic& d) {
      return d.rule == rule && d.path.ends_with(rc_case.name(2));
    });
  };
  const lint::LintResult before = LintFolder(folder);
  std::vector<Edit> edits;
  long fixed = 0;
  for (const Diagnostic& d : before.diagnostics) {
    if (!d.fix || d.rule != "non-concurrent-index" || !d.path.ends_with(rc_case.name(2))) continue;
    edits.insert(edits.end(), d.fix->edits.begin(), d.fix->edits.end());
    ++fixed;
  }
  std::size_t left_out = 0;
  edits = fix::Compatible(std::move(edits), left_out);
  RC_ASSERT(left_out == 0u);  // the marker edit, shared by several findings, is one edit
  const std::string changed = fix::Applied(text, edits);
  std::ofstream(file, std::ios::binary | std::ios::trunc) << changed;
  const lint::LintResult after = LintFolder(folder);
  fs::remove_all(root);
  RC_LOG() << rc_case.runner << "\n" << changed;
  for (const Diagnostic& d : after.diagnostics) {
    RC_LOG() << d.path << ":" << d.start.line << ": " << d.message << " [" << d.rule << "]\n";
    RC_ASSERT(d.rule != "syntax-error");
  }
  RC_ASSERT(count(after, "non-concurrent-index") == count(before, "non-concurrent-index") - fixed);
  RC_ASSERT(count(after, "concurrently-in-transaction") <=
            count(before, "concurrently-in-transaction"));
  RC_TAG(rc_case.runner, fixed > 0 ? "fixed" : "nothing to fix");
}

}  // namespace
}  // namespace migralint::testing
