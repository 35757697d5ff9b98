// source.cc: byte offset -> line:column, columns in Unicode code points.
#include "migralint/source.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <optional>
#include <string_view>

namespace migralint {

LineIndex::LineIndex(const std::string& text) {
  const char* const begin = text.data();
  const char* const end = begin + text.size();
  for (const char* at = begin; (at = static_cast<const char*>(std::memchr(at, '\n', end - at)));) {
    ++at;
    line_starts_.push_back(static_cast<std::uint32_t>(at - begin));
  }
  // Code points counted per block only where a line is long enough to need them.
  bool long_line = false;
  for (std::size_t i = 1; i <= line_starts_.size() && !long_line; ++i) {
    const std::size_t next = i < line_starts_.size() ? line_starts_[i] : text.size();
    long_line = next - line_starts_[i - 1] > kBlock;
  }
  if (!long_line) return;
  code_points_.reserve(text.size() / kBlock + 1);
  std::uint32_t n = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (i % kBlock == 0) code_points_.push_back(n);
    n += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
  }
}

std::uint32_t LineIndex::CodePointsBefore(const std::string& text, std::uint32_t offset) const {
  const std::uint32_t block = offset / kBlock;
  std::uint32_t n = code_points_[block];
  for (std::uint32_t i = block * kBlock; i < offset; ++i)
    n += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
  return n;
}

Position LineIndex::At(const std::string& text, std::uint32_t offset) const {
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(text.size()));
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const auto line = static_cast<std::uint32_t>(it - line_starts_.begin());
  const std::uint32_t start = line_starts_[line - 1];
  // On a long line, from the nearest block: many statements on one line stay linear.
  if (offset - start > kBlock && !code_points_.empty())
    return {line, 1 + CodePointsBefore(text, offset) - CodePointsBefore(text, start)};
  std::uint32_t column = 1;
  // Count code points: every byte that is not a UTF-8 continuation byte starts one.
  for (std::uint32_t i = start; i < offset; ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++column;
  }
  return {line, column};
}

bool ReadFully(int fd, std::size_t size, std::string& bytes) {
  bytes.assign(size, '\0');
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::read(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return false;
    if (n == 0) break;  // shorter than it was a moment ago
    done += static_cast<std::size_t>(n);
  }
  bytes.resize(done);
  return true;
}

namespace {

// The file's bytes after a BOM, or nullopt when it cannot be read.
std::optional<std::string> ReadAgain(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) return std::nullopt;
  struct stat st {};
  std::string bytes;
  const bool ok = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
                  ReadFully(fd, static_cast<std::size_t>(st.st_size), bytes);
  ::close(fd);
  if (!ok) return std::nullopt;
  if (bytes.compare(0, 3, "\xEF\xBB\xBF") == 0) bytes.erase(0, 3);
  return bytes;
}

std::size_t Hash(std::string_view text) { return std::hash<std::string_view>{}(text); }

}  // namespace

void SourceFile::Load() const {
  if (loaded_) return;
  std::optional<std::string> again = ReadAgain(*disk_);
  if (again && again->size() == size_ && Hash(*again) == hash_) {
    text_ = std::move(*again);
  } else {
    // Edited while it was linted: blanks keep every offset of the findings in range.
    text_.assign(size_, ' ');
    changed_ = true;
  }
  lines_ = LineIndex(text_);
  loaded_ = true;
}

void SourceFile::SetText(std::string text) {
  text_ = std::move(text);
  lines_ = LineIndex(text_);
  loaded_ = true;
  disk_ = nullptr;
}

void SourceFile::Release(const std::string& disk) {
  if (!disk_) {
    size_ = text_.size();
    hash_ = Hash(text_);
    disk_ = &disk;
  }
  Unload();
}

void SourceFile::Unload() const {
  if (!disk_ || !loaded_) return;
  std::string().swap(text_);  // frees it (assigning an empty string would keep its buffer)
  lines_ = LineIndex();
  loaded_ = false;
}

void SourceFile::KeepLine(std::uint32_t line) const {
  if (!kept_lines_.count(line)) kept_lines_.emplace(line, LineText(line));
}

std::string_view SourceFile::LineText(std::uint32_t line) const {
  if (auto kept = kept_lines_.find(line); kept != kept_lines_.end()) return kept->second;
  const std::string& text = this->text();
  const LineIndex& lines = lines_;
  if (line == 0 || line > lines.LineCount()) return {};
  const std::uint32_t begin = lines.LineStart(line);
  std::uint32_t end = line < lines.LineCount() ? lines.LineStart(line + 1) : text.size();
  while (end > begin && (text[end - 1] == '\n' || text[end - 1] == '\r')) --end;
  return std::string_view(text).substr(begin, end - begin);
}

std::pair<std::uint32_t, std::uint32_t> SourceFile::ClauseSpan(std::uint32_t begin,
                                                               std::uint32_t limit) const {
  const std::string& text = this->text();
  limit = std::min<std::uint32_t>(limit, static_cast<std::uint32_t>(text.size()));
  std::uint32_t end = begin;
  while (end < limit && text[end] != '\n' && text[end] != '\r' && text.compare(end, 2, "--") != 0)
    ++end;
  while (end > begin && (text[end - 1] == ' ' || text[end - 1] == ',' || text[end - 1] == '\t'))
    --end;
  return {begin, end};
}

}  // namespace migralint
