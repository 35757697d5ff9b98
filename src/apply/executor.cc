// executor.cc: statements are sent one at a time, so that a failure points at its statement.
#include "apply/executor.h"

#include <pg_query/pg_query.pb-c.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <thread>

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
  d.message = r.message + " (SQLSTATE " + r.sqlstate + ")";
  return d;
}

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
  for (const MigrationState& state : plan) {
    if (!state.file) continue;
    const MigrationFile& file = *state.file;
    HistoryRow row{.path = file.relative,
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
    unit.file = &file;
    read::ReadResult read = read::ReadFile(file.fs_path, file.path);
    unit.source = std::move(read.source);
    std::vector<Diagnostic> ignored;
    parse::ParseFile(unit, ignored);
    const bool own = ManagesOwnTransaction(unit);
    const bool no_transaction = HasNoTransactionDirective(unit);
    const bool wrap = !options.dry_run && !own && !no_transaction;

    const auto started = Clock::now();
    if (wrap) exec("BEGIN");
    int statements = 0, skipped = 0;
    const Statement* failed_at = nullptr;
    QueryResult failure;
    for (const Statement& s : unit.statements) {
      if (s.IsNested()) continue;
      // A dry run holds everything in one transaction: the file's own transaction statements
      // and what cannot run inside one are left out (and said so).
      if (options.dry_run && (TransactionKind(s) != 0 || CannotRunInTransaction(s))) {
        ++skipped;
        continue;
      }
      const QueryResult r = exec(unit.source.text().substr(s.begin, s.end - s.begin));
      ++statements;
      if (!r.ok) {
        failed_at = &s;
        failure = r;
        break;
      }
    }
    row.execution_ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started).count();
    if (failed_at) {
      result.failure = Failure(unit, *failed_at, failure);
      if (options.dry_run) break;
      exec("ROLLBACK");  // the file's transaction, or ours: nothing of it stays
      row.status = "failed";
      row.error = failure.message + " (SQLSTATE " + failure.sqlstate + ")";
      RecordRun(db, row);
      if (out) *out << "failed   " << state.display << " (" << row.execution_ms << " ms)\n";
      break;
    }
    row.status = "applied";
    const QueryResult recorded = RecordRun(db, row);
    if (wrap) exec(recorded.ok ? "COMMIT" : "ROLLBACK");
    if (!recorded.ok) {
      result.error =
          "cannot record " + state.display + " in " + kHistoryTable + ": " + recorded.message;
      break;
    }
    ++result.applied;
    if (out) {
      *out << (options.dry_run ? "would apply " : "applied  ") << state.display << " ("
           << row.execution_ms << " ms, " << statements << " statement"
           << (statements == 1 ? "" : "s");
      if (no_transaction && !options.dry_run)
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
