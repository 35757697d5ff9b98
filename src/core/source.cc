// source.cc: byte offset -> line:column, columns in Unicode code points.
#include "migralint/source.h"

#include <algorithm>
#include <cstring>

namespace migralint {

LineIndex::LineIndex(const std::string& text) {
  const char* const begin = text.data();
  const char* const end = begin + text.size();
  for (const char* at = begin; (at = static_cast<const char*>(std::memchr(at, '\n', end - at)));) {
    ++at;
    line_starts_.push_back(static_cast<std::uint32_t>(at - begin));
  }
}

Position LineIndex::At(const std::string& text, std::uint32_t offset) const {
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(text.size()));
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const auto line = static_cast<std::uint32_t>(it - line_starts_.begin());
  std::uint32_t column = 1;
  // Count code points: every byte that is not a UTF-8 continuation byte starts one.
  for (std::uint32_t i = line_starts_[line - 1]; i < offset; ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++column;
  }
  return {line, column};
}

std::string_view SourceFile::LineText(std::uint32_t line) const {
  if (line == 0 || line > lines.LineCount()) return {};
  const std::uint32_t begin = lines.LineStart(line);
  std::uint32_t end = line < lines.LineCount() ? lines.LineStart(line + 1) : text.size();
  while (end > begin && (text[end - 1] == '\n' || text[end - 1] == '\r')) --end;
  return std::string_view(text).substr(begin, end - begin);
}

std::pair<std::uint32_t, std::uint32_t> SourceFile::ClauseSpan(std::uint32_t begin,
                                                               std::uint32_t limit) const {
  limit = std::min<std::uint32_t>(limit, static_cast<std::uint32_t>(text.size()));
  std::uint32_t end = begin;
  while (end < limit && text[end] != '\n' && text[end] != '\r' && text.compare(end, 2, "--") != 0)
    ++end;
  while (end > begin && (text[end - 1] == ' ' || text[end - 1] == ',' || text[end - 1] == '\t'))
    --end;
  return {begin, end};
}

}  // namespace migralint
