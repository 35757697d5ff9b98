// baseline.cc: reading, writing and applying migralint.baseline.
#include "cli/baseline.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <system_error>
#include <tuple>

#include "cli/paths.h"
#include "migralint/display_path.h"
#include "migralint/rule.h"
#include "migralint/sha256.h"
#include "parse/parse_file.h"
#include "read/read_file.h"

namespace fs = std::filesystem;

namespace migralint::cli {
namespace {

constexpr std::string_view kHeader =
    "# migralint.baseline: findings accepted when `migralint baseline` wrote this file.\n"
    "# `migralint lint` leaves them out of its report (--no-baseline shows them) and reports an\n"
    "# entry that no longer matches any finding (unused-baseline), so the file shrinks as they\n"
    "# are fixed. Write it again with `migralint baseline` rather than by hand.\n"
    "# One finding per line, tab-separated: rule, path (relative to this folder), fingerprint\n"
    "# (of the statement, whitespace normalised, and the message: line numbers do not matter),\n"
    "# count of identical findings, message (for reading; not compared).\n";

// Tabs, line ends and backslashes in a path or message, escaped so that an entry is one line.
std::string Escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::optional<std::string> Unescape(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\\') {
      out += text[i];
      continue;
    }
    if (++i == text.size()) return std::nullopt;
    switch (text[i]) {
      case '\\':
        out += '\\';
        break;
      case 't':
        out += '\t';
        break;
      case 'n':
        out += '\n';
        break;
      case 'r':
        out += '\r';
        break;
      default:
        return std::nullopt;
    }
  }
  return out;
}

std::vector<std::string_view> SplitTabs(std::string_view line, std::size_t max_fields) {
  std::vector<std::string_view> fields;
  while (fields.size() + 1 < max_fields) {
    const std::size_t tab = line.find('\t');
    if (tab == std::string_view::npos) break;
    fields.push_back(line.substr(0, tab));
    line.remove_prefix(tab + 1);
  }
  fields.push_back(line);
  return fields;
}

bool IsRuleId(std::string_view id) {
  return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

bool Before(const Position& a, const Position& b) {
  return a.line < b.line || (a.line == b.line && a.column < b.column);
}

// A file read again for the statements its findings are in.
struct Statements {
  std::vector<std::pair<Position, Position>> spans;  // top-level statements, in order
  std::vector<std::string> texts;                    // their text, whitespace normalised
  std::vector<std::string> lines;                    // the file's lines (a finding outside any)
};

Statements Load(const MigrationFile* file, const MigrationSet* set, const std::string& display,
                const lint::Options& options) {
  Statements loaded;
  const bool from_stdin =
      file && options.stdin_path && SameFile(file->fs_path, *options.stdin_path);
  read::ReadResult read = from_stdin
                              ? read::ReadText(options.stdin_text, display)
                              : read::ReadFile(fs::path(file ? file->fs_path : display), display);
  if (!read.io_error.empty()) return loaded;
  FileUnit unit;
  unit.file = file;
  unit.runner = set ? set->runner : nullptr;
  if (set && set->config && !set->config->placeholders.empty())
    unit.placeholders = &set->config->placeholders;
  unit.source = std::move(read.source);
  const std::string& text = unit.source.text();
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    loaded.lines.push_back(std::move(line));
  }
  if (!file || !read.parseable) return loaded;
  std::vector<Diagnostic> ignored;  // reported by the lint already
  parse::ParseFile(unit, ignored);
  for (const Statement& s : unit.statements) {
    if (s.IsNested()) continue;
    loaded.spans.emplace_back(unit.source.At(s.begin), unit.source.At(s.end));
    loaded.texts.push_back(
        NormaliseWhitespace(std::string_view(text).substr(s.begin, s.end - s.begin)));
  }
  return loaded;
}

using Key = std::tuple<std::size_t, std::string, std::string, std::string>;  // set, rule, path, fp

}  // namespace

std::string NormaliseWhitespace(std::string_view text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::string Fingerprint(std::string_view statement, std::string_view message) {
  std::string bytes = NormaliseWhitespace(statement);
  bytes += '\0';
  bytes += message;
  return Sha256Hex(bytes).substr(0, 16);
}

BaselineFile ParseBaseline(std::string_view text) {
  BaselineFile file;
  std::uint32_t number = 0;
  while (!text.empty()) {
    const std::size_t newline = text.find('\n');
    std::string_view line = text.substr(0, newline);
    text.remove_prefix(newline == std::string_view::npos ? text.size() : newline + 1);
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    const std::vector<std::string_view> fields = SplitTabs(line, 5);
    if (fields.size() < 4) {
      file.problems.emplace_back(number,
                                 "expected rule, path, fingerprint and count separated by tabs");
      continue;
    }
    BaselineEntry entry;
    entry.rule = fields[0];
    entry.fingerprint = fields[2];
    entry.line = number;
    const auto path = Unescape(fields[1]);
    const std::string_view count = fields[3];
    if (!IsRuleId(entry.rule)) {
      file.problems.emplace_back(number, "\"" + entry.rule + "\" is not a rule id");
    } else if (!path || path->empty()) {
      file.problems.emplace_back(number, "the path is empty or badly escaped");
    } else if (entry.fingerprint.size() != 16 ||
               entry.fingerprint.find_first_not_of("0123456789abcdef") != std::string::npos) {
      file.problems.emplace_back(number, "the fingerprint is not 16 hex digits");
    } else if (count.empty() || count.size() > 6 ||
               count.find_first_not_of("0123456789") != std::string_view::npos ||
               std::stoul(std::string(count)) == 0) {
      file.problems.emplace_back(number, "the count is not a positive number");
    } else {
      entry.path = *path;
      entry.count = static_cast<unsigned>(std::stoul(std::string(count)));
      if (fields.size() == 5) entry.message = Unescape(fields[4]).value_or(std::string(fields[4]));
      file.entries.push_back(std::move(entry));
    }
  }
  return file;
}

std::string FormatBaseline(std::vector<BaselineEntry> entries) {
  auto key = [](const BaselineEntry& e) { return std::tie(e.path, e.rule, e.fingerprint); };
  std::sort(entries.begin(), entries.end(),
            [&](const BaselineEntry& a, const BaselineEntry& b) { return key(a) < key(b); });
  std::string out(kHeader);
  for (std::size_t i = 0; i < entries.size();) {
    BaselineEntry merged = entries[i];
    for (++i; i < entries.size() && key(entries[i]) == key(merged); ++i)
      merged.count += entries[i].count;
    out += merged.rule + '\t' + Escape(merged.path) + '\t' + merged.fingerprint + '\t' +
           std::to_string(merged.count) + '\t' + Escape(merged.message) + '\n';
  }
  return out;
}

std::vector<std::pair<std::size_t, BaselineEntry>> KeysOf(const lint::LintResult& result,
                                                          const std::vector<MigrationSet>& sets,
                                                          const lint::Options& options) {
  std::map<std::string, std::pair<std::size_t, const MigrationFile*>> files;  // by display path
  for (std::size_t s = 0; s < sets.size(); ++s) {
    for (const auto* group : {&sets[s].migrations, &sets[s].others}) {
      for (const MigrationFile& f : *group) files.emplace(f.path, std::pair{s, &f});
    }
  }
  std::vector<fs::path> roots;
  for (const MigrationSet& set : sets) roots.push_back(Canonical(set.root));
  std::map<std::string, Statements> loaded;
  std::vector<std::pair<std::size_t, BaselineEntry>> keys;
  for (const Diagnostic& d : result.diagnostics) {
    std::size_t set = sets.size();
    const MigrationFile* file = nullptr;
    BaselineEntry entry;
    entry.rule = d.rule;
    entry.message = d.message;
    if (auto it = files.find(d.path); it != files.end()) {
      std::tie(set, file) = it->second;
      entry.path = file->relative;
    } else {  // a file of no set's list (its lock file): the deepest root above it
      const fs::path path = Canonical(d.path);
      for (std::size_t s = 0; s < sets.size(); ++s) {
        if (Under(path, roots[s]) &&
            (set == sets.size() || roots[s].string().size() > roots[set].string().size()))
          set = s;
      }
      if (set < sets.size()) entry.path = path.lexically_relative(roots[set]).generic_string();
    }
    if (set == sets.size()) {
      keys.emplace_back(set, std::move(entry));
      continue;
    }
    auto [it, added] = loaded.try_emplace(d.path);
    if (added) it->second = Load(file, &sets[set], d.path, options);
    const Statements& statements = it->second;
    std::string text;
    bool found = false;
    for (std::size_t i = 0; i < statements.spans.size() && !found; ++i) {
      const auto& [begin, end] = statements.spans[i];
      if (!Before(d.start, begin) && !Before(end, d.start)) {
        text = statements.texts[i];
        found = true;
      }
    }
    if (!found && d.start.line >= 1 && d.start.line <= statements.lines.size())
      text = statements.lines[d.start.line - 1];
    entry.fingerprint = Fingerprint(text, d.message);
    keys.emplace_back(set, std::move(entry));
  }
  return keys;
}

void ApplyBaselines(lint::LintResult& result, const std::vector<MigrationSet>& sets,
                    const lint::Options& options) {
  struct Read {
    std::string display;
    std::vector<std::string> lines;
    BaselineFile file;
  };
  std::vector<std::optional<Read>> baselines(sets.size());
  std::map<Key, std::pair<unsigned, std::vector<const BaselineEntry*>>> left;  // count, entries
  for (std::size_t s = 0; s < sets.size(); ++s) {
    const fs::path path = sets[s].root / kBaselineFileName;
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) continue;
    std::ifstream in(path, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    Read& read = baselines[s].emplace();
    read.display = DisplayPath(path);
    read.file = ParseBaseline(bytes.str());
    std::istringstream lines(bytes.str());
    for (std::string line; std::getline(lines, line);) read.lines.push_back(line);
    for (const BaselineEntry& e : read.file.entries) {
      auto& slot = left[Key{s, e.rule, e.path, e.fingerprint}];
      slot.first += e.count;
      slot.second.push_back(&e);
    }
  }
  if (std::none_of(baselines.begin(), baselines.end(), [](const auto& b) { return b.has_value(); }))
    return;

  const auto keys = KeysOf(result, sets, options);
  std::size_t baselined = 0;
  std::vector<Diagnostic> kept;
  for (std::size_t i = 0; i < result.diagnostics.size(); ++i) {
    const auto& [set, entry] = keys[i];
    auto it = set < sets.size() ? left.find(Key{set, entry.rule, entry.path, entry.fingerprint})
                                : left.end();
    if (it != left.end() && it->second.first > 0) {
      --it->second.first;
      ++baselined;
      continue;
    }
    kept.push_back(std::move(result.diagnostics[i]));
  }
  result.diagnostics = std::move(kept);
  result.baselined = baselined;

  auto report = [&](const Read& read, std::uint32_t line, Severity severity, std::string message,
                    std::string help) {
    Diagnostic d;
    d.rule = "unused-baseline";
    d.severity = severity;
    d.path = read.display;
    d.start = {line, 1};
    const std::string& text = line <= read.lines.size() ? read.lines[line - 1] : std::string();
    std::uint32_t width = 0;  // code points
    for (char c : text) width += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    d.end = {line, width + 1};
    d.message = std::move(message);
    d.help = std::move(help);
    if (options.excerpts) result.lines[d.path][line] = text;
    result.diagnostics.push_back(std::move(d));
  };
  for (const auto& [key, slot] : left) {
    if (slot.first == 0) continue;
    const std::size_t s = std::get<0>(key);
    const BaselineEntry& first = *slot.second.front();
    unsigned listed = 0;
    for (const BaselineEntry* e : slot.second) listed += e->count;
    const std::string what = first.rule + " in \"" + first.path + "\"" +
                             (first.message.empty() ? "" : " (" + first.message + ")");
    report(*baselines[s], first.line, Severity::kInfo,
           slot.first == listed
               ? "baseline entry matches no finding any more: " + what
               : "baseline entry counts " + std::to_string(listed) + " findings, " +
                     std::to_string(listed - slot.first) + " remain: " + what,
           "the finding was fixed or its statement changed: run `migralint baseline` to shrink "
           "the file");
  }
  for (std::size_t s = 0; s < sets.size(); ++s) {
    if (!baselines[s]) continue;
    for (const auto& [line, problem] : baselines[s]->file.problems) {
      report(*baselines[s], line, Severity::kWarning,
             "\"" + baselines[s]->display + "\": " + problem + "; the line is ignored",
             "run `migralint baseline` to write the file again");
    }
  }
  std::sort(result.diagnostics.begin(), result.diagnostics.end(), DiagnosticLess);
}

}  // namespace migralint::cli
