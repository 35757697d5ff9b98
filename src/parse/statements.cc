// statements.cc: statement spans and syntax-error diagnostics.
#include "parse/statements.h"

#include <algorithm>
#include <cctype>

#include "parse/lexer.h"

namespace migralint::parse {
namespace {

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Moves `end` back over whitespace and over comments that end there.
std::uint32_t TrimEnd(const FileUnit& unit, std::string_view text, std::uint32_t begin,
                      std::uint32_t end) {
  const auto& comments = unit.comments;
  while (end > begin) {
    if (IsSpace(text[end - 1])) {
      --end;
      continue;
    }
    auto it = std::lower_bound(comments.begin(), comments.end(), end,
                               [](const Comment& c, std::uint32_t e) { return c.end < e; });
    if (it != comments.end() && it->end == end && it->begin >= begin) {
      end = it->begin;
      continue;
    }
    break;
  }
  return end;
}

}  // namespace

void AppendStatements(FileUnit& unit, std::string_view text, ParseTree tree, std::uint32_t base,
                      std::uint32_t chunk_end, int parent, const std::vector<Enclosure>& enclosures,
                      std::vector<Statement>& out) {
  for (std::size_t i = 0; i < tree->n_stmts; ++i) {
    const PgQuery__RawStmt* raw = tree->stmts[i];
    if (!raw->stmt) continue;
    const std::uint32_t from = base + static_cast<std::uint32_t>(raw->stmt_location);
    const std::uint32_t to =
        raw->stmt_len > 0 ? from + static_cast<std::uint32_t>(raw->stmt_len) : chunk_end;
    Statement statement;
    statement.begin = SkipTrivia(text, from, to);
    statement.end = TrimEnd(unit, text, statement.begin, std::min<std::uint32_t>(to, chunk_end));
    statement.node = raw->stmt;
    statement.kind = raw->stmt->node_case;
    statement.parse_base = base;
    statement.parent = parent;
    statement.enclosures = enclosures;
    out.push_back(std::move(statement));
  }
  unit.trees.push_back(std::move(tree).Release());
}

// True when `text` holds `word` in any letter case.
static bool ContainsWord(std::string_view text, std::string_view word) {
  auto lower = [](char c) {
    return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  };
  return std::search(text.begin(), text.end(), word.begin(), word.end(),
                     [&](char a, char b) { return lower(a) == lower(b); }) != text.end();
}

Diagnostic SyntaxError(const SourceFile& source, std::uint32_t at, std::string message) {
  Diagnostic d;
  d.rule = "syntax-error";
  d.path = source.path;
  at = std::min<std::uint32_t>(at, static_cast<std::uint32_t>(source.text().size()));
  d.start = source.At(at);
  std::uint32_t end = TokenEnd(source.text(), at);
  // Keep the underline on one line.
  const std::size_t newline = source.text().find('\n', at);
  if (newline != std::string::npos && end > newline) end = static_cast<std::uint32_t>(newline);
  d.end = source.At(std::max(end, at));
  if (d.end.line == d.start.line && d.end.column == d.start.column) d.end.column += 1;
  d.message = std::move(message);
  d.help = "fix the statement; PostgreSQL rejects it, so the migration fails here";
  // Grammar PostgreSQL 15 (the parser's) rejects and a later version accepts.
  const std::string_view before = std::string_view(source.text()).substr(0, at);
  const std::size_t line = before.rfind('\n');
  const std::string_view line_before = before.substr(line == std::string_view::npos ? 0 : line + 1);
  if (d.message == "subquery in FROM must have an alias") {
    d.accepted_from = 16;
  } else if (d.message == "syntax error at or near \"NOT\"" &&
             ContainsWord(line_before, "CONSTRAINT")) {
    d.accepted_from = 18;  // ADD CONSTRAINT name NOT NULL column
  }
  if (d.accepted_from) {
    d.message +=
        " (in PostgreSQL 15; accepted from PostgreSQL " + std::to_string(d.accepted_from) + ")";
    d.help = "rewrite it for the PostgreSQL the set targets (pg_version), or raise pg_version to " +
             std::to_string(d.accepted_from) + " if the set targets it";
  }
  return d;
}

}  // namespace migralint::parse
