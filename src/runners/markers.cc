// markers.cc: reading the markers a runner unit detects its sets by.
#include "runners/markers.h"

#include <algorithm>
#include <cctype>
#include <fstream>

#include "migralint/rule.h"

namespace fs = std::filesystem;

namespace migralint::runners {

std::string Head(const std::string& fs_path, std::size_t bytes) {
  std::error_code ec;
  if (!fs::is_regular_file(fs_path, ec)) return {};
  std::ifstream in(fs_path, std::ios::binary);
  std::string head(bytes, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(std::max<std::streamsize>(in.gcount(), 0)));
  return head;
}

bool ContainsNoCase(std::string_view text, std::string_view needle) {
  auto lower = [](char c) {
    return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  };
  return std::search(text.begin(), text.end(), needle.begin(), needle.end(),
                     [&](char a, char b) { return lower(a) == lower(b); }) != text.end();
}

bool AnyHeadContains(const MigrationSet& set, std::string_view needle, std::size_t files) {
  for (std::size_t i = 0; i < set.migrations.size() && i < files; ++i) {
    if (ContainsNoCase(Head(set.migrations[i].fs_path), needle)) return true;
  }
  return false;
}

bool FoundUpward(const MigrationSet& set, std::string_view name, int levels) {
  std::error_code ec;
  fs::path dir = fs::absolute(set.root, ec).lexically_normal();
  for (int i = 0; i <= levels; ++i) {
    if (fs::exists(dir / name, ec)) return true;
    if (dir == dir.parent_path()) break;
    dir = dir.parent_path();
  }
  return false;
}

bool OncePerFile(const FileUnit& unit, bool (*decide)(const std::string& fs_path)) {
  if (!unit.file) return false;
  thread_local std::string path;
  thread_local bool (*asked)(const std::string&) = nullptr;
  thread_local bool answer = false;
  if (asked != decide || path != unit.file->fs_path) {
    path = unit.file->fs_path;
    asked = decide;
    answer = decide(path);
  }
  return answer;
}

bool CommentBefore(const FileUnit& unit, std::uint32_t offset, std::string_view prefix,
                   std::string_view also) {
  for (const Comment& c : unit.comments) {
    if (c.begin >= offset) break;
    if (c.text.size() >= prefix.size() && ContainsNoCase(c.text.substr(0, prefix.size()), prefix) &&
        (also.empty() || ContainsNoCase(c.text, also)))
      return true;
  }
  return false;
}

}  // namespace migralint::runners
