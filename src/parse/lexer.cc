// lexer.cc: a single forward pass over the text; no allocation but for what it returns.
#include "parse/lexer.h"

#include <algorithm>

namespace migralint::parse {
namespace {

bool IsIdentStart(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
}
bool IsIdentChar(unsigned char c) { return IsIdentStart(c) || (c >= '0' && c <= '9') || c == '$'; }
bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

std::uint32_t U32(std::size_t v) { return static_cast<std::uint32_t>(v); }

// One past the end of the line comment at `pos` ("--"), excluding the line end.
std::size_t LineCommentEnd(std::string_view text, std::size_t pos) {
  std::size_t end = text.find('\n', pos);
  if (end == std::string_view::npos) end = text.size();
  if (end > pos && text[end - 1] == '\r') --end;
  return end;
}

// One past the end of the block comment at `pos` ("/*"), nesting as PostgreSQL does; npos if open.
std::size_t BlockCommentEnd(std::string_view text, std::size_t pos) {
  int depth = 0;
  std::size_t i = pos;
  while (i + 1 < text.size()) {
    if (text[i] == '/' && text[i + 1] == '*') {
      ++depth;
      i += 2;
    } else if (text[i] == '*' && text[i + 1] == '/') {
      i += 2;
      if (--depth == 0) return i;
    } else {
      ++i;
    }
  }
  return std::string_view::npos;
}

// One past the closing quote of the literal opened at `pos`; npos if it never closes.
std::size_t QuotedEnd(std::string_view text, std::size_t pos, char quote, bool backslash_escapes) {
  std::size_t i = pos + 1;
  while (i < text.size()) {
    const char c = text[i];
    if (backslash_escapes && c == '\\') {
      i += 2;
      continue;
    }
    if (c == quote) {
      if (i + 1 < text.size() && text[i + 1] == quote) {
        i += 2;
        continue;
      }
      return i + 1;
    }
    ++i;
  }
  return std::string_view::npos;
}

bool EscapeStringPrefix(std::string_view text, std::size_t quote_pos) {
  if (quote_pos == 0) return false;
  const char p = text[quote_pos - 1];
  if (p != 'E' && p != 'e') return false;
  return quote_pos < 2 || !IsIdentChar(static_cast<unsigned char>(text[quote_pos - 2]));
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

}  // namespace

std::uint32_t DollarTagLength(std::string_view text, std::uint32_t pos) {
  if (pos >= text.size() || text[pos] != '$') return 0;
  if (pos > 0 && IsIdentChar(static_cast<unsigned char>(text[pos - 1]))) return 0;
  std::size_t i = pos + 1;
  if (i < text.size() && text[i] == '$') return 2;
  if (i >= text.size() || !IsIdentStart(static_cast<unsigned char>(text[i]))) return 0;
  while (i < text.size() && IsIdentChar(static_cast<unsigned char>(text[i])) && text[i] != '$') ++i;
  if (i < text.size() && text[i] == '$') return U32(i + 1 - pos);
  return 0;
}

Lexed Lex(std::string_view text) {
  Lexed out;
  bool line_has_code = false;  // something other than whitespace since the last line end
  std::size_t i = 0;
  const std::size_t n = text.size();
  auto unterminated = [&](std::size_t at) {
    out.unterminated = static_cast<std::int64_t>(at);
    i = n;
  };
  while (i < n) {
    const char c = text[i];
    if (c == '\n') {
      line_has_code = false;
      ++i;
    } else if (IsSpace(c)) {
      ++i;
    } else if (c == '-' && i + 1 < n && text[i + 1] == '-') {
      const std::size_t end = LineCommentEnd(text, i);
      out.comments.push_back(
          {U32(i), U32(end), std::string(Trim(text.substr(i + 2, end - i - 2))), !line_has_code});
      i = end;
    } else if (c == '/' && i + 1 < n && text[i + 1] == '*') {
      const std::size_t end = BlockCommentEnd(text, i);
      if (end == std::string_view::npos) {
        unterminated(i);
        break;
      }
      out.comments.push_back(
          {U32(i), U32(end), std::string(Trim(text.substr(i + 2, end - i - 4))), !line_has_code});
      i = end;
    } else if (c == '\\' && !line_has_code) {
      const std::size_t end = LineCommentEnd(text, i);
      out.meta_commands.push_back({U32(i), U32(end)});
      i = end;
    } else {
      line_has_code = true;
      if (c == '\'' || c == '"') {
        const std::size_t end = QuotedEnd(text, i, c, c == '\'' && EscapeStringPrefix(text, i));
        if (end == std::string_view::npos) {
          unterminated(i);
          break;
        }
        i = end;
      } else if (c == '$') {
        const std::uint32_t tag = DollarTagLength(text, U32(i));
        if (tag == 0) {
          ++i;
          continue;
        }
        const std::size_t close = text.find(text.substr(i, tag), i + tag);
        if (close == std::string_view::npos) {
          unterminated(i);
          break;
        }
        i = close + tag;
      } else if (c == ';') {
        out.semicolons.push_back(U32(i));
        ++i;
      } else if (IsIdentChar(static_cast<unsigned char>(c))) {
        while (i < n && IsIdentChar(static_cast<unsigned char>(text[i]))) ++i;
      } else {
        ++i;
      }
    }
  }
  return out;
}

std::uint32_t SkipTrivia(std::string_view text, std::uint32_t pos, std::uint32_t end) {
  end = std::min<std::uint32_t>(end, U32(text.size()));
  while (pos < end) {
    if (IsSpace(text[pos])) {
      ++pos;
    } else if (text[pos] == '-' && pos + 1 < end && text[pos + 1] == '-') {
      pos = U32(LineCommentEnd(text, pos));
    } else if (text[pos] == '/' && pos + 1 < end && text[pos + 1] == '*') {
      const std::size_t close = BlockCommentEnd(text, pos);
      pos = close == std::string_view::npos ? end : U32(close);
    } else {
      break;
    }
  }
  return std::min(pos, end);
}

std::uint32_t TokenEnd(std::string_view text, std::uint32_t pos) {
  if (pos >= text.size()) return U32(text.size());
  const char c = text[pos];
  if (c == '\'' || c == '"') {
    const std::size_t end = QuotedEnd(text, pos, c, false);
    return end == std::string_view::npos ? U32(LineCommentEnd(text, pos)) : U32(end);
  }
  if (IsIdentChar(static_cast<unsigned char>(c))) {
    while (pos < text.size() && IsIdentChar(static_cast<unsigned char>(text[pos]))) ++pos;
    return pos;
  }
  // One code point.
  ++pos;
  while (pos < text.size() && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) ++pos;
  return pos;
}

}  // namespace migralint::parse
