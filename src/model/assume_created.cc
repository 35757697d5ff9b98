// assume_created.cc: the head of a CREATE statement read word by word, for statements the
// parser rejected.
#include <cctype>
#include <string>
#include <vector>

#include "model/replay.h"

namespace migralint::model {
namespace {

// Words and quoted names of `text`, up to the first '(' or ';'; names lower-cased unless quoted.
std::vector<std::string> HeadWords(std::string_view text) {
  std::vector<std::string> words;
  std::size_t i = 0;
  while (i < text.size() && words.size() < 12) {
    const char c = text[i];
    if (c == '(' || c == ';') break;
    if (std::isspace(static_cast<unsigned char>(c))) {
      ++i;
    } else if (c == '"') {
      const std::size_t close = text.find('"', i + 1);
      words.emplace_back(text.substr(
          i + 1, close == std::string_view::npos ? std::string_view::npos : close - i - 1));
      i = close == std::string_view::npos ? text.size() : close + 1;
    } else if (c == '.') {
      if (!words.empty()) words.back() += ".";
      ++i;
      // The next word belongs to the same qualified name.
      if (i < text.size() && !words.empty()) {
        std::size_t j = i;
        const bool quoted = text[j] == '"';
        if (quoted) {
          const std::size_t close = text.find('"', j + 1);
          words.back() += std::string(text.substr(j + 1, close - j - 1));
          i = close == std::string_view::npos ? text.size() : close + 1;
        } else {
          while (j < text.size() &&
                 (std::isalnum(static_cast<unsigned char>(text[j])) || text[j] == '_'))
            ++j;
          std::string part(text.substr(i, j - i));
          for (char& ch : part)
            ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
          words.back() += part;
          i = j;
        }
      }
    } else {
      std::size_t j = i;
      while (j < text.size() &&
             (std::isalnum(static_cast<unsigned char>(text[j])) || text[j] == '_'))
        ++j;
      if (j == i) break;
      std::string word(text.substr(i, j - i));
      for (char& ch : word) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      words.push_back(std::move(word));
      i = j;
    }
  }
  return words;
}

}  // namespace

void Replay::AssumeCreated(std::string_view text, const Origin& origin) {
  std::vector<std::string> w = HeadWords(text);
  std::size_t i = 0;
  auto skip = [&](const char* word) {
    if (i < w.size() && w[i] == word) ++i;
  };
  if (w.empty() || w[i++] != "create") return;
  skip("or");
  skip("replace");
  skip("temp");
  skip("temporary");
  skip("unlogged");
  skip("materialized");
  if (i >= w.size()) return;
  const std::string kind = w[i++];
  skip("if");
  skip("not");
  skip("exists");
  if (i >= w.size()) return;
  std::string name = w[i];
  if (name.find('.') == std::string::npos) name = "public." + name;
  const std::string schema = name.substr(0, name.find('.'));
  if (kind == "table") {
    if (schema_.tables.count(name)) return;
    Table table{.schema = schema, .name = name.substr(name.find('.') + 1)};
    table.columns_known = false;
    table.origin = origin;
    schema_.tables.emplace(name, std::move(table));
  } else if (kind == "view") {
    schema_.views.emplace(name, origin);
  } else if (kind == "function" || kind == "procedure") {
    Function f{.schema = schema, .name = name.substr(name.find('.') + 1)};
    f.origin = origin;
    schema_.functions.emplace(name, std::move(f));
  } else if (kind == "type" || kind == "domain") {
    AddType(name, UserType::Kind::kOther, origin);
  } else if (kind == "sequence") {
    schema_.sequences.emplace(name, origin);
  }
}

}  // namespace migralint::model
