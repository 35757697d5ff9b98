// migration-header: seed 000's documentation header — `-- Migration: <file name>`,
// `-- Description: …`, `-- Date: YYYY-MM-DD` in the comments before the first statement.
#include "migralint/rule.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

namespace migralint::rules {
namespace {

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string Trim(const std::string& s) {
  std::size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return s.substr(b, e - b);
}

struct Field {
  std::string name;   // as configured
  std::string value;  // trimmed
  const Comment* comment = nullptr;
};

// A real calendar date written YYYY-MM-DD (a note may follow it after a space).
bool ValidDate(std::string v) {
  if (v.size() > 10 && v[10] == ' ') v.resize(10);
  if (v.size() != 10 || v[4] != '-' || v[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!std::isdigit(static_cast<unsigned char>(v[i]))) return false;
  }
  const int y = std::stoi(v.substr(0, 4)), m = std::stoi(v.substr(5, 2)),
            d = std::stoi(v.substr(8, 2));
  if (m < 1 || m > 12 || d < 1) return false;
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (d > kDays[m - 1]) return false;
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return !(m == 2 && d == 29 && !leap);
}

// The file name without its .sql (and without a .up of up/down pairs).
std::string Stem(std::string name) {
  for (const char* ext : {".sql", ".up"}) {
    const std::string e(ext);
    if (name.size() > e.size() && Lower(name.substr(name.size() - e.size())) == e)
      name.resize(name.size() - e.size());
  }
  return name;
}

void Check(RuleContext& ctx, const FileUnit& unit) {
  if (!unit.read_ok || !unit.file || unit.file->role != FileRole::kMigration) return;
  std::vector<std::string> names = {"Migration", "Description", "Date"};
  if (const RuleSettings* settings = ctx.config().Rule("migration-header")) {
    if (auto it = settings->options.find("fields"); it != settings->options.end())
      names = it->second;
  }
  const std::uint32_t first = unit.statements.empty() ? UINT32_MAX : unit.statements.front().begin;
  // "Name: value" lines of the leading comments (a block comment may hold several).
  std::vector<Field> found;
  std::uint32_t header_end = 0;
  for (const Comment& c : unit.comments) {
    if (c.begin >= first) break;
    header_end = c.end;
    std::size_t at = 0;
    while (at <= c.text.size()) {
      std::size_t nl = c.text.find('\n', at);
      if (nl == std::string::npos) nl = c.text.size();
      std::string line = Trim(c.text.substr(at, nl - at));
      while (!line.empty() && (line[0] == '*' || line[0] == '-')) line = Trim(line.substr(1));
      if (const std::size_t colon = line.find(':'); colon != std::string::npos) {
        const std::string key = Lower(Trim(line.substr(0, colon)));
        for (const std::string& n : names) {
          if (Lower(n) == key) found.push_back({n, Trim(line.substr(colon + 1)), &c});
        }
      }
      at = nl + 1;
    }
  }
  auto find = [&](const std::string& name) -> const Field* {
    for (const Field& f : found) {
      if (Lower(f.name) == Lower(name)) return &f;
    }
    return nullptr;
  };
  std::vector<std::string> missing;
  for (const std::string& n : names) {
    if (!find(n)) missing.push_back(n);
  }
  const std::string file_name = unit.file->FileName();
  if (!missing.empty()) {
    std::string list;
    for (const std::string& m : missing) list += (list.empty() ? "`-- " : ", `-- ") + m + ":`";
    std::string help = "start the file with the header:";
    for (const std::string& n : names) {
      const std::string l = Lower(n);
      help += "\n-- " + n + ": " +
              (l == "migration" ? file_name
               : l == "date"    ? std::string("YYYY-MM-DD")
                                : std::string("…"));
    }
    // The header as far as there is one, else the file's first line.
    const std::string_view text = unit.source.text();
    std::uint32_t end = header_end;
    if (!end) end = static_cast<std::uint32_t>(std::min(text.find('\n'), text.size()));
    ctx.Report(unit, 0, end, "the documentation header lacks " + list, std::move(help));
  }
  if (const Field* m = find("Migration"); m && !m->value.empty()) {
    if (Stem(m->value) != Stem(file_name)) {
      ctx.Report(unit, m->comment->begin, m->comment->end,
                 "the header names the migration \"" + m->value + "\" but the file is \"" +
                     file_name + "\": a copied header that was not updated",
                 "write `-- Migration: " + file_name + "`");
    }
  }
  if (const Field* d = find("Date"); d && !d->value.empty() && !ValidDate(d->value)) {
    ctx.Report(unit, d->comment->begin, d->comment->end,
               "the header's date \"" + d->value + "\" is not a date written YYYY-MM-DD",
               "write the day the migration was written, e.g. `-- Date: 2025-01-19`");
  }
}

bool OnForRunner(const Runner& runner) { return runner.name == "seed000"; }

}  // namespace

const Rule& migration_header() {
  static const Rule rule{
      .id = "migration-header",
      .severity = Severity::kInfo,
      .category = "convention",
      .summary = "a migration without seed 000's header (Migration, Description, Date)",
      .options = {"fields"},
      .on_for_runner = OnForRunner,
      .check_file = Check,
  };
  return rule;
}

}  // namespace migralint::rules
