// fk-missing-index: at the end of the set, a foreign key whose columns no index of its table
// leads with (in any order among the first k key columns, k = the key's column count).
#include "migralint/rule.h"

#include <algorithm>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "migralint/pg_nodes.h"
#include "migralint/sql_words.h"

namespace migralint::rules {
namespace {

std::string List(const std::vector<std::string>& names, bool sql) {
  std::string out;
  for (const std::string& n : names)
    out += (out.empty() ? "" : ", ") + (sql ? QuoteIdent(n) : "\"" + n + "\"");
  return out;
}

// True when a partial index's WHERE is only `col IS NOT NULL` tests on key columns: the key
// lookups (`col = $1`) imply it, so the planner can use the index for them.
bool ImpliedByKey(const Index& index, const std::set<std::string>& key) {
  return !index.where_not_null.empty() &&
         std::all_of(index.where_not_null.begin(), index.where_not_null.end(),
                     [&](const std::string& column) { return key.count(column) > 0; });
}

// True when an index of the table serves lookups by the key: its first k columns are the key's.
bool Covered(const std::vector<const Index*>& indexes, const Constraint& fk) {
  const std::set<std::string> key(fk.columns.begin(), fk.columns.end());
  for (const Index* index : indexes) {
    if (index->columns.size() < fk.columns.size()) continue;
    // A partial index serves only queries that imply its predicate.
    if (index->partial && !ImpliedByKey(*index, key)) continue;
    const std::set<std::string> lead(index->columns.begin(),
                                     index->columns.begin() + static_cast<long>(fk.columns.size()));
    if (lead == key) return true;
  }
  return false;
}

// The span to report: the key's declaration to the end of its line (before any comment), else
// the whole statement.
std::pair<std::uint32_t, std::uint32_t> Span(const SetUnit& set, const Constraint& fk) {
  if (fk.declared_at < 0) return {fk.origin.begin, fk.origin.end};
  return set.migrations[static_cast<std::size_t>(fk.origin.file)]->source.ClauseSpan(
      static_cast<std::uint32_t>(fk.declared_at), fk.origin.end);
}

void Check(RuleContext& ctx, const SetUnit& set, const Schema& schema) {
  const auto indexes = schema.IndexesByTable();
  static const std::vector<const Index*> kNone;
  for (const auto& [name, table] : schema.tables) {
    auto it = indexes.find(name);
    for (const Constraint& fk : table.constraints) {
      if (fk.kind != Constraint::Kind::kForeignKey || fk.columns.empty() || fk.origin.external())
        continue;
      if (Covered(it == indexes.end() ? kNone : it->second, fk)) continue;
      const FileUnit& unit = *set.migrations[static_cast<std::size_t>(fk.origin.file)];
      const auto [begin, end] = Span(set, fk);
      std::string index_name = table.name;
      for (const std::string& c : fk.columns) index_name += "_" + c;
      index_name += "_idx";
      ctx.Report(unit, begin, end,
                 "foreign key (" + List(fk.columns, false) + ") of \"" + name +
                     "\" referencing \"" + fk.ref_table +
                     "\" has no index that leads with its columns: every delete or key "
                     "update in \"" +
                     fk.ref_table + "\" scans \"" + name + "\"",
                 "index the referencing columns: CREATE INDEX IF NOT EXISTS " +
                     QuoteIdent(index_name) + " ON " + QuoteIdent(table.schema) + "." +
                     QuoteIdent(table.name) + " (" + List(fk.columns, true) + ")");
    }
  }
}

}  // namespace

const Rule& fk_missing_index() {
  static const Rule rule{
      .id = "fk-missing-index",
      .severity = Severity::kWarning,
      .category = "convention",
      .summary = "foreign-key columns with no index whose leading columns cover them",
      .check_schema = Check,
  };
  return rule;
}

}  // namespace migralint::rules
