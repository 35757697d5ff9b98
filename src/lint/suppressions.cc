// suppressions.cc: parsing ignore comments and matching them against findings.
#include "lint/suppressions.h"

#include <algorithm>
#include <cstddef>
#include <string_view>
#include <tuple>
#include <unordered_map>

#include "lint/registry.h"

namespace migralint::lint {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

// "rule-a, rule-b: reason" -> {"rule-a", "rule-b"}. squawk writes "rule-a rule-b".
std::vector<std::string> RuleNames(std::string_view list) {
  list = list.substr(0, list.find(':'));
  std::vector<std::string> names;
  std::size_t i = 0;
  while (i < list.size()) {
    while (i < list.size() && (list[i] == ',' || list[i] == ' ' || list[i] == '\t')) ++i;
    std::size_t j = i;
    while (j < list.size() && list[j] != ',' && list[j] != ' ' && list[j] != '\t') ++j;
    if (j > i) names.emplace_back(list.substr(i, j - i));
    i = j;
  }
  return names;
}

// The statement a trailing ignore sits on (the last one on its line), or the next one after an
// own-line ignore. Statements are in file order (nested ones after their parent, inside it), and
// top-level ones do not overlap: a binary search finds it.
const Statement* CoveredStatement(const FileUnit& unit, const Comment& comment) {
  const std::vector<Statement>& statements = unit.statements;
  auto begins_before = [](const Statement& s, std::uint32_t at) { return s.begin < at; };
  if (comment.own_line) {
    auto it = std::lower_bound(statements.begin(), statements.end(), comment.end, begins_before);
    while (it != statements.end() && it->IsNested()) ++it;
    return it == statements.end() ? nullptr : &*it;
  }
  const LineIndex& lines = unit.source.lines();
  const std::uint32_t line = unit.source.At(comment.begin).line;
  const std::uint32_t line_begin = lines.LineStart(line);
  const std::uint32_t line_end = line < lines.LineCount()
                                     ? lines.LineStart(line + 1)
                                     : static_cast<std::uint32_t>(unit.source.text().size()) + 1;
  auto it = std::lower_bound(statements.begin(), statements.end(), line_end, begins_before);
  while (it != statements.begin()) {
    --it;
    if (!it->IsNested()) return it->end >= line_begin ? &*it : nullptr;
  }
  return nullptr;
}

// "migralint-ignore[-file]" or "squawk-ignore[-file]" at the start of a comment.
bool StripIgnorePrefix(std::string_view& text, bool& squawk, bool& file_wide) {
  for (auto [prefix, is_squawk, is_file] :
       {std::tuple{"migralint-ignore-file", false, true},
        std::tuple{"migralint-ignore", false, false}, std::tuple{"squawk-ignore-file", true, true},
        std::tuple{"squawk-ignore", true, false}}) {
    const std::string_view p(prefix);
    if (text.substr(0, p.size()) == p &&
        (text.size() == p.size() || text[p.size()] == ' ' || text[p.size()] == ':')) {
      squawk = is_squawk;
      file_wide = is_file;
      text.remove_prefix(p.size());
      return true;
    }
  }
  return false;
}

}  // namespace

std::vector<Ignore> FindIgnores(const FileUnit& unit) {
  std::vector<Ignore> ignores;
  const std::uint32_t first_statement =
      unit.statements.empty() ? ~0u : unit.statements.front().begin;
  for (const Comment& comment : unit.comments) {
    std::string_view text = comment.text;
    bool squawk = false, file_wide = false;
    if (!StripIgnorePrefix(text, squawk, file_wide)) continue;
    Ignore ignore;
    ignore.from_squawk = squawk;
    ignore.file_wide = file_wide;
    ignore.comment_start = unit.source.At(comment.begin);
    ignore.comment_end = unit.source.At(comment.end);
    for (const std::string& name : RuleNames(Trim(text))) {
      std::string id = squawk ? std::string(SquawkAlias(name)) : name;
      if (!id.empty() && FindRule(id))
        ignore.rules.push_back(id);
      else
        ignore.unknown.push_back(name);
    }
    if (file_wide) {
      // Only in the leading comments, before the first statement.
      if (comment.begin > first_statement) ignore.file_wide = false;
    }
    if (!ignore.file_wide) {
      if (const Statement* s = CoveredStatement(unit, comment)) {
        ignore.first_line = unit.source.At(s->begin).line;
        ignore.last_line = unit.source.At(s->end).line;
      } else {
        // Nothing to attach to: cover the comment's own line and the next.
        ignore.first_line = ignore.comment_start.line;
        ignore.last_line = ignore.comment_start.line + (comment.own_line ? 1 : 0);
      }
      if (!comment.own_line)
        ignore.first_line = std::min(ignore.first_line, ignore.comment_start.line);
    }
    ignores.push_back(std::move(ignore));
  }
  return ignores;
}

void ApplyIgnores(const std::vector<Ignore>& ignores, const std::string& path,
                  const std::vector<std::string>& enabled, std::vector<Diagnostic>& diagnostics) {
  std::vector<std::vector<bool>> used(ignores.size());
  // Each ignore's rules by id; the line-bound ignores by first line (with the furthest last line
  // up to each), so that a finding looks only at the ignores that may cover it.
  std::vector<std::unordered_map<std::string_view, std::vector<std::size_t>>> by_rule(
      ignores.size());
  std::vector<std::size_t> file_wide, ranged;
  for (std::size_t i = 0; i < ignores.size(); ++i) {
    used[i].assign(ignores[i].rules.size(), false);
    for (std::size_t r = 0; r < ignores[i].rules.size(); ++r)
      by_rule[i][ignores[i].rules[r]].push_back(r);
    (ignores[i].file_wide ? file_wide : ranged).push_back(i);
  }
  std::stable_sort(ranged.begin(), ranged.end(), [&](std::size_t a, std::size_t b) {
    return ignores[a].first_line < ignores[b].first_line;
  });
  std::vector<std::uint32_t> reach(ranged.size());  // max last_line of ranged[0..k]
  for (std::size_t k = 0; k < ranged.size(); ++k)
    reach[k] = std::max(k ? reach[k - 1] : 0u, ignores[ranged[k]].last_line);
  auto suppresses = [&](std::size_t i, const Diagnostic& d) {
    auto it = by_rule[i].find(d.rule);
    if (it == by_rule[i].end()) return false;
    for (std::size_t r : it->second) used[i][r] = true;
    return true;
  };
  std::erase_if(diagnostics, [&](const Diagnostic& d) {
    if (d.path != path || d.rule == "unused-ignore") return false;
    bool suppressed = false;
    for (std::size_t i : file_wide) suppressed |= suppresses(i, d);
    const std::uint32_t line = d.start.line;
    auto after =
        std::upper_bound(ranged.begin(), ranged.end(), line,
                         [&](std::uint32_t l, std::size_t i) { return l < ignores[i].first_line; });
    for (auto k = static_cast<std::size_t>(after - ranged.begin()); k > 0 && reach[k - 1] >= line;
         --k) {
      if (ignores[ranged[k - 1]].last_line >= line) suppressed |= suppresses(ranged[k - 1], d);
    }
    return suppressed;
  });
  auto report = [&](const Ignore& ig, std::string message) {
    Diagnostic d;
    d.rule = "unused-ignore";
    d.path = path;
    d.start = ig.comment_start;
    d.end = ig.comment_end;
    d.message = std::move(message);
    d.help = "remove the rule from the comment, or the comment itself";
    diagnostics.push_back(std::move(d));
  };
  for (std::size_t i = 0; i < ignores.size(); ++i) {
    const Ignore& ig = ignores[i];
    if (ig.from_squawk) continue;  // squawk's own comments also serve squawk
    for (const std::string& name : ig.unknown) {
      report(ig, "`migralint-ignore` names unknown rule \"" + name + "\"");
    }
    for (std::size_t r = 0; r < ig.rules.size(); ++r) {
      const bool ran = std::find(enabled.begin(), enabled.end(), ig.rules[r]) != enabled.end();
      if (!used[i][r] && ran) {
        report(ig, "`migralint-ignore` for " + ig.rules[r] + " suppresses nothing here");
      }
    }
  }
}

}  // namespace migralint::lint
