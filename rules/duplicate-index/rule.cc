// duplicate-index: at the end of the set, two indexes of one table over the same keys (columns
// or expressions, with their operator classes and order), INCLUDE columns and predicate.
#include "migralint/rule.h"

#include <algorithm>
#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace migralint::rules {
namespace {

bool Before(const Origin& a, const Origin& b) {
  if (a.external() != b.external()) return a.external();
  return a.file != b.file ? a.file < b.file : a.begin < b.begin;
}

std::string Short(const std::string& qualified) {
  return qualified.substr(qualified.find('.') + 1);
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
        // A unique index enforces something: drop the plain one of a pair.
        const Index& drop = later.unique && !first.unique ? first : later;
        const Index& keep = &drop == &later ? first : later;
        ctx.Report(unit, later.origin.begin,
                   unit.source.ClauseSpan(later.origin.begin, later.origin.end).second,
                   "index \"" + later.name + "\" on \"" + table + "\" indexes the same as \"" +
                       first.name +
                       "\": every insert and update maintains both, and they take twice the "
                       "space, for no query the other does not serve",
                   "keep one: DROP INDEX CONCURRENTLY IF EXISTS " + drop.name + " (\"" +
                       Short(keep.name) + "\" " +
                       (keep.unique ? "is unique and serves the same lookups)" : "stays)"));
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
