// common.h: helpers shared by the report formats (internal to src/report/).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "lint/run.h"
#include "migralint/diagnostic.h"

namespace migralint::report {

/// migralint's version as printed in JSON and SARIF (MIGRALINT_VERSION, else "0.1.0").
std::string_view ToolVersion();

/// The project's home (CMake's project HOMEPAGE_URL): SARIF's informationUri, base of RuleUrl.
std::string_view HomepageUrl();

/// The page documenting a rule, docs/rules/<id>.md in the repository (JSON `url`, SARIF
/// `helpUri`); empty for an id the registry does not know.
std::string RuleUrl(std::string_view rule);

struct SeverityCounts {
  std::size_t error = 0;
  std::size_t warning = 0;
  std::size_t info = 0;
};
SeverityCounts CountSeverities(const lint::LintResult& result);

/// The source line a diagnostic starts on, without a trailing "\r" or "\n"; nullopt if not kept.
std::optional<std::string_view> StartLine(const lint::LintResult& result,
                                          const Diagnostic& diagnostic);

/// The diagnostic's end, moved to its start if it lies before it (a well-formed region).
Position RegionEnd(const Diagnostic& diagnostic);

}  // namespace migralint::report
