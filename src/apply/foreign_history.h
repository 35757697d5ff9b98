// foreign_history.h: migrations applied by the seeds' own runners, read from their tracking
// tables, so that a set already applied that way is recognised (and `apply --adopt` can record
// it in migralint's history without running it again).
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "apply/connection.h"
#include "migralint/migration_set.h"

namespace migralint::apply {

enum class ForeignHistory {
  kSeed000,           // _migrations, _content_migrations, _entity_migrations (three-tier runner)
  kSupabase,          // supabase_migrations.schema_migrations(version)
  kSchemaMigrations,  // schema_migrations(version) on the search path
};

/// "seed000" | "supabase" | "schema_migrations".
std::optional<ForeignHistory> ParseForeignHistory(std::string_view name);

/// The set's migrations (relative paths) that the runner's tables record as applied. A missing
/// table records nothing; nullopt (with `error`) when a query fails.
std::optional<std::set<std::string>> ReadForeignApplied(Connection& db, ForeignHistory kind,
                                                        const MigrationSet& set,
                                                        std::string& error);

}  // namespace migralint::apply
