// lock_file.cc: one header line with a checksum, one line per migration.
#include "lock/lock_file.h"

#include <fstream>
#include <sstream>

#include "lock/hashing.h"
#include "migralint/display_path.h"

namespace fs = std::filesystem;

namespace migralint::lock {
namespace {

constexpr std::string_view kMagic = "migralint-lock 1 sum:";

bool IsHex64(std::string_view s) {
  if (s.size() != 64) return false;
  for (char c : s) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

}  // namespace

std::string FormatLockFile(const std::vector<LockEntry>& entries) {
  std::string body;
  for (const LockEntry& e : entries) {
    body += e.relative + " sha256:" + e.raw + " sem:" + e.sem + "\n";
  }
  return std::string(kMagic) + Sha256Hex(body) + "\n" + body;
}

LockFile ParseLockFile(std::string_view text, std::string display_path) {
  // Git's autocrlf may check the file out with CRLF line ends: the same lock file.
  std::string lf;
  if (text.find("\r\n") != std::string_view::npos) {
    lf.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] != '\r' || i + 1 == text.size() || text[i + 1] != '\n') lf += text[i];
    }
    text = lf;
  }
  LockFile lock;
  lock.path = std::move(display_path);
  const std::size_t first_end = text.find('\n');
  const std::string_view header = text.substr(0, first_end);
  const std::string_view body =
      first_end == std::string_view::npos ? std::string_view() : text.substr(first_end + 1);
  if (header.substr(0, kMagic.size()) != kMagic || !IsHex64(header.substr(kMagic.size()))) {
    lock.problems.emplace_back(
        1, "not a migralint lock file header (expected `migralint-lock 1 sum:<sha256>`)");
    lock.sum_ok = false;
  } else {
    lock.sum_ok = header.substr(kMagic.size()) == Sha256Hex(body);
  }
  std::uint32_t line_number = 1;
  std::size_t at = 0;
  while (at < body.size()) {
    ++line_number;
    std::size_t end = body.find('\n', at);
    if (end == std::string_view::npos) end = body.size();
    const std::string_view line = body.substr(at, end - at);
    at = end + 1;
    if (line.empty()) continue;
    // "<path> sha256:<hex> sem:<hex>"; paths may hold spaces, so split from the right.
    const std::size_t sem = line.rfind(" sem:");
    const std::size_t raw = line.rfind(" sha256:", sem);
    if (sem == std::string_view::npos || raw == std::string_view::npos || raw == 0 ||
        !IsHex64(line.substr(raw + 8, sem - raw - 8)) || !IsHex64(line.substr(sem + 5))) {
      lock.problems.emplace_back(line_number,
                                 "unreadable lock line (expected `<path> sha256:<hex> sem:<hex>`)");
      continue;
    }
    lock.entries.push_back({std::string(line.substr(0, raw)),
                            std::string(line.substr(raw + 8, sem - raw - 8)),
                            std::string(line.substr(sem + 5)), line_number});
  }
  return lock;
}

std::optional<LockFile> ReadLockFile(const fs::path& set_root) {
  const fs::path path = set_root / kLockFileName;
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return ParseLockFile(text.str(), DisplayPath(path));
}

}  // namespace migralint::lock
