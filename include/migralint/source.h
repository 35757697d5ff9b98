// source.h: a migration file's text and the map from byte offsets to line:column.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "migralint/diagnostic.h"

namespace migralint {

/// Maps byte offsets of a text to 1-based line and code-point column.
class LineIndex {
 public:
  LineIndex() = default;
  explicit LineIndex(const std::string& text);
  /// `offset` may be text.size() (one past the end).
  Position At(const std::string& text, std::uint32_t offset) const;
  std::uint32_t LineCount() const { return static_cast<std::uint32_t>(line_starts_.size()); }
  /// Byte offset where 1-based `line` begins.
  std::uint32_t LineStart(std::uint32_t line) const { return line_starts_[line - 1]; }

 private:
  std::vector<std::uint32_t> line_starts_{0};
};

/// The text of one file after reading: a UTF-8 BOM removed, line ends kept as they are
/// (a CR before LF is whitespace to PostgreSQL and ends no column count).
struct SourceFile {
  std::string path;  // display path (relative to the current directory)
  std::string text;  // bytes after the BOM
  bool had_bom = false;
  LineIndex lines;

  Position At(std::uint32_t offset) const { return lines.At(text, offset); }
  /// The file's bytes as on disk (the BOM put back).
  std::string text_with_bom() const { return had_bom ? "\xEF\xBB\xBF" + text : text; }
  /// The line (without its line end) holding `line`, for excerpts.
  std::string_view LineText(std::uint32_t line) const;
  /// A declaration's span from `begin`: to the end of its line, before a `--` comment and
  /// without trailing blanks or comma, and not past `limit` (its statement's end).
  std::pair<std::uint32_t, std::uint32_t> ClauseSpan(std::uint32_t begin,
                                                     std::uint32_t limit) const;
};

}  // namespace migralint
