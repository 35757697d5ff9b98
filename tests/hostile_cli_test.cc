// hostile_cli_test.cc: the migralint binary run as a process on hostile input — missing paths,
// empty folders, broken links and link loops, FIFOs, binary and NUL-laden files, huge and deeply
// nested files, unterminated literals, giant identifiers, invalid config values, the same file
// twice. What a user expects: a clear message naming the file; exit 2 for what cannot be read
// or understood, exit 1 for findings; never a crash and never a hang (each run has a timeout).
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "temp_folder.h"

namespace fs = std::filesystem;

namespace {

using migralint::testing::Slurp;

const fs::path kBinary = MIGRALINT_BINARY;

struct Result {
  int exit_code = -1;
  bool timed_out = false;
  std::string out;
  std::string err;
};

std::string Repeat(const std::string& s, std::size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

class Hostile : public migralint::testing::TempFolderTest {
 protected:
  Hostile() : TempFolderTest("hostile") {}

  void Fifo(const std::string& relative) {
    fs::create_directories((dir_ / relative).parent_path());
    ASSERT_EQ(::mkfifo((dir_ / relative).c_str(), 0600), 0);
  }
  void Symlink(const std::string& target, const std::string& relative) {
    fs::create_directories((dir_ / relative).parent_path());
    fs::create_symlink(target, dir_ / relative);
  }
  void CleanSet() {
    Write("db/migrations/001_a.sql", "CREATE TABLE IF NOT EXISTS a (id bigint PRIMARY KEY);\n");
  }

  // Runs `migralint ARGS` in the temporary folder, killed after `seconds` (exit 124).
  Result Run(const std::string& args, int seconds = 60) {
    const fs::path out = dir_ / ".stdout", err = dir_ / ".stderr";
    const std::string command = "cd '" + dir_.string() + "' && NO_COLOR=1 timeout -k 5 " +
                                std::to_string(seconds) + " '" + kBinary.string() + "' " + args +
                                " </dev/null >'" + out.string() + "' 2>'" + err.string() + "'";
    const int status = std::system(command.c_str());
    Result r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.timed_out = r.exit_code == 124 || r.exit_code == 137;
    r.out = Slurp(out);
    r.err = Slurp(err);
    return r;
  }
};

#define EXPECT_CONTAINS(haystack, needle) \
  EXPECT_NE((haystack).find(needle), std::string::npos) << (haystack)

TEST_F(Hostile, NonexistentPath) {
  Result r = Run("lint no/such/place");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_CONTAINS(r.err, "no/such/place: no such file or directory");
  EXPECT_EQ(r.out, "");
}

TEST_F(Hostile, FolderWithoutMigrations) {
  fs::create_directories(dir_ / "empty");
  Result r = Run("lint empty");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_CONTAINS(r.err, "empty: no migration files found");
  Write("docs/readme.txt", "not SQL\n");
  Write("docs/data.csv", "1,2\n");
  r = Run("lint docs");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_CONTAINS(r.err, "docs: no migration files found");
}

TEST_F(Hostile, DanglingSymlink) {
  CleanSet();
  Symlink("nowhere.sql", "db/migrations/002_gone.sql");
  Result r = Run("lint --format gcc db");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_CONTAINS(r.err, "db/migrations/002_gone.sql: cannot read: broken symbolic link");
  r = Run("lint db/migrations/002_gone.sql");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_CONTAINS(r.err, "db/migrations/002_gone.sql: broken symbolic link");
}

TEST_F(Hostile, SymlinkLoop) {
  CleanSet();
  Symlink("003_loop.sql", "db/migrations/002_loop.sql");
  Symlink("002_loop.sql", "db/migrations/003_loop.sql");
  Result r = Run("lint --format gcc db");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_CONTAINS(r.err, "db/migrations/002_loop.sql: cannot read: symbolic link loop");
  EXPECT_CONTAINS(r.err, "db/migrations/003_loop.sql: cannot read: symbolic link loop");
  r = Run("lint db/migrations/002_loop.sql");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_CONTAINS(r.err, "db/migrations/002_loop.sql: symbolic link loop");
}

TEST_F(Hostile, FolderSymlinkLoopsEndQuickly) {
  // Links back up the tree, several per level: a naive walk would take 2^depth steps.
  CleanSet();
  for (const char* name : {"a", "b", "c", "d"}) Symlink(".", std::string("tree/") + name);
  Symlink("..", "tree/up");
  Symlink("../db", "tree/db");
  Result r = Run("lint --format gcc tree", 30);
  EXPECT_FALSE(r.timed_out) << "folder symlink loops made discovery hang";
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");
}

TEST_F(Hostile, FifoIsRefusedNotRead) {
  CleanSet();
  Fifo("db/migrations/002_pipe.sql");
  Result r = Run("lint --format gcc db", 20);
  EXPECT_FALSE(r.timed_out) << "a FIFO in the migrations folder made lint hang";
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_CONTAINS(r.err, "db/migrations/002_pipe.sql: cannot read: not a regular file");
  r = Run("lint db/migrations/002_pipe.sql", 20);
  EXPECT_FALSE(r.timed_out);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_CONTAINS(r.err, "db/migrations/002_pipe.sql: not a regular file or directory");
}

TEST_F(Hostile, FifoAsTheFirstMigration) {
  // The first file is peeked at for dbmate's marker: that must not open a FIFO either.
  Fifo("db/migrations/001_pipe.sql");
  Write("db/migrations/002_b.sql", "SELECT 1;\n");
  Result r = Run("lint --format gcc db", 20);
  EXPECT_FALSE(r.timed_out) << "peeking at a FIFO made discovery hang";
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_CONTAINS(r.err, "db/migrations/001_pipe.sql: cannot read: not a regular file");
}

TEST_F(Hostile, FifoConfigAndLockFile) {
  CleanSet();
  Fifo("db/migrations/migralint.lock");
  Fifo("migralint.toml");
  Result r = Run("lint --format gcc db", 20);
  EXPECT_FALSE(r.timed_out);
  EXPECT_EQ(r.exit_code, 0) << r.err;  // neither is a file: as if absent
  r = Run("lint --config migralint.toml db", 20);
  EXPECT_FALSE(r.timed_out);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_CONTAINS(r.err, "migralint.toml: config file not found");
  r = Run("lock db", 20);
  EXPECT_FALSE(r.timed_out) << "lock read a FIFO";
}

TEST_F(Hostile, BinaryFile) {
  CleanSet();
  std::string bytes =
      "\x7f"
      "ELF\x02\x01\x01";
  for (int i = 0; i < 4096; ++i) bytes += static_cast<char>((i * 131 + 7) & 0xff);
  Write("db/migrations/002_binary.sql", bytes);
  Result r = Run("lint --format gcc db");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out.rfind("db/migrations/002_binary.sql:", 0), 0u) << r.out;
  EXPECT_CONTAINS(r.out, ": error: file contains a NUL byte: not a SQL text file [file-encoding]");
}

TEST_F(Hostile, NulBytes) {
  CleanSet();
  Write("db/migrations/002_nul.sql", std::string("SELECT 1;\nSELECT\0 2;\n", 21));
  Result r = Run("lint --format gcc db");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out,
            "db/migrations/002_nul.sql:2:7: error: file contains a NUL byte: not a SQL text file "
            "[file-encoding]\n");
}

TEST_F(Hostile, InvalidUtf8) {
  CleanSet();
  Write("db/migrations/002_latin1.sql", "COMMENT ON TABLE a IS 'caf\xe9';\n");
  Result r = Run("lint --format gcc db");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_CONTAINS(r.out, "db/migrations/002_latin1.sql:1:27: error: invalid UTF-8: byte 0xE9");
}

TEST_F(Hostile, TwoHundredThousandLines) {
  CleanSet();
  std::string text;
  for (int i = 0; i < 200000; ++i) {
    text +=
        i % 4 == 0 ? "-- step " + std::to_string(i) + "\n" : "SELECT " + std::to_string(i) + ";\n";
  }
  text += "SELECT (;\n";
  Write("db/migrations/002_huge.sql", text);
  Result r = Run("lint --format gcc db", 600);
  EXPECT_FALSE(r.timed_out);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_EQ(
      r.out,
      "db/migrations/002_huge.sql:200001:9: error: syntax error at or near \";\" [syntax-error]\n");
  // The syntax error makes every statement be parsed on its own: memory must stay bounded (a
  // 64 KiB block per statement once took 9.6 GB here). The largest child process so far.
  struct rusage usage {};
  ASSERT_EQ(::getrusage(RUSAGE_CHILDREN, &usage), 0);
  EXPECT_LT(usage.ru_maxrss, 2L << 20) << "peak RSS " << usage.ru_maxrss / 1024 << " MiB";
}

TEST_F(Hostile, TenThousandNestedParentheses) {
  CleanSet();
  Write("db/migrations/002_deep.sql",
        "SELECT " + Repeat("(", 10000) + "1" + Repeat(")", 10000) + ";\nSELECT 2;\n");
  Result r = Run("lint --format gcc db");
  EXPECT_EQ(r.exit_code, 1) << r.err;
  // PostgreSQL's parser stack (bison, 10,000 levels) runs out, as it would on the server.
  EXPECT_CONTAINS(r.out, "db/migrations/002_deep.sql:1:");
  EXPECT_CONTAINS(r.out, "[syntax-error]");
  // Deep but within PostgreSQL's limits: parsed, walked, nothing to report.
  Write("db/migrations/002_deep.sql",
        "SELECT " + Repeat("(", 1000) + "1" + Repeat(")", 1000) + ";\n");
  r = Run("lint --format gcc db");
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
}

// Trees deeper than migralint walks (every walk over a tree recurses): a warning at the
// statement, the others checked as usual. These once crashed (exit 139, stack overflow).
TEST_F(Hostile, DeepExpressionsAreRefusedAtTheStatement) {
  std::string terms = "1";
  for (int i = 1; i < 5000; ++i) terms += "+1";
  Write("db/migrations/001_a.sql",
        "SELECT 1;\nSELECT " + terms + ";\nALTER TABLE missing ADD COLUMN IF NOT EXISTS x int;\n");
  Result r = Run("lint --format gcc --disable lock-timeout db");
  EXPECT_EQ(r.exit_code, 0) << r.err;  // warnings
  EXPECT_EQ(r.out,
            "db/migrations/001_a.sql:2:1: warning: statement nested more than 1024 levels deep: "
            "migralint does not check it [syntax-error]\n"
            "db/migrations/001_a.sql:3:13: warning: table \"public.missing\" does not exist at "
            "this point [unknown-object]\n");
  Write("db/migrations/001_a.sql",
        "SELECT " + Repeat("(SELECT ", 2000) + "1" + Repeat(")", 2000) + ";\n");
  r = Run("lint --format gcc db");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "db/migrations/001_a.sql:1:1: warning: statement nested more than 1024 levels deep: "
            "migralint does not check it [syntax-error]\n");
  // Within the limit: parsed and walked (the data rules walk every node of an INSERT).
  Write("db/migrations/001_a.sql", "CREATE TABLE IF NOT EXISTS t (x int);\nINSERT INTO t SELECT " +
                                       Repeat("1+", 400) + "1;\n");
  r = Run("lint --format gcc db");
  EXPECT_NE(r.exit_code, 2) << r.err;
  EXPECT_EQ(r.out.find("[syntax-error]"), std::string::npos) << r.out;
}

TEST_F(Hostile, DeepPlpgsqlIsRefusedAtItsBody) {
  for (int depth : {3000, 20000}) {
    SCOPED_TRACE(depth);
    Write("db/migrations/001_a.sql", "DO $$\nBEGIN\n" + Repeat("IF true THEN\n", depth) +
                                         "PERFORM 1;\n" + Repeat("END IF;\n", depth) +
                                         "END\n$$;\n");
    Result r = Run("lint --format gcc db");
    EXPECT_EQ(r.exit_code, 0) << r.err;  // a warning
    EXPECT_EQ(r.out,
              "db/migrations/001_a.sql:1:6: warning: PL/pgSQL body nested too deeply: its "
              "statements are not checked [syntax-error]\n");
  }
}

TEST_F(Hostile, ReportThatCannotBeWrittenExitsTwo) {
  CleanSet();
  // A full disk, as a file and as standard output.
  Result r = Run("lint --output /dev/full db");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_CONTAINS(r.err, "/dev/full: cannot write the report");
  const std::string command = "cd '" + dir_.string() + "' && '" + kBinary.string() +
                              "' lint db >/dev/full 2>'" + (dir_ / ".stderr").string() + "'";
  int status = std::system(command.c_str());
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 2) << status;
  EXPECT_CONTAINS(Slurp(dir_ / ".stderr"), "cannot write the report to standard output");
  // A reader that went away: exit 2, not death by SIGPIPE.
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  ::close(fds[0]);
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    ::dup2(fds[1], STDOUT_FILENO);
    ::close(STDERR_FILENO);
    if (::chdir(dir_.c_str()) == 0)
      ::execl(kBinary.c_str(), "migralint", "lint", "--format", "text", "db", nullptr);
    ::_exit(127);
  }
  ::close(fds[1]);
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 2)
      << (WIFSIGNALED(status) ? "killed by signal " + std::to_string(WTERMSIG(status)) : "");
}

TEST_F(Hostile, BacktrackingSetPatternCannotHang) {
  // Nested quantifiers on a name that almost matches: 2^40 steps for a backtracking engine.
  Write("migralint.toml", "[[sets]]\npath = \"db/migrations\"\npattern = '^(a+)+_(.+)\\.sql$'\n");
  Write("db/migrations/aaa_init.sql", "CREATE TABLE IF NOT EXISTS a (id bigint PRIMARY KEY);\n");
  Write("db/migrations/" + Repeat("a", 40) + "!.sql", "SELECT 1;\n");
  Result r = Run("lint --format gcc db", 20);
  EXPECT_FALSE(r.timed_out) << "matching a [[sets]] pattern hung";
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  // What RE2 cannot match in linear time (back-references) is a config error, not a hang.
  Write("migralint.toml", "[[sets]]\npath = \"db/migrations\"\npattern = '^(a+)\\1_(.+)$'\n");
  r = Run("lint --format gcc db", 20);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_CONTAINS(r.err, "`sets.pattern` is not a valid regular expression (RE2 syntax)");
}

TEST_F(Hostile, SymlinkLeavingTheRepositoryIsNotRead) {
  fs::create_directories(dir_ / ".git");  // the repository: links inside it are followed
  CleanSet();
  Write("shared/002_shared.sql", "SELECT (;\n");
  Symlink("../../shared/002_shared.sql", "db/migrations/002_shared.sql");
  const fs::path outside = dir_.string() + "-secret.sql";
  { std::ofstream(outside) << "SELECT 'TOP SECRET' (;\n"; }
  Symlink(outside.string(), "db/migrations/003_secret.sql");
  Result r = Run("lint --format text db");
  fs::remove(outside);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_CONTAINS(r.err,
                  "db/migrations/003_secret.sql: not read: a symbolic link to a file outside");
  EXPECT_EQ(r.out.find("TOP SECRET"), std::string::npos) << r.out;
  EXPECT_CONTAINS(r.out, "db/migrations/002_shared.sql:1:9:");
}

TEST_F(Hostile, SetsNestedTooDeepAreReported) {
  std::string deep = "repo";
  for (int i = 0; i < 30; ++i) deep += "/d";
  Write(deep + "/migrations/001_a.sql", "SELECT (;\n");
  Write("repo/readme.txt", "\n");
  Result r = Run("lint --format gcc repo");
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_CONTAINS(r.err, "folders nested more than 24 levels deep are not searched");
}

TEST_F(Hostile, UnreadableFolderIsReported) {
  if (::geteuid() == 0) GTEST_SKIP() << "root reads every folder";
  CleanSet();
  Write("more/db/migrations/001_b.sql", "SELECT 1;\n");
  fs::permissions(dir_ / "more", fs::perms::none);
  Result r = Run("lint --format gcc .");
  fs::permissions(dir_ / "more", fs::perms::owner_all);
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_CONTAINS(r.err, "more: cannot read the folder");
}

// Control bytes from a file name or from SQL never reach the terminal raw, and a line break in
// a file name never starts a line of its own in a line-based format.
TEST_F(Hostile, FileNamesAndSourceTextAreEscaped) {
  CleanSet();
  const std::string name = "002_b\n::error file=forged.sql,line=1::forged\x1b[2J.sql";
  Write("db/migrations/" + name, "SELECT \"\x1b]0;pwned\x07;\n");
  for (const char* format : {"gcc", "github", "text"}) {
    SCOPED_TRACE(format);
    Result r = Run(std::string("lint --format ") + format + " db");
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_EQ(r.out.find('\x1b'), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find('\x07'), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find("\n::error file=forged"), std::string::npos) << r.out;
    EXPECT_CONTAINS(r.out, "\\x1b");
    if (std::string(format) != "text") {  // two findings (the name, the syntax), a line each
      EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 2) << r.out;
    }
  }
}

TEST_F(Hostile, StandardInputHasTheFileSizeLimit) {
  CleanSet();
  const fs::path big = dir_ / ".big";
  {
    std::ofstream out(big);
    const std::string line = "SELECT 1;\n";
    for (std::size_t n = 0; n <= (64u << 20); n += line.size()) out << line;
  }
  const std::string command = "cd '" + dir_.string() + "' && '" + kBinary.string() +
                              "' lint --format gcc --no-cache --stdin-filename "
                              "db/migrations/001_a.sql <'" +
                              big.string() + "' >'" + (dir_ / ".stdout").string() + "' 2>&1";
  const int status = std::system(command.c_str());
  fs::remove(big);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 1) << status;
  EXPECT_EQ(Slurp(dir_ / ".stdout"),
            "db/migrations/001_a.sql:1:1: error: file is over the 64 MiB limit: not read "
            "[file-encoding]\n");
  struct rusage usage {};
  ASSERT_EQ(::getrusage(RUSAGE_CHILDREN, &usage), 0);
  EXPECT_LT(usage.ru_maxrss, 512L << 10) << "peak RSS " << usage.ru_maxrss / 1024 << " MiB";
}

// A line holding thousands of statements, each with a finding: positions found from a block
// index, not by counting from the line's start; each excerpt a window, not the whole line. The
// output grows with the findings (it was findings × line: 24 GB for 20,000 statements).
TEST_F(Hostile, ManyFindingsOnOneLine) {
  constexpr int kStatements = 3000;
  Write("db/migrations/001_a.sql",
        "CREATE TABLE IF NOT EXISTS t (id bigint PRIMARY KEY);\n" +
            Repeat("ALTER TABLE t ADD COLUMN c int NOT NULL;", kStatements) + "\n");
  // (The same column added again is also a duplicate-object error: one finding each is enough.)
  Result r = Run("lint --disable duplicate-object --format gcc db");
  EXPECT_EQ(r.exit_code, 0) << r.err;  // warnings
  const auto findings = std::count(r.out.begin(), r.out.end(), '\n');
  EXPECT_GE(findings, kStatements);
  // The last statement's column: counted right.
  EXPECT_CONTAINS(r.out,
                  "db/migrations/001_a.sql:2:" + std::to_string(40 * (kStatements - 1) + 1) + ": ");
  for (const char* format : {"text", "html", "sarif"}) {
    SCOPED_TRACE(format);
    r = Run(std::string("lint --disable duplicate-object --format ") + format + " db");
    EXPECT_EQ(r.exit_code, 0) << r.err;  // warnings
    // (A SARIF result carrying its fix is about 1.7 KB; quadratic output was megabytes each.)
    EXPECT_LT(r.out.size(), static_cast<std::size_t>(findings) * 2000) << "output not linear";
  }
  r = Run("lint --disable duplicate-object --format text db");
  EXPECT_CONTAINS(r.out, "…ALTER TABLE t ADD COLUMN c int NOT NULL;ALTER");
}

// A `-- Dependencies:` header naming 40,000 migrations, one line: each name looked up, each
// finding placed and shown in time linear in the header.
TEST_F(Hostile, LongDependenciesHeader) {
  std::string header = "-- Dependencies: 001_a.sql";
  for (int i = 0; i < 40000; ++i) header += ", " + std::to_string(100000 + i) + "_x.sql";
  Write("db/migrations/001_a.sql", "SELECT 1;\n");
  Write("db/migrations/002_b.sql", header + "\nSELECT 1;\n");
  Result r = Run("lint --format gcc db");
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 40000);
  EXPECT_CONTAINS(r.out, "dependency \"139999_x.sql\" is not a migration of this set");
  EXPECT_EQ(r.out.find("001_a.sql\" is not"), std::string::npos);
  r = Run("lint --format text db");
  EXPECT_LT(r.out.size(), 40000u * 1200) << "output not linear";
}

// An ignore comment naming 5,000 rules (most unknown), over a file of many findings.
TEST_F(Hostile, IgnoreNamingThousandsOfRules) {
  std::string names;
  for (int i = 0; i < 2500; ++i)
    names += "unknown-object, no-such-rule-" + std::to_string(i) + ", ";
  std::string statements;
  for (int i = 0; i < 5000; ++i)
    statements += "ALTER TABLE missing" + std::to_string(i) + " ADD COLUMN IF NOT EXISTS x int;\n";
  Write("db/migrations/001_a.sql", "-- migralint-ignore-file " + names + "\n" + statements);
  Result r = Run("lint --format gcc --disable lock-timeout db");
  EXPECT_EQ(r.exit_code, 0) << r.err;  // warnings
  EXPECT_EQ(r.out.find("[unknown-object]"), std::string::npos);
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 2500);  // each unknown name, once
  EXPECT_CONTAINS(r.out, "names unknown rule \"no-such-rule-2499\" [unused-ignore]");
}

// 100,000 ADD COLUMN on one table: columns found by name through an index, and the column list
// grown in steps rather than copied for each statement (quadratic: minutes, then the timeout).
TEST_F(Hostile, HundredThousandColumnsOnOneTable) {
  std::string text = "CREATE TABLE IF NOT EXISTS t (id bigint PRIMARY KEY);\n";
  for (int i = 0; i < 100000; ++i)
    text += "ALTER TABLE t ADD COLUMN IF NOT EXISTS c" + std::to_string(i) + " int;\n";
  text += "ALTER TABLE t ALTER COLUMN c99999 TYPE bigint;\nALTER TABLE t DROP COLUMN c5;\n";
  text += "ALTER TABLE t ALTER COLUMN c5 SET NOT NULL;\nALTER TABLE t RENAME COLUMN c7 TO d7;\n";
  text += "ALTER TABLE t ALTER COLUMN d7 SET NOT NULL;\n";
  Write("db/migrations/001_a.sql", text);
  Result r = Run("lint --format gcc --disable non-idempotent-ddl db", 120);
  EXPECT_FALSE(r.timed_out) << "quadratic in the columns of a table";
  EXPECT_EQ(r.exit_code, 0) << r.err;
  // Dropped: unknown afterwards; the last added and the renamed one (by its new name): known.
  EXPECT_EQ(r.out,
            "db/migrations/001_a.sql:100004:1: warning: column \"c5\" of \"public.t\" does not "
            "exist at this point [unknown-object]\n");
}

TEST_F(Hostile, UnterminatedDollarQuote) {
  Write("db/migrations/001_a.sql",
        "SELECT 1;\nCREATE FUNCTION f() RETURNS int AS $body$\nSELECT 1;\n");
  Result r = Run("lint --format gcc db");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_CONTAINS(r.out, "db/migrations/001_a.sql:2:36: error: unterminated dollar-quoted string");
}

TEST_F(Hostile, UnterminatedBlockComment) {
  Write("db/migrations/001_a.sql", "SELECT 1;\n/* a comment that\nnever ends; SELECT 2;\n");
  Result r = Run("lint --format gcc db");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_CONTAINS(r.out, "db/migrations/001_a.sql:2:1: error: unterminated /* comment");
  Write("db/migrations/001_a.sql", "/* only an open comment\n");
  r = Run("lint --format gcc db");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_CONTAINS(r.out, "db/migrations/001_a.sql:1:1: error: unterminated /* comment");
}

TEST_F(Hostile, UnterminatedString) {
  Write("db/migrations/001_a.sql", "SELECT 1;\nINSERT INTO t VALUES ('it''s\n);\n");
  Result r = Run("lint --format gcc db");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_CONTAINS(r.out, "db/migrations/001_a.sql:2:23: error: unterminated quoted string");
  Write("db/migrations/001_a.sql", "SELECT \"never closed;\n");
  r = Run("lint --format gcc db");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_CONTAINS(r.out, "db/migrations/001_a.sql:1:8: error: unterminated quoted identifier");
}

TEST_F(Hostile, TenThousandCharacterIdentifier) {
  const std::string name = Repeat("x", 10000);
  Write("db/migrations/001_a.sql", "CREATE TABLE IF NOT EXISTS " + name +
                                       " (id bigint PRIMARY KEY);\n" + "ALTER TABLE " + name +
                                       " ADD COLUMN IF NOT EXISTS note text;\n");
  Result r = Run("lint --format gcc db");
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;  // PostgreSQL truncates it to 63 bytes, as here
  Write("db/migrations/001_a.sql",
        "ALTER TABLE " + name + " ADD COLUMN IF NOT EXISTS note text;\n");
  r = Run("lint --format gcc --fail-on warning --disable lock-timeout db");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out,
            "db/migrations/001_a.sql:1:13: warning: name of 10000 bytes: PostgreSQL cuts "
            "it to 63, \"" +
                Repeat("x", 63) + "\" [identifier-too-long]\n" +
                "db/migrations/001_a.sql:1:13: warning: table \"public." + Repeat("x", 63) +
                "\" does not exist at this point [unknown-object]\n");
}

// Every key with a value of the wrong type, or out of range: exit 2, file:line and the key named.
TEST_F(Hostile, InvalidConfigValues) {
  CleanSet();
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"pg_version = \"15\"\n", "`pg_version` must be an integer"},
      {"pg_version = 9\n", "`pg_version` must be an integer from 10 to 18"},
      {"pg_version = 15.5\n", "`pg_version` must be an integer"},
      {"pg_version = true\n", "`pg_version` must be an integer"},
      {"pg_version = 1e300\n", "`pg_version` must be an integer"},  // was UB in toml++'s cast
      {"connect_timeout = -1e300\n", "`connect_timeout` must be a number of seconds"},
      {"pg_version = 99999999999999999999\n", ""},  // a TOML error: the integer overflows
      {"transaction = 1\n", "`transaction` must be a string"},
      {"transaction = \"sometimes\"\n", "`transaction` must be \"per-file\" or \"none\""},
      {"exposed_schemas = \"public\"\n", "`exposed_schemas` must be an array of strings"},
      {"exposed_schemas = [1, 2]\n", "`exposed_schemas` must contain only strings"},
      {"external = {a = 1}\n", "`external` must be an array of strings"},
      {"fail_on = \"always\"\n", "`fail_on` must be error, warning, info or never"},
      {"fail_on = 2024-01-01\n", "`fail_on` must be a string"},
      {"active_theme = [\"a\"]\n", "`active_theme` must be a string"},
      {"rules = \"all\"\n", "`rules` must be a table"},
      {"[rules]\nsyntax-error = 1\n", "`rules.syntax-error` must be a severity string or a table"},
      {"[rules]\nsyntax-error = \"loud\"\n",
       "`rules.syntax-error` must be one of off, info, warning, error"},
      {"[rules.syntax-error]\nseverity = 3\n", "`rules.syntax-error.severity` must be a string"},
      {"[rules.syntax-error]\ncolour = \"red\"\n",
       "unknown option `colour` for rule `syntax-error`"},
      {"[rules]\nno-such-rule = \"off\"\n", "unknown rule `no-such-rule`"},
      {"sets = 1\n", "`sets` must be an array of tables"},
      {"sets = [1]\n", "each [[sets]] entry must be a table"},
      {"[[sets]]\npattern = '^(\\d+)_(.+)\\.sql$'\n", "[[sets]] entry needs a `path`"},
      {"[[sets]]\npath = \"db/migrations\"\npattern = \"(\"\n",
       "`sets.pattern` is not a valid regular expression"},
      {"[[sets]]\npath = \"db/migrations\"\npattern = '^(\\d{99999999999999999999})_(.+)\\.sql$'\n",
       "`sets.pattern` is too complex for a file name pattern: a number over 100000"},
      {"[[sets]]\npath = 3\n", "`sets.path` must be a string"},
      {"[[sets]]\npath = \"db\"\nlayer = \"x\"\n", "unknown key `sets.layer`"},
      {"[[sets]]\npath = \"db\"\nlayout = \"flyway\"\n",
       "`sets.layout` must be one of numbered, up-down"},
      {"colour = \"red\"\n", "unknown key `colour`"},
      {"pg_version = 15\npg_version = 16\n", ""},  // TOML: a key defined twice
      {"pg_version = [\n", ""},                    // TOML: unterminated array
      {std::string("pg_version = 15\n\0\n", 18), ""},
      {"active_theme = \"caf\xe9\"\n", ""},  // TOML: invalid UTF-8
  };
  for (const auto& [toml, message] : cases) {
    SCOPED_TRACE(toml);
    Write("migralint.toml", toml);
    Result r = Run("lint db");
    EXPECT_EQ(r.exit_code, 2) << r.out;
    // Each error names the file, line and column first.
    const std::size_t at = r.err.find("migralint.toml:");
    ASSERT_NE(at, std::string::npos) << r.err;
    std::size_t i = at + 15, digits = 0, colons = 0;
    for (; i < r.err.size() && colons < 2; ++i) {
      if (r.err[i] == ':')
        ++colons;
      else if (std::isdigit(static_cast<unsigned char>(r.err[i])))
        ++digits;
      else
        break;
    }
    EXPECT_TRUE(colons == 2 && digits >= 2) << r.err;
    if (!message.empty()) {
      EXPECT_CONTAINS(r.err, message);
    }
  }
}

TEST_F(Hostile, InvalidCommandLineValues) {
  CleanSet();
  for (const char* args :
       {"lint --jobs -1 db", "lint --jobs many db", "lint --fail-on sometimes db",
        "lint --format yaml db", "lint --color purple db", "lint --config db db"}) {
    SCOPED_TRACE(args);
    Result r = Run(args);
    EXPECT_EQ(r.exit_code, 2) << r.out;
    EXPECT_FALSE(r.err.empty());
  }
}

TEST_F(Hostile, SameFileTwiceIsLintedOnce) {
  Write("db/migrations/001_a.sql", "SELECT (;\n");
  const std::string once =
      "db/migrations/001_a.sql:1:9: error: syntax error at or near \";\" [syntax-error]\n";
  Result r =
      Run("lint --format gcc db/migrations/001_a.sql db/migrations/001_a.sql "
          "./db/migrations//001_a.sql");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, once);
  // Reached through a symlinked folder, and through the folder itself.
  Symlink("db", "alias");
  r = Run("lint --format gcc db alias");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, once);
  r = Run("lint --format gcc db/migrations/001_a.sql alias/migrations/001_a.sql");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, once);
  // A file and its folder: the folder's findings are all reported, each once.
  Write("db/migrations/002_b.sql", "SELECT (;\n");
  r = Run("lint --format gcc db/migrations/001_a.sql db");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(
      r.out,
      once + "db/migrations/002_b.sql:1:9: error: syntax error at or near \";\" [syntax-error]\n");
}

}  // namespace
