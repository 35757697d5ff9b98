// history.cc: the table's DDL is constant text; rows go through ExecParams.
#include "apply/history.h"

namespace migralint::apply {

std::optional<std::vector<HistoryRow>> ReadHistory(Connection& db, std::string& error) {
  std::vector<HistoryRow> rows;
  const QueryResult exists =
      db.ExecParams("SELECT to_regclass($1) IS NOT NULL", {std::string(kHistoryTable)});
  if (!exists.ok) {
    error = exists.message;
    return std::nullopt;
  }
  if (exists.rows.empty() || exists.rows[0][0] != std::optional<std::string>("t")) return rows;
  // set_root through to_jsonb: a table of the first format has no such column.
  const QueryResult r = db.Exec(
      "SELECT to_jsonb(h) ->> 'set_root', path, version, name, tier, source, checksum_raw, "
      "checksum_sem, "
      "to_char(applied_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), applied_by, "
      "execution_ms, status, "
      "coalesce(error, '') FROM migralint.schema_migrations h ORDER BY applied_at, path");
  if (!r.ok) {
    error = r.message;
    return std::nullopt;
  }
  for (const auto& v : r.rows) {
    HistoryRow row;
    row.set_root = v[0];
    row.path = v[1].value_or("");
    row.version = v[2].value_or("");
    row.name = v[3].value_or("");
    row.tier = v[4].value_or("");
    row.source = v[5].value_or("");
    row.checksum_raw = v[6].value_or("");
    row.checksum_sem = v[7].value_or("");
    row.applied_at = v[8].value_or("");
    row.applied_by = v[9].value_or("");
    row.execution_ms = std::stol(v[10].value_or("0"));
    row.status = v[11].value_or("");
    row.error = v[12].value_or("");
    rows.push_back(std::move(row));
  }
  return rows;
}

QueryResult EnsureHistoryTable(Connection& db) {
  return db.Exec(
      "CREATE SCHEMA IF NOT EXISTS migralint;"
      "CREATE TABLE IF NOT EXISTS migralint.schema_migrations ("
      "  set_root text,"
      "  path text NOT NULL,"
      "  version text NOT NULL,"
      "  name text NOT NULL,"
      "  tier text NOT NULL DEFAULT '',"
      "  source text NOT NULL DEFAULT '',"
      "  checksum_raw text NOT NULL,"
      "  checksum_sem text NOT NULL,"
      "  applied_at timestamptz NOT NULL DEFAULT now(),"
      "  applied_by text NOT NULL DEFAULT current_user,"
      "  execution_ms bigint NOT NULL DEFAULT 0,"
      "  status text NOT NULL CONSTRAINT schema_migrations_status_check"
      "    CHECK (status IN ('applied', 'failed', 'adopted', 'started')),"
      "  error text,"
      "  CONSTRAINT schema_migrations_set_path UNIQUE (set_root, path));"
      // The first format: keyed by the set-relative path alone, no "started".
      "DO $$ BEGIN"
      "  IF NOT EXISTS (SELECT FROM pg_attribute WHERE attrelid = "
      "      'migralint.schema_migrations'::regclass AND attname = 'set_root' AND NOT attisdropped)"
      "  THEN"
      "    ALTER TABLE migralint.schema_migrations ADD COLUMN set_root text;"
      "    ALTER TABLE migralint.schema_migrations DROP CONSTRAINT IF EXISTS "
      "      schema_migrations_pkey;"
      "    ALTER TABLE migralint.schema_migrations ADD CONSTRAINT schema_migrations_set_path "
      "      UNIQUE (set_root, path);"
      "  END IF;"
      "  IF NOT EXISTS (SELECT FROM pg_constraint WHERE conrelid = "
      "      'migralint.schema_migrations'::regclass AND conname = "
      "      'schema_migrations_status_check' AND pg_get_constraintdef(oid) LIKE '%started%')"
      "  THEN"
      "    ALTER TABLE migralint.schema_migrations DROP CONSTRAINT IF EXISTS "
      "      schema_migrations_status_check;"
      "    ALTER TABLE migralint.schema_migrations ADD CONSTRAINT schema_migrations_status_check "
      "      CHECK (status IN ('applied', 'failed', 'adopted', 'started'));"
      "  END IF;"
      "END $$");
}

QueryResult RecordRun(Connection& db, const HistoryRow& row) {
  return db.ExecParams(
      "INSERT INTO migralint.schema_migrations AS h (set_root, path, version, name, tier, source, "
      "checksum_raw, checksum_sem, applied_by, execution_ms, status, error) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::bigint, $11, $12) "
      "ON CONFLICT (set_root, path) DO UPDATE SET version = EXCLUDED.version, "
      "name = EXCLUDED.name, tier = EXCLUDED.tier, source = EXCLUDED.source, "
      "checksum_raw = EXCLUDED.checksum_raw, checksum_sem = EXCLUDED.checksum_sem, "
      "applied_at = now(), applied_by = EXCLUDED.applied_by, execution_ms = EXCLUDED.execution_ms, "
      "status = EXCLUDED.status, error = EXCLUDED.error",
      {row.set_root.value_or(""), row.path, row.version, row.name, row.tier, row.source,
       row.checksum_raw, row.checksum_sem, row.applied_by, std::to_string(row.execution_ms),
       row.status, row.error.empty() ? std::nullopt : std::optional<std::string>(row.error)});
}

QueryResult ClaimLegacyRow(Connection& db, const std::string& set_root, const std::string& path) {
  return db.ExecParams(
      "UPDATE migralint.schema_migrations SET set_root = $1 WHERE set_root IS NULL AND path = $2",
      {set_root, path});
}

}  // namespace migralint::apply
