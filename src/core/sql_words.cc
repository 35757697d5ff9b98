// sql_words.cc: a small SQL tokenizer for fixes — blanks, -- and /* */ comments (nested),
// '…' / E'…' literals, "…" identifiers and $tag$…$tag$ bodies, as PostgreSQL reads them.
#include "migralint/sql_words.h"

#include <algorithm>
#include <cctype>
#include <iterator>

namespace migralint {
namespace {

bool WordChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$' ||
         static_cast<unsigned char>(c) >= 0x80;
}

// One past the quoted run starting at `i` (text[i] is the quote); '' and "" stay inside.
std::uint32_t QuotedEnd(std::string_view text, std::uint32_t i, std::uint32_t end, char quote,
                        bool backslashes) {
  for (++i; i < end; ++i) {
    if (backslashes && text[i] == '\\') {
      ++i;
    } else if (text[i] == quote) {
      if (i + 1 < end && text[i + 1] == quote) {
        ++i;
      } else {
        return i + 1;
      }
    }
  }
  return end;
}

}  // namespace

bool Word::Is(std::string_view text, std::string_view lower) const {
  if (!plain || end - begin != lower.size()) return false;
  for (std::size_t i = 0; i < lower.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(text[begin + i])) != lower[i]) return false;
  }
  return true;
}

std::vector<Word> Words(std::string_view text, std::uint32_t begin, std::uint32_t end,
                        std::size_t limit) {
  std::vector<Word> out;
  if (end > text.size()) end = static_cast<std::uint32_t>(text.size());
  std::uint32_t i = begin;
  while (i < end && out.size() < limit) {
    const char c = text[i];
    if (std::isspace(static_cast<unsigned char>(c))) {
      ++i;
    } else if (c == '-' && i + 1 < end && text[i + 1] == '-') {
      while (i < end && text[i] != '\n') ++i;
    } else if (c == '/' && i + 1 < end && text[i + 1] == '*') {
      int depth = 0;
      while (i < end) {
        if (text.compare(i, 2, "/*") == 0) {
          ++depth;
          i += 2;
        } else if (text.compare(i, 2, "*/") == 0) {
          i += 2;
          if (--depth == 0) break;
        } else {
          ++i;
        }
      }
    } else if (c == '\'' || c == '"') {
      const bool escapes = c == '\'' && i > begin && (text[i - 1] == 'E' || text[i - 1] == 'e');
      out.push_back({i, QuotedEnd(text, i, end, c, escapes), false});
      i = out.back().end;
    } else if (c == '$' && i + 1 < end &&
               (text[i + 1] == '$' || std::isalpha(static_cast<unsigned char>(text[i + 1])) ||
                text[i + 1] == '_')) {
      std::uint32_t j = i + 1;
      while (j < end && text[j] != '$' && WordChar(text[j])) ++j;
      if (j < end && text[j] == '$') {  // $tag$ … $tag$
        const std::string_view tag = text.substr(i, j + 1 - i);
        const std::size_t close = text.substr(0, end).find(tag, j + 1);
        const std::uint32_t stop =
            close == std::string_view::npos ? end : static_cast<std::uint32_t>(close + tag.size());
        out.push_back({i, stop, false});
        i = stop;
      } else {
        out.push_back({i, i + 1, false});
        ++i;
      }
    } else if (WordChar(c)) {
      std::uint32_t j = i;
      while (j < end && WordChar(text[j])) ++j;
      out.push_back({i, j, !std::isdigit(static_cast<unsigned char>(c))});
      i = j;
    } else {
      out.push_back({i, i + 1, false});
      ++i;
    }
  }
  return out;
}

std::size_t FindWord(std::string_view text, const std::vector<Word>& words, std::string_view lower,
                     std::size_t from) {
  for (std::size_t i = from; i < words.size(); ++i) {
    if (words[i].Is(text, lower)) return i;
  }
  return words.size();
}

std::string InCaseOf(std::string_view text, const Word& word, std::string keywords) {
  for (std::uint32_t i = word.begin; i < word.end; ++i) {
    if (std::isupper(static_cast<unsigned char>(text[i]))) return keywords;
  }
  for (char& c : keywords) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return keywords;
}

std::string QuoteIdent(std::string_view name) {
  // Reserved words that show up as table and column names.
  static constexpr std::string_view kReserved[] = {"user",   "order",      "group",   "table",
                                                   "select", "check",      "default", "limit",
                                                   "offset", "references", "to"};
  bool plain = !name.empty() && !std::isdigit(static_cast<unsigned char>(name[0])) &&
               std::find(std::begin(kReserved), std::end(kReserved), name) == std::end(kReserved);
  for (const char c : name) {
    plain = plain && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_');
  }
  if (plain) return std::string(name);
  std::string out = "\"";
  for (const char c : name) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

}  // namespace migralint
