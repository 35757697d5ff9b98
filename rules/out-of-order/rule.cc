// out-of-order: a new migration whose version sorts before already recorded ones.
#include "migralint/rule.h"

#include <map>
#include <set>

namespace migralint::rules {
namespace {

void Check(RuleContext& ctx, const SetUnit& set) {
  if (!set.lock) return;
  std::set<std::string> recorded;
  for (const LockEntry& e : set.lock->entries) recorded.insert(e.relative);
  // The latest recorded migration of each sequence.
  std::map<std::string, const FileUnit*> latest;
  for (const FileUnit* unit : set.migrations) {
    if (!recorded.count(unit->file->relative)) continue;
    auto& slot = latest[unit->file->Sequence()];
    if (!slot || slot->file->version.Compare(unit->file->version) < 0) slot = unit;
  }
  for (const FileUnit* unit : set.migrations) {
    if (recorded.count(unit->file->relative) || unit->file->version.groups.empty()) continue;
    auto it = latest.find(unit->file->Sequence());
    if (it == latest.end() || unit->file->version.Compare(it->second->file->version) >= 0) continue;
    ctx.Report(*unit, 0, 0,
               "\"" + unit->file->relative + "\" is new but sorts before \"" +
                   it->second->file->relative + "\", already recorded in " + set.lock->path +
                   ": databases that ran that one apply this out of order, or never",
               "give it a version after " + it->second->file->version.text + " (rename it)");
  }
}

}  // namespace

const Rule& out_of_order() {
  static const Rule rule{
      .id = "out-of-order",
      .severity = Severity::kWarning,
      .category = "set",
      .summary = "a new migration whose version sorts before already recorded ones",
      .check_set = Check,
  };
  return rule;
}

}  // namespace migralint::rules
