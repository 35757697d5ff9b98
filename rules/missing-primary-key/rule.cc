// missing-primary-key: at the end of the set, a table the set created that has no primary key.
#include "migralint/rule.h"

#include <algorithm>
#include <cstdint>
#include <string>

#include "migralint/sql_words.h"

namespace migralint::rules {
namespace {

void Check(RuleContext& ctx, const SetUnit& set, const Schema& schema) {
  for (const auto& [name, table] : schema.tables) {
    // Tables of unknown shape (LIKE, INHERITS, PARTITION OF, CREATE TABLE AS) may have a key
    // from their parent or source the model does not see.
    if (table.origin.external() || table.temporary || !table.columns_known) continue;
    if (schema.views.count(name)) continue;
    if (std::any_of(table.constraints.begin(), table.constraints.end(),
                    [](const Constraint& c) { return c.kind == Constraint::Kind::kPrimaryKey; }))
      continue;
    const FileUnit& unit = *set.migrations[static_cast<std::size_t>(table.origin.file)];
    ctx.Report(unit, table.origin.begin,
               unit.source.ClauseSpan(table.origin.begin, table.origin.end).second,
               "table \"" + name +
                   "\" has no primary key: rows cannot be told apart reliably, logical "
                   "replication cannot send its updates and deletes, and tools that edit rows "
                   "(Supabase's table editor, ORMs) refuse or guess",
               "add one: ALTER TABLE " + QuoteIdent(table.schema) + "." + QuoteIdent(table.name) +
                   " ADD PRIMARY KEY (…), or a column `id bigint GENERATED ALWAYS AS IDENTITY "
                   "PRIMARY KEY`");
  }
}

}  // namespace

const Rule& missing_primary_key() {
  static const Rule rule{
      .id = "missing-primary-key",
      .severity = Severity::kWarning,
      .category = "convention",
      .summary = "a table the set creates that has no primary key when the set ends",
      .check_schema = Check,
  };
  return rule;
}

}  // namespace migralint::rules
