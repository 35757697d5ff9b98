// source.h: a migration file's text and the map from byte offsets to line:column.
#pragma once

#include <cstdint>
#include <map>
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
  static constexpr std::uint32_t kBlock = 4096;
  std::uint32_t CodePointsBefore(const std::string& text, std::uint32_t offset) const;

  std::vector<std::uint32_t> line_starts_{0};
  std::vector<std::uint32_t> code_points_;  // before each kBlock bytes; empty: no long line
};

/// Reads an open file of `size` bytes (by fstat) into `bytes`, fewer if it is shorter now; false
/// on an I/O error.
bool ReadFully(int fd, std::size_t size, std::string& bytes);

/// The text of one file after reading: a UTF-8 BOM removed, line ends kept as they are
/// (a CR before LF is whitespace to PostgreSQL and ends no column count).
///
/// Once its file has been replayed the text is released: a set of 100,000 files does not keep
/// them all in memory. A finding reported later on that file reads it again (checked against
/// what was linted: size and hash; a file edited meanwhile reads as blanks of the old size, and
/// changed() says so), keeps the line it starts on for the excerpt and frees the text again.
class SourceFile {
 public:
  std::string path;  // display path (relative to the current directory)
  bool had_bom = false;

  /// The bytes after the BOM, and where their lines start. On a released file these read the
  /// file again: for the thread that replays the set only.
  const std::string& text() const {
    Load();
    return text_;
  }
  const LineIndex& lines() const {
    Load();
    return lines_;
  }
  /// Sets the text (bytes after the BOM) and indexes its lines.
  void SetText(std::string text);

  /// Frees the text and its line index; `disk` (which must outlive this) is where to read them
  /// again.
  void Release(const std::string& disk);
  bool released() const { return disk_ != nullptr; }
  /// On a released file: frees what was read again since.
  void Unload() const;
  /// Keeps the text of `line` through Release and Unload, for the excerpt of a finding.
  void KeepLine(std::uint32_t line) const;
  /// True when the file, read again after Release, was no longer what was linted.
  bool changed() const { return changed_; }

  Position At(std::uint32_t offset) const { return lines().At(text_, offset); }
  /// The file's bytes as on disk (the BOM put back).
  std::string text_with_bom() const { return had_bom ? "\xEF\xBB\xBF" + text() : text(); }
  /// The line (without its line end) holding `line`, for excerpts.
  std::string_view LineText(std::uint32_t line) const;
  /// A declaration's span from `begin`: to the end of its line, before a `--` comment and
  /// without trailing blanks or comma, and not past `limit` (its statement's end).
  std::pair<std::uint32_t, std::uint32_t> ClauseSpan(std::uint32_t begin,
                                                     std::uint32_t limit) const;

 private:
  void Load() const;

  mutable std::string text_;
  mutable LineIndex lines_;
  mutable bool loaded_ = true;
  mutable bool changed_ = false;
  const std::string* disk_ = nullptr;  // once released: where the text is
  std::size_t size_ = 0, hash_ = 0;    // of the text released
  mutable std::map<std::uint32_t, std::string> kept_lines_;
};

}  // namespace migralint
