// history.cc: the table's DDL is constant text; rows go through ExecParams.
#include "apply/history.h"

namespace migralint::apply {

std::optional<std::map<std::string, HistoryRow>> ReadHistory(Connection& db, std::string& error) {
  std::map<std::string, HistoryRow> rows;
  const QueryResult exists =
      db.ExecParams("SELECT to_regclass($1) IS NOT NULL", {std::string(kHistoryTable)});
  if (!exists.ok) {
    error = exists.message;
    return std::nullopt;
  }
  if (exists.rows.empty() || exists.rows[0][0] != std::optional<std::string>("t")) return rows;
  const QueryResult r = db.Exec(
      "SELECT path, version, name, tier, source, checksum_raw, checksum_sem, "
      "to_char(applied_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), applied_by, "
      "execution_ms, status, "
      "coalesce(error, '') FROM migralint.schema_migrations ORDER BY applied_at, path");
  if (!r.ok) {
    error = r.message;
    return std::nullopt;
  }
  for (const auto& v : r.rows) {
    HistoryRow row;
    row.path = v[0].value_or("");
    row.version = v[1].value_or("");
    row.name = v[2].value_or("");
    row.tier = v[3].value_or("");
    row.source = v[4].value_or("");
    row.checksum_raw = v[5].value_or("");
    row.checksum_sem = v[6].value_or("");
    row.applied_at = v[7].value_or("");
    row.applied_by = v[8].value_or("");
    row.execution_ms = std::stol(v[9].value_or("0"));
    row.status = v[10].value_or("");
    row.error = v[11].value_or("");
    rows[row.path] = std::move(row);
  }
  return rows;
}

QueryResult EnsureHistoryTable(Connection& db) {
  return db.Exec(
      "CREATE SCHEMA IF NOT EXISTS migralint;"
      "CREATE TABLE IF NOT EXISTS migralint.schema_migrations ("
      "  path text PRIMARY KEY,"
      "  version text NOT NULL,"
      "  name text NOT NULL,"
      "  tier text NOT NULL DEFAULT '',"
      "  source text NOT NULL DEFAULT '',"
      "  checksum_raw text NOT NULL,"
      "  checksum_sem text NOT NULL,"
      "  applied_at timestamptz NOT NULL DEFAULT now(),"
      "  applied_by text NOT NULL DEFAULT current_user,"
      "  execution_ms bigint NOT NULL DEFAULT 0,"
      "  status text NOT NULL CHECK (status IN ('applied', 'failed', 'adopted')),"
      "  error text)");
}

QueryResult RecordRun(Connection& db, const HistoryRow& row) {
  return db.ExecParams(
      "INSERT INTO migralint.schema_migrations AS h (path, version, name, tier, source, "
      "checksum_raw, checksum_sem, "
      "applied_by, execution_ms, status, error) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, "
      "$9::bigint, $10, $11) "
      "ON CONFLICT (path) DO UPDATE SET version = EXCLUDED.version, name = EXCLUDED.name, tier = "
      "EXCLUDED.tier, "
      "source = EXCLUDED.source, checksum_raw = EXCLUDED.checksum_raw, checksum_sem = "
      "EXCLUDED.checksum_sem, "
      "applied_at = now(), applied_by = EXCLUDED.applied_by, execution_ms = EXCLUDED.execution_ms, "
      "status = EXCLUDED.status, error = EXCLUDED.error",
      {row.path, row.version, row.name, row.tier, row.source, row.checksum_raw, row.checksum_sem,
       row.applied_by, std::to_string(row.execution_ms), row.status,
       row.error.empty() ? std::nullopt : std::optional<std::string>(row.error)});
}

}  // namespace migralint::apply
