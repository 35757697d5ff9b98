// executor.h: applying pending migrations — one transaction per file (unless the file says
// otherwise), history rows, an advisory lock against concurrent runners, dry runs.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "apply/connection.h"
#include "apply/plan.h"
#include "migralint/diagnostic.h"
#include "migralint/migration_set.h"
#include "migralint/rule.h"
#include "migralint/runner.h"

namespace migralint::apply {

/// A session setting every file starts with (statement_timeout, lock_timeout, …).
struct SessionSetting {
  std::string name, value;
};

struct ExecutorOptions {
  bool dry_run = false;
  bool adopt = false;  // record migrations applied by another runner, without running them
  int lock_timeout_seconds = 60;
  std::string set_root;                 // SetIdentity of the set: the history key with the path
  std::vector<SessionSetting> session;  // set again after the session is reset before each file
  std::ostream* out = nullptr;          // one line per file
  /// The set's runner (null: migralint's own). A runner that pipelines each file (the Supabase
  /// CLI) runs a first statement that refuses a transaction block outside one: so does this.
  const Runner* runner = nullptr;
};

struct ExecutorResult {
  int applied = 0;
  int adopted = 0;
  std::optional<Diagnostic>
      failure;            // path:line:col of the failing statement, PostgreSQL's message
  std::string aftermath;  // with `failure`: what became of the file ("it was rolled back, …")
  std::string error;      // a failure outside any file (lock, history table, changed file)
  bool ok() const { return !failure && error.empty(); }
};

/// Takes the advisory lock (waiting up to the timeout); returns false with `error` on timeout.
bool AcquireLock(Connection& db, int timeout_seconds, std::ostream* out, std::string& error);

/// The migration to run, parsed from the bytes the plan holds (`state.bytes`) — after checking
/// that they are the bytes lint checked (`state.linted`). False with `error` when they are not.
bool LoadMigration(const MigrationState& state, FileUnit& unit, std::string& error);

/// Undoes what a file may have left in the session (SET, set_config, SET ROLE, SET SESSION
/// AUTHORIZATION, prepared statements), then sets `settings`.
QueryResult ResetSession(Connection& db, const std::vector<SessionSetting>& settings);

/// Applies the pending (and failed) migrations of `plan` in order; stops at the first failure.
ExecutorResult Execute(Connection& db, const std::vector<MigrationState>& plan,
                       const ExecutorOptions& options);

}  // namespace migralint::apply
