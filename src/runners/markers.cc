// markers.cc: reading the markers a runner unit detects its sets by.
#include "runners/markers.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>

#include "migralint/rule.h"

namespace fs = std::filesystem;

namespace migralint::runners {

namespace {

thread_local HeadMemo* memo = nullptr;

// open + fstat + read: detection reads the head of every file of a set, so no stat of the path
// first and no stream. O_NONBLOCK: a FIFO does not block the open; it is no regular file.
std::string ReadHead(const std::string& fs_path, std::size_t bytes) {
  const int fd = ::open(fs_path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return {};
  std::string head;
  struct stat st;
  if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
    head.resize(std::min<std::size_t>(bytes, static_cast<std::size_t>(st.st_size)));
    std::size_t got = 0;
    while (got < head.size()) {
      const ssize_t n = ::read(fd, head.data() + got, head.size() - got);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;
      got += static_cast<std::size_t>(n);
    }
    head.resize(got);
  }
  ::close(fd);
  return head;
}

}  // namespace

HeadMemo::HeadMemo() : outer_(memo) { memo = this; }
HeadMemo::~HeadMemo() { memo = outer_; }

std::string Head(const std::string& fs_path, std::size_t bytes) {
  if (!memo) return ReadHead(fs_path, bytes);
  HeadMemo::Read& read = memo->reads_[fs_path];
  if (read.head.size() < bytes && !read.whole) {
    const std::size_t wanted = std::max<std::size_t>(bytes, 256);  // what detection asks, at once
    read.head = ReadHead(fs_path, wanted);
    read.whole = read.head.size() < wanted;
  }
  return read.head.substr(0, bytes);
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
