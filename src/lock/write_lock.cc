// write_lock.cc: hashes each file as lint will (raw bytes; text after the BOM for the normalised
// hash) and replaces the lock file atomically.
#include "lock/write_lock.h"

#include <cstdio>
#include <fstream>
#include <sstream>

#include "lock/hashing.h"
#include "lock/lock_file.h"

namespace fs = std::filesystem;

namespace migralint::lock {

std::vector<LockEntry> ComputeEntries(const MigrationSet& set, std::vector<std::string>& errors) {
  std::vector<LockEntry> entries;
  for (const MigrationFile& file : set.migrations) {
    std::error_code ec;
    if (!fs::is_regular_file(file.fs_path, ec)) {  // a FIFO would block the open forever
      errors.push_back(file.path + ": cannot read: not a regular file");
      continue;
    }
    std::ifstream in(file.fs_path, std::ios::binary);
    if (!in) {
      errors.push_back(file.path + ": cannot read");
      continue;
    }
    std::ostringstream bytes;
    bytes << in.rdbuf();
    const std::string raw = bytes.str();
    const std::string_view text = raw.compare(0, 3, "\xEF\xBB\xBF") == 0
                                      ? std::string_view(raw).substr(3)
                                      : std::string_view(raw);
    entries.push_back({file.relative, Sha256Hex(raw), SemanticHash(text), 0});
  }
  return entries;
}

bool WriteLockFile(const MigrationSet& set, const std::vector<LockEntry>& entries,
                   std::string& error) {
  const fs::path path = set.root / kLockFileName;
  const fs::path temporary = set.root / (std::string(kLockFileName) + ".tmp");
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << FormatLockFile(entries);
    if (!out.flush()) {
      error = temporary.string() + ": cannot write";
      return false;
    }
  }
  std::error_code ec;
  fs::rename(temporary, path, ec);
  if (ec) {
    error = path.string() + ": cannot write: " + ec.message();
    fs::remove(temporary, ec);
    return false;
  }
  return true;
}

}  // namespace migralint::lock
