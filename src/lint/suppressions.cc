// suppressions.cc: parsing ignore comments and matching them against findings.
#include "lint/suppressions.h"

#include <algorithm>
#include <tuple>

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

// The statement a trailing ignore sits on, or the next one after an own-line ignore.
const Statement* CoveredStatement(const FileUnit& unit, const Comment& comment) {
  const Statement* best = nullptr;
  for (const Statement& s : unit.statements) {
    if (s.IsNested()) continue;
    if (comment.own_line) {
      if (s.begin >= comment.end) return &s;
    } else {
      const std::uint32_t line = unit.source.At(comment.begin).line;
      if (unit.source.At(s.begin).line <= line && unit.source.At(s.end).line >= line) best = &s;
    }
  }
  return best;
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
  for (std::size_t i = 0; i < ignores.size(); ++i) used[i].assign(ignores[i].rules.size(), false);
  std::erase_if(diagnostics, [&](const Diagnostic& d) {
    if (d.path != path || d.rule == "unused-ignore") return false;
    bool suppressed = false;
    for (std::size_t i = 0; i < ignores.size(); ++i) {
      const Ignore& ig = ignores[i];
      if (!ig.file_wide && (d.start.line < ig.first_line || d.start.line > ig.last_line)) continue;
      for (std::size_t r = 0; r < ig.rules.size(); ++r) {
        if (ig.rules[r] == d.rule) {
          used[i][r] = true;
          suppressed = true;
        }
      }
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
