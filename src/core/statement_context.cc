// statement_context.cc: where names are written in a statement, for precise spans.
#include <algorithm>
#include <cctype>

#include "migralint/rule.h"

namespace migralint {
namespace {

bool IdentChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$' ||
         (static_cast<unsigned char>(c) & 0x80);
}

}  // namespace

std::pair<std::uint32_t, std::uint32_t> StatementContext::NameSpan(const std::string& name,
                                                                   std::uint32_t from) const {
  const std::string& text = file.source.text();
  for (std::uint32_t i = std::max(from, statement.begin); i + name.size() <= statement.end; ++i) {
    if (text[i] == '"' && i + name.size() + 2 <= statement.end &&
        text.compare(i + 1, name.size(), name) == 0 && text[i + 1 + name.size()] == '"') {
      return {i, i + static_cast<std::uint32_t>(name.size()) + 2};
    }
    // Unquoted names are folded to lower case by PostgreSQL: compare without case.
    bool same = (i == 0 || !IdentChar(text[i - 1])) &&
                (i + name.size() >= text.size() || !IdentChar(text[i + name.size()]));
    for (std::size_t k = 0; same && k < name.size(); ++k) {
      same = std::tolower(static_cast<unsigned char>(text[i + k])) == name[k];
    }
    if (same) return {i, i + static_cast<std::uint32_t>(name.size())};
  }
  return {statement.begin, statement.end};
}

std::uint32_t StatementContext::NameEnd(std::uint32_t at) const {
  const std::string& text = file.source.text();
  bool quoted = false;
  std::uint32_t i = at;
  for (; i < text.size() && i < statement.end; ++i) {
    const char c = text[i];
    if (c == '"')
      quoted = !quoted;
    else if (!quoted && !IdentChar(c) && c != '.')
      break;
  }
  return i;
}

}  // namespace migralint
