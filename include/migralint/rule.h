// rule.h: the contract a rule compiles against — its identity, its hooks, and how it reports.
#pragma once

#include <pg_query/pg_query.pb-c.h>

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "migralint/config.h"
#include "migralint/diagnostic.h"
#include "migralint/lock.h"
#include "migralint/migration_set.h"
#include "migralint/runner.h"
#include "migralint/schema.h"
#include "migralint/source.h"
#include "migralint/statement.h"

namespace migralint {

/// One file of a set after reading and parsing: what file rules look at.
struct FileUnit {
  const MigrationFile* file = nullptr;
  const Runner* runner = nullptr;  // its set's runner (runner.h)
  /// Values for the runner's placeholders ([placeholders] of the config), or null.
  const std::map<std::string, std::string>* placeholders = nullptr;
  SourceFile source;
  bool read_ok = false;  // false when the file could not be read (already reported)
  /// Source order; nested PL/pgSQL statements follow their parent. The statements and comments
  /// are there until the file has been replayed: set rules and the end of the set see none (a
  /// rule reads what it needs while they are, and reports through RuleContext::AtEndOfSet).
  std::vector<Statement> statements;
  std::vector<Comment> comments;
  std::vector<std::shared_ptr<const void>> trees;  // the parse trees, until the file is replayed
  /// sha256 of the raw bytes; and of the normalised statements, filled only where a rule needs
  /// it (the file differs from its lock entry). Hex.
  std::string raw_sha256;
  std::string sem_sha256;

  /// True when `statement` runs as the migration runs: top-level ones, and those of DO blocks
  /// (not those of function bodies, which run when the function is called).
  bool RunsWithMigration(const Statement& statement) const {
    if (!statement.IsNested()) return true;
    const Statement& parent = statements[static_cast<std::size_t>(statement.parent)];
    return parent.kind == PG_QUERY__NODE__NODE_DO_STMT;
  }
};

/// A statement that reads or writes rows, and the migration (index) it runs in. `node` is a copy
/// of its tree that outlives the file's (without the rows of VALUES lists).
struct DataStatement {
  int file;
  std::size_t statement;  // index in its file's statements
  const PgQuery__Node* node;
  std::vector<std::string> tables;  // every relation it names, "schema.name", sorted
};

/// A whole set after reading and parsing, files in execution order.
struct SetUnit {
  const MigrationSet* set = nullptr;
  std::vector<const FileUnit*> migrations;
  std::vector<const FileUnit*> others;
  const LockFile* lock = nullptr;  // migralint.lock at the set root, when there is one
  /// The first migration (index in `migrations`) that creates each object, "schema.name".
  /// Complete once every migration has been read (for RuleContext::AtEndOfSet).
  std::map<std::string, int> creations;
  /// The INSERT, UPDATE, DELETE, TRUNCATE and CREATE TABLE AS statements that run with their
  /// migration, in execution order: what statement rules looking back for a backfill or a copy
  /// visit (rather than every statement of every earlier migration). Gone when the set ends.
  std::vector<DataStatement> data_statements;
  /// For each table, the data statements naming it (indexes into data_statements, in order).
  std::unordered_map<std::string, std::vector<std::size_t>> data_by_table;

  /// The migration after migration `index` that first creates `qualified`, or null.
  const FileUnit* CreatedAfter(const std::string& qualified, int index) const {
    auto it = creations.find(qualified);
    return it != creations.end() && it->second > index
               ? migrations[static_cast<std::size_t>(it->second)]
               : nullptr;
  }
};

/// What a statement-level rule sees: the statement, its file, and the schema just before it.
struct StatementContext {
  const SetUnit& set;
  const FileUnit& file;
  int file_index;  // in set.migrations
  const Statement& statement;
  const Schema& before;  // the schema as the statement finds it

  /// True when `origin` is a statement earlier in this same file (so the object is new: no
  /// live rows, no concurrent readers yet).
  bool SameFile(const Origin& origin) const { return origin.file == file_index; }
  /// True when the statement sits in a DO block's IF or exception handler: it may not run.
  bool Conditional() const { return !statement.enclosures.empty(); }
  /// The span of `name` as written in the statement (plain or double-quoted) at or after
  /// `from`; the whole statement when it is not found.
  std::pair<std::uint32_t, std::uint32_t> NameSpan(const std::string& name,
                                                   std::uint32_t from) const;
  /// One past the (possibly qualified, possibly quoted) name written at `at`.
  std::uint32_t NameEnd(std::uint32_t at) const;
  static std::size_t StatementIndex(const FileUnit& file, const Statement& statement) {
    return static_cast<std::size_t>(&statement - file.statements.data());
  }
  /// Calls `visit(node, migration index)` for each data statement (SetUnit::data_statements)
  /// naming `table` that runs before this one, from migration `first` on; stops when it
  /// returns true.
  template <typename Visit>
  bool AnyDataEarlier(int first, const std::string& table, Visit visit) const {
    const auto naming = set.data_by_table.find(table);
    if (naming == set.data_by_table.end()) return false;
    for (const std::size_t i : naming->second) {
      const DataStatement& d = set.data_statements[i];
      if (d.file < first) continue;
      if (d.file > file_index ||
          (d.file == file_index && d.statement >= StatementIndex(file, statement)))
        break;
      if (visit(*d.node, d.file)) return true;
    }
    return false;
  }
};

/// What a rule reports through. One context per rule and run.
class RuleContext {
 public:
  virtual ~RuleContext() = default;
  virtual const Config& config() const = 0;
  /// Report a span of `file`'s text (byte offsets).
  virtual void Report(const FileUnit& file, std::uint32_t begin, std::uint32_t end,
                      std::string message, std::string help) = 0;
  /// Report a span of `file`'s text one severity level above the rule's: a graver variant of
  /// what it flags. The rule's own severity, the one `migralint rules` shows, stays its usual
  /// case's.
  virtual void ReportGraver(const FileUnit& file, std::uint32_t begin, std::uint32_t end,
                            std::string message, std::string help) = 0;
  /// Report a span of `file`'s text with a fix: `fix.edits` are byte spans of `file` (their
  /// positions are filled in here). Only for a change that is mechanical and safe.
  virtual void ReportWithFix(const FileUnit& file, std::uint32_t begin, std::uint32_t end,
                             std::string message, std::string help, Fix fix) = 0;
  /// Report at explicit positions of any file (a lock file, a folder). `lesser`: one severity
  /// level below the rule's (a milder variant of what it flags).
  virtual void ReportAt(std::string path, Position start, Position end, std::string message,
                        std::string help, bool lesser = false) = 0;
  /// Runs `report` after the whole set has been replayed, with this rule's context: for a
  /// finding whose wording depends on later migrations. What it references must live as long as
  /// the set's FileUnits.
  using EndOfSet = std::function<void(RuleContext& ctx, const SetUnit& set)>;
  virtual void AtEndOfSet(EndOfSet report) = 0;
};

/// A rule: its permanent id, default severity, category and summary, and the hook(s) it runs.
/// Its full documentation and examples live beside it (rule.md, bad.sql, good.sql).
struct Rule {
  std::string_view id;
  Severity severity = Severity::kWarning;
  std::string_view category;
  std::string_view summary;
  std::vector<std::string_view> options;  // option keys it accepts in [rules.<id>]
  /// When set, the rule is on only for sets whose runner this accepts, unless the config or
  /// --enable turns it on (a convention some runners' users follow and others do not).
  bool (*on_for_runner)(const Runner&) = nullptr;
  /// Runs once per file (forward migrations and rollbacks alike).
  void (*check_file)(RuleContext&, const FileUnit&) = nullptr;
  /// Runs once per set.
  void (*check_set)(RuleContext&, const SetUnit&) = nullptr;
  /// Runs for every statement the replay executes (top level, or inside a DO block), with the
  /// schema as it is just before that statement.
  void (*check_statement)(RuleContext&, const StatementContext&) = nullptr;
  /// Runs once per set with the schema the whole set leaves.
  void (*check_schema)(RuleContext&, const SetUnit&, const Schema&) = nullptr;
};

}  // namespace migralint
