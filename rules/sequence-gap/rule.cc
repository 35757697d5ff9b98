// sequence-gap: a missing number in a sequentially numbered set (never for timestamps).
#include "migralint/rule.h"

#include <map>

namespace migralint::rules {
namespace {

std::string Padded(unsigned long long n, std::size_t width) {
  std::string s = std::to_string(n);
  return s.size() < width ? std::string(width - s.size(), '0') + s : s;
}

void Check(RuleContext& ctx, const SetUnit& set) {
  // Sqitch and Liquibase order by plan or path: numbers in names are not versions to them.
  if (set.set->runner && set.set->runner->keys == Keys::kPath) return;
  std::map<std::string, std::vector<const FileUnit*>> sequences;
  for (const FileUnit* unit : set.migrations) sequences[unit->file->Sequence()].push_back(unit);
  for (const auto& [name, units] : sequences) {
    // Only plain sequences: one number group, no timestamps, numbers of sane size.
    bool sequential = true;
    for (const FileUnit* unit : units) {
      const Version& v = unit->file->version;
      sequential &= v.groups.size() == 1 && !v.IsTimestamp() && v.groups[0].size() <= 9;
    }
    if (!sequential || units.size() < 2) continue;
    unsigned long long previous = std::stoull("0" + units.front()->file->version.groups[0]);
    for (std::size_t i = 1; i < units.size(); ++i) {
      const MigrationFile& file = *units[i]->file;
      const unsigned long long current = std::stoull("0" + file.version.groups[0]);
      if (current > previous + 1) {
        const std::size_t width = file.version.text.size();
        std::string missing = Padded(previous + 1, width);
        if (current - previous > 2) {
          missing += (current - previous > 3 ? "–" : ", ") + Padded(current - 1, width);
        }
        ctx.Report(
            *units[i], 0, 0,
            "sequence gap before \"" + file.relative + "\": " + missing + " " +
                (current - previous > 2 ? "are" : "is") + " missing after \"" +
                units[i - 1]->file->relative + "\"",
            "restore the deleted migration, or renumber if the gap was never applied anywhere");
      }
      previous = current;
    }
  }
}

}  // namespace

const Rule& sequence_gap() {
  static const Rule rule{
      .id = "sequence-gap",
      .severity = Severity::kWarning,
      .category = "set",
      .summary = "a missing number in a sequentially numbered set (never for timestamp versions)",
      .check_set = Check,
  };
  return rule;
}

}  // namespace migralint::rules
