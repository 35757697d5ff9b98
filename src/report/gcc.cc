// gcc.cc: `path:line:col: severity: message [rule-id]`, one finding per line, for editors.
#include <string>

#include "report/excerpt.h"
#include "report/report.h"

namespace migralint::report {

namespace {

std::string_view GccSeverity(Severity severity) {
  return severity == Severity::kInfo ? "note" : SeverityName(severity);
}

// One finding per line: a line break inside a message would start a bogus one, a control byte
// would reach the terminal.
std::string OneLine(std::string_view text) {
  std::string line(text);
  for (char& c : line) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  return Printable(line);
}

}  // namespace

void EmitGcc(const lint::LintResult& result, std::ostream& out) {
  for (const Diagnostic& d : result.diagnostics) {
    out << Printable(d.path) << ':' << d.start.line << ':' << d.start.column << ": "
        << GccSeverity(d.severity) << ": " << OneLine(d.message) << " [" << d.rule << "]\n";
  }
}

}  // namespace migralint::report
