// security-definer-search-path: a SECURITY DEFINER function without SET search_path.
#include "migralint/rule.h"

#include <cstring>

#include "migralint/pg_nodes.h"

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
    ctx.Report(
        unit, s.begin, s.end,
        "SECURITY DEFINER function \"" + name +
            "\" has no SET search_path: a caller can put its own objects first on the search path "
            "and run them with the owner's rights",
        "add `SET search_path = ''` (and schema-qualify every name in the body), or a fixed list "
        "such as `SET search_path = pg_catalog, public`");
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
