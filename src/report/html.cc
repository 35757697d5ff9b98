// html.cc: one self-contained page (inline CSS and JS, nothing fetched): a summary of the
// findings per rule and severity, then each set as a timeline of its files in execution order
// (tier and source for three-tier sets, applied / pending under apply) with every finding
// inline under its file: message, the source line with the region highlighted, help.
#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "report/common.h"
#include "report/excerpt.h"
#include "report/html_assets.h"
#include "report/report.h"

namespace migralint::report {
namespace {

constexpr std::array<Severity, 3> kSeverities{Severity::kError, Severity::kWarning,
                                              Severity::kInfo};

// Length of the well-formed UTF-8 sequence at text[i]; 0 when it is not one.
std::size_t Utf8Length(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[i + k]); };
  const unsigned char lead = byte(0);
  std::size_t n = lead >= 0xC2 && lead <= 0xDF   ? 2
                  : lead >= 0xE0 && lead <= 0xEF ? 3
                  : lead >= 0xF0 && lead <= 0xF4 ? 4
                                                 : 0;
  if (n == 0 || i + n > text.size()) return 0;
  for (std::size_t k = 1; k < n; ++k) {
    if ((byte(k) & 0xC0) != 0x80) return 0;
  }
  const unsigned char second = byte(1);
  if ((lead == 0xE0 && second < 0xA0) || (lead == 0xED && second > 0x9F) ||
      (lead == 0xF0 && second < 0x90) || (lead == 0xF4 && second > 0x8F)) {
    return 0;  // overlong, surrogate or past U+10FFFF
  }
  return n;
}

// Text or attribute value as HTML: markup characters as entities; invalid UTF-8 and control
// characters (other than tab and line breaks) as U+FFFD.
std::string Escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      const std::size_t n = Utf8Length(text, i);
      out += n ? text.substr(i, n) : "\xEF\xBF\xBD";
      i += n ? n : 1;
      continue;
    }
    ++i;
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F
                   ? "\xEF\xBF\xBD"
                   : std::string(1, char(c));
    }
  }
  return out;
}

std::string SevClass(Severity s) { return "sev-" + std::string(SeverityName(s)); }

std::string Plural(std::size_t n, std::string_view noun) {
  return std::to_string(n) + " " + std::string(noun) + (n == 1 ? "" : "s");
}

void EmitFinding(const lint::LintResult& result, Excerpts& excerpts, std::size_t index,
                 std::ostream& out) {
  const Diagnostic& d = result.diagnostics[index];
  const std::string sev(SeverityName(d.severity));
  out << "<div class=\"finding " << SevClass(d.severity) << "\" id=\"finding-" << index + 1
      << "\" data-rule=\"" << Escape(d.rule) << "\" data-severity=\"" << sev << "\" data-path=\""
      << Escape(d.path) << "\" data-line=\"" << d.start.line << "\" data-column=\""
      << d.start.column << "\">\n<div class=\"finding-head\"><span class=\"sev\">" << sev
      << "</span><span class=\"rule mono\">" << Escape(d.rule) << "</span><span class=\"loc mono\">"
      << d.start.line << ':' << d.start.column << "</span><span class=\"msg\">" << Escape(d.message)
      << "</span></div>\n";
  if (auto excerpt = excerpts.Of(d)) {
    const std::string_view line = excerpt->text;
    const std::string_view marked = line.substr(excerpt->from, excerpt->to - excerpt->from);
    out << "<pre class=\"excerpt\"><span class=\"ln\">" << d.start.line << "</span>"
        << Escape(line.substr(0, excerpt->from)) << "<mark>"
        << (marked.empty() ? std::string(" ") : Escape(marked)) << "</mark>"
        << Escape(line.substr(excerpt->to)) << "</pre>\n";
  }
  if (!d.help.empty()) out << "<p class=\"help\"><b>help:</b> " << Escape(d.help) << "</p>\n";
  out << "</div>\n";
}

struct Page {
  const lint::LintResult& result;
  std::map<std::string, std::vector<std::size_t>> by_path;  // diagnostics per path, in order
  std::ostream& out;
  Excerpts excerpts{result, /*escape=*/false};  // Escape replaces control characters

  // One file: its head line, then its findings. `order` is 0 for files outside the timeline.
  void File(const lint::SetFile& f, std::string_view root, std::size_t order) {
    const auto it = by_path.find(f.path);
    const std::vector<std::size_t> none;
    const std::vector<std::size_t>& findings = it == by_path.end() ? none : it->second;
    const auto state = result.states.find(f.path);
    Severity worst = Severity::kInfo;
    for (std::size_t i : findings) worst = std::max(worst, result.diagnostics[i].severity);
    out << "<li class=\"file";
    if (!findings.empty()) out << " has-findings " << SevClass(worst);
    out << "\" data-path=\"" << Escape(f.path) << "\" data-role=\"" << Escape(f.role) << '"';
    if (order) out << " data-order=\"" << order << '"';
    if (!f.version.empty()) out << " data-version=\"" << Escape(f.version) << '"';
    if (!f.tier.empty())
      out << " data-tier=\"" << Escape(f.tier) << "\" data-source=\"" << Escape(f.source) << '"';
    if (state != result.states.end()) out << " data-state=\"" << Escape(state->second) << '"';
    out << " data-findings=\"" << findings.size() << "\">\n<div class=\"file-head\">";
    if (order) out << "<span class=\"order mono\">" << order << "</span>";
    if (!f.version.empty())
      out << "<span class=\"version mono\">" << Escape(f.version) << "</span>";
    std::string_view path = f.path, dir;
    if (!root.empty() && path.size() > root.size() + 1 && path.substr(0, root.size()) == root &&
        path[root.size()] == '/') {
      dir = path.substr(0, root.size() + 1);
      path.remove_prefix(root.size() + 1);
    }
    out << "<span class=\"path mono\"><span class=\"dir\">" << Escape(dir)
        << "</span><span class=\"name\">" << Escape(path) << "</span></span>";
    if (!f.tier.empty()) {
      out << "<span class=\"badge tier tier-" << Escape(f.tier) << "\">" << Escape(f.tier)
          << "</span>";
      if (!f.source.empty()) out << "<span class=\"source mono\">" << Escape(f.source) << "</span>";
    }
    if (!order && !f.role.empty())
      out << "<span class=\"badge role\">" << Escape(f.role) << "</span>";
    if (state != result.states.end()) {
      out << "<span class=\"badge state state-" << Escape(state->second) << "\">"
          << Escape(state->second) << "</span>";
    }
    if (!findings.empty()) {
      out << "<span class=\"badge count " << SevClass(worst) << "\">"
          << Plural(findings.size(), "finding") << "</span>";
    }
    out << "</div>\n";
    for (std::size_t i : findings) EmitFinding(result, excerpts, i, out);
    out << "</li>\n";
    if (it != by_path.end()) by_path.erase(it);  // each finding appears once
  }

  void Summary() {
    const SeverityCounts counts = CountSeverities(result);
    out << "<p class=\"totals\"><b>" << Plural(result.sets.size(), "set") << "</b>, "
        << Plural(result.files, "file") << ", " << Plural(result.statements, "statement")
        << " &mdash; <b id=\"total-findings\" data-count=\"" << result.diagnostics.size() << "\">"
        << Plural(result.diagnostics.size(), "finding") << "</b>: " << Plural(counts.error, "error")
        << ", " << Plural(counts.warning, "warning") << ", " << Plural(counts.info, "info")
        << "</p>\n<div class=\"summary\">\n";
    // Per rule and severity; each rule links to its first finding.
    std::map<std::string, std::pair<std::array<std::size_t, 3>, std::size_t>> rules;
    for (std::size_t i = result.diagnostics.size(); i-- > 0;) {
      const Diagnostic& d = result.diagnostics[i];
      auto& [per, first] = rules.try_emplace(d.rule).first->second;
      ++per[static_cast<std::size_t>(Severity::kError) - static_cast<std::size_t>(d.severity)];
      first = i;
    }
    out << "<table id=\"rule-counts\"><thead><tr><th>Rule</th>";
    for (Severity s : kSeverities)
      out << "<th class=\"num " << SevClass(s) << "\">" << SeverityName(s) << "</th>";
    out << "<th class=\"num\">total</th></tr></thead>\n<tbody>\n";
    const auto cell = [&](std::size_t n, std::string_view attr = "") {
      out << "<td class=\"num" << (n ? "" : " zero") << '"' << attr << '>' << n << "</td>";
    };
    for (const auto& [rule, entry] : rules) {
      out << "<tr data-rule=\"" << Escape(rule) << "\"><td class=\"mono\"><a href=\"#finding-"
          << entry.second + 1 << "\">" << Escape(rule) << "</a></td>";
      for (std::size_t n : entry.first) cell(n);
      cell(entry.first[0] + entry.first[1] + entry.first[2]);
      out << "</tr>\n";
    }
    if (rules.empty()) out << "<tr><td colspan=\"5\" class=\"clean\">no problems</td></tr>\n";
    out << "</tbody>\n<tfoot><tr id=\"severity-counts\"><th>total</th>";
    cell(counts.error, " data-severity=\"error\"");
    cell(counts.warning, " data-severity=\"warning\"");
    cell(counts.info, " data-severity=\"info\"");
    cell(result.diagnostics.size());
    out << "</tr></tfoot></table>\n";
    out << "<table id=\"set-list\"><thead><tr><th>Set</th><th>Layout</th><th "
           "class=\"num\">migrations</th>"
           "<th class=\"num\">other files</th><th "
           "class=\"num\">skipped</th></tr></thead>\n<tbody>\n";
    for (std::size_t i = 0; i < result.sets.size(); ++i) {
      const lint::SetSummary& set = result.sets[i];
      out << "<tr><td class=\"mono\"><a href=\"#set-" << i + 1 << "\">" << Escape(set.root)
          << "</a></td><td>" << Escape(set.layout) << "</td>";
      cell(set.files);
      cell(set.others);
      cell(set.skipped);
      out << "</tr>\n";
    }
    out << "</tbody></table>\n</div>\n";
  }

  void Set(const lint::SetSummary& set, std::size_t number,
           const std::vector<std::string>& strays) {
    std::size_t findings = 0;
    std::map<std::string, std::size_t> states;
    for (const lint::SetFile& f : set.timeline) {
      if (auto it = by_path.find(f.path); it != by_path.end()) findings += it->second.size();
      if (auto it = result.states.find(f.path); it != result.states.end() && f.role == "migration")
        ++states[it->second];
    }
    for (const std::string& path : strays) findings += by_path[path].size();
    out << "<section class=\"set\" id=\"set-" << number << "\" data-root=\"" << Escape(set.root)
        << "\" data-layout=\"" << Escape(set.layout) << "\" data-findings=\"" << findings << "\">\n"
        << "<div class=\"set-head\"><h2 class=\"mono\">" << Escape(set.root)
        << "</h2><span class=\"badge layout\">" << Escape(set.layout)
        << "</span></div>\n<p class=\"set-meta\">" << Escape(set.layout) << " layout · "
        << Plural(set.files, "migration") << " in execution order";
    for (const auto& [state, n] : states) out << " · " << n << ' ' << Escape(state);
    out << " · " << Plural(findings, "finding") << "</p>\n<ol class=\"timeline\">\n";
    std::size_t order = 0;
    for (const lint::SetFile& f : set.timeline) {
      if (f.role == "migration") File(f, set.root, ++order);
    }
    out << "</ol>\n";
    if (order < set.timeline.size() || !strays.empty()) {
      out << "<h3>Not in the timeline</h3>\n<ul class=\"others\">\n";
      for (const lint::SetFile& f : set.timeline) {
        if (f.role != "migration") File(f, set.root, 0);
      }
      for (const std::string& path : strays) File({path, "", "", "", ""}, set.root, 0);
      out << "</ul>\n";
    }
    out << "</section>\n";
  }
};

}  // namespace

void EmitHtml(const lint::LintResult& result, std::ostream& out) {
  Page page{result, {}, out};
  for (std::size_t i = 0; i < result.diagnostics.size(); ++i)
    page.by_path[result.diagnostics[i].path].push_back(i);
  // Findings on a path in no set's file list (a deleted migration, say) go to the set whose
  // root holds them, else to a section of their own at the end.
  std::set<std::string> listed;
  for (const lint::SetSummary& set : result.sets) {
    for (const lint::SetFile& f : set.timeline) listed.insert(f.path);
  }
  std::vector<std::vector<std::string>> strays(result.sets.size() + 1);
  for (const auto& [path, indices] : page.by_path) {
    if (listed.count(path)) continue;
    std::size_t owner = result.sets.size();
    for (std::size_t i = 0; i < result.sets.size() && owner == result.sets.size(); ++i) {
      const std::string& root = result.sets[i].root;
      if (path.size() > root.size() && path.compare(0, root.size(), root) == 0 &&
          path[root.size()] == '/')
        owner = i;
    }
    strays[owner].push_back(path);
  }

  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         "<meta name=\"generator\" content=\"migralint "
      << Escape(ToolVersion()) << "\">\n<title>migralint report</title>\n<style>" << HtmlStyle()
      << "</style>\n</head>\n<body>\n<main>\n<h1>migralint report</h1>\n";
  page.Summary();
  out << "<div class=\"filters\">";
  for (Severity s : kSeverities) {
    out << "<label class=\"" << SevClass(s)
        << "\"><input type=\"checkbox\" checked data-severity=\"" << SeverityName(s) << "\"> "
        << SeverityName(s) << "</label>";
  }
  out << "<label><input type=\"checkbox\" id=\"only-with-findings\"> only files with "
         "findings</label></div>\n";
  for (std::size_t i = 0; i < result.sets.size(); ++i) page.Set(result.sets[i], i + 1, strays[i]);
  if (!strays.back().empty()) {
    out << "<section class=\"set\" id=\"elsewhere\" data-root=\"\" data-layout=\"\">\n<div "
           "class=\"set-head\"><h2>"
           "Findings outside the sets</h2></div>\n<ul class=\"others\">\n";
    for (const std::string& path : strays.back()) page.File({path, "", "", "", ""}, "", 0);
    out << "</ul>\n</section>\n";
  }
  out << "<footer>migralint " << Escape(ToolVersion()) << "</footer>\n</main>\n<script>"
      << HtmlScript() << "</script>\n</body>\n</html>\n";
}

}  // namespace migralint::report
