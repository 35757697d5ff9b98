// executor.cc: statements are sent one at a time, so that a failure points at its statement. A
// file in migralint's transaction is recorded in that transaction; a file run outside it is
// recorded "started" before and "applied" after, so that no interruption leaves a false record.
#include "apply/executor.h"

#include <pg_query/pg_query.pb-c.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <thread>

#include "apply/fault_point.h"
#include "migralint/runner.h"
#include "migralint/sha256.h"
#include "migralint/transactions.h"
#include "parse/parse_file.h"
#include "parse/pg_parser.h"
#include "read/read_file.h"

namespace migralint::apply {
namespace {

// pg_advisory_lock key: the first 8 bytes of "migralint" read as a number.
constexpr const char* kLockKey = "7887052289473538670";

using Clock = std::chrono::steady_clock;

std::string OsUser() {
  if (const char* user = std::getenv("USER")) return user;
  return "uid " + std::to_string(getuid());
}

bool CannotRunInTransaction(const Statement& s) {
  if (!s.node) return false;
  switch (s.node->node_case) {
    case PG_QUERY__NODE__NODE_INDEX_STMT:
      return s.node->index_stmt->concurrent;
    case PG_QUERY__NODE__NODE_DROP_STMT:
      return s.node->drop_stmt->concurrent;
    case PG_QUERY__NODE__NODE_VACUUM_STMT:
    case PG_QUERY__NODE__NODE_ALTER_SYSTEM_STMT:
    case PG_QUERY__NODE__NODE_CREATEDB_STMT:
    case PG_QUERY__NODE__NODE_DROPDB_STMT:
      return true;
    default:
      return false;
  }
}

// True when the file's first top-level statement cannot run in a transaction block.
bool FirstRefusesBlock(const FileUnit& unit) {
  for (const Statement& s : unit.statements) {
    if (!s.IsNested()) return CannotRunInTransaction(s);
  }
  return false;
}

std::string WithState(const QueryResult& r) { return r.message + " (SQLSTATE " + r.sqlstate + ")"; }

Diagnostic Failure(const FileUnit& unit, const Statement& s, const QueryResult& r) {
  Diagnostic d;
  d.rule = "apply";
  d.severity = Severity::kError;
  d.path = unit.source.path;
  const std::string_view statement =
      std::string_view(unit.source.text()).substr(s.begin, s.end - s.begin);
  const std::uint32_t at =
      s.begin + (r.position > 0 ? parse::CursorToOffset(statement, r.position) : 0);
  d.start = unit.source.At(at);
  d.end = {d.start.line, d.start.column + 1};
  d.message = WithState(r);
  return d;
}

// A failure of the file as a whole (its COMMIT), at its first line.
Diagnostic FileFailure(const FileUnit& unit, const std::string& message) {
  Diagnostic d;
  d.rule = "apply";
  d.severity = Severity::kError;
  d.path = unit.source.path;
  d.start = {1, 1};
  d.end = {1, 2};
  d.message = message;
  return d;
}

// The CREATE INDEX of a statement, or null.
const PgQuery__IndexStmt* IndexOf(const Statement& s) {
  return s.node && s.node->node_case == PG_QUERY__NODE__NODE_INDEX_STMT ? s.node->index_stmt
                                                                        : nullptr;
}

std::string Text(const char* s) { return s ? s : ""; }

// True when every statement of the file creates an index: running it again repeats nothing else.
bool OnlyIndexes(const FileUnit& unit) {
  for (const Statement& s : unit.statements) {
    if (!s.IsNested() && !IndexOf(s)) return false;
  }
  return true;
}

// The names (as regclass prints them) of the invalid indexes on the table of `index`.
std::vector<std::string> InvalidIndexesOn(Connection& db, const PgQuery__IndexStmt& index) {
  std::vector<std::string> out;
  if (!index.relation) return out;
  const QueryResult r = db.ExecParams(
      "SELECT i.indexrelid::regclass::text FROM pg_index i WHERE NOT i.indisvalid AND "
      "i.indrelid = to_regclass(CASE WHEN $1 = '' THEN quote_ident($2) "
      "ELSE quote_ident($1) || '.' || quote_ident($2) END) ORDER BY 1",
      {Text(index.relation->schemaname), Text(index.relation->relname)});
  for (const auto& row : r.rows) out.push_back(row[0].value_or(""));
  return out;
}

// The index `index` names, when it exists and is INVALID (as regclass prints it); else "".
std::string InvalidIndexNamed(Connection& db, const PgQuery__IndexStmt& index) {
  if (!index.relation || Text(index.idxname).empty()) return "";
  const QueryResult r = db.ExecParams(
      "SELECT i.indexrelid::regclass::text FROM pg_index i WHERE NOT i.indisvalid AND "
      "i.indexrelid = to_regclass(CASE WHEN $1 = '' THEN quote_ident($2) "
      "ELSE quote_ident($1) || '.' || quote_ident($2) END)",
      {Text(index.relation->schemaname), Text(index.idxname)});
  return r.ok && !r.rows.empty() ? r.rows[0][0].value_or("") : "";
}

std::string DropAdvice(const std::vector<std::string>& indexes) {
  std::string names, drops;
  for (const std::string& name : indexes) {
    names += (names.empty() ? "" : ", ") + name;
    drops += (drops.empty() ? "" : " ") + ("DROP INDEX CONCURRENTLY " + name + ";");
  }
  return "CREATE INDEX CONCURRENTLY is not rolled back: it left the INVALID index " + names +
         " behind; drop it with `" + drops + "` before the next apply";
}

// How a file meets transactions, as the executor runs it.
struct Mode {
  bool wrap;     // in migralint's transaction: recorded in it
  bool outside;  // its own BEGIN/COMMIT, or none: recorded "started" before, "applied" after
};

}  // namespace

bool AcquireLock(Connection& db, int timeout_seconds, std::ostream* out, std::string& error) {
  const auto deadline = Clock::now() + std::chrono::seconds(timeout_seconds);
  bool told = false;
  while (true) {
    const QueryResult r =
        db.ExecParams("SELECT pg_try_advisory_lock($1::bigint)", {std::string(kLockKey)});
    if (!r.ok) {
      error = "cannot take the advisory lock: " + r.message;
      return false;
    }
    if (r.rows[0][0] == std::optional<std::string>("t")) return true;
    if (!told && out) {
      *out << "waiting for another migralint run to finish (advisory lock " << kLockKey << ")\n";
      out->flush();
      told = true;
    }
    if (Clock::now() >= deadline) {
      error = "another migralint run has held the advisory lock for more than " +
              std::to_string(timeout_seconds) +
              " s; nothing applied (raise --lock-timeout to wait longer)";
      return false;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
}

bool LoadMigration(const MigrationState& state, FileUnit& unit, std::string& error) {
  if (Sha256Hex(state.bytes) != state.linted) {
    error = state.display +
            " changed after it was linted: nothing of it ran (lint and apply again to run what "
            "it says now)";
    return false;
  }
  unit.file = state.file;
  read::ReadResult read = read::ReadText(state.bytes, state.file->path);
  unit.source = std::move(read.source);
  unit.read_ok = read.parseable;
  std::vector<Diagnostic> ignored;  // lint reported them; the gate let the file through
  if (read.parseable) parse::ParseFile(unit, ignored);
  return true;
}

QueryResult ResetSession(Connection& db, const std::vector<SessionSetting>& settings) {
  QueryResult r =
      db.Exec("RESET SESSION AUTHORIZATION; RESET ROLE; RESET ALL; DEALLOCATE ALL; UNLISTEN *");
  for (const SessionSetting& s : settings) {
    if (!r.ok) break;
    r = db.ExecParams("SELECT set_config($1, $2, false)", {s.name, s.value});
  }
  return r;
}

ExecutorResult Execute(Connection& db, const std::vector<MigrationState>& plan,
                       const ExecutorOptions& options) {
  ExecutorResult result;
  std::ostream* out = options.out;
  auto exec = [&](const std::string& sql) { return db.Exec(sql); };
  if (options.dry_run) exec("BEGIN");
  if (const QueryResult r = EnsureHistoryTable(db); !r.ok) {
    result.error =
        "cannot create the history table " + std::string(kHistoryTable) + ": " + r.message;
    if (options.dry_run) exec("ROLLBACK");
    return result;
  }
  // Rows written before sets were told apart become this set's.
  for (const MigrationState& state : plan) {
    if (!state.row || state.row->set_root) continue;
    if (const QueryResult r = ClaimLegacyRow(db, options.set_root, state.relative); !r.ok) {
      result.error = "cannot update " + std::string(kHistoryTable) + ": " + r.message;
      if (options.dry_run) exec("ROLLBACK");
      return result;
    }
  }
  for (const MigrationState& state : plan) {
    if (!state.file) continue;
    const MigrationFile& file = *state.file;
    HistoryRow row{.set_root = options.set_root,
                   .path = file.relative,
                   .version = file.version.text,
                   .name = file.name,
                   .tier = file.tier,
                   .source = file.source,
                   .checksum_raw = state.raw,
                   .checksum_sem = state.sem};
    row.applied_by = OsUser();
    if (state.state == "applied" && state.by_other_runner && options.adopt) {
      row.status = "adopted";
      if (const QueryResult r = RecordRun(db, row); !r.ok) {
        result.error = "cannot record " + state.display + ": " + r.message;
        break;
      }
      ++result.adopted;
      if (out)
        *out << "adopted  " << state.display << " (applied by another runner; not run again)\n";
      continue;
    }
    if (state.state != "pending" && state.state != "failed") continue;

    FileUnit unit;
    if (!LoadMigration(state, unit, result.error)) break;
    const bool own = ManagesOwnTransaction(unit);
    // The Supabase CLI sends a file as one pipeline: its first statement runs before the
    // pipeline's implicit transaction takes hold, so a file that starts with CREATE INDEX
    // CONCURRENTLY applies there. Run such a file statement by statement too.
    const bool pipeline_first = !own && options.runner &&
                                options.runner->sends == Sends::kPipeline &&
                                FirstRefusesBlock(unit);
    const bool no_transaction = HasNoTransactionDirective(unit) || pipeline_first;
    const Mode mode{!options.dry_run && !own && !no_transaction,
                    !options.dry_run && (own || no_transaction)};

    if (const QueryResult r = ResetSession(db, options.session); !r.ok) {
      result.error = "cannot reset the session before " + state.display + ": " + r.message;
      break;
    }
    const auto started = Clock::now();
    if (mode.outside) {
      row.status = "started";
      FaultPoint("before recording the start");
      if (const QueryResult r = RecordRun(db, row); !r.ok) {
        result.error = "cannot record " + state.display + " in " + kHistoryTable + ": " +
                       r.message + "; nothing of it ran";
        break;
      }
      FaultPoint("after recording the start");
    }
    if (mode.wrap) {
      FaultPoint("before BEGIN");
      if (const QueryResult r = exec("BEGIN"); !r.ok) {
        result.error = "cannot begin the transaction of " + state.display + ": " + r.message;
        break;
      }
      FaultPoint("after BEGIN");
    }
    int statements = 0, skipped = 0;
    const Statement* failed_at = nullptr;
    QueryResult failure;
    bool in_block = false;                  // outside: the file's own transaction is open
    bool committed = false;                 // outside: something of the file is committed
    std::vector<std::string> left_invalid;  // indexes a failed CONCURRENTLY left
    for (const Statement& s : unit.statements) {
      if (s.IsNested()) continue;
      // A dry run holds everything in one transaction: the file's own transaction statements
      // and what cannot run inside one are left out (and said so).
      if (options.dry_run && (TransactionKind(s) != 0 || CannotRunInTransaction(s))) {
        ++skipped;
        continue;
      }
      const PgQuery__IndexStmt* index = IndexOf(s);
      const bool concurrent_index = mode.outside && index && index->concurrent && !in_block;
      std::vector<std::string> invalid_before;
      if (concurrent_index) invalid_before = InvalidIndexesOn(db, *index);
      const QueryResult r = exec(unit.source.text().substr(s.begin, s.end - s.begin));
      ++statements;
      if (!r.ok) {
        failed_at = &s;
        failure = r;
        if (concurrent_index) {
          for (std::string& name : InvalidIndexesOn(db, *index)) {
            if (std::find(invalid_before.begin(), invalid_before.end(), name) ==
                invalid_before.end())
              left_invalid.push_back(std::move(name));
          }
        }
        if (TransactionKind(s) == PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_COMMIT)
          in_block = false;  // a failed COMMIT ends the transaction: it rolled back
        break;
      }
      switch (TransactionKind(s)) {
        case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_BEGIN:
        case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_START:
          in_block = true;
          break;
        case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_COMMIT:
          committed = committed || in_block;
          in_block = false;
          break;
        case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_ROLLBACK:
          in_block = false;
          break;
        default:
          // (SET, RESET and SHOW leave nothing in the database.)
          if (s.kind != PG_QUERY__NODE__NODE_VARIABLE_SET_STMT &&
              s.kind != PG_QUERY__NODE__NODE_VARIABLE_SHOW_STMT)
            committed = committed || !in_block;
      }
      FaultPoint("after a statement");
    }
    // An INVALID index of an earlier failed CREATE INDEX CONCURRENTLY that a CREATE INDEX …
    // IF NOT EXISTS of the file skipped: the file is not applied while the index is invalid.
    std::optional<Diagnostic> invalid_index;
    if (!failed_at && !options.dry_run) {
      for (const Statement& s : unit.statements) {
        const PgQuery__IndexStmt* index = s.IsNested() ? nullptr : IndexOf(s);
        if (!index) continue;
        if (const std::string name = InvalidIndexNamed(db, *index); !name.empty()) {
          invalid_index = Failure(unit, s, QueryResult{});
          invalid_index->message = "index " + name +
                                   " is INVALID (an earlier CREATE INDEX CONCURRENTLY failed and "
                                   "left it; IF NOT EXISTS skipped it)";
          left_invalid.push_back(name);
          break;
        }
      }
    }
    row.execution_ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started).count();

    if (failed_at || invalid_index) {
      result.failure = invalid_index ? *invalid_index : Failure(unit, *failed_at, failure);
      if (options.dry_run) break;
      if (mode.wrap || in_block) exec("ROLLBACK");  // ours, or the file's: nothing of it stays
      row.error = result.failure->message;
      if (mode.wrap) {
        row.status = "failed";
        result.aftermath = "it was rolled back and nothing after it ran";
      } else if (committed && !(invalid_index && OnlyIndexes(unit))) {
        // What it committed stays: running it again could do it twice.
        row.status = "started";
        result.aftermath =
            "statements before it were committed (the file runs outside migralint's "
            "transaction) and nothing after it ran; it stays recorded as started: `migralint "
            "status` says what to check";
      } else {
        row.status = "failed";
        result.aftermath = "nothing of it was committed and nothing after it ran";
      }
      if (invalid_index) {
        const std::string& name = left_invalid.front();
        row.error += "; drop it with `DROP INDEX CONCURRENTLY " + name + ";` and apply again";
        result.aftermath =
            "drop the index with `DROP INDEX CONCURRENTLY " + name + ";` and apply again; " +
            (mode.wrap ? "the file was rolled back, and " : "") + "nothing after it ran";
      } else if (!left_invalid.empty()) {
        row.error += "; " + DropAdvice(left_invalid);
        result.aftermath = DropAdvice(left_invalid) + "; nothing after it ran";
      }
      ResetSession(db, options.session);  // (what the file set must not stop the record)
      RecordRun(db, row);
      if (out) *out << "failed   " << state.display << " (" << row.execution_ms << " ms)\n";
      break;
    }
    if (mode.outside && in_block) {
      exec("ROLLBACK");
      result.failure = FileFailure(unit, "the file leaves its own transaction open");
      result.aftermath = "migralint rolled that transaction back; nothing after it ran";
      row.status = committed ? "started" : "failed";
      row.error = result.failure->message;
      ResetSession(db, options.session);
      RecordRun(db, row);
      break;
    }
    row.status = "applied";
    QueryResult recorded = ResetSession(db, options.session);
    FaultPoint("before recording the migration as applied");
    if (recorded.ok) recorded = RecordRun(db, row);
    FaultPoint("after recording the migration as applied");
    if (mode.wrap) {
      if (!recorded.ok) {
        exec("ROLLBACK");
        result.error = "cannot record " + state.display + " in " + kHistoryTable + ": " +
                       recorded.message + "; it was rolled back";
        break;
      }
      FaultPoint("before COMMIT");
      const QueryResult commit = exec("COMMIT");
      if (!commit.ok) {
        // A deferred constraint, a serialization failure: the transaction is rolled back.
        result.failure = FileFailure(unit, "COMMIT failed: " + WithState(commit));
        result.aftermath = "it was rolled back and nothing after it ran";
        row.status = "failed";
        row.error = result.failure->message;
        RecordRun(db, row);
        if (out) *out << "failed   " << state.display << " (" << row.execution_ms << " ms)\n";
        break;
      }
      FaultPoint("after COMMIT");
    } else if (!recorded.ok) {
      result.error = state.display + " ran, but recording it as applied in " + kHistoryTable +
                     " failed: " + recorded.message +
                     (mode.outside ? "; it stays recorded as started" : "");
      break;
    }
    ++result.applied;
    if (out) {
      *out << (options.dry_run ? "would apply " : "applied  ") << state.display << " ("
           << row.execution_ms << " ms, " << statements << " statement"
           << (statements == 1 ? "" : "s");
      if (pipeline_first && !options.dry_run)
        *out << ", one by one without a transaction: its first statement refuses one, as "
             << options.runner->name << " runs it";
      else if (no_transaction && !options.dry_run)
        *out << ", one by one without a transaction (migralint:no-transaction)";
      if (own && !options.dry_run) *out << ", in the file's own transaction";
      if (skipped)
        *out << ", " << skipped << " left out of the dry run: they cannot run in a transaction";
      *out << ")\n";
    }
  }
  if (options.dry_run) {
    exec("ROLLBACK");
    if (out) *out << "dry run: everything rolled back, nothing persisted\n";
  }
  return result;
}

}  // namespace migralint::apply
