// diagnostic.cc: severity names and the one sort order of every report.
#include "migralint/diagnostic.h"

#include <tuple>

namespace migralint {

std::string_view SeverityName(Severity severity) {
  switch (severity) {
    case Severity::kInfo:
      return "info";
    case Severity::kWarning:
      return "warning";
    case Severity::kError:
      return "error";
  }
  return "error";
}

std::optional<Severity> ParseSeverity(std::string_view name) {
  if (name == "info") return Severity::kInfo;
  if (name == "warning") return Severity::kWarning;
  if (name == "error") return Severity::kError;
  return std::nullopt;
}

bool DiagnosticLess(const Diagnostic& a, const Diagnostic& b) {
  return std::tie(a.path, a.start.line, a.start.column, a.rule, a.end.line, a.end.column,
                  a.message) < std::tie(b.path, b.start.line, b.start.column, b.rule, b.end.line,
                                        b.end.column, b.message);
}

}  // namespace migralint
