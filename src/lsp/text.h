// text.h: what LSP positions and URIs are in migralint's terms. LSP counts columns in UTF-16
// code units from 0; migralint's Position counts code points from 1.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string_view>
#include <vector>

namespace migralint::lsp {

/// A document's text with the offsets its lines start at (after "\n"; a "\r" before it belongs
/// to its line, as migralint counts).
class Lines {
 public:
  explicit Lines(std::string_view text);
  std::size_t count() const { return starts_.size(); }
  /// Line `line` (0-based) without its line end; empty past the last.
  std::string_view Line(std::size_t line) const;

 private:
  std::string_view text_;
  std::vector<std::size_t> starts_;
};

/// UTF-16 code units before code point `column` (1-based) of `line`, clamped to the line.
std::uint32_t Utf16Column(std::string_view line, std::uint32_t column);
/// The byte offset in `line` of UTF-16 column `utf16` (0-based), clamped to the line.
std::size_t ByteOfUtf16(std::string_view line, std::uint32_t utf16);

/// The path a file:// URI names (percent-decoded), or nothing for another scheme.
std::optional<std::filesystem::path> PathOfUri(std::string_view uri);

}  // namespace migralint::lsp
