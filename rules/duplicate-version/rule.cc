// duplicate-version: two migrations of one sequence share a version.
#include "migralint/rule.h"

#include <map>
#include <set>

namespace migralint::rules {
namespace {

void Check(RuleContext& ctx, const SetUnit& set) {
  const Runner& runner = set.set->runner ? *set.set->runner : DefaultRunner();
  if (runner.keys == Keys::kPath) return;  // Sqitch, Liquibase: versions are not theirs
  // (sequence, key) -> the first file that used it. Prisma keys a migration by its whole name.
  std::map<std::pair<std::string, std::vector<std::string>>, const FileUnit*> first;
  std::vector<std::pair<const FileUnit*, const FileUnit*>> clashes;
  std::set<std::vector<std::string>> repeated;
  for (const FileUnit* unit : set.migrations) {
    const MigrationFile& file = *unit->file;
    if (file.version.groups.empty()) continue;  // Flyway repeatables have none
    std::vector<std::string> key = file.version.groups;
    if (runner.keys == Keys::kFileName) key.push_back(file.name);
    auto [it, inserted] = first.emplace(std::pair{file.Sequence(), key}, unit);
    if (inserted) continue;
    clashes.emplace_back(unit, it->second);
    repeated.insert(std::move(key));
  }
  // A detected runner that keys on versions refuses a set with one clash; a set that shipped
  // with several is run by one that keys on whole names (maragudk/migrate, say): not a clash.
  const bool configured = set.set->config && !set.set->config->runner.empty();
  if (!configured && repeated.size() >= 3) return;
  // psql keeps no history; migralint and seed 000 key theirs on the file.
  const bool keyed =
      !runner.history_table.empty() && runner.name != "migralint" && runner.name != "seed000";
  const std::string consequence =
      keyed ? std::string(runner.name) +
                  " keys migrations on the version and applies only one "
                  "of them"
            : "their order rests on their names, and runners that key on the version apply "
              "only one of them";
  for (const auto& [unit, earlier] : clashes) {
    const MigrationFile& file = *unit->file;
    // A declared tree's version is a folder holding several files, run in name order.
    if (set.set->layout == Layout::kDeclared && file.Folder() != earlier->file->Folder()) continue;
    ctx.Report(*unit, 0, 0,
               "version " + file.version.text + " of \"" + file.relative +
                   "\" is also the version of \"" + earlier->file->relative + "\": " + consequence,
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
