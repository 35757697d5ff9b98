// lexer.h: just enough of PostgreSQL's lexical rules to find comments, semicolons, psql
// meta-commands and the edges of statements — strings, E'' escapes, quoted identifiers,
// dollar quotes and nested block comments included.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "migralint/statement.h"

namespace migralint::parse {

struct Span {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
};

struct Lexed {
  std::vector<Comment> comments;
  std::vector<std::uint32_t> semicolons;  // outside strings, identifiers and comments
  std::vector<Span> meta_commands;        // psql backslash lines, e.g. "\set ON_ERROR_STOP on"
  /// Where an unterminated string, identifier, dollar quote or comment starts, if any.
  std::int64_t unterminated = -1;
};

Lexed Lex(std::string_view text);

/// First offset in [pos, end) that is not whitespace or a comment (or `end`).
std::uint32_t SkipTrivia(std::string_view text, std::uint32_t pos, std::uint32_t end);

/// One past the token starting at `pos`: a word, a quoted string or identifier, or one character.
std::uint32_t TokenEnd(std::string_view text, std::uint32_t pos);

/// The length of a dollar-quote tag ("$$", "$body$") starting at `pos`, or 0.
std::uint32_t DollarTagLength(std::string_view text, std::uint32_t pos);

}  // namespace migralint::parse
