// lock_file.h: reading and writing migralint.lock (spec §6).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "migralint/lock.h"

namespace migralint::lock {

inline constexpr const char* kLockFileName = "migralint.lock";

/// The lock file at a set root, or nullopt when there is none.
std::optional<LockFile> ReadLockFile(const std::filesystem::path& set_root);

/// Parses lock file text; `display_path` goes into LockFile::path.
LockFile ParseLockFile(std::string_view text, std::string display_path);

/// The text of a lock file recording `entries` (in execution order): a header with the sum of
/// the lines below, then one line per migration.
std::string FormatLockFile(const std::vector<LockEntry>& entries);

}  // namespace migralint::lock
