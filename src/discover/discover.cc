// discover.cc: walking folders, recognising each layout of spec §2, ordering files.
#include "discover/discover.h"

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <fstream>
#include <map>
#include <optional>
#include <regex>
#include <set>
#include <string>
#include <system_error>
#include <thread>

#include "discover/file_name.h"
#include "discover/layouts.h"
#include "migralint/display_path.h"

namespace fs = std::filesystem;

namespace migralint::discover {

namespace {

fs::path FolderOf(const fs::path& path) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) return path;
  return path.parent_path().empty() ? fs::path(".") : path.parent_path();
}

bool SkippedFolder(const fs::path& dir) {
  const std::string name = dir.filename().string();
  return name.empty() || name[0] == '.' || name == "node_modules";
}

constexpr int kMaxDepth = 24;

// A .sql file somewhere below `dir` (links not followed, a bounded number of entries looked at).
std::optional<fs::path> SqlFileBelow(const fs::path& dir) {
  constexpr int kBudget = 100000;
  std::error_code ec;
  int seen = 0;
  for (fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec),
       end;
       !ec && it != end && ++seen < kBudget; it.increment(ec)) {
    std::error_code type_ec;
    if (it->path().extension() == ".sql" && it->is_regular_file(type_ec)) return it->path();
  }
  return std::nullopt;
}

void FindSets(const fs::path& dir, config::ConfigResolver& configs, std::vector<MigrationSet>& out,
              std::vector<std::string>& errors, std::set<fs::path>& visited, int depth,
              unsigned jobs) {
  // Each folder once, however many links lead to it: links back up the tree would otherwise
  // make the walk exponential.
  std::error_code canonical_ec;
  const fs::path canonical = fs::canonical(dir, canonical_ec);
  if (!canonical_ec && !visited.insert(canonical).second) return;
  if (depth > kMaxDepth) {
    // An absurd tree. SQL files below it are said, not skipped in silence.
    if (const std::optional<fs::path> sql = SqlFileBelow(dir)) {
      errors.push_back(DisplayPath(sql->parent_path()) + ": folders nested more than " +
                       std::to_string(kMaxDepth) +
                       " levels deep are not searched: name this folder to lint it");
    }
    return;
  }
  const std::size_t errors_before = errors.size();
  if (auto set = DetectSetAt(dir, configs.For(dir), errors)) {
    out.push_back(std::move(*set));
    return;
  }
  if (errors.size() > errors_before) return;  // a set is here, but it cannot be ordered
  std::error_code ec;
  std::vector<fs::path> children;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code type_ec;
    if (it->is_directory(type_ec) && !SkippedFolder(it->path())) children.push_back(it->path());
  }
  if (ec) {  // an unreadable folder may hold a set: said, not skipped in silence
    errors.push_back(DisplayPath(dir) + ": cannot read the folder: " + ec.message());
    return;
  }
  std::sort(children.begin(), children.end());
  if (depth > 0 || children.size() < 2 || jobs < 2) {
    for (const auto& child : children) FindSets(child, configs, out, errors, visited, depth + 1, 1);
    return;
  }
  // Below a folder given on the command line, its subfolders are scanned in parallel (a repo
  // with several sets), and their sets and errors kept in folder order. A folder reached from
  // two of them through links is found twice: Deduplicate keeps one.
  struct Found {
    std::vector<MigrationSet> sets;
    std::vector<std::string> errors;
  };
  std::vector<Found> found(children.size());
  std::atomic<std::size_t> next{0};
  auto scan = [&] {
    for (std::size_t i; (i = next.fetch_add(1)) < children.size();) {
      std::set<fs::path> seen = visited;
      FindSets(children[i], configs, found[i].sets, found[i].errors, seen, depth + 1, 1);
    }
  };
  std::vector<std::thread> threads;
  for (unsigned t = 1; t < std::min<std::size_t>(jobs, children.size()); ++t)
    threads.emplace_back(scan);
  scan();
  for (auto& thread : threads) thread.join();
  for (Found& f : found) {
    for (auto& set : f.sets) out.push_back(std::move(set));
    for (auto& e : f.errors) errors.push_back(std::move(e));
  }
}

void Deduplicate(std::vector<MigrationSet>& sets) {
  std::set<fs::path> roots;
  std::vector<MigrationSet> unique;
  for (auto& set : sets) {
    std::error_code ec;
    fs::path key = fs::weakly_canonical(set.root, ec);
    if (roots.insert(ec ? set.root : key).second) unique.push_back(std::move(set));
  }
  sets = std::move(unique);
}

}  // namespace

MigrationSet SetContaining(const fs::path& file, config::ConfigResolver& configs) {
  // A set holding the file is rooted at one of its folders: try each, nearest first.
  std::error_code ec;
  const fs::path target = fs::weakly_canonical(file, ec);
  const fs::path folder = fs::absolute(FolderOf(file), ec).lexically_normal();
  const bool on_disk = fs::exists(file, ec);
  // The nearest wins, except that a three-tier set above takes its tiers' migrations folders in
  // (as linting its root does): a theme's migrations are not a set of their own there.
  std::optional<MigrationSet> nearest;
  fs::path dir = folder;
  for (int up = 0; up < 8; ++up) {
    std::vector<std::string> ignored;
    // Above the nearest set only a three-tier root matters: a few stats, not a detection.
    const bool looked_for = !nearest || fs::is_directory(dir / "core" / "migrations", ec) ||
                            fs::is_directory(dir / "contents", ec);
    if (auto set = looked_for ? DetectSetAt(dir, configs.For(dir), ignored) : std::nullopt) {
      const std::size_t forward = set->migrations.size(), n = forward + set->others.size();
      auto path_at = [&](std::size_t i) -> fs::path {
        return (i < forward ? set->migrations[i] : set->others[i - forward]).fs_path;
      };
      // A new file not saved yet (an editor's buffer): the set it will join, as if it were on
      // disk, in its place by version.
      if (FindSameFile(n, path_at, target) < n || (!on_disk && AddUnsavedFile(*set, file))) {
        if (set->layout == Layout::kThreeTier) return std::move(*set);
        if (!nearest) nearest = std::move(*set);
      }
    }
    // Not past the repository once a set is found: the folders above are no part of it.
    if (dir == dir.parent_path() || (nearest && fs::exists(dir / ".git", ec))) break;
    dir = dir.parent_path();
  }
  if (nearest) return std::move(*nearest);
  return SingleFileSet(file, configs.For(FolderOf(file)));
}

Discovery Discover(const std::vector<std::string>& paths, config::ConfigResolver& configs,
                   unsigned jobs) {
  Discovery result;
  // Sets declared in the config of the first path replace detection.
  const auto first = configs.For(FolderOf(paths.empty() ? fs::path(".") : fs::path(paths.front())));
  const Config& config = *first;
  // Files named on the command line restrict the report to themselves, unless their set was
  // also reached through a folder given (then the whole set is reported).
  std::set<fs::path> whole_roots;
  std::vector<std::pair<fs::path, fs::path>> named;  // (file, root of its set), canonical
  auto canonical = [](const fs::path& p) {
    std::error_code ec;
    fs::path c = fs::weakly_canonical(p, ec);
    return ec ? p : c;
  };
  if (!config.sets.empty()) {
    const fs::path config_dir = fs::path(config.path).parent_path();
    for (const auto& declared : config.sets) {
      std::string error;
      if (auto set = DeclaredSetAt(config_dir / declared.path, declared, first, error)) {
        whole_roots.insert(canonical(set->root));
        result.sets.push_back(std::move(*set));
      } else {
        result.errors.push_back(error);
      }
    }
  }
  for (const auto& given : paths) {
    const fs::path path(given);
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      std::error_code link_ec;
      result.errors.push_back(given + (ec == std::errc::too_many_symbolic_link_levels
                                           ? ": symbolic link loop"
                                       : fs::is_symlink(fs::symlink_status(path, link_ec))
                                           ? ": broken symbolic link"
                                           : ": no such file or directory"));
      continue;
    }
    if (fs::is_regular_file(status)) {
      result.sets.push_back(SetContaining(path, configs));
      named.emplace_back(canonical(path), canonical(result.sets.back().root));
      continue;
    }
    if (!fs::is_directory(status)) {
      result.errors.push_back(given + ": not a regular file or directory");
      continue;
    }
    if (!config.sets.empty()) continue;  // declared sets replace detection
    const std::size_t sets_before = result.sets.size(), errors_before = result.errors.size();
    std::set<fs::path> visited;
    FindSets(path, configs, result.sets, result.errors, visited, 0, jobs);
    for (std::size_t i = sets_before; i < result.sets.size(); ++i)
      whole_roots.insert(canonical(result.sets[i].root));
    if (result.sets.size() == sets_before && result.errors.size() == errors_before) {
      result.errors.push_back(given +
                              ": no migration files found (see `migralint explain file-naming` for "
                              "the layouts recognised)");
    }
  }
  for (const auto& [file, root] : named) {
    if (!whole_roots.count(root)) result.only_files.push_back(file);
  }
  Deduplicate(result.sets);
  return result;
}

}  // namespace migralint::discover
