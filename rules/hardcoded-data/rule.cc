// hardcoded-data: INSERT of literal rows in a migration that is not marked as sample or seed data.
#include "migralint/rule.h"

#include <algorithm>
#include <cctype>

#include "migralint/pg_nodes.h"

namespace migralint::rules {
namespace {

// Sample and seed data say so in their path: sample, seed, fixture.
bool MarkedAsData(const MigrationFile& file) {
  std::string path = file.relative;
  std::transform(path.begin(), path.end(), path.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  for (const char* word : {"sample", "seed", "fixture"}) {
    if (path.find(word) != std::string::npos) return true;
  }
  return false;
}

void Check(RuleContext& ctx, const FileUnit& unit) {
  if (unit.file->role != FileRole::kMigration || MarkedAsData(*unit.file)) return;
  for (const Statement& s : unit.statements) {
    if (!s.node || s.node->node_case != PG_QUERY__NODE__NODE_INSERT_STMT ||
        !unit.RunsWithMigration(s))
      continue;
    const PgQuery__InsertStmt& insert = *s.node->insert_stmt;
    const PgQuery__Node* source = insert.select_stmt;
    if (!source || source->node_case != PG_QUERY__NODE__NODE_SELECT_STMT ||
        source->select_stmt->n_values_lists == 0) {
      continue;  // INSERT ... SELECT moves existing data: a data migration, not hard-coded rows
    }
    const std::size_t rows = source->select_stmt->n_values_lists;
    ctx.Report(
        unit, s.begin, s.end,
        "INSERT of " + std::to_string(rows) + " literal row" + (rows == 1 ? "" : "s") + " into \"" +
            pg::Qualified(insert.relation) +
            "\" in a schema migration: every environment, production included, gets them",
        "move sample rows to a seed file (a name with `seed`, `sample` or `fixture`, or Supabase's "
        "seed.sql); keep reference data that production needs, and mark it with "
        "`-- migralint-ignore hardcoded-data: <why>`");
  }
}

}  // namespace

const Rule& hardcoded_data() {
  static const Rule rule{
      .id = "hardcoded-data",
      .severity = Severity::kWarning,
      .category = "convention",
      .summary = "INSERT of literal rows in a migration that is not marked as sample or seed data",
      .check_file = Check,
  };
  return rule;
}

}  // namespace migralint::rules
