// duplicate-index: at the end of the set, two indexes of one table over the same keys (columns
// or expressions, with their operator classes and order), INCLUDE columns and predicate.
#include "migralint/rule.h"

#include <algorithm>
#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "migralint/sql_words.h"

namespace migralint::rules {
namespace {

bool Before(const Origin& a, const Origin& b) {
  if (a.external() != b.external()) return a.external();
  return a.file != b.file ? a.file < b.file : a.begin < b.begin;
}

std::string Short(const std::string& qualified) {
  return qualified.substr(qualified.find('.') + 1);
}

// "schema.name" written for SQL.
std::string Sql(const std::string& qualified) {
  const auto dot = qualified.find('.');
  return QuoteIdent(qualified.substr(0, dot)) + "." + QuoteIdent(qualified.substr(dot + 1));
}

// The constraint an index backs (its name is the constraint's), or null.
const Constraint* Backs(const Schema& schema, const Index& index) {
  const Table* table = schema.FindTable(index.table);
  if (!table) return nullptr;
  for (const Constraint& c : table->constraints) {
    if ((c.kind == Constraint::Kind::kPrimaryKey || c.kind == Constraint::Kind::kUnique) &&
        table->schema + "." + c.name == index.name)
      return &c;
  }
  return nullptr;
}

int Rank(const Schema& schema, const Index& index) {
  if (const Constraint* c = Backs(schema, index))
    return c->kind == Constraint::Kind::kPrimaryKey ? 3 : 2;
  return index.unique ? 1 : 0;
}

std::string DropStatement(const Schema& schema, const Index& index) {
  if (const Constraint* c = Backs(schema, index))
    return "ALTER TABLE " + Sql(index.table) + " DROP CONSTRAINT " + QuoteIdent(c->name);
  return "DROP INDEX CONCURRENTLY IF EXISTS " + Sql(index.name);
}

void Check(RuleContext& ctx, const SetUnit& set, const Schema& schema) {
  for (const auto& [table, indexes] : schema.IndexesByTable()) {
    std::map<std::string, std::vector<const Index*>> same;
    for (const Index* index : indexes)
      if (!index->definition.empty()) same[index->definition].push_back(index);
    for (auto& [definition, group] : same) {
      if (group.size() < 2) continue;
      std::sort(group.begin(), group.end(),
                [](const Index* a, const Index* b) { return Before(a->origin, b->origin); });
      const Index& first = *group.front();
      for (std::size_t i = 1; i < group.size(); ++i) {
        const Index& later = *group[i];
        if (later.origin.external()) continue;
        const FileUnit& unit = *set.migrations[static_cast<std::size_t>(later.origin.file)];
        // Keep the one that enforces most (primary key, unique constraint, unique index).
        const bool later_wins = Rank(schema, later) > Rank(schema, first);
        const Index& drop = later_wins ? first : later;
        const Index& keep = later_wins ? later : first;
        ctx.Report(
            unit, later.origin.begin,
            unit.source.ClauseSpan(later.origin.begin, later.origin.end).second,
            "index \"" + later.name + "\" on \"" + table + "\" indexes the same as \"" +
                first.name +
                "\": every insert and update maintains both, and they take twice the "
                "space, for no query the other does not serve",
            "keep \"" + Short(keep.name) + "\" and drop the other: " + DropStatement(schema, drop));
      }
    }
  }
}

}  // namespace

const Rule& duplicate_index() {
  static const Rule rule{
      .id = "duplicate-index",
      .severity = Severity::kWarning,
      .category = "performance",
      .summary = "two indexes of a table over the same keys, INCLUDE columns and predicate",
      .check_schema = Check,
  };
  return rule;
}

}  // namespace migralint::rules
