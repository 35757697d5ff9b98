// history.h: migralint's history table (spec §7) — what ran, when, by whom, with which
// checksums, and whether it failed. Every statement it sends with values is parameterised.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "apply/connection.h"

namespace migralint::apply {

inline constexpr const char* kHistoryTable = "migralint.schema_migrations";

struct HistoryRow {
  std::string path;  // relative to the set root: the key
  std::string version, name, tier, source;
  std::string checksum_raw, checksum_sem;
  std::string applied_at, applied_by;
  long execution_ms = 0;
  std::string status;  // "applied", "failed", "adopted"
  std::string error;
};

/// Rows of the history table by path; empty when the table does not exist (nothing is created).
/// nullopt (with `error`) when the query itself fails.
std::optional<std::map<std::string, HistoryRow>> ReadHistory(Connection& db, std::string& error);

/// Creates the table if it is missing.
QueryResult EnsureHistoryTable(Connection& db);

/// Inserts or replaces the row of `row.path` (status, checksums, timing, error).
QueryResult RecordRun(Connection& db, const HistoryRow& row);

}  // namespace migralint::apply
