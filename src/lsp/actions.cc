// actions.cc: ignore comments to insert, rule names under the cursor, explanations.
#include "lsp/actions.h"

#include <algorithm>
#include <vector>

#include "lint/registry.h"
#include "lint/suppressions.h"
#include "lsp/text.h"
#include "migralint/diagnostic.h"
#include "migralint/rule.h"
#include "migralint/statement.h"
#include "parse/parse_file.h"

namespace migralint::lsp {
namespace {

bool Blank(char c) { return c == ' ' || c == '\t'; }

}  // namespace

LineInsert IgnoreComment(std::string_view text, std::string_view rule, std::uint32_t line,
                         std::size_t byte) {
  const std::string reason = ": <reason>\n";
  const Lines lines(text);
  std::size_t offset = 0;  // of the finding in `text`: past `line` line ends, then `byte`
  for (std::uint32_t l = 0; l < line && offset < text.size(); ++l) {
    const std::size_t newline = text.find('\n', offset);
    offset = newline == std::string_view::npos ? text.size() : newline + 1;
  }
  offset += std::min(byte, lines.Line(line).size());

  FileUnit unit;
  unit.source.SetText(std::string(text));
  std::vector<Diagnostic> ignored;
  parse::ParseFile(unit, ignored);
  const Statement* holding = nullptr;
  for (const Statement& s : unit.statements) {
    if (s.IsNested()) continue;
    if (s.begin > offset) break;
    holding = &s;
  }
  if (!holding) {
    bool before_first = true;
    for (const Statement& s : unit.statements) before_first = before_first && s.begin > offset;
    if (before_first && !unit.statements.empty())
      return {0, "-- migralint-ignore-file " + std::string(rule) + reason};
  }
  std::uint32_t at = line;
  if (holding && offset <= holding->end + 1) at = unit.source.At(holding->begin).line - 1;
  const std::string_view target = lines.Line(at);
  std::size_t indent = 0;
  while (indent < target.size() && Blank(target[indent])) ++indent;
  return {at, std::string(target.substr(0, indent)) + "-- migralint-ignore " + std::string(rule) +
                  reason};
}

std::string IgnoredRuleAt(std::string_view line, std::size_t byte) {
  const std::size_t dashes = line.find("--");
  if (dashes == std::string_view::npos || byte < dashes) return {};
  std::size_t at = dashes + 2;
  while (at < line.size() && Blank(line[at])) ++at;
  bool squawk = false;
  bool matched = false;
  for (const std::string_view prefix :
       {"migralint-ignore-file", "migralint-ignore", "squawk-ignore-file", "squawk-ignore"}) {
    if (line.substr(at, prefix.size()) == prefix) {
      squawk = prefix.front() == 's';
      at += prefix.size();
      matched = true;
      break;
    }
  }
  if (!matched) return {};
  // The names: up to ':' (the reason), separated by ',' or blanks.
  const std::size_t colon = line.find(':', at);
  const std::size_t end = colon == std::string_view::npos ? line.size() : colon;
  while (at < end) {
    while (at < end && (line[at] == ',' || Blank(line[at]))) ++at;
    std::size_t stop = at;
    while (stop < end && line[stop] != ',' && !Blank(line[stop])) ++stop;
    if (stop > at && byte >= at && byte <= stop) {
      const std::string_view name = line.substr(at, stop - at);
      std::string id(squawk ? lint::SquawkAlias(name) : name);
      return lint::FindRule(id) ? id : std::string();
    }
    at = stop;
  }
  return {};
}

std::string Explanation(std::string_view rule) {
  const lint::RuleEntry* entry = lint::FindRule(rule);
  if (!entry) return {};
  std::string text(entry->docs);
  text += "\n**Default:** " + std::string(SeverityName(entry->rule->severity)) + " (" +
          std::string(entry->rule->category) + ")\n";
  return text;
}

}  // namespace migralint::lsp
