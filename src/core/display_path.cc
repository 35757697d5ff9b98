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

}  // namespace migralint
