// sql_files.h: the .sql files tests run through the parser — the project's own (rule examples,
// cases, corpus sets, regression inputs) or those under a folder.
#pragma once

#include <filesystem>
#include <vector>

namespace migralint::testing {

/// Every .sql file below `root` (none when it is not a folder).
inline std::vector<std::filesystem::path> SqlFilesUnder(const std::filesystem::path& root) {
  std::vector<std::filesystem::path> out;
  if (!std::filesystem::is_directory(root)) return out;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    if (entry.is_regular_file() && entry.path().extension() == ".sql") out.push_back(entry.path());
  }
  return out;
}

/// Every .sql file of the project at `source`.
inline std::vector<std::filesystem::path> ProjectSqlFiles(const std::filesystem::path& source) {
  std::vector<std::filesystem::path> out;
  for (const char* dir : {"rules", "tests/cases", "corpus", "tests/regressions"}) {
    for (auto& path : SqlFilesUnder(source / dir)) out.push_back(std::move(path));
  }
  return out;
}

}  // namespace migralint::testing
