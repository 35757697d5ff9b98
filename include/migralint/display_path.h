// display_path.h: paths printed as the user would type them from the current directory.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>

namespace migralint {

/// Relative to the current directory when the path lies below it, else absolute.
std::string DisplayPath(const std::filesystem::path& path);

/// True when `a` and `b` name the same file (links and `..` resolved): the same inode, or for a
/// file not (yet) on disk, the same canonical path. One stat per path in the common case.
bool SameFile(const std::filesystem::path& a, const std::filesystem::path& b);

/// The first i < n whose path_at(i) names the file `target` names, or n. The paths are compared
/// as written (made absolute) first; the file system is asked only when none matches so.
std::size_t FindSameFile(std::size_t n,
                         const std::function<std::filesystem::path(std::size_t)>& path_at,
                         const std::filesystem::path& target);

}  // namespace migralint
