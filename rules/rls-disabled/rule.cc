// rls-disabled: a table in an exposed schema that no migration of the set puts under row level
// security — in sets that are API-exposed (Supabase, three-tier, any RLS, or exposed_schemas set).
#include "migralint/rule.h"

#include <algorithm>
#include <string>

#include "migralint/pg_nodes.h"
#include "migralint/sql_words.h"

namespace migralint::rules {
namespace {

// True when the set's tables are reachable through a data API: its layout says so, its
// config names the exposed schemas, or it uses row level security itself.
bool ApiExposed(const SetUnit& set, const Config& config, const Schema& schema) {
  if (set.set->layout == Layout::kSupabase || set.set->layout == Layout::kThreeTier) return true;
  if (config.exposed_schemas_set) return true;
  return std::any_of(schema.tables.begin(), schema.tables.end(), [](const auto& entry) {
    return entry.second.rls_enabled || !entry.second.rls_origin.external();
  });
}

void Check(RuleContext& ctx, const SetUnit& set, const Schema& schema) {
  const Config& config = ctx.config();
  if (!ApiExposed(set, config, schema)) return;
  for (const auto& [name, table] : schema.tables) {
    if (table.rls_enabled || table.origin.external()) continue;
    if (std::find(config.exposed_schemas.begin(), config.exposed_schemas.end(), table.schema) ==
        config.exposed_schemas.end()) {
      continue;
    }
    if (table.temporary) continue;
    const FileUnit& unit = *set.migrations[static_cast<std::size_t>(table.origin.file)];
    // Report the statement's first line: the whole CREATE TABLE would underline every column.
    std::uint32_t end = table.origin.begin;
    const std::string& text = unit.source.text();
    while (end < table.origin.end && text[end] != '\n' && text[end] != '\r' &&
           text.compare(end, 2, "--") != 0)
      ++end;
    while (end > table.origin.begin && (text[end - 1] == ' ' || text[end - 1] == '\t')) --end;
    const std::string disabled =
        table.rls_origin.external() ? "never enabled" : "enabled, then disabled again";
    ctx.Report(unit, table.origin.begin, end,
               "table \"" + name + "\" is in exposed schema \"" + table.schema +
                   "\" but row level security is " + disabled +
                   ": every role the API serves can read and change all of its rows",
               "ALTER TABLE " + QuoteIdent(table.schema) + "." + QuoteIdent(table.name) +
                   " ENABLE ROW LEVEL SECURITY, then add policies for the roles that need "
                   "access (no policy: only the owner and BYPASSRLS roles see rows)");
  }
}

}  // namespace

const Rule& rls_disabled() {
  static const Rule rule{
      .id = "rls-disabled",
      .severity = Severity::kError,
      .category = "security",
      .summary =
          "a table in an exposed schema that no migration of the set puts under row level security",
      .check_schema = Check,
  };
  return rule;
}

}  // namespace migralint::rules
