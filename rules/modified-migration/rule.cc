// modified-migration: a migration recorded in migralint.lock whose content changed since;
// cosmetic (comments, whitespace) or semantic. Also a lock file edited by hand.
#include "migralint/rule.h"

#include <map>

namespace migralint::rules {
namespace {

void Check(RuleContext& ctx, const SetUnit& set) {
  if (!set.lock) return;
  const LockFile& lock = *set.lock;
  if (!lock.sum_ok && lock.problems.empty()) {
    ctx.ReportAt(lock.path, {1, 1}, {1, 2},
                 "\"" + lock.path + "\" was edited by hand: its sum does not match its lines",
                 "do not edit the lock file; run `migralint lock` to record the set as it is");
  }
  for (const auto& [line, problem] : lock.problems) {
    ctx.ReportAt(lock.path, {line, 1}, {line, 2}, "\"" + lock.path + "\": " + problem,
                 "run `migralint lock` to rewrite it");
  }
  std::map<std::string, const LockEntry*> recorded;
  for (const LockEntry& e : lock.entries) recorded[e.relative] = &e;
  for (const FileUnit* unit : set.migrations) {
    auto it = recorded.find(unit->file->relative);
    if (it == recorded.end() || it->second->raw == unit->raw_sha256) continue;
    const bool cosmetic = it->second->sem == unit->sem_sha256;
    // The first line, to its end (columns count code points, not bytes).
    const Position end =
        unit->source.At(static_cast<std::uint32_t>(unit->source.LineText(1).size()));
    ctx.ReportAt(
        unit->source.path, {1, 1}, end,
        "\"" + unit->file->relative + "\" changed after it was recorded in " + lock.path + ": " +
            (cosmetic ? "cosmetic change (comments or whitespace only)"
                      : "semantic change: databases that ran it differ from ones that will"),
        cosmetic ? "revert the edit, or run `migralint lock` to accept it"
                 : "revert the edit and put the change in a new migration",
        cosmetic);
  }
}

}  // namespace

const Rule& modified_migration() {
  static const Rule rule{
      .id = "modified-migration",
      .severity = Severity::kError,
      .category = "set",
      .summary =
          "a migration recorded in migralint.lock whose content changed (cosmetic or semantic)",
      .check_set = Check,
  };
  return rule;
}

}  // namespace migralint::rules
