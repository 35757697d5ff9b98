// duplicate-version: two migrations of one sequence share a version.
#include "migralint/rule.h"

#include <map>

namespace migralint::rules {
namespace {

void Check(RuleContext& ctx, const SetUnit& set) {
  // (sequence, version) -> the first file that used it
  std::map<std::pair<std::string, std::vector<std::string>>, const FileUnit*> first;
  for (const FileUnit* unit : set.migrations) {
    const MigrationFile& file = *unit->file;
    if (file.version.groups.empty()) continue;  // Flyway repeatables have none
    auto [it, inserted] = first.emplace(std::pair{file.Sequence(), file.version.groups}, unit);
    if (inserted) continue;
    ctx.Report(*unit, 0, 0,
               "version " + file.version.text + " of \"" + file.relative +
                   "\" is also the version of \"" + it->second->file->relative +
                   "\": runners that key on the version apply only one of them",
               "give it the next free version (two branches probably picked the same number)");
  }
}

}  // namespace

const Rule& duplicate_version() {
  static const Rule rule{
      .id = "duplicate-version",
      .severity = Severity::kError,
      .category = "set",
      .summary = "two migrations of one set share a version",
      .check_set = Check,
  };
  return rule;
}

}  // namespace migralint::rules
