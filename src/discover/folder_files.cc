// folder_files.cc: listing a folder and recording its files.
#include "discover/folder_files.h"

#include <algorithm>

#include "migralint/display_path.h"

namespace fs = std::filesystem;

namespace migralint::discover {

std::vector<fs::directory_entry> SortedEntries(const fs::path& dir) {
  // By name (all have the same parent): comparing whole paths, component by component, was a
  // good part of discovering a 100,000-file folder.
  std::vector<std::pair<std::string, fs::directory_entry>> named;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec))
    named.emplace_back(entry.path().filename().native(), entry);
  std::sort(named.begin(), named.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<fs::directory_entry> entries;
  entries.reserve(named.size());
  for (auto& [name, entry] : named) entries.push_back(std::move(entry));
  return entries;
}

bool IsSqlFile(const fs::directory_entry& entry) {
  std::error_code ec;
  return entry.path().extension() == ".sql" && !entry.is_directory(ec);
}

bool IsSqlLike(const fs::directory_entry& entry) {
  std::error_code ec;
  const fs::path& path = entry.path();
  const std::string ext = path.extension().string();
  return (ext == ".pgsql" || ext == ".psql" ||
          (ext != ".sql" && path.filename().string().find(".sql.") != std::string::npos)) &&
         !entry.is_directory(ec);
}

Folder::Folder(const fs::path& dir, const fs::path& root)
    : display(DisplayPath(dir)), relative(dir.lexically_relative(root).generic_string()) {}

MigrationFile MakeFile(const fs::path& path, const Folder& folder, const NameInfo& info) {
  MigrationFile file;
  file.fs_path = path.string();
  const std::string name = path.filename().string();
  file.path = Folder::Join(folder.display, name);
  file.relative = Folder::Join(folder.relative, name);
  file.version = Version::FromText(info.version);
  file.name = info.name;
  file.role = info.role;
  file.no_transaction = info.autocommit;
  return file;
}

}  // namespace migralint::discover
