// normalise_prop_test.cc: the normalised hash of migralint.lock ignores what does not change a
// statement (whitespace, comments, the letter case of keywords and plain identifiers) and sees
// every change that does (a literal, an identifier, a keyword).
#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include <cctype>

#include "lock/hashing.h"

namespace migralint::lock {
namespace {

enum class Kind { kKeyword, kIdentifier, kLiteral, kQuoted, kPunct };
struct Token {
  std::string text;
  Kind kind;
};

const std::vector<std::vector<Token>>& Statements() {
  using K = Kind;
  static const std::vector<std::vector<Token>> statements = {
      {{"CREATE", K::kKeyword},
       {"TABLE", K::kKeyword},
       {"accounts", K::kIdentifier},
       {"(", K::kPunct},
       {"id", K::kIdentifier},
       {"bigint", K::kIdentifier},
       {"PRIMARY", K::kKeyword},
       {"KEY", K::kKeyword},
       {",", K::kPunct},
       {"\"Name\"", K::kQuoted},
       {"text", K::kIdentifier},
       {"DEFAULT", K::kKeyword},
       {"'Ann'", K::kLiteral},
       {")", K::kPunct},
       {";", K::kPunct}},
      {{"ALTER", K::kKeyword},
       {"TABLE", K::kKeyword},
       {"accounts", K::kIdentifier},
       {"ADD", K::kKeyword},
       {"COLUMN", K::kKeyword},
       {"age", K::kIdentifier},
       {"int", K::kIdentifier},
       {"CHECK", K::kKeyword},
       {"(", K::kPunct},
       {"age", K::kIdentifier},
       {">", K::kPunct},
       {"18", K::kLiteral},
       {")", K::kPunct},
       {";", K::kPunct}},
      {{"CREATE", K::kKeyword},
       {"INDEX", K::kKeyword},
       {"accounts_age_idx", K::kIdentifier},
       {"ON", K::kKeyword},
       {"accounts", K::kIdentifier},
       {"(", K::kPunct},
       {"age", K::kIdentifier},
       {")", K::kPunct},
       {"WHERE", K::kKeyword},
       {"age", K::kIdentifier},
       {"<", K::kPunct},
       {"120", K::kLiteral},
       {";", K::kPunct}},
  };
  return statements;
}

std::string Join(const std::vector<Token>& tokens) {
  std::string out;
  for (const Token& t : tokens) out += (out.empty() ? "" : " ") + t.text;
  return out;
}

rc::Gen<std::string> Separator() {
  return rc::gen::element<std::string>(" ", "\n", "\t", "  \r\n  ", " /* note */ ",
                                       " /* a /* nested */ b */ ", " -- trailing; comment\n",
                                       "\n\n-- line\n");
}

std::string Recase(const std::string& s, const std::vector<bool>& upper) {
  std::string out = s;
  for (std::size_t i = 0; i < out.size(); ++i) {
    const auto c = static_cast<unsigned char>(out[i]);
    out[i] = static_cast<char>(upper[i % upper.size()] ? std::toupper(c) : std::tolower(c));
  }
  return out;
}

RC_GTEST_PROP(NormalisedHash, IgnoresWhitespaceCommentsAndCase, ()) {
  const auto statements =
      *rc::gen::container<std::vector<int>>(rc::gen::inRange(0, 3)).as("statements");
  RC_PRE(!statements.empty());
  std::string plain, noisy = *Separator();
  for (int index : statements) {
    for (const Token& token : Statements()[static_cast<std::size_t>(index)]) {
      plain += (plain.empty() ? "" : " ") + token.text;
      const bool foldable = token.kind == Kind::kKeyword || token.kind == Kind::kIdentifier;
      const auto upper =
          *rc::gen::container<std::vector<bool>>(1 + token.text.size(), rc::gen::arbitrary<bool>());
      noisy += (foldable ? Recase(token.text, upper) : token.text) + *Separator();
    }
  }
  RC_ASSERT(SemanticHash(noisy) == SemanticHash(plain));
}

RC_GTEST_PROP(NormalisedHash, SeesEveryChangeOfALiteralIdentifierOrKeyword, ()) {
  const auto index = static_cast<std::size_t>(*rc::gen::inRange(0, 3));
  std::vector<Token> tokens = Statements()[index];
  const auto at =
      static_cast<std::size_t>(*rc::gen::inRange<int>(0, static_cast<int>(tokens.size())));
  Token& token = tokens[at];
  RC_PRE(token.kind != Kind::kPunct);
  const std::string before = Join(tokens);
  switch (token.kind) {
    case Kind::kLiteral:
      token.text = token.text.front() == '\'' ? "'Bob'" : token.text + "0";
      break;
    case Kind::kIdentifier:
      token.text += "_x";
      break;
    case Kind::kQuoted:
      token.text = "\"name\"";  // quoted identifiers keep their case
      break;
    case Kind::kKeyword:
      token.text = token.text == "CREATE" ? "DROP"
                   : token.text == "ADD"  ? "DROP"
                                          : "NOT " + token.text;
      break;
    case Kind::kPunct:
      break;
  }
  RC_ASSERT(SemanticHash(Join(tokens)) != SemanticHash(before));
}

TEST(NormalisedHash, DollarQuotedBodiesAreExact) {
  EXPECT_NE(SemanticHash("DO $$ BEGIN PERFORM 1; END $$;"),
            SemanticHash("DO $$ BEGIN PERFORM 2; END $$;"));
  EXPECT_EQ(SemanticHash("do $$ BEGIN PERFORM 1; END $$ ;"),
            SemanticHash("DO $$ BEGIN PERFORM 1; END $$;"));
}

}  // namespace
}  // namespace migralint::lock
