// history.h: migralint's history table (spec §7) — what ran, when, by whom, with which
// checksums, and whether it failed or never finished. Every statement it sends with values is
// parameterised.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "apply/connection.h"

namespace migralint::apply {

inline constexpr const char* kHistoryTable = "migralint.schema_migrations";

struct HistoryRow {
  /// The set's folder from the repository root (SetIdentity; "" when the set is the root), the
  /// key with `path`. nullopt on rows written before sets were told apart (set-relative `path`
  /// alone was the key): they are claimed by the set that holds their file (ClaimLegacyRow).
  std::optional<std::string> set_root;
  std::string path;  // relative to the set root
  std::string version, name, tier, source;
  std::string checksum_raw, checksum_sem;
  std::string applied_at, applied_by;
  long execution_ms = 0;
  /// "applied", "adopted", "failed", or "started": a file run without our transaction (its own
  /// BEGIN/COMMIT, or none) whose end was never recorded — part of it may be committed.
  std::string status;
  std::string error;
};

/// Every row of the history table; empty when the table does not exist (nothing is created).
/// nullopt (with `error`) when the query itself fails. Reads tables of every earlier format.
std::optional<std::vector<HistoryRow>> ReadHistory(Connection& db, std::string& error);

/// Creates the table if it is missing, and brings a table of an earlier format up to date (the
/// (set_root, path) key, the "started" status).
QueryResult EnsureHistoryTable(Connection& db);

/// Inserts or replaces the row of (`row.set_root`, `row.path`) (status, checksums, timing, error).
QueryResult RecordRun(Connection& db, const HistoryRow& row);

/// Gives the row of `path` written before sets were told apart to the set `set_root`.
QueryResult ClaimLegacyRow(Connection& db, const std::string& set_root, const std::string& path);

}  // namespace migralint::apply
