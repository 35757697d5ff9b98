// fk-on-delete: a foreign key the set declares without the ON DELETE action its convention asks
// for (seed 000: ON DELETE CASCADE; option `action`).
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

// PostgreSQL's one-letter action code (pg_constraint.confdeltype) for an action as written.
char Code(const std::string& action) {
  std::string a;
  for (char c : Lower(action)) {
    if (c == '_' || c == '-') c = ' ';
    if (c != ' ' || (!a.empty() && a.back() != ' ')) a += c;
  }
  if (a == "cascade") return 'c';
  if (a == "restrict") return 'r';
  if (a == "set null") return 'n';
  if (a == "set default") return 'd';
  if (a == "no action") return 'a';
  return 0;
}

const char* Written(char code) {
  switch (code) {
    case 'c':
      return "ON DELETE CASCADE";
    case 'r':
      return "ON DELETE RESTRICT";
    case 'n':
      return "ON DELETE SET NULL";
    case 'd':
      return "ON DELETE SET DEFAULT";
    default:
      return "no ON DELETE action (NO ACTION)";
  }
}

void Check(RuleContext& ctx, const SetUnit& set, const Schema& schema) {
  std::vector<std::string> actions = {"cascade"};
  if (const RuleSettings* settings = ctx.config().Rule("fk-on-delete")) {
    if (auto it = settings->options.find("action"); it != settings->options.end())
      actions = it->second;
  }
  std::string wanted;  // codes accepted
  std::string wanted_text;
  for (const std::string& a : actions) {
    if (const char code = Code(a)) {
      wanted += code;
      wanted_text += std::string(wanted_text.empty() ? "" : " or ") + Written(code);
    } else if (!ctx.config().path.empty()) {
      ctx.ReportAt(ctx.config().path, {1, 1}, {1, 2},
                   "[rules.fk-on-delete] action \"" + a + "\" is not an ON DELETE action",
                   "use \"cascade\", \"set null\", \"set default\", \"restrict\" or "
                   "\"no action\"");
    }
  }
  if (wanted.empty()) return;  // nothing valid configured (the config check reports options)
  for (const auto& [name, table] : schema.tables) {
    for (const Constraint& k : table.constraints) {
      if (k.kind != Constraint::Kind::kForeignKey || k.origin.external()) continue;
      if (wanted.find(k.on_delete) != std::string::npos) continue;
      const FileUnit& unit = *set.migrations[static_cast<std::size_t>(k.origin.file)];
      const auto span =
          k.declared_at >= 0
              ? unit.source.ClauseSpan(static_cast<std::uint32_t>(k.declared_at), k.origin.end)
              : std::pair{k.origin.begin, k.origin.end};
      std::string columns;
      for (const std::string& c : k.columns)
        columns += (columns.empty() ? "" : ", ") + QuoteIdent(c);
      ctx.Report(unit, span.first, span.second,
                 "foreign key \"" + k.name + "\" of \"" + name + "\" (" + columns + ") → \"" +
                     k.ref_table + "\" has " + Written(k.on_delete) + ", not " + wanted_text +
                     ": deleting a \"" + k.ref_table + "\" row " +
                     (k.on_delete == 'a' || k.on_delete == 'r'
                          ? "fails while this table still references it"
                      : k.on_delete == 'c' ? "deletes these rows with it"
                      : k.on_delete == 'n' ? "leaves these rows with a NULL reference"
                                           : "sets the reference to its default"),
                 std::string("write ") + Written(wanted[0]) +
                     " on the reference, or list this action in [rules.fk-on-delete] action "
                     "if it is deliberate");
    }
  }
}

bool OnForRunner(const Runner& runner) { return runner.name == "seed000"; }

}  // namespace

const Rule& fk_on_delete() {
  static const Rule rule{
      .id = "fk-on-delete",
      .severity = Severity::kWarning,
      .category = "convention",
      .summary = "a foreign key without the ON DELETE action the convention asks for (CASCADE)",
      .options = {"action"},
      .on_for_runner = OnForRunner,
      .check_schema = Check,
  };
  return rule;
}

}  // namespace migralint::rules
