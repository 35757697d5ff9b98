// sql_words.h: the words of a statement's text as written, for fixes that insert or replace
// keywords ("IF NOT EXISTS" after "CREATE TABLE") in the user's own text, comments and case kept.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace migralint {

/// One token of SQL text: a word (keyword or plain identifier), a quoted identifier, a literal
/// (quoted or dollar-quoted, as one token) or a single other character. Comments and blanks
/// are not tokens.
struct Word {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  bool plain = false;  // a keyword or unquoted identifier: compare with Is()

  /// True when it is the plain word `lower` (given in lower case), in any letter case.
  bool Is(std::string_view text, std::string_view lower) const;
};

/// The tokens of text[begin, end), at most `limit` of them.
std::vector<Word> Words(std::string_view text, std::uint32_t begin, std::uint32_t end,
                        std::size_t limit = SIZE_MAX);

/// Index of the first token from `from` that is the plain word `lower`, or words.size().
std::size_t FindWord(std::string_view text, const std::vector<Word>& words, std::string_view lower,
                     std::size_t from = 0);

/// `keywords` (written in upper case) in the letter case of `word` as written: lower case when
/// the word has no upper-case letter, so that an inserted clause reads like its neighbours.
std::string InCaseOf(std::string_view text, const Word& word, std::string keywords);

/// `name` as an identifier in SQL text: as it is when it is lower-case letters, digits and
/// underscores (not first a digit) and not a reserved word such as "user", else double-quoted.
std::string QuoteIdent(std::string_view name);

}  // namespace migralint
