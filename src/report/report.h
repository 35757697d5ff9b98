// report.h: stage 6 — a lint result printed in one of the formats of spec §3.
#pragma once

#include <optional>
#include <ostream>
#include <string_view>

#include "lint/run.h"

namespace migralint::report {

enum class Format { kText, kGcc, kJson, kSarif, kGithub, kHtml };

/// "text" | "gcc" | "json" | "sarif" | "github" | "html".
std::optional<Format> ParseFormat(std::string_view name);

/// What `format` prints beyond the findings, for lint::Options: the line each finding starts on
/// (text and html excerpts, sarif fingerprints), each set's files (html).
bool ShowsExcerpts(Format format);
bool ShowsTimeline(Format format);

struct EmitOptions {
  bool color = false;  // ANSI colours in text output
  bool quiet = false;  // text: no summary line when there is nothing to report
};

void Emit(Format format, const lint::LintResult& result, const EmitOptions& options,
          std::ostream& out);

// One function per format (report/<format>.cc).
void EmitText(const lint::LintResult& result, const EmitOptions& options, std::ostream& out);
void EmitGcc(const lint::LintResult& result, std::ostream& out);
void EmitJson(const lint::LintResult& result, std::ostream& out);
void EmitSarif(const lint::LintResult& result, std::ostream& out);
void EmitGithub(const lint::LintResult& result, std::ostream& out);
void EmitHtml(const lint::LintResult& result, std::ostream& out);

}  // namespace migralint::report
