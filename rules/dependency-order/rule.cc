// dependency-order: a `-- Dependencies:` header (seed 002) naming a migration that does not
// exist in the set or runs later.
#include "migralint/rule.h"

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <string>
#include <unordered_map>

namespace migralint::rules {
namespace {

struct Named {
  std::string name;
  std::uint32_t begin, end;  // the comment naming it
};

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// The migration a list item names: "001_x.sql", "`001_x.sql`", "Requires 001_x", "002".
std::string NameIn(std::string_view item) {
  for (std::size_t i = 0; i < item.size(); ++i) {
    if (!std::isdigit(static_cast<unsigned char>(item[i])) ||
        (i > 0 && (std::isalnum(static_cast<unsigned char>(item[i - 1])) || item[i - 1] == '_'))) {
      continue;
    }
    std::size_t j = i;
    while (j < item.size() && (std::isalnum(static_cast<unsigned char>(item[j])) ||
                               item[j] == '_' || item[j] == '-' || item[j] == '.')) {
      ++j;
    }
    std::string name(item.substr(i, j - i));
    while (!name.empty() && name.back() == '.') name.pop_back();
    return name;
  }
  return {};
}

// Names listed by the header, inline ("Dependencies: 001_a.sql, 002_b.sql") or as the list
// items on the comment lines that follow it.
std::vector<Named> Dependencies(const FileUnit& unit) {
  std::vector<Named> out;
  const std::uint32_t first_statement =
      unit.statements.empty() ? ~0u : unit.statements.front().begin;
  bool in_list = false;
  for (const Comment& c : unit.comments) {
    if (c.begin > first_statement) break;
    std::string_view text = Trim(c.text);
    std::string lower(text.substr(0, 13));
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char ch) { return std::tolower(ch); });
    if (lower == "dependencies:") {
      in_list = true;
      std::string_view rest = text.substr(13);
      while (!rest.empty()) {
        const std::size_t comma = rest.find(',');
        if (std::string name = NameIn(rest.substr(0, comma)); !name.empty())
          out.push_back({name, c.begin, c.end});
        rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
      }
    } else if (in_list && !text.empty() && (text.front() == '-' || text.front() == '*')) {
      if (std::string name = NameIn(text.substr(1)); !name.empty())
        out.push_back({name, c.begin, c.end});
    } else {
      in_list = false;
    }
  }
  return out;
}

bool Names(const MigrationFile& file, const std::string& name) {
  const std::string file_name = file.FileName();
  return file_name == name || file_name == name + ".sql" || file.version.text == name ||
         (file.name.size() && file.version.text + "_" + file.name == name);
}

// The header is read while the file's comments are at hand; whether the migrations it names
// exist and run earlier, once the whole set is known.
void Check(RuleContext& file_ctx, const FileUnit& unit) {
  std::vector<Named> dependencies = Dependencies(unit);
  if (dependencies.empty()) return;
  file_ctx.AtEndOfSet([&unit, dependencies = std::move(dependencies)](RuleContext& ctx,
                                                                      const SetUnit& set) {
    const auto index = std::find(set.migrations.begin(), set.migrations.end(), &unit);
    // A long header looks its names up in an index of the set (each form Names accepts, for the
    // first migration having it); a short one compares.
    std::unordered_map<std::string, std::size_t> named;
    if (dependencies.size() > 16) {
      for (std::size_t i = 0; i < set.migrations.size(); ++i) {
        const MigrationFile& file = *set.migrations[i]->file;
        std::string file_name = file.FileName();
        if (file_name.size() > 4 && file_name.ends_with(".sql"))
          named.emplace(file_name.substr(0, file_name.size() - 4), i);
        named.emplace(std::move(file_name), i);
        named.emplace(file.version.text, i);
        if (file.name.size()) named.emplace(file.version.text + "_" + file.name, i);
      }
    }
    for (const Named& dependency : dependencies) {
      auto it = set.migrations.end();
      if (!named.empty()) {
        if (auto found = named.find(dependency.name); found != named.end())
          it = set.migrations.begin() + static_cast<std::ptrdiff_t>(found->second);
      } else {
        it = std::find_if(set.migrations.begin(), set.migrations.end(), [&](const FileUnit* other) {
          return Names(*other->file, dependency.name);
        });
      }
      if (it == set.migrations.end()) {
        ctx.Report(unit, dependency.begin, dependency.end,
                   "dependency \"" + dependency.name + "\" is not a migration of this set",
                   "name an existing migration, or restore the one it depends on");
      } else if (it >= index) {
        ctx.Report(unit, dependency.begin, dependency.end,
                   "dependency \"" + (*it)->file->relative + "\" runs after \"" +
                       unit.file->relative + "\" that needs it",
                   "renumber so that the dependency comes first");
      }
    }
  });
}

}  // namespace

const Rule& dependency_order() {
  static const Rule rule{
      .id = "dependency-order",
      .severity = Severity::kError,
      .category = "set",
      .summary = "a `-- Dependencies:` header names a migration that does not exist or runs later",
      .check_file = Check,
  };
  return rule;
}

}  // namespace migralint::rules
