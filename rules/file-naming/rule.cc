// file-naming: a .sql file in a migrations folder that matches none of the set's patterns, or
// that breaks the convention its neighbours share (zero-padding width, separator).
#include "migralint/rule.h"

#include <map>
#include <optional>
#include <string>
#include <tuple>

namespace migralint::rules {
namespace {

// How a name is written: version width and the character after the version.
using Shape = std::pair<std::size_t, char>;

std::optional<Shape> ShapeOf(const MigrationFile& file) {
  if (file.version.text.empty()) return std::nullopt;
  const std::string name = file.FileName();
  if (name.compare(0, file.version.text.size(), file.version.text) != 0) return std::nullopt;
  const char separator =
      name.size() > file.version.text.size() ? name[file.version.text.size()] : 0;
  if (separator != '_' && separator != '-') return std::nullopt;  // "0188.up.sql": no name
  return Shape{file.version.text.size(), separator};
}

// True when the file's place among the set's migrations differs between numeric and text order.
bool MisordersAsText(const FileUnit& unit, const SetUnit& set) {
  const std::string name = unit.file->FileName();
  for (const FileUnit* other : set.migrations) {
    if (other == &unit) continue;
    const int numeric = unit.file->version.Compare(other->file->version);
    const int text = name.compare(other->file->FileName());
    if (numeric != 0 && (numeric < 0) != (text < 0)) return true;
  }
  return false;
}

std::string Describe(const Shape& shape) {
  return std::string(shape.first, 'N') + shape.second + "name";
}

// Why a file found among the migrations is none of them, as its runner sees it.
std::pair<std::string, std::string> WhyNotAMigration(const MigrationFile& file,
                                                     const MigrationSet& set) {
  const std::string name = "\"" + file.relative + "\"";
  const std::string runner(set.runner ? set.runner->name : "the runner");
  if (set.layout == Layout::kSqitch)
    return {name + " is named by no change of sqitch.plan: Sqitch never deploys it",
            "add the change to the plan (`sqitch add`), or delete the script"};
  if (file.FileName().size() < 4 || file.FileName().compare(file.FileName().size() - 4, 4, ".sql"))
    return {name + " is not named .sql: " + runner + " never reads it",
            "rename it to .sql if it is a migration, or move it out of the migrations folder"};
  if (file.relative.find('/') != std::string::npos && set.layout != Layout::kThreeTier &&
      set.layout != Layout::kFolderPerMigration)
    return {name + " is in a sub-folder of the set: " + runner +
                " reads only the set's own folder, so it never runs",
            "move it into the set's folder with a migration name, or out of the set"};
  return {name + " does not follow the naming pattern of this " +
              std::string(LayoutName(set.layout)) + " set: " + runner + " skips or misorders it",
          "rename it to <version>_<name>.sql (e.g. 004_add_tags.sql), or move it out of the "
          "migrations folder"};
}

void Check(RuleContext& ctx, const SetUnit& set) {
  for (const FileUnit* unit : set.others) {
    if (unit->file->role != FileRole::kUnrecognised) continue;
    auto [message, help] = WhyNotAMigration(*unit->file, *set.set);
    ctx.Report(*unit, 0, 0, std::move(message), std::move(help));
  }
  // The convention of each folder is what most of its migrations share.
  std::map<std::string, std::map<Shape, int>> shapes;
  for (const FileUnit* unit : set.migrations) {
    if (auto shape = ShapeOf(*unit->file)) ++shapes[unit->file->Folder()][*shape];
  }
  for (const FileUnit* unit : set.migrations) {
    const auto shape = ShapeOf(*unit->file);
    if (!shape) continue;
    const auto& counts = shapes[unit->file->Folder()];
    int total = 0;
    std::pair<Shape, int> best{{}, 0};
    for (const auto& [s, n] : counts) {
      total += n;
      if (n > best.second) best = {s, n};
    }
    if (total < 3 || best.second * 2 <= total || best.first == *shape) continue;
    // Another width alone matters only where comparing names as text misorders the file
    // (e.g. "00_init" before timestamps is a deliberate, safe convention).
    if (shape->second == best.first.second && !MisordersAsText(*unit, set)) continue;
    ctx.Report(*unit, 0, 0,
               "\"" + unit->file->relative + "\" is named " + Describe(*shape) +
                   " but its neighbours follow " + Describe(best.first) +
                   ": versions compare as text in some runners, so it may run out of order",
               "rename it to follow " + Describe(best.first));
  }
}

}  // namespace

const Rule& file_naming() {
  static const Rule rule{
      .id = "file-naming",
      .severity = Severity::kWarning,
      .category = "set",
      .summary = "a file in a migrations folder that does not follow the set's naming pattern",
      .check_set = Check,
  };
  return rule;
}

}  // namespace migralint::rules
