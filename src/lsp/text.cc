// text.cc: UTF-8 to UTF-16 columns and file URIs.
#include "lsp/text.h"

#include <algorithm>
#include <string>

namespace migralint::lsp {
namespace {

// The length of the UTF-8 sequence starting with `lead` (a stray byte counts as one, as one
// code point: the read stage reports invalid UTF-8).
std::size_t SequenceLength(unsigned char lead) {
  if (lead < 0xC0) return 1;
  if (lead < 0xE0) return 2;
  if (lead < 0xF0) return 3;
  if (lead < 0xF8) return 4;
  return 1;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

Lines::Lines(std::string_view text) : text_(text) {
  starts_.push_back(0);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') starts_.push_back(i + 1);
  }
}

std::string_view Lines::Line(std::size_t line) const {
  if (line >= starts_.size()) return {};
  const std::size_t begin = starts_[line];
  std::size_t end = line + 1 < starts_.size() ? starts_[line + 1] - 1 : text_.size();
  if (end > begin && text_[end - 1] == '\r') --end;
  return text_.substr(begin, end - begin);
}

std::uint32_t Utf16Column(std::string_view line, std::uint32_t column) {
  std::uint32_t units = 0;
  std::size_t at = 0;
  for (std::uint32_t point = 1; point < column && at < line.size(); ++point) {
    const std::size_t n = SequenceLength(static_cast<unsigned char>(line[at]));
    units += n == 4 ? 2 : 1;  // beyond the BMP: a surrogate pair
    at = std::min(line.size(), at + n);
  }
  return units;
}

std::size_t ByteOfUtf16(std::string_view line, std::uint32_t utf16) {
  std::uint32_t units = 0;
  std::size_t at = 0;
  while (at < line.size()) {
    const std::size_t n = SequenceLength(static_cast<unsigned char>(line[at]));
    const std::uint32_t width = n == 4 ? 2 : 1;
    if (units + width > utf16) break;
    units += width;
    at = std::min(line.size(), at + n);
  }
  return at;
}

std::optional<std::filesystem::path> PathOfUri(std::string_view uri) {
  constexpr std::string_view kScheme = "file://";
  if (uri.substr(0, kScheme.size()) != kScheme) return std::nullopt;
  uri.remove_prefix(kScheme.size());
  // file://host/path: only the local host.
  const std::size_t slash = uri.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  const std::string_view host = uri.substr(0, slash);
  if (!host.empty() && host != "localhost") return std::nullopt;
  uri.remove_prefix(slash);
  std::string path;
  for (std::size_t i = 0; i < uri.size(); ++i) {
    if (uri[i] == '%' && i + 2 < uri.size() && HexValue(uri[i + 1]) >= 0 &&
        HexValue(uri[i + 2]) >= 0) {
      path.push_back(static_cast<char>(HexValue(uri[i + 1]) * 16 + HexValue(uri[i + 2])));
      i += 2;
    } else {
      path.push_back(uri[i]);
    }
  }
  return std::filesystem::path(path).lexically_normal();
}

}  // namespace migralint::lsp
