// reg-type-column: a column of a reg* type that stores an OID pg_upgrade cannot carry over
// (regproc, regprocedure, regoper, regoperator, regconfig, regdictionary, regnamespace,
// regcollation).
#include "migralint/rule.h"

#include <cstdint>
#include <set>
#include <string>

#include "migralint/pg_nodes.h"

namespace migralint::rules {
namespace {

bool Unsupported(const std::string& type) {
  static const std::set<std::string> kTypes = {"regproc",      "regprocedure", "regoper",
                                               "regoperator",  "regconfig",    "regdictionary",
                                               "regnamespace", "regcollation"};
  return kTypes.count(type) > 0;
}

void Check(RuleContext& ctx, const StatementContext& sc) {
  const PgQuery__Node* node = sc.statement.node;
  if (!node || (node->node_case != PG_QUERY__NODE__NODE_CREATE_STMT &&
                node->node_case != PG_QUERY__NODE__NODE_ALTER_TABLE_STMT))
    return;
  for (const pg::TypedColumn& column : pg::TypedColumns(node)) {
    if (!column.type) continue;
    const ColumnType type = pg::TypeOf(column.type);
    std::string name = type.name;
    if (name.rfind("pg_catalog.", 0) == 0) name = name.substr(11);
    if (!Unsupported(name)) continue;
    std::uint32_t begin = sc.statement.begin, end = sc.statement.end;
    if (column.location >= 0) {
      begin = sc.statement.parse_base + static_cast<std::uint32_t>(column.location);
      end = sc.file.source.ClauseSpan(begin, sc.statement.end).second;
    }
    ctx.Report(sc.file, begin, end,
               "column \"" + column.name + "\" of \"" + column.table + "\" has type " +
                   type.Display() +
                   ": it stores an object's OID, which differs in a new cluster, and pg_upgrade "
                   "refuses to upgrade a database with such a column",
               "store the object's name instead (text, e.g. 'public.my_function(integer)'), and "
               "cast with ::" +
                   name +
                   " when you use it; regclass, regtype and regrole are the reg* types "
                   "pg_upgrade supports");
  }
}

}  // namespace

const Rule& reg_type_column() {
  static const Rule rule{
      .id = "reg-type-column",
      .severity = Severity::kWarning,
      .category = "types",
      .summary =
          "a column of a reg* type (regproc, regconfig, …) that pg_upgrade cannot carry "
          "over",
      .check_statement = Check,
  };
  return rule;
}

}  // namespace migralint::rules
