// paths.h: comparing paths across symbolic links and working folders (--changed-since and
// baselines match files named by git, by discovery and by findings).
#pragma once

#include <filesystem>
#include <system_error>

namespace migralint::cli {

/// Absolute, links resolved as far as the path exists, `.` and `..` removed.
inline std::filesystem::path Canonical(const std::filesystem::path& path) {
  std::error_code ec;
  std::filesystem::path canonical =
      std::filesystem::weakly_canonical(std::filesystem::absolute(path, ec), ec);
  return ec ? std::filesystem::absolute(path, ec).lexically_normal() : canonical;
}

/// True when `path` is `root` or below it (both canonical).
inline bool Under(const std::filesystem::path& path, const std::filesystem::path& root) {
  auto p = path.begin();
  for (auto r = root.begin(); r != root.end(); ++r, ++p) {
    if (r->empty()) continue;  // a trailing separator
    if (p == path.end() || *p != *r) return false;
  }
  return true;
}

}  // namespace migralint::cli
