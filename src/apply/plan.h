// plan.h: each migration's state against the database — applied, pending, modified, missing,
// failed — and the drift findings that stop `apply`.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "apply/history.h"
#include "migralint/diagnostic.h"
#include "migralint/migration_set.h"

namespace migralint::apply {

struct MigrationState {
  const MigrationFile* file = nullptr;  // null for "missing"
  std::string relative;                 // path relative to the set root
  std::string display;                  // path as the user types it
  std::string state;                    // applied | pending | modified | missing | failed
  bool semantic = false;                // modified: the statements changed, not only layout
  bool by_other_runner = false;         // applied according to a foreign history table
  const HistoryRow* row = nullptr;
  std::string raw, sem;  // the file's checksums now
};

/// The state of every migration of `set` (in execution order), then recorded rows whose file is
/// gone. `foreign` holds migrations another runner applied.
std::vector<MigrationState> PlanSet(const MigrationSet& set,
                                    const std::map<std::string, HistoryRow>& history,
                                    const std::set<std::string>& foreign);

/// modified-migration / missing-migration findings for drift against the database.
std::vector<Diagnostic> DriftFindings(const std::vector<MigrationState>& plan);

}  // namespace migralint::apply
