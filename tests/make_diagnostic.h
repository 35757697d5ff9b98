// make_diagnostic.h: a finding built in one call, for the report tests.
#pragma once

#include <string>

#include "migralint/diagnostic.h"

namespace migralint::testing {

inline Diagnostic MakeDiagnostic(std::string rule, Severity severity, std::string path,
                                 Position start, Position end, std::string message,
                                 std::string help = "") {
  Diagnostic d;
  d.rule = std::move(rule);
  d.severity = severity;
  d.path = std::move(path);
  d.start = start;
  d.end = end;
  d.message = std::move(message);
  d.help = std::move(help);
  return d;
}

}  // namespace migralint::testing
