// parse_file.cc: fast path — the whole file through PostgreSQL's parser in one call (a big file
// in chunks of statements); on a syntax error, statement boundaries from tree-sitter and each
// piece parsed on its own.
#include "parse/parse_file.h"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <map>
#include <string>

#include "parse/lexer.h"
#include "parse/pg_parser.h"
#include "parse/plpgsql.h"
#include "parse/statements.h"
#include "parse/ts_boundaries.h"

namespace migralint::parse {
namespace {

void Blank(std::string& text, std::uint32_t begin, std::uint32_t end) {
  for (std::uint32_t i = begin; i < end && i < text.size(); ++i) {
    if (text[i] != '\n') text[i] = ' ';
  }
}

// One past a runner placeholder starting at `i` (on one line), or 0: `${name}` (Flyway,
// Liquibase, goose ENVSUB), a Go template `{{ .X }}` / `{{- … }}`, `$%NAME%$`. Runners replace
// them before PostgreSQL sees the text, inside quotes and bodies too.
std::size_t PlaceholderEnd(std::string_view text, std::size_t i) {
  std::string_view close;
  if (text.compare(i, 2, "${") == 0)
    close = "}";
  else if (text.compare(i, 2, "{{") == 0 && i + 2 < text.size() &&
           (text[i + 2] == ' ' || text[i + 2] == '.' || text[i + 2] == '-' ||
            std::isalpha(static_cast<unsigned char>(text[i + 2]))))
    close = "}}";
  else if (text.compare(i, 2, "$%") == 0)
    close = "%$";
  else
    return 0;
  const std::size_t end = text.find(close, i + 2);
  const std::size_t line_end = text.find('\n', i);
  if (end == std::string_view::npos || end > line_end) return 0;
  // Not an array literal such as '{{1,2},{3,4}}' or '{{a,b}}'.
  if (close == "}}" &&
      text.substr(i + 2, end - i - 2).find_first_of(",{") != std::string_view::npos)
    return 0;
  return end + close.size();
}

// A placeholder's name: what `[placeholders]` keys it by ("schema" for ${schema} and
// $%schema%$, the trimmed inside of a template: ".Namespace").
std::string_view PlaceholderName(std::string_view placeholder) {
  const std::size_t close = placeholder.substr(0, 2) == "${" ? 1 : 2;  // "}" or "}}", "%$"
  std::string_view name = placeholder.substr(2, placeholder.size() - 2 - close);
  while (!name.empty() && (name.front() == ' ' || name.front() == '-')) name.remove_prefix(1);
  while (!name.empty() && (name.back() == ' ' || name.back() == '-')) name.remove_suffix(1);
  return name;
}

}  // namespace

std::string WithPlaceholders(std::string_view text,
                             const std::map<std::string, std::string>& values) {
  std::string out(text);
  for (std::size_t i = text.find_first_of("${"); i != std::string_view::npos;
       i = text.find_first_of("${", i + 1)) {
    const std::size_t end = PlaceholderEnd(text, i);
    if (end == 0) continue;
    const std::size_t length = end - i;
    const std::string_view name = PlaceholderName(text.substr(i, length));
    const auto value = values.find(std::string(name));
    std::string replacement;
    if (value != values.end() && value->second.size() <= length) {
      replacement = value->second;
    } else {  // "_" and the name's letters: the same whatever blanks the placeholder holds
      replacement = "_";
      for (const char c : name) {
        if (std::isalnum(static_cast<unsigned char>(c)) || c == '_')
          replacement += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      }
    }
    // Padded with blanks, outside the quotes when it is quoted: "${schema}" -> "auth"___.
    const bool quoted = i > 0 && text[i - 1] == '"' && end < text.size() && text[end] == '"';
    const std::size_t from = quoted ? i - 1 : i, to = quoted ? end + 1 : end;
    if (quoted) replacement = "\"" + replacement + "\"";
    replacement.resize(to - from, ' ');
    out.replace(from, to - from, replacement);
    i = end - 1;
  }
  return out;
}

namespace {

bool StartsNoCase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(text[i])) != prefix[i]) return false;
  }
  return true;
}

// Text PostgreSQL is given: psql meta-commands and dbmate's down section blanked out, so that
// every offset still matches the file.
std::string Masked(const FileUnit& unit, std::string masked, const Lexed& lexed,
                   std::vector<Diagnostic>& out) {
  for (const Span& meta : lexed.meta_commands) {
    std::string_view command = std::string_view(masked).substr(meta.begin, meta.end - meta.begin);
    const std::size_t space = command.find_first_of(" \t");
    Diagnostic d = SyntaxError(unit.source, meta.begin,
                               "psql meta-command `" + std::string(command.substr(0, space)) +
                                   "` is not SQL: only psql runs it");
    d.help =
        "use SQL instead (e.g. SET for \\set), or run the file with psql and keep it out of "
        "the migration set";
    out.push_back(std::move(d));
    Blank(masked, meta.begin, meta.end);
  }
  // dbmate and goose: only the up sections ("-- migrate:up", "-- +goose Up", any case for
  // goose) are the forward migration.
  bool sections = false, down = false;
  std::uint32_t down_begin = 0;
  for (const Comment& c : lexed.comments) {
    if (!c.own_line) continue;
    const bool is_up = c.text.rfind("migrate:up", 0) == 0 || StartsNoCase(c.text, "+goose up");
    const bool is_down =
        c.text.rfind("migrate:down", 0) == 0 || StartsNoCase(c.text, "+goose down");
    if (is_up) {
      sections = true;
      if (down) Blank(masked, down_begin, c.begin);
      down = false;
    } else if (is_down && !down) {
      down = true;
      down_begin = c.begin;
    }
  }
  if (sections && down) Blank(masked, down_begin, static_cast<std::uint32_t>(masked.size()));
  return masked;
}

// PostgreSQL's error as a finding. A statement too deep to walk is only a warning: PostgreSQL
// may well accept it.
Diagnostic ParseError(const SourceFile& source, std::uint32_t at, const PgError& error) {
  Diagnostic d = SyntaxError(source, at, error.message);
  if (error.too_deep) {
    d.lesser = true;
    d.help =
        "split the expression (a long chain of operators, sub-selects nested in sub-selects); "
        "PostgreSQL may refuse it too (stack depth limit exceeded)";
  }
  return d;
}

// The statements from `start` (a statement boundary) on, piece by piece.
void Recover(FileUnit& unit, const std::string& masked, const Lexed& lexed, std::uint32_t start,
             std::vector<Statement>& statements, std::vector<Diagnostic>& out) {
  // tree-sitter decides which semicolons end statements; PostgreSQL's lexical rules (nested
  // comments, E'' escapes) decide which are semicolons at all.
  std::vector<std::uint32_t> cuts;
  std::vector<std::uint32_t> guessed = StatementSemicolons(std::string_view(masked).substr(start));
  for (std::uint32_t& cut : guessed) cut += start;
  std::set_intersection(guessed.begin(), guessed.end(), lexed.semicolons.begin(),
                        lexed.semicolons.end(), std::back_inserter(cuts));
  if (cuts.empty()) cuts = lexed.semicolons;
  const auto n = static_cast<std::uint32_t>(masked.size());
  // An unterminated literal or comment runs to the end of the file, as in PostgreSQL.
  const std::uint32_t limit =
      lexed.unterminated >= 0 ? static_cast<std::uint32_t>(lexed.unterminated) : n;
  std::vector<Span> pieces;
  std::uint32_t from = start;
  for (std::uint32_t cut : cuts) {
    if (cut < from) continue;
    if (cut >= limit) break;
    pieces.push_back({from, cut});
    from = cut + 1;
  }
  pieces.push_back({from, n});

  // A piece is parsed with its ';', so that PostgreSQL words its errors as for the whole file
  // ("at or near ";"" rather than "at end of input").
  auto parse_range = [&](std::uint32_t begin, std::uint32_t end) {
    return ParseSql(masked.substr(begin, std::min(end + 1, n) - begin).c_str());
  };
  // Pieces tree-sitter split too finely (a ';' inside a construct it does not know) are
  // joined with the next ones until PostgreSQL accepts them. Only a piece PostgreSQL finds
  // unfinished (its error at the ';' or the end) can be: an error before that stays where it
  // is whatever follows.
  constexpr std::size_t kMaxJoin = 8;
  auto unfinished = [&](const Span& piece, const PgParse& parsed) {
    const std::string_view chunk = std::string_view(masked).substr(piece.begin);
    return piece.begin + CursorToOffset(chunk, parsed.error->cursor) >= piece.end;
  };
  for (std::size_t i = 0; i < pieces.size();) {
    const Span piece = pieces[i];
    // Only comments and blanks: nothing to parse. (A comment running past the cut means the
    // cut is inside it, and the piece is joined below.) An unterminated comment is an error.
    const bool open_comment = lexed.unterminated >= piece.begin && lexed.unterminated < piece.end &&
                              masked.compare(limit, 2, "/*") == 0;
    if (SkipTrivia(masked, piece.begin, n) == piece.end && !open_comment) {
      ++i;
      continue;
    }
    PgParse parsed = parse_range(piece.begin, piece.end);
    std::size_t used = 1;
    const bool joinable = parsed.error && unfinished(piece, parsed);
    for (std::size_t j = i + 1; joinable && parsed.error && j < pieces.size() && j - i <= kMaxJoin;
         ++j) {
      PgParse joined = parse_range(piece.begin, pieces[j].end);
      if (!joined.error) {
        parsed = std::move(joined);
        used = j - i + 1;
      }
    }
    const std::uint32_t end = pieces[i + used - 1].end;
    if (parsed.error) {
      const std::string_view chunk = std::string_view(masked).substr(piece.begin);
      Statement broken;  // kept, unparsed, so rules still see where it was
      broken.begin = SkipTrivia(masked, piece.begin, piece.end);
      out.push_back(ParseError(unit.source,
                               parsed.error->too_deep
                                   ? broken.begin
                                   : piece.begin + CursorToOffset(chunk, parsed.error->cursor),
                               *parsed.error));
      broken.end = piece.end;
      statements.push_back(broken);
    } else {
      AppendStatements(unit, masked, std::move(parsed.tree), piece.begin, end, -1, {}, statements);
    }
    i += used;
  }
}

constexpr std::size_t kReparseBudget = 16;

// After a syntax error. The statements between errors parse together; a statement with an error
// inside it ends at the next ';'. Where that is unsure (the ';' before an error is inside a
// statement, or PostgreSQL finds the statement unfinished at its ';'), tree-sitter's boundaries
// decide for the rest of the file (Recover). `error`: PostgreSQL's, for the whole text.
void ParseAroundErrors(FileUnit& unit, const std::string& masked, const Lexed& lexed, PgError error,
                       std::vector<Statement>& statements, std::vector<Diagnostic>& out) {
  const auto n = static_cast<std::uint32_t>(masked.size());
  const std::vector<std::uint32_t>& semicolons = lexed.semicolons;
  auto parse = [&](std::uint32_t begin, std::uint32_t end) {  // [begin, end)
    return ParseSql(masked.substr(begin, end - begin).c_str());
  };
  auto offset = [&](std::uint32_t begin, const PgError& e) {
    return begin + CursorToOffset(std::string_view(masked).substr(begin), e.cursor);
  };
  // Each round parses the rest of the file again: past a few times the file's length,
  // tree-sitter's one pass is cheaper.
  std::size_t budget = kReparseBudget * std::size_t{n};
  std::uint32_t start = 0;
  for (;;) {
    // `error` is for the text from `start` on; first the statements before the one it is in.
    const std::uint32_t error_at = offset(start, error);
    auto next = std::lower_bound(semicolons.begin(), semicolons.end(), error_at);
    if (next != semicolons.begin() && *std::prev(next) >= start) {
      const std::uint32_t last = *std::prev(next);
      PgParse before = parse(start, last + 1);
      if (!before.tree) break;
      AppendStatements(unit, masked, std::move(before.tree), start, last, -1, {}, statements);
      start = last + 1;
    }
    if (next == semicolons.end()) break;  // the last statement: Recover handles what ends a file
    const std::uint32_t end = *next;
    PgParse piece = parse(start, end + 1);  // with its ';', worded as in the whole file
    if (!piece.error || offset(start, *piece.error) >= end) break;
    Statement broken;  // kept, unparsed, so rules still see where it was
    broken.begin = SkipTrivia(masked, start, end);
    out.push_back(ParseError(unit.source,
                             piece.error->too_deep ? broken.begin : offset(start, *piece.error),
                             *piece.error));
    broken.end = end;
    statements.push_back(broken);
    start = end + 1;
    if (SkipTrivia(masked, start, n) == n && lexed.unterminated < 0) return;
    if (n - start > budget) break;
    budget -= n - start;
    PgParse rest = parse(start, n);
    if (rest.tree) {
      AppendStatements(unit, masked, std::move(rest.tree), start, n, -1, {}, statements);
      return;
    }
    error = *rest.error;
  }
  Recover(unit, masked, lexed, start, statements, out);
}

// A big file through PostgreSQL's parser a run of statements at a time: reading the parser's
// JSON for a whole 14 MB file took a gigabyte. A chunk ends at the first ';' past
// `chunk_bytes`; where PostgreSQL finds it unfinished there (that ';' was inside a BEGIN ATOMIC
// body or a CREATE RULE), it grows to the next ';'. False on a syntax error: the caller then
// parses as for any file with one.
bool ParseInChunks(FileUnit& unit, const std::string& masked, const Lexed& lexed,
                   std::size_t chunk_bytes, std::vector<Statement>& statements) {
  const auto n = static_cast<std::uint32_t>(masked.size());
  const std::vector<std::uint32_t>& semicolons = lexed.semicolons;
  auto next = semicolons.begin();
  for (std::uint32_t begin = 0; SkipTrivia(masked, begin, n) < n;) {
    next = std::lower_bound(next, semicolons.end(), begin + chunk_bytes);
    for (;;) {
      const std::uint32_t end = next == semicolons.end() ? n : *next + 1;
      PgParse parsed = ParseSql(masked.substr(begin, end - begin).c_str());
      if (parsed.tree) {
        AppendStatements(unit, masked, std::move(parsed.tree), begin,
                         next == semicolons.end() ? n : *next, -1, {}, statements);
        begin = end;
        break;
      }
      if (next == semicolons.end()) return false;
      const std::uint32_t at =
          begin + CursorToOffset(std::string_view(masked).substr(begin), parsed.error->cursor);
      if (at < *next) return false;  // an error inside the chunk, not its end
      ++next;
    }
  }
  return true;
}

}  // namespace

void ParseFile(FileUnit& unit, std::vector<Diagnostic>& out, std::size_t chunk_bytes) {
  static const std::map<std::string, std::string> kNone;
  std::string text =
      WithPlaceholders(unit.source.text(), unit.placeholders ? *unit.placeholders : kNone);
  const Lexed lexed = Lex(text);
  unit.comments = lexed.comments;
  const std::string masked = Masked(unit, std::move(text), lexed, out);
  const auto n = static_cast<std::uint32_t>(masked.size());
  if (SkipTrivia(masked, 0, n) == n && lexed.unterminated < 0) return;  // empty or comments only

  std::vector<Statement> top;
  if (n <= chunk_bytes || lexed.unterminated >= 0 ||
      !ParseInChunks(unit, masked, lexed, chunk_bytes, top)) {
    top.clear();
    PgParse parsed = ParseSql(masked.c_str());
    if (parsed.tree) {
      AppendStatements(unit, masked, std::move(parsed.tree), 0, n, -1, {}, top);
    } else {
      ParseAroundErrors(unit, masked, lexed, *parsed.error, top, out);
    }
  }

  // Nested PL/pgSQL statements follow their parent.
  unit.statements.clear();
  unit.statements.reserve(top.size());
  for (const Statement& statement : top) {
    const int index = static_cast<int>(unit.statements.size());
    unit.statements.push_back(statement);
    for (Statement& nested : NestedStatements(unit, masked, statement, index, out)) {
      unit.statements.push_back(std::move(nested));
    }
  }
}

}  // namespace migralint::parse
