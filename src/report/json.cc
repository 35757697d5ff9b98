// json.cc: the one JSON object of spec §3 (sets, diagnostics, summary).
#include <nlohmann/json.hpp>

#include "report/common.h"
#include "report/report.h"

namespace migralint::report {

void EmitJson(const lint::LintResult& result, std::ostream& out) {
  using Json = nlohmann::ordered_json;
  Json sets = Json::array();
  for (const lint::SetSummary& set : result.sets) {
    sets.push_back({{"root", set.root}, {"layout", set.layout}, {"files", set.files}});
  }
  Json diagnostics = Json::array();
  for (const Diagnostic& d : result.diagnostics) {
    diagnostics.push_back({{"rule", d.rule},
                           {"severity", SeverityName(d.severity)},
                           {"path", d.path},
                           {"line", d.start.line},
                           {"column", d.start.column},
                           {"end_line", d.end.line},
                           {"end_column", d.end.column},
                           {"message", d.message},
                           {"help", d.help}});
  }
  const SeverityCounts counts = CountSeverities(result);
  const Json report = {
      {"version", 1},
      {"tool", {{"name", "migralint"}, {"version", ToolVersion()}}},
      {"sets", std::move(sets)},
      {"diagnostics", std::move(diagnostics)},
      {"summary",
       {{"files", result.files},
        {"statements", result.statements},
        {"error", counts.error},
        {"warning", counts.warning},
        {"info", counts.info}}},
  };
  // Messages quote source text, which may not be valid UTF-8: replace, never throw.
  out << report.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

}  // namespace migralint::report
