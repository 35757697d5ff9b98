// lock.h: migralint.lock as read from disk (spec §6) — what each migration was when recorded.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace migralint {

struct LockEntry {
  std::string relative;  // path relative to the set root
  std::string raw;       // sha256 of the raw bytes (hex)
  std::string sem;       // sha256 of the normalised statements (hex)
  std::uint32_t line = 0;
};

struct LockFile {
  std::string path;  // display path
  std::vector<LockEntry> entries;
  bool sum_ok = true;  // the header's sum matches the lines below it
  /// Lines that could not be read: (line, what is wrong).
  std::vector<std::pair<std::uint32_t, std::string>> problems;
};

}  // namespace migralint
