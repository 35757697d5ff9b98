// github.cc: GitHub Actions workflow commands (`::error file=…::message`), one per finding.
#include <string>

#include "report/common.h"
#include "report/excerpt.h"
#include "report/report.h"

namespace migralint::report {

namespace {

std::string_view CommandName(Severity severity) {
  switch (severity) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kInfo:
      return "notice";
  }
  return "error";
}

// actions/toolkit command.ts: escapeData for the message; escapeProperty adds ':' and ','.
// Other control bytes are written escaped (Printable): the log shows them, never runs them.
std::string Escape(std::string_view raw, bool property) {
  const std::string text = Printable(raw, "\r\n");
  std::string escaped;
  escaped.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '%':
        escaped += "%25";
        break;
      case '\r':
        escaped += "%0D";
        break;
      case '\n':
        escaped += "%0A";
        break;
      case ':':
        escaped += property ? "%3A" : ":";
        break;
      case ',':
        escaped += property ? "%2C" : ",";
        break;
      default:
        escaped += c;
    }
  }
  return escaped;
}

}  // namespace

void EmitGithub(const lint::LintResult& result, std::ostream& out) {
  for (const Diagnostic& d : result.diagnostics) {
    const Position end = RegionEnd(d);
    out << "::" << CommandName(d.severity) << " file=" << Escape(d.path, true)
        << ",line=" << d.start.line;
    // GitHub honours col/endColumn only on a one-line annotation (ecosystem.md §3).
    if (end.line == d.start.line) out << ",col=" << d.start.column;
    out << ",endLine=" << end.line;
    if (end.line == d.start.line) out << ",endColumn=" << end.column;
    out << ",title=" << Escape(d.rule, true) << "::" << Escape(d.message, false) << '\n';
  }
}

}  // namespace migralint::report
