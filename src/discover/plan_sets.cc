// plan_sets.cc: layouts whose order is written down rather than in the file names — a Sqitch
// plan, and Liquibase formatted SQL gathered by a changelog's includeAll.
#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "discover/folder_files.h"
#include "discover/layouts.h"
#include "migralint/display_path.h"
#include "runners/markers.h"

namespace fs = std::filesystem;

namespace migralint::discover {
namespace {

struct PlanChange {
  std::string name;
  /// deploy/<script>.sql: the change's name; for an earlier instance of a reworked change,
  /// <name>@<tag> for each tag between it and the rework, the nearest to the rework first.
  std::vector<std::string> scripts;
};

struct Plan {
  std::string project;
  std::vector<PlanChange> changes;
  std::set<std::string> required_projects;  // `project:change` dependencies
};

// sqitch.plan: `%project=`, change lines `name [deps] timestamp planner # note`, tag lines `@tag`.
// A change listed again is a rework: its earlier instance runs deploy/<name>@<tag>.sql, <tag>
// being a tag between the two instances (the one `sqitch rework` was given: usually the last).
Plan ReadPlan(const fs::path& file) {
  Plan plan;
  std::ifstream in(file);
  std::string line;
  std::vector<std::pair<std::string, std::size_t>> tags;  // tag, changes before it
  std::map<std::string, std::size_t> latest;              // change -> index of its latest instance
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.rfind("%project=", 0) == 0) plan.project = line.substr(9);
    if (line.empty() || line[0] == '%' || line[0] == '#' || line[0] == ' ') continue;
    std::istringstream words(line);
    std::string name;
    if (!(words >> name)) continue;  // blanks only
    if (name[0] == '@') {
      tags.emplace_back(name.substr(1), plan.changes.size());
      continue;
    }
    if (name[0] == '+' || name[0] == '-') name.erase(0, 1);
    if (name.empty()) continue;
    const std::size_t open = line.find('['), close = line.find(']');
    if (open != std::string::npos && close != std::string::npos && open < close) {
      std::istringstream deps(line.substr(open + 1, close - open - 1));
      for (std::string dep; deps >> dep;) {
        const std::size_t colon = dep.find(':');
        if (colon != std::string::npos) plan.required_projects.insert(dep.substr(0, colon));
      }
    }
    if (auto it = latest.find(name); it != latest.end()) {
      std::vector<std::string>& scripts = plan.changes[it->second].scripts;
      scripts.clear();
      for (auto tag = tags.rbegin(); tag != tags.rend() && tag->second > it->second; ++tag)
        scripts.push_back(name + "@" + tag->first);
      if (scripts.empty()) scripts.push_back(name);  // no tag between: not a valid rework
    }
    latest[name] = plan.changes.size();
    plan.changes.push_back({name, {name}});
  }
  return plan;
}

void AddSqitchProject(const fs::path& dir, const fs::path& root, const Plan& plan,
                      MigrationSet& set, std::vector<std::string>& errors) {
  std::set<std::string> used;
  const Folder deploy(dir / "deploy", root);
  for (const PlanChange& change : plan.changes) {
    std::error_code ec;
    auto it = std::find_if(change.scripts.begin(), change.scripts.end(), [&](const std::string& s) {
      return fs::is_regular_file(dir / "deploy" / (s + ".sql"), ec);
    });
    if (it == change.scripts.end()) {
      errors.push_back(DisplayPath(dir / "sqitch.plan") + ": change \"" + change.name +
                       "\" has no deploy script " +
                       DisplayPath(dir / "deploy" / (change.scripts.front() + ".sql")));
      continue;
    }
    const fs::path script = dir / "deploy" / (*it + ".sql");
    NameInfo info;
    info.role = FileRole::kMigration;
    info.name = change.name;
    set.migrations.push_back(MakeFile(script, deploy, info));
    used.insert(script.filename().string());
  }
  // Scripts no plan line names never run; revert/ and verify/ are not forward migrations.
  for (const auto& [folder, role] :
       {std::pair{"deploy", FileRole::kUnrecognised}, std::pair{"revert", FileRole::kRollback},
        std::pair{"verify", FileRole::kVerify}}) {
    const Folder in(dir / folder, root);
    for (const auto& entry : SortedEntries(dir / folder)) {
      if (!IsSqlFile(entry) ||
          (role == FileRole::kUnrecognised && used.count(entry.path().filename().string())))
        continue;
      NameInfo info;
      info.role = role;
      info.name = entry.path().stem().string();
      set.others.push_back(MakeFile(entry.path(), in, info));
    }
  }
}

void CollectSql(const fs::path& dir, std::vector<fs::path>& out, int depth) {
  if (depth > 16) return;
  for (const auto& entry : SortedEntries(dir)) {
    std::error_code ec;
    if (entry.is_directory(ec)) {
      if (entry.path().filename().string()[0] != '.') CollectSql(entry.path(), out, depth + 1);
    } else if (IsSqlFile(entry)) {
      out.push_back(entry.path());
    }
  }
}

}  // namespace

std::optional<MigrationSet> SqitchAt(const fs::path& dir, std::vector<std::string>& errors) {
  std::error_code ec;
  if (!fs::is_regular_file(dir / "sqitch.plan", ec)) return std::nullopt;
  MigrationSet set;
  set.root = dir;
  set.root_display = DisplayPath(dir);
  set.layout = Layout::kSqitch;
  const Plan plan = ReadPlan(dir / "sqitch.plan");
  // A project this one requires, kept in a folder beside its plan, is deployed first.
  for (const auto& entry : SortedEntries(dir)) {
    if (!entry.is_directory(ec) || !fs::is_regular_file(entry.path() / "sqitch.plan", ec)) continue;
    const Plan required = ReadPlan(entry.path() / "sqitch.plan");
    if (plan.required_projects.count(required.project))
      AddSqitchProject(entry.path(), dir, required, set, errors);
  }
  AddSqitchProject(dir, dir, plan, set, errors);
  return set;
}

std::optional<MigrationSet> LiquibaseAt(const fs::path& dir) {
  bool formatted = false;
  for (const auto& entry : SortedEntries(dir)) {
    if (IsSqlFile(entry) && runners::ContainsNoCase(runners::Head(entry.path().string(), 64),
                                                    "liquibase formatted sql")) {
      formatted = true;
      break;
    }
  }
  if (!formatted) return std::nullopt;
  MigrationSet set;
  set.root = dir;
  set.root_display = DisplayPath(dir);
  set.layout = Layout::kLiquibase;
  // includeAll: the folder and its sub-folders, in path order.
  std::vector<fs::path> files;
  CollectSql(dir, files, 0);
  std::sort(files.begin(), files.end(), [&](const fs::path& a, const fs::path& b) {
    return a.lexically_relative(dir).generic_string() < b.lexically_relative(dir).generic_string();
  });
  for (const fs::path& file : files) {
    NameInfo info = ClassifyFileName(file.filename().string());
    info.role = FileRole::kMigration;
    if (info.name.empty()) info.name = file.stem().string();
    info.version.clear();  // Liquibase knows changesets by id, author and path
    set.migrations.push_back(MakeFile(file, Folder(file.parent_path(), dir), info));
  }
  return set;
}

}  // namespace migralint::discover
