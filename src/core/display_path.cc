// display_path.cc: paths relative to the current directory, '/'-separated.
#include "migralint/display_path.h"

namespace fs = std::filesystem;

namespace migralint {

std::string DisplayPath(const fs::path& path) {
  std::error_code ec;
  const fs::path cwd = fs::current_path(ec);
  if (ec) return path.lexically_normal().generic_string();
  const fs::path absolute = (path.is_absolute() ? path : cwd / path).lexically_normal();
  const fs::path relative = absolute.lexically_relative(cwd);
  if (!relative.empty() && *relative.begin() != "..") return relative.generic_string();
  return path.is_absolute() ? absolute.generic_string() : path.lexically_normal().generic_string();
}

bool SameFile(const std::filesystem::path& a, const std::filesystem::path& b) {
  std::error_code ec;
  const bool same = std::filesystem::equivalent(a, b, ec);
  if (!ec) return same;
  return std::filesystem::weakly_canonical(a, ec) == std::filesystem::weakly_canonical(b, ec);
}

std::size_t FindSameFile(std::size_t n,
                         const std::function<std::filesystem::path(std::size_t)>& path_at,
                         const std::filesystem::path& target) {
  std::error_code ec;
  const std::filesystem::path cwd = std::filesystem::current_path(ec);
  auto normal = [&](const std::filesystem::path& p) {
    return (p.is_absolute() ? p : cwd / p).lexically_normal();
  };
  const std::filesystem::path wanted = normal(target);
  for (std::size_t i = 0; i < n; ++i) {
    if (normal(path_at(i)) == wanted) return i;
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (SameFile(path_at(i), target)) return i;
  }
  return n;
}

}  // namespace migralint
