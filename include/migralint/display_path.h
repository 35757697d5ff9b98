// display_path.h: paths printed as the user would type them from the current directory.
#pragma once

#include <filesystem>
#include <string>

namespace migralint {

/// Relative to the current directory when the path lies below it, else absolute.
std::string DisplayPath(const std::filesystem::path& path);

}  // namespace migralint
