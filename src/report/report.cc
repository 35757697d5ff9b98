// report.cc: format names, the dispatch to each format, and the helpers they share.
#include "report/report.h"

#include <string>

#include "lint/registry.h"
#include "report/common.h"

#ifndef MIGRALINT_VERSION
#define MIGRALINT_VERSION "0.1.0"
#endif
// The one place the repository's address is written: CMakeLists.txt, project(HOMEPAGE_URL).
#ifndef MIGRALINT_HOMEPAGE
#define MIGRALINT_HOMEPAGE "https://github.com/migralint/migralint"
#endif

namespace migralint::report {

std::optional<Format> ParseFormat(std::string_view name) {
  if (name == "text") return Format::kText;
  if (name == "gcc") return Format::kGcc;
  if (name == "json") return Format::kJson;
  if (name == "sarif") return Format::kSarif;
  if (name == "github") return Format::kGithub;
  if (name == "html") return Format::kHtml;
  return std::nullopt;
}

bool ShowsExcerpts(Format format) {
  return format == Format::kText || format == Format::kHtml || format == Format::kSarif;
}

bool ShowsTimeline(Format format) { return format == Format::kHtml; }

void Emit(Format format, const lint::LintResult& result, const EmitOptions& options,
          std::ostream& out) {
  switch (format) {
    case Format::kText:
      return EmitText(result, options, out);
    case Format::kGcc:
      return EmitGcc(result, out);
    case Format::kJson:
      return EmitJson(result, out);
    case Format::kSarif:
      return EmitSarif(result, out);
    case Format::kGithub:
      return EmitGithub(result, out);
    case Format::kHtml:
      return EmitHtml(result, out);
  }
}

std::string_view ToolVersion() { return MIGRALINT_VERSION; }

std::string_view HomepageUrl() { return MIGRALINT_HOMEPAGE; }

std::string RuleUrl(std::string_view rule) {
  // The generated page (ci/gen-docs.sh) on the main branch, as GitHub shows a file.
  if (!lint::FindRule(rule)) return {};
  return std::string(HomepageUrl()) + "/blob/main/docs/rules/" + std::string(rule) + ".md";
}

SeverityCounts CountSeverities(const lint::LintResult& result) {
  SeverityCounts counts;
  for (const Diagnostic& d : result.diagnostics) {
    switch (d.severity) {
      case Severity::kError:
        ++counts.error;
        break;
      case Severity::kWarning:
        ++counts.warning;
        break;
      case Severity::kInfo:
        ++counts.info;
        break;
    }
  }
  return counts;
}

std::optional<std::string_view> StartLine(const lint::LintResult& result,
                                          const Diagnostic& diagnostic) {
  auto file = result.lines.find(diagnostic.path);
  if (file == result.lines.end()) return std::nullopt;
  auto line = file->second.find(diagnostic.start.line);
  if (line == file->second.end()) return std::nullopt;
  std::string_view text = line->second;
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.remove_suffix(1);
  return text;
}

Position RegionEnd(const Diagnostic& diagnostic) {
  const Position& s = diagnostic.start;
  const Position& e = diagnostic.end;
  if (e.line < s.line || (e.line == s.line && e.column < s.column)) return s;
  return e;
}

}  // namespace migralint::report
