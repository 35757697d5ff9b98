// diagnostic.h: one finding, as every stage reports it and every format prints it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace migralint {

enum class Severity : std::uint8_t { kInfo = 0, kWarning = 1, kError = 2 };

/// "error", "warning", "info".
std::string_view SeverityName(Severity severity);
/// Parses "error" | "warning" | "info"; nullopt otherwise.
std::optional<Severity> ParseSeverity(std::string_view name);

/// A 1-based position; columns count Unicode code points.
struct Position {
  std::uint32_t line = 1;
  std::uint32_t column = 1;
};

/// One change to a file's text: the bytes [begin, end) replaced by `text` (an insertion when
/// begin == end). `start` and `stop` are the same span as positions.
struct Edit {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  std::string text;
  Position start;
  Position stop;
};

/// A mechanical change that resolves a finding without a decision by a person (`migralint fix`
/// applies it; JSON and SARIF carry it). Its edits are in the finding's own file.
struct Fix {
  std::string title;  // what it does: "add IF NOT EXISTS"
  std::vector<Edit> edits;
};

struct Diagnostic {
  std::string rule;  // permanent rule id, e.g. "syntax-error"
  Severity severity = Severity::kError;
  std::string path;  // as the user would type it from the current directory
  Position start;
  Position end;  // exclusive: one past the last character
  std::string message;
  std::string help;
  /// A milder variant of its rule's finding (e.g. a cosmetic edit): reported one severity level
  /// below the rule's.
  bool lesser = false;
  /// A syntax error of the parser's grammar (PostgreSQL 15) that a later major version accepts:
  /// that version (0: none). Not reported when the set targets it (pg_version).
  int accepted_from = 0;
  /// A graver variant of its rule's finding (e.g. a long name that collides with another):
  /// reported one severity level above the rule's.
  bool graver = false;
  /// How to resolve it mechanically, when that is safe.
  std::optional<Fix> fix;
};

/// Sort order of every report: path, line, column, rule.
bool DiagnosticLess(const Diagnostic& a, const Diagnostic& b);

}  // namespace migralint
