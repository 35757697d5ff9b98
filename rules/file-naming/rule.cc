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

// The version after `version`: its last run of digits counted up, width kept ("009" -> "010").
std::string NextVersion(std::string version) {
  std::size_t end = version.find_last_of("0123456789");
  if (end == std::string::npos) return version;
  for (std::size_t i = end + 1; i-- > 0;) {
    if (version[i] < '0' || version[i] > '9') {
      version.insert(i + 1, "1");
      return version;
    }
    if (version[i] != '9') {
      ++version[i];
      return version;
    }
    version[i] = '0';
  }
  return "1" + version;
}

// A name for `file` in the set's own pattern: the last migration's name with the next version
// and this file's stem ("plan_seat_limits.sql" -> "20250318163001_plan_seat_limits.sql").
std::optional<std::string> SuggestedName(const MigrationFile& file, const SetUnit& set) {
  if (set.migrations.empty()) return std::nullopt;
  const MigrationFile& last = *set.migrations.back()->file;
  const std::string name = last.FileName(), version = last.version.text;
  const std::size_t at = version.empty() ? std::string::npos : name.find(version);
  if (at == std::string::npos || last.relative.find('/') != std::string::npos) return std::nullopt;
  std::size_t stem_at = at + version.size();
  while (stem_at < name.size() && (name[stem_at] == '_' || name[stem_at] == '-')) ++stem_at;
  const std::size_t suffix_at = name.find('.', stem_at);
  if (stem_at == at + version.size() || suffix_at == std::string::npos) return std::nullopt;
  std::string stem = file.FileName();
  stem.resize(stem.find('.') == std::string::npos ? stem.size() : stem.find('.'));
  if (stem.empty()) return std::nullopt;
  return name.substr(0, at) + NextVersion(version) +
         name.substr(at + version.size(), stem_at - at - version.size()) + stem +
         name.substr(suffix_at);
}

// Why a file found among the migrations is none of them, as its runner sees it.
std::pair<std::string, std::string> WhyNotAMigration(const MigrationFile& file,
                                                     const SetUnit& units) {
  const MigrationSet& set = *units.set;
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
  const std::optional<std::string> suggested = SuggestedName(file, units);
  return {name + " does not follow the naming pattern of this " +
              std::string(LayoutName(set.layout)) + " set: " + runner + " skips or misorders it",
          suggested ? "rename it in the set's pattern, e.g. to " + *suggested +
                          " (the version after the last migration's), or move it out of the "
                          "migrations folder"
                    : "rename it to <version>_<name>.sql (e.g. 004_add_tags.sql), or move it out "
                      "of the migrations folder"};
}

void Check(RuleContext& ctx, const SetUnit& set) {
  for (const FileUnit* unit : set.others) {
    if (unit->file->role != FileRole::kUnrecognised) continue;
    auto [message, help] = WhyNotAMigration(*unit->file, set);
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
