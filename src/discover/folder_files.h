// folder_files.h: a folder's entries in name order, and MigrationFile records for its files —
// shared by the layouts.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "discover/file_name.h"
#include "migralint/migration_set.h"

namespace migralint::discover {

/// The entries of `dir`, sorted by name (nothing when it cannot be read).
std::vector<std::filesystem::directory_entry> SortedEntries(const std::filesystem::path& dir);

/// True for a `.sql` file (not a folder).
bool IsSqlFile(const std::filesystem::directory_entry& entry);
/// True for a file that looks like SQL but is not named `.sql` (`.pgsql`, `.psql`,
/// `x.sql.postgres`, `x.sql.bak`): never a migration, reported where migrations are.
bool IsSqlLike(const std::filesystem::directory_entry& entry);

/// A folder's display path and its path relative to the set's root, worked out once for all of
/// its files (path arithmetic per file was a tenth of a lint run over thousands of small files).
struct Folder {
  Folder(const std::filesystem::path& dir, const std::filesystem::path& root);
  static std::string Join(const std::string& folder, const std::string& name) {
    return folder.empty() || folder == "." ? name : folder + "/" + name;
  }
  std::string display, relative;
};

/// The record of the file at `path` in `folder`, named as `info` says.
MigrationFile MakeFile(const std::filesystem::path& path, const Folder& folder,
                       const NameInfo& info);

}  // namespace migralint::discover
