// layouts.cc: one function per layout of spec §2; each returns the set in execution order.
#include "discover/layouts.h"

#include <re2/re2.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <set>
#include <string>

#include "config/load_config.h"
#include "discover/file_name.h"
#include "discover/folder_files.h"
#include "migralint/display_path.h"
#include "runners/detect.h"
#include "runners/markers.h"

namespace fs = std::filesystem;

namespace migralint::discover {
namespace {

struct Scan {
  std::vector<MigrationFile> migrations;
  std::vector<MigrationFile> others;
  bool up_down = false;
  bool folders = false;
  bool any_sql = false;
};

// A pop/kratos dialect variant runs only on its own database; for one version the postgres
// variant supersedes the generic one.
void FilterDialects(Scan& scan, std::vector<NameInfo>& infos) {
  std::set<std::pair<std::string, FileRole>> postgres_specific;
  for (std::size_t i = 0; i < scan.migrations.size(); ++i) {
    if (infos[i].dialect == "postgres") {
      postgres_specific.insert({infos[i].version, scan.migrations[i].role});
    }
  }
  std::vector<MigrationFile> kept;
  for (std::size_t i = 0; i < scan.migrations.size(); ++i) {
    const NameInfo& info = infos[i];
    const bool other = !info.dialect.empty() && info.dialect != "postgres";
    const bool superseded =
        info.dialect.empty() && postgres_specific.count({info.version, scan.migrations[i].role});
    if (other || superseded) {
      scan.migrations[i].role = FileRole::kOtherDialect;
      scan.others.push_back(std::move(scan.migrations[i]));
    } else {
      kept.push_back(std::move(scan.migrations[i]));
    }
  }
  scan.migrations = std::move(kept);
}

void SortByVersion(std::vector<MigrationFile>& files) {
  // Indices are sorted, then the files moved once: they are large to move around.
  std::vector<std::size_t> order(files.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t i, std::size_t j) {
    const MigrationFile &a = files[i], &b = files[j];
    // Flyway repeatables (no version) run after every versioned migration.
    const bool a_repeatable = a.version.groups.empty(), b_repeatable = b.version.groups.empty();
    if (a_repeatable != b_repeatable) return b_repeatable;
    if (int c = a.version.Compare(b.version); c != 0) return c < 0;
    return a.relative < b.relative;
  });
  std::vector<MigrationFile> sorted;
  sorted.reserve(files.size());
  for (std::size_t i : order) sorted.push_back(std::move(files[i]));
  files = std::move(sorted);
}

// Files of one migrations folder. Rollbacks and unrecognised names go to `others`.
Scan ScanFolder(const fs::path& dir, const fs::path& root, const std::string& tier,
                const std::string& source) {
  Scan scan;
  std::vector<NameInfo> infos;  // parallel to scan.migrations until FilterDialects
  const Folder top(dir, root);
  auto add = [&](const fs::path& path, const Folder& folder, const NameInfo& info) {
    MigrationFile file = MakeFile(path, folder, info);
    file.tier = tier;
    file.source = source;
    if (info.role == FileRole::kMigration || (info.role == FileRole::kRollback && info.up_down)) {
      scan.migrations.push_back(std::move(file));
      infos.push_back(info);
    } else {
      scan.others.push_back(std::move(file));
    }
  };
  for (const auto& entry : SortedEntries(dir)) {
    std::error_code ec;
    if (IsSqlFile(entry)) {
      scan.any_sql = true;
      NameInfo info = ClassifyFileName(entry.path().filename().string());
      scan.up_down |= info.up_down;
      add(entry.path(), top, info);
    } else if (IsSqlLike(entry)) {
      add(entry.path(), top, NameInfo{});  // .pgsql, .sql.bak, ...: no runner reads them
    } else if (entry.is_directory(ec)) {
      auto folder = ClassifyMigrationFolder(entry.path().filename().string());
      if (!folder) continue;
      const Folder inside(entry.path(), root);
      for (const auto& inner : SortedEntries(entry.path())) {
        if (!IsSqlFile(inner)) continue;
        const std::string name = inner.path().filename().string();
        NameInfo info = *folder;
        if (name == "down.sql")
          info.role = FileRole::kRollback;
        else if (name != "up.sql" && name != "migration.sql")
          info.role = FileRole::kUnrecognised;
        scan.folders = scan.any_sql = true;
        add(inner.path(), inside, info);
      }
    }
  }
  FilterDialects(scan, infos);
  // Up/down rollbacks travelled with the migrations only for the dialect filter.
  std::vector<MigrationFile> forward;
  for (auto& file : scan.migrations) {
    (file.role == FileRole::kRollback ? scan.others : forward).push_back(std::move(file));
  }
  scan.migrations = std::move(forward);
  SortByVersion(scan.migrations);
  return scan;
}

bool IsRecognisedFolder(const Scan& scan, const fs::path& dir) {
  if (!scan.migrations.empty()) return true;
  for (const auto& file : scan.others) {
    if (file.role != FileRole::kUnrecognised) return true;
  }
  return scan.any_sql && dir.filename() == "migrations";
}

bool StartsWithDbmateMarker(const fs::path& file) {
  std::error_code ec;
  if (!fs::is_regular_file(file, ec)) return false;  // a FIFO would block the open forever
  std::ifstream in(file, std::ios::binary);
  std::string head(512, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  // dbmate's own pattern is `--\s*migrate:up`.
  for (std::size_t at = head.find("migrate:up"); at != std::string::npos;
       at = head.find("migrate:up", at + 1)) {
    std::size_t before = at;
    while (before > 0 && (head[before - 1] == ' ' || head[before - 1] == '\t')) --before;
    if (before >= 2 && head.compare(before - 2, 2, "--") == 0) return true;
  }
  return false;
}

void Append(std::vector<MigrationFile>& to, std::vector<MigrationFile>&& from) {
  for (auto& f : from) to.push_back(std::move(f));
}

std::vector<std::string> SubfolderNames(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& entry : SortedEntries(dir)) {
    std::error_code ec;
    if (entry.is_directory(ec) && entry.path().filename().string()[0] != '.') {
      names.push_back(entry.path().filename().string());
    }
  }
  return names;
}

std::optional<MigrationSet> ThreeTierAt(const fs::path& dir, const Config& config,
                                        std::vector<std::string>& errors) {
  std::error_code ec;
  const fs::path themes_dir = dir / "contents" / "themes";
  const fs::path plugins_dir = dir / "contents" / "plugins";
  if (!fs::is_directory(dir / "core" / "migrations", ec) && !fs::is_directory(themes_dir, ec) &&
      !fs::is_directory(plugins_dir, ec)) {
    return std::nullopt;
  }
  const std::vector<std::string> themes = SubfolderNames(themes_dir);
  std::string active = config.active_theme;
  if (active.empty()) {
    if (const char* env = std::getenv("NEXT_PUBLIC_ACTIVE_THEME")) active = env;
  }
  if (active.empty() && themes.size() == 1) active = themes.front();
  if (themes.size() > 1 && active.empty()) {
    std::string names;
    for (const auto& t : themes) names += (names.empty() ? "" : ", ") + t;
    errors.push_back(DisplayPath(themes_dir) + ": several themes (" + names +
                     ") and none active: set active_theme in migralint.toml or "
                     "NEXT_PUBLIC_ACTIVE_THEME");
    return std::nullopt;
  }
  if (!active.empty() && !themes.empty() &&
      std::find(themes.begin(), themes.end(), active) == themes.end()) {
    errors.push_back(DisplayPath(themes_dir) + ": active theme \"" + active + "\" not found");
    return std::nullopt;
  }

  MigrationSet set;
  set.root = dir;
  set.root_display = DisplayPath(dir);
  set.layout = Layout::kThreeTier;
  auto take = [&](const fs::path& folder, const std::string& tier, const std::string& source,
                  bool inactive) {
    if (!fs::is_directory(folder, ec)) return;
    Scan scan = ScanFolder(folder, dir, tier, source);
    if (inactive) {
      for (auto& f : scan.migrations) f.role = FileRole::kInactive;
      Append(set.others, std::move(scan.migrations));
    } else {
      Append(set.migrations, std::move(scan.migrations));
    }
    Append(set.others, std::move(scan.others));
  };
  auto take_entities = [&](const fs::path& owner, const std::string& owner_name, bool inactive) {
    for (const auto& entity : SubfolderNames(owner / "entities")) {
      take(owner / "entities" / entity / "migrations", "entity", owner_name + "/" + entity,
           inactive);
    }
  };
  const std::vector<std::string> plugins = SubfolderNames(plugins_dir);
  take(dir / "core" / "migrations", "core", "core", false);
  for (const auto& theme : themes)
    take(themes_dir / theme / "migrations", "theme", theme, theme != active);
  for (const auto& plugin : plugins)
    take(plugins_dir / plugin / "migrations", "plugin", plugin, false);
  for (const auto& theme : themes) take_entities(themes_dir / theme, theme, theme != active);
  for (const auto& plugin : plugins) take_entities(plugins_dir / plugin, plugin, false);
  return set;
}

std::optional<MigrationSet> SupabaseAt(const fs::path& dir) {
  std::error_code ec;
  fs::path normal = fs::absolute(dir, ec).lexically_normal();
  if (!normal.has_filename()) normal = normal.parent_path();  // "migrations/" or "." given
  fs::path migrations;
  if (normal.filename() == "supabase" && fs::is_directory(dir / "migrations", ec)) {
    migrations = dir / "migrations";
  } else if (normal.filename() == "migrations" && normal.parent_path().filename() == "supabase") {
    migrations = dir;
  } else {
    return std::nullopt;
  }
  MigrationSet set;
  set.root = migrations;
  set.root_display = DisplayPath(migrations);
  set.layout = Layout::kSupabase;
  Scan scan = ScanFolder(migrations, migrations, "", "");
  set.migrations = std::move(scan.migrations);
  set.others = std::move(scan.others);
  const fs::path seed = migrations.parent_path() / "seed.sql";
  if (fs::is_regular_file(seed, ec)) {
    NameInfo info;
    info.role = FileRole::kSeedData;
    info.name = "seed";
    set.others.push_back(MakeFile(seed, Folder(seed.parent_path(), migrations), info));
  }
  return set;
}

}  // namespace

// .sql-like files in the sub-folders of a set's folder (not migration folders): no runner of
// these layouts reads them, so they are reported rather than silently left out.
void AddStrayFiles(const fs::path& dir, const fs::path& root, std::vector<MigrationFile>& others,
                   int depth) {
  if (depth > 8) return;
  for (const auto& entry : SortedEntries(dir)) {
    std::error_code ec;
    const std::string name = entry.path().filename().string();
    if (entry.is_directory(ec)) {
      if (name[0] == '.' || name == "node_modules" || (depth == 0 && ClassifyMigrationFolder(name)))
        continue;
      AddStrayFiles(entry.path(), root, others, depth + 1);
    } else if (depth > 0 && (IsSqlFile(entry) || IsSqlLike(entry))) {
      others.push_back(MakeFile(entry.path(), Folder(dir, root), NameInfo{}));
    }
  }
}

std::optional<MigrationSet> DetectSetAt(const fs::path& dir, std::shared_ptr<const Config> config,
                                        std::vector<std::string>& errors) {
  const runners::HeadMemo heads;
  std::optional<MigrationSet> found = ThreeTierAt(dir, *config, errors);
  if (!found) found = SupabaseAt(dir);
  if (!found) found = SqitchAt(dir, errors);
  if (!found) found = LiquibaseAt(dir);
  if (found) {
    // A Supabase project's Data API serves the schemas of its config.toml, unless
    // migralint.toml names them.
    if (found->layout == Layout::kSupabase && config && !config->exposed_schemas_set) {
      if (auto schemas = config::SupabaseApiSchemas(found->root.parent_path() / "config.toml")) {
        auto copy = std::make_shared<Config>(*config);
        copy->exposed_schemas = std::move(*schemas);
        config = std::move(copy);
      }
    }
    found->config = std::move(config);
    found->runner = &runners::Detect(*found);
    return found;
  }
  Scan scan = ScanFolder(dir, dir, "", "");
  if (!IsRecognisedFolder(scan, dir)) return std::nullopt;
  MigrationSet set;
  set.root = dir;
  set.root_display = DisplayPath(dir);
  if (scan.folders)
    set.layout = Layout::kFolderPerMigration;
  else if (scan.up_down)
    set.layout = Layout::kUpDown;
  else if (!scan.migrations.empty() && StartsWithDbmateMarker(scan.migrations.front().fs_path))
    set.layout = Layout::kDbmate;
  else
    set.layout = Layout::kNumbered;
  set.migrations = std::move(scan.migrations);
  set.others = std::move(scan.others);
  AddStrayFiles(dir, dir, set.others, 0);
  set.config = std::move(config);
  set.runner = &runners::Detect(set);
  return set;
}

std::optional<MigrationSet> DeclaredSetAt(const fs::path& dir, const DeclaredSet& declared,
                                          std::shared_ptr<const Config> config,
                                          std::string& error) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    error = DisplayPath(dir) + ": declared set folder does not exist";
    return std::nullopt;
  }
  // RE2: a pattern from the config cannot make matching take exponential time.
  const RE2 pattern(declared.pattern.empty() ? R"(^(\d+)_(.+)\.sql$)" : declared.pattern,
                    RE2::Quiet);
  if (!pattern.ok()) {
    error = DisplayPath(dir) + ": invalid pattern: " + pattern.error();
    return std::nullopt;
  }
  MigrationSet set;
  set.root = dir;
  set.root_display = DisplayPath(dir);
  set.layout = Layout::kDeclared;
  set.config = std::move(config);
  // The files: the folder's own, or (recursive) every one below it, by path.
  std::vector<fs::path> files;
  if (declared.recursive) {
    for (auto it = fs::recursive_directory_iterator(dir, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (it.depth() > 16) it.disable_recursion_pending();
      if (IsSqlFile(*it)) files.push_back(it->path());
    }
    std::sort(files.begin(), files.end());
  } else {
    for (const auto& entry : SortedEntries(dir)) {
      if (IsSqlFile(entry)) files.push_back(entry.path());
    }
  }
  for (const fs::path& file : files) {
    const std::string name = declared.recursive ? file.lexically_relative(dir).generic_string()
                                                : file.filename().string();
    std::string version, rest;
    const int groups = pattern.NumberOfCapturingGroups();
    NameInfo info;
    const Folder folder(file.parent_path(), dir);
    if (groups >= 2   ? RE2::FullMatch(name, pattern, &version, &rest)
        : groups == 1 ? RE2::FullMatch(name, pattern, &version)
                      : RE2::FullMatch(name, pattern)) {
      info.role = FileRole::kMigration;
      info.version = version;
      info.name = groups >= 2 ? rest : file.filename().string();
      set.migrations.push_back(MakeFile(file, folder, info));
    } else {
      set.others.push_back(MakeFile(file, folder, info));
    }
  }
  if (declared.order == "version") {
    // By version, then by name (not by the folders above it).
    std::stable_sort(set.migrations.begin(), set.migrations.end(),
                     [](const MigrationFile& a, const MigrationFile& b) {
                       if (int c = a.version.Compare(b.version); c != 0) return c < 0;
                       return a.name < b.name;
                     });
  }
  set.runner = &runners::Detect(set);
  return set;
}

bool AddUnsavedFile(MigrationSet& set, const fs::path& file) {
  std::error_code ec;
  const fs::path folder =
      fs::absolute(file.parent_path().empty() ? fs::path(".") : file.parent_path(), ec)
          .lexically_normal();
  const fs::path root = fs::absolute(set.root, ec).lexically_normal();
  const bool beside_migrations =
      std::any_of(set.migrations.begin(), set.migrations.end(), [&](const MigrationFile& m) {
        return fs::absolute(m.Folder(), ec).lexically_normal() == folder;
      });
  if (!beside_migrations && folder != root) return false;
  const NameInfo info = ClassifyFileName(file.filename().string());
  if (info.role != FileRole::kMigration) return false;
  set.migrations.push_back(MakeFile(file, Folder(file.parent_path(), set.root), info));
  SortByVersion(set.migrations);
  return true;
}

MigrationSet SingleFileSet(const fs::path& file, std::shared_ptr<const Config> config) {
  MigrationSet set;
  set.config = std::move(config);
  set.root = file.parent_path().empty() ? fs::path(".") : file.parent_path();
  set.root_display = DisplayPath(set.root);
  set.layout = Layout::kSingleFile;
  NameInfo info = ClassifyFileName(file.filename().string());
  info.role = FileRole::kMigration;
  set.migrations.push_back(MakeFile(file, Folder(set.root, set.root), info));
  set.runner = &runners::Detect(set);
  return set;
}

}  // namespace migralint::discover
