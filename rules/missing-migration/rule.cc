// missing-migration: recorded in migralint.lock, but the file is gone (deleted or renamed).
#include "migralint/rule.h"

#include <set>

namespace migralint::rules {
namespace {

void Check(RuleContext& ctx, const SetUnit& set) {
  if (!set.lock) return;
  std::set<std::string> present;
  for (const FileUnit* unit : set.migrations) present.insert(unit->file->relative);
  std::set<std::string> recorded;
  for (const LockEntry& e : set.lock->entries) recorded.insert(e.relative);
  for (const LockEntry& entry : set.lock->entries) {
    if (present.count(entry.relative)) continue;
    std::string renamed;
    for (const FileUnit* unit : set.migrations) {
      if (!recorded.count(unit->file->relative) && unit->raw_sha256 == entry.raw)
        renamed = unit->file->relative;
    }
    std::uint32_t width = 0;  // columns count code points: every byte but UTF-8 continuations
    for (char c : entry.relative) width += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    ctx.ReportAt(set.lock->path, {entry.line, 1}, {entry.line, width + 1},
                 renamed.empty() ? "\"" + entry.relative + "\" is recorded in " + set.lock->path +
                                       " but no longer exists"
                                 : "\"" + entry.relative + "\" is recorded in " + set.lock->path +
                                       " but was renamed to \"" + renamed +
                                       "\": runners see a new migration and run it again",
                 renamed.empty()
                     ? "restore the file: databases that ran it keep its changes"
                     : "restore the old name: runners track migrations by name or version");
  }
}

}  // namespace

const Rule& missing_migration() {
  static const Rule rule{
      .id = "missing-migration",
      .severity = Severity::kError,
      .category = "set",
      .summary =
          "recorded in the lock file or the database, but its file is gone (deleted or renamed)",
      .check_set = Check,
  };
  return rule;
}

}  // namespace migralint::rules
