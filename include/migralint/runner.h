// runner.h: how a migration runner executes a set (spec §2b) — one profile per runner, listed in
// src/runners/runners.def, and the question the transaction rules ask of it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace migralint {

struct Config;
struct FileUnit;
struct MigrationSet;
struct Statement;

/// How a runner sends the statements of one file (or section, or changeset) to the server.
enum class Sends {
  kOneByOne,     // split by the runner (or psql), each statement executed on its own
  kSimpleQuery,  // the whole text as one simple Query: an implicit transaction block when it
                 // holds more than one statement (PostgreSQL's protocol, runners.md §3)
  kPipeline,     // one pipeline with the history insert after it (Supabase CLI): implicitly
                 // transactional; only its first statement may be one that refuses a block
};

/// What identifies a migration in the runner's history (duplicate-version keys by it).
enum class Keys {
  kVersion,   // the version number (goose, Flyway, Supabase, sqlx, dbmate, Diesel, ...)
  kFileName,  // the whole folder or file name (Prisma)
  kPath,      // its path or change name: versions are not the runner's (Sqitch, Liquibase)
};

struct Runner {
  std::string_view name;
  std::string_view summary;        // one line: what runs, in which order
  std::string_view history_table;  // where the runner records what it applied
  std::string_view placeholders;   // its placeholder syntax, or "" (none)
  /// A transaction around each file (changeset, section) unless the file opts out.
  bool wraps = true;
  /// A file that opens its own BEGIN is not wrapped again (migralint's executor).
  bool own_transaction_unwrapped = false;
  /// Flyway: the statements it runs outside a transaction. A script of nothing else runs
  /// without one; a script that mixes them with others is refused.
  bool (*non_transactional)(const Statement& statement) = nullptr;
  Sends sends = Sends::kOneByOne;
  Sends sends_opted_out = Sends::kOneByOne;
  Keys keys = Keys::kVersion;
  /// How a file opts out of the transaction, for messages ("" when it cannot).
  std::string_view opt_out;
  /// Its convention expects a file to be safe to run twice (non-idempotent-ddl on by default).
  bool rerunnable = false;
  /// True when the file (its part holding `offset`) opts out of the runner's transaction.
  bool (*opts_out)(const FileUnit& unit, std::uint32_t offset) = nullptr;
  /// True when the set (found by layout) is one this runner executes, by its markers.
  bool (*detect)(const MigrationSet& set) = nullptr;
  /// The session time zone it runs migrations in, when it always sets one ("UTC").
  std::string_view session_timezone;
};

/// Every runner, in the order detection tries them.
const std::vector<const Runner*>& AllRunners();
/// The runner named `name`, or null.
const Runner* FindRunner(std::string_view name);
/// migralint's own executor: the profile when nothing else is known.
const Runner& DefaultRunner();

/// The transaction block a statement runs in, as its runner executes the file.
struct Block {
  std::string why;  // "in a file goose runs in a transaction ..."; "" when there is none
  std::string fix;  // how to run the statement outside it, with this runner
};

/// Where each top-level statement of a file runs when its runner executes it: inside a
/// transaction block or not, and why. Built once per file.
class FileExecution {
 public:
  FileExecution(const FileUnit& unit, const Config& config);

  const Runner& runner() const { return *runner_; }
  /// The block `statement` (top level) runs in; `why` is empty when it runs in none.
  const Block& BlockAt(const Statement& statement) const;
  /// True when the runner wraps this file in a transaction of its own.
  bool Wrapped() const { return wrapped_; }

 private:
  const Runner* runner_;
  const FileUnit& unit_;
  bool wrapped_ = false;
  std::vector<Block> block_;  // by statement index (nested ones: none)
};

}  // namespace migralint
