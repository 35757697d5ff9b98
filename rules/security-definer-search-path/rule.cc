// security-definer-search-path: a SECURITY DEFINER function without SET search_path.
#include "migralint/rule.h"

#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "migralint/pg_nodes.h"
#include "migralint/sql_words.h"

namespace migralint::rules {
namespace {

bool SetsSearchPath(const PgQuery__CreateFunctionStmt& f) {
  for (std::size_t i = 0; i < f.n_options; ++i) {
    const PgQuery__Node* o = f.options[i];
    if (o->node_case == PG_QUERY__NODE__NODE_DEF_ELEM &&
        std::strcmp(o->def_elem->defname, "set") == 0 && o->def_elem->arg &&
        o->def_elem->arg->node_case == PG_QUERY__NODE__NODE_VARIABLE_SET_STMT &&
        std::strcmp(o->def_elem->arg->variable_set_stmt->name, "search_path") == 0) {
      return true;
    }
  }
  return false;
}

// SET search_path inserted after SECURITY DEFINER: the function's own schema, pg_catalog and
// public, pg_temp last (PostgreSQL's documented pattern for definer functions). Unqualified names
// in the body keep resolving as they did where the set creates it; an empty path would be
// stricter but breaks them, which is a decision for a person.
std::optional<Fix> PinSearchPath(const FileUnit& unit, const Statement& s,
                                 const PgQuery__CreateFunctionStmt& f) {
  const std::string_view text = unit.source.text();
  const std::vector<Word> words = Words(text, s.begin, s.end);
  for (std::size_t i = 0; i + 1 < words.size(); ++i) {
    if (!words[i].Is(text, "security") || !words[i + 1].Is(text, "definer")) continue;
    std::string path = "pg_catalog, public, pg_temp";
    if (f.n_funcname == 2) {
      const std::string schema(pg::Str(f.funcname[0]));
      if (schema != "public" && schema != "pg_catalog") path = QuoteIdent(schema) + ", " + path;
    }
    return Fix{"pin the search_path",
               {{words[i + 1].end, words[i + 1].end,
                 " " + InCaseOf(text, words[i + 1], "SET") + " search_path = " + path}}};
  }
  return std::nullopt;
}

void Check(RuleContext& ctx, const FileUnit& unit) {
  for (const Statement& s : unit.statements) {
    if (!s.node || s.node->node_case != PG_QUERY__NODE__NODE_CREATE_FUNCTION_STMT) continue;
    const PgQuery__CreateFunctionStmt& f = *s.node->create_function_stmt;
    const PgQuery__DefElem* security = pg::Option(f.options, f.n_options, "security");
    const bool definer = security && security->arg &&
                         security->arg->node_case == PG_QUERY__NODE__NODE_BOOLEAN &&
                         security->arg->boolean->boolval;
    if (!definer || SetsSearchPath(f)) continue;
    const std::string name = pg::Qualified(f.funcname, f.n_funcname);
    std::string message = "SECURITY DEFINER function \"" + name +
                          "\" has no SET search_path: a caller can put its own objects first on "
                          "the search path and run them with the owner's rights";
    std::string help =
        "add `SET search_path = ''` (and schema-qualify every name in the body), or a fixed list "
        "such as `SET search_path = pg_catalog, public, pg_temp`";
    if (std::optional<Fix> fix = PinSearchPath(unit, s, f)) {
      ctx.ReportWithFix(unit, s.begin, s.end, std::move(message), std::move(help), std::move(*fix));
    } else {
      ctx.Report(unit, s.begin, s.end, std::move(message), std::move(help));
    }
  }
}

}  // namespace

const Rule& security_definer_search_path() {
  static const Rule rule{
      .id = "security-definer-search-path",
      .severity = Severity::kWarning,
      .category = "security",
      .summary = "a SECURITY DEFINER function without SET search_path",
      .check_file = Check,
  };
  return rule;
}

}  // namespace migralint::rules
