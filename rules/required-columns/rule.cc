// required-columns: a table the set creates without the standard columns its convention puts on
// every table (seed 000: id, "userId", "createdAt", "updatedAt"; option `columns`).
#include "migralint/rule.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "migralint/sql_words.h"

namespace migralint::rules {
namespace {

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

void Check(RuleContext& ctx, const SetUnit& set, const Schema& schema) {
  std::vector<std::string> required = {"id", "userId", "createdAt", "updatedAt"};
  // Better Auth's own tables, which seed 000 takes as they are: no owner column on them.
  std::vector<std::string> except = {"user", "verification"};
  if (const RuleSettings* settings = ctx.config().Rule("required-columns")) {
    if (auto it = settings->options.find("columns"); it != settings->options.end())
      required = it->second;
    if (auto it = settings->options.find("except"); it != settings->options.end())
      except = it->second;
  }
  for (const auto& [name, table] : schema.tables) {
    // Tables of unknown shape (LIKE, INHERITS, CREATE TABLE AS) may have them from elsewhere.
    if (table.origin.external() || table.temporary || !table.columns_known) continue;
    if (schema.views.count(name)) continue;
    if (std::find(except.begin(), except.end(), table.name) != except.end() ||
        std::find(except.begin(), except.end(), name) != except.end())
      continue;
    std::string missing, folded;
    for (const std::string& r : required) {
      if (table.FindColumn(r)) continue;
      // Written without quotes, "userId" became userid: a different name.
      const Column* near = nullptr;
      for (const Column& c : table.columns) {
        if (Lower(c.name) == Lower(r)) near = &c;
      }
      if (near) {
        folded +=
            std::string(folded.empty() ? "" : ", ") + near->name + " (not " + QuoteIdent(r) + ")";
      } else {
        missing += std::string(missing.empty() ? "" : ", ") + QuoteIdent(r);
      }
    }
    if (missing.empty() && folded.empty()) continue;
    std::string message = "table \"" + name + "\"";
    if (!missing.empty()) message += " lacks the standard column(s) " + missing;
    if (!folded.empty()) {
      message += std::string(missing.empty() ? "" : ";") + " has " + folded +
                 ": an unquoted name is folded to lower case";
    }
    const FileUnit& unit = *set.migrations[static_cast<std::size_t>(table.origin.file)];
    ctx.Report(unit, table.origin.begin,
               unit.source.ClauseSpan(table.origin.begin, table.origin.end).second,
               std::move(message),
               "give every table the standard columns, written (and quoted) as the convention "
               "names them, or list the table in [rules.required-columns] except");
  }
}

bool OnForRunner(const Runner& runner) { return runner.name == "seed000"; }

}  // namespace

const Rule& required_columns() {
  static const Rule rule{
      .id = "required-columns",
      .severity = Severity::kWarning,
      .category = "convention",
      .summary = "a table the set creates without the standard columns (id, userId, createdAt…)",
      .options = {"columns", "except"},
      .on_for_runner = OnForRunner,
      .check_schema = Check,
  };
  return rule;
}

}  // namespace migralint::rules
