// text.cc: for people — each finding with its source line, a caret underline and the help,
// then a summary line (rustc/ruff style).
#include <cstdint>
#include <string>

#include "report/common.h"
#include "report/excerpt.h"
#include "report/report.h"

namespace migralint::report {

namespace {

struct Style {
  bool on = false;
  std::string_view operator()(std::string_view code) const { return on ? code : ""; }
};
constexpr std::string_view kReset = "\x1b[0m";
constexpr std::string_view kBold = "\x1b[1m";
constexpr std::string_view kGutter = "\x1b[1;34m";

std::string_view SeverityColor(Severity severity) {
  switch (severity) {
    case Severity::kError:
      return "\x1b[1;31m";
    case Severity::kWarning:
      return "\x1b[1;33m";
    case Severity::kInfo:
      return "\x1b[1;36m";
  }
  return "";
}

// Decodes the UTF-8 code point at text[i] and advances i (a stray byte counts as one).
char32_t NextCodePoint(std::string_view text, std::size_t& i) {
  const auto lead = static_cast<unsigned char>(text[i++]);
  const int extra = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC0 ? 1 : 0;
  char32_t cp = extra == 0 ? lead : lead & (0x3F >> extra);
  for (int k = 0; k < extra && i < text.size(); ++k) {
    const auto next = static_cast<unsigned char>(text[i]);
    if ((next & 0xC0) != 0x80) break;
    cp = (cp << 6) | (next & 0x3F);
    ++i;
  }
  return cp;
}

// Terminal cells a code point takes: 0 for combining marks, 2 for wide East Asian and emoji.
int CellWidth(char32_t cp) {
  if ((cp >= 0x0300 && cp <= 0x036F) || cp == 0x200D || (cp >= 0xFE00 && cp <= 0xFE0F)) return 0;
  const bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
                    (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                    (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
                    (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F) ||
                    (cp >= 0x1F900 && cp <= 0x1F9FF) || (cp >= 0x20000 && cp <= 0x3FFFD);
  return wide ? 2 : 1;
}

// The underline for code point columns [first, last) of `line` (1-based, last exclusive):
// the text before it as blanks (tabs kept, so it lines up), then at least one caret.
std::string Underline(std::string_view line, std::uint32_t first, std::uint32_t last) {
  std::string prefix;
  std::string carets;
  std::uint32_t column = 1;
  for (std::size_t i = 0; i < line.size() && column < last; ++column) {
    const char32_t cp = NextCodePoint(line, i);
    const int width = cp == U'\t' ? 1 : CellWidth(cp);
    if (column < first) {
      prefix += cp == U'\t' ? std::string("\t") : std::string(width, ' ');
    } else {
      carets += std::string(width, '^');
    }
  }
  for (; column < first; ++column) prefix += ' ';  // starts past the end of the line
  if (carets.empty()) carets = "^";
  return prefix + carets;
}

std::string Count(std::size_t n, std::string_view noun) {
  return std::to_string(n) + " " + std::string(noun) + (n == 1 ? "" : "s");
}

void EmitFinding(Excerpts& excerpts, const Diagnostic& d, const Style& style, std::ostream& out) {
  out << style(kBold) << Printable(d.path) << ':' << d.start.line << ':' << d.start.column << ":"
      << style(kReset) << ' ' << style(SeverityColor(d.severity)) << SeverityName(d.severity) << '['
      << d.rule << "]:" << style(kReset) << ' ' << style(kBold) << Printable(d.message)
      << style(kReset) << '\n';
  // The gutter, as rustc draws it: "12 | source", "   | ^^^", "   = help: ...".
  const std::string number = std::to_string(d.start.line);
  const std::string blank(number.size() + 1, ' ');
  if (auto excerpt = excerpts.Of(d)) {
    const std::uint32_t last = excerpt->last ? excerpt->last : UINT32_MAX;
    out << style(kGutter) << number << " |" << style(kReset) << ' ' << excerpt->text << '\n';
    out << style(kGutter) << blank << '|' << style(kReset) << ' '
        << style(SeverityColor(d.severity)) << Underline(excerpt->text, excerpt->first, last)
        << style(kReset) << '\n';
  }
  if (!d.help.empty()) {
    out << blank << style(kBold) << "= help:" << style(kReset) << ' ' << Printable(d.help) << '\n';
  }
}

}  // namespace

void EmitText(const lint::LintResult& result, const EmitOptions& options, std::ostream& out) {
  if (options.quiet && result.diagnostics.empty()) return;
  const Style style{options.color};
  Excerpts excerpts(result);
  for (const Diagnostic& d : result.diagnostics) {
    EmitFinding(excerpts, d, style, out);
    out << '\n';
  }
  // Each set, with the runner whose way of executing files the findings assume.
  for (const lint::SetSummary& set : result.sets) {
    out << set.root << ": " << Count(set.files, "migration") << ", run by " << set.runner << " ("
        << set.layout << " layout";
    if (set.others) out << "; " << Count(set.others, "other file") << " linted, not replayed";
    out << ")\n";
  }
  // What was left out, so nobody mistakes a narrowed report for a clean set.
  if (result.unchanged && *result.unchanged) {
    out << Count(*result.unchanged, "finding") << " in files unchanged since "
        << result.changed_since << " not shown (--changed-since)\n";
  }
  if (result.baselined && *result.baselined) {
    out << Count(*result.baselined, "finding") << " baselined in migralint.baseline not shown "
        << "(--no-baseline shows them)\n";
  }
  const std::string where =
      " in " + Count(result.files, "file") + " (" + Count(result.statements, "statement") + ")";
  if (result.diagnostics.empty()) {
    out << style(kBold) << "no problems" << where << style(kReset) << '\n';
    return;
  }
  const SeverityCounts counts = CountSeverities(result);
  out << style(kBold) << Count(counts.error, "error") << ", " << Count(counts.warning, "warning")
      << ", " << Count(counts.info, "info") << where << style(kReset) << '\n';
}

}  // namespace migralint::report
