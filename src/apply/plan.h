// plan.h: each migration's state against the database — applied, pending, modified, missing,
// failed, started — and the drift findings that stop `apply`.
#pragma once

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
  std::string state;                    // applied | pending | modified | missing | failed | started
  bool semantic = false;                // modified: the statements changed, not only layout
  bool by_other_runner = false;         // applied according to a foreign history table
  const HistoryRow* row = nullptr;
  std::string raw, sem;  // the file's checksums now
  /// The bytes the checksums are of, kept for the files to run (pending, failed): the executor
  /// runs these, never a second read of the file.
  std::string bytes;
  /// sha256 of the bytes lint checked (filled by the caller); the executor refuses other bytes.
  std::string linted;
};

/// A set's identity in the history: its folder from the repository root ('/'-separated; "" when
/// the set is the root). The repository is the nearest folder above the set holding `.git`, else
/// that of the set's migralint.toml, else the set's own folder.
std::string SetIdentity(const MigrationSet& set);

/// The history rows of each of `sets` (identities `ids`): those written with its identity, and
/// those written before sets were told apart (no set_root) whose file it holds — the set whose
/// file has the row's checksum when several do, else the first; rows whose file no set holds go
/// to the first set.
std::vector<std::vector<const HistoryRow*>> HistoryBySet(
    const std::vector<const MigrationSet*>& sets, const std::vector<std::string>& ids,
    const std::vector<HistoryRow>& rows);

/// The state of every migration of `set` (in execution order), then recorded rows whose file is
/// gone. `foreign` holds migrations another runner applied.
std::vector<MigrationState> PlanSet(const MigrationSet& set,
                                    const std::vector<const HistoryRow*>& history,
                                    const std::set<std::string>& foreign);

/// modified-migration / missing-migration findings for drift against the database.
std::vector<Diagnostic> DriftFindings(const std::vector<MigrationState>& plan);

/// For a "started" migration: what happened, what to check and how to go on (one paragraph).
std::string StartedHelp(const MigrationState& state, const std::string& set_root);

}  // namespace migralint::apply
