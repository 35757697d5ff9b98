// foreign_history.cc: one reader per runner; rows matched to files by name, tier or version.
#include "apply/foreign_history.h"

#include <vector>

namespace migralint::apply {
namespace {

bool TableExists(Connection& db, const std::string& table) {
  const QueryResult r = db.ExecParams("SELECT to_regclass($1) IS NOT NULL", {table});
  return r.ok && !r.rows.empty() && r.rows[0][0] == std::optional<std::string>("t");
}

// Rows of a query whose table may be missing; nullopt on error.
std::optional<std::vector<std::vector<std::string>>> Rows(Connection& db, const std::string& table,
                                                          const std::string& query,
                                                          std::string& error) {
  std::vector<std::vector<std::string>> out;
  if (!TableExists(db, table)) return out;
  const QueryResult r = db.Exec(query);
  if (!r.ok) {
    error = table + ": " + r.message;
    return std::nullopt;
  }
  for (const auto& row : r.rows) {
    std::vector<std::string> values;
    for (const auto& v : row) values.push_back(v.value_or(""));
    out.push_back(std::move(values));
  }
  return out;
}

// The entity of an entity-tier file: "owner/entity" -> "entity".
std::string EntityOf(const MigrationFile& f) { return f.source.substr(f.source.find('/') + 1); }

}  // namespace

std::optional<ForeignHistory> ParseForeignHistory(std::string_view name) {
  if (name == "seed000") return ForeignHistory::kSeed000;
  if (name == "supabase") return ForeignHistory::kSupabase;
  if (name == "schema_migrations") return ForeignHistory::kSchemaMigrations;
  return std::nullopt;
}

std::optional<std::set<std::string>> ReadForeignApplied(Connection& db, ForeignHistory kind,
                                                        const MigrationSet& set,
                                                        std::string& error) {
  std::set<std::string> applied;
  auto mark = [&](auto&& matches) {
    for (const MigrationFile& f : set.migrations) {
      if (matches(f)) applied.insert(f.relative);
    }
  };
  switch (kind) {
    case ForeignHistory::kSeed000: {
      auto core = Rows(db, "public._migrations", "SELECT filename FROM public._migrations", error);
      auto content =
          Rows(db, "public._content_migrations",
               "SELECT source_type, source_name, filename FROM public._content_migrations", error);
      auto entity = Rows(db, "public._entity_migrations",
                         "SELECT entity_name, filename FROM public._entity_migrations", error);
      if (!core || !content || !entity) return std::nullopt;
      for (const auto& r : *core) {
        mark([&](const MigrationFile& f) {
          return (f.tier == "core" || f.tier.empty()) && f.FileName() == r[0];
        });
      }
      for (const auto& r : *content) {
        mark([&](const MigrationFile& f) {
          return f.tier == r[0] && f.source == r[1] && f.FileName() == r[2];
        });
      }
      for (const auto& r : *entity) {
        mark([&](const MigrationFile& f) {
          return f.tier == "entity" && EntityOf(f) == r[0] && f.FileName() == r[1];
        });
      }
      break;
    }
    case ForeignHistory::kSupabase:
    case ForeignHistory::kSchemaMigrations: {
      const bool supabase = kind == ForeignHistory::kSupabase;
      const std::string table =
          supabase ? "supabase_migrations.schema_migrations" : "schema_migrations";
      auto rows = Rows(db, table, "SELECT version::text FROM " + table, error);
      if (!rows) return std::nullopt;
      for (const auto& r : *rows) {
        const Version recorded = Version::FromText(r[0]);
        mark([&](const MigrationFile& f) {
          return !f.version.groups.empty() && f.version.Compare(recorded) == 0;
        });
      }
      break;
    }
  }
  return applied;
}

}  // namespace migralint::apply
