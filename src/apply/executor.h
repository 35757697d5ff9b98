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

namespace migralint::apply {

struct ExecutorOptions {
  bool dry_run = false;
  bool adopt = false;  // record migrations applied by another runner, without running them
  int lock_timeout_seconds = 60;
  std::ostream* out = nullptr;  // one line per file
};

struct ExecutorResult {
  int applied = 0;
  int adopted = 0;
  std::optional<Diagnostic>
      failure;        // path:line:col of the failing statement, PostgreSQL's message
  std::string error;  // a failure outside any file (lock, history table)
  bool ok() const { return !failure && error.empty(); }
};

/// Takes the advisory lock (waiting up to the timeout); returns false with `error` on timeout.
bool AcquireLock(Connection& db, int timeout_seconds, std::ostream* out, std::string& error);

/// Applies the pending (and failed) migrations of `plan` in order; stops at the first failure.
ExecutorResult Execute(Connection& db, const std::vector<MigrationState>& plan,
                       const ExecutorOptions& options);

}  // namespace migralint::apply
