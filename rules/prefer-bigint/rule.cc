// prefer-bigint: an integer or smallint key — a serial, an identity, or a primary key column —
// declared in CREATE TABLE, ADD COLUMN or ALTER COLUMN … TYPE.
#include "migralint/rule.h"

#include <algorithm>
#include <string>
#include <vector>

#include "migralint/pg_nodes.h"

namespace migralint::rules {
namespace {

// The type as PostgreSQL documents it and its largest value; null for other types.
struct Narrow {
  const char* shown;
  const char* limit;
  bool serial;
};

const Narrow* NarrowType(const std::string& type) {
  static const Narrow kInteger{"integer", "2,147,483,647", false},
      kSmallint{"smallint", "32,767", false}, kSerial{"serial", "2,147,483,647", true},
      kSmallserial{"smallserial", "32,767", true};
  if (type == "int4" || type == "int" || type == "integer") return &kInteger;
  if (type == "int2" || type == "smallint") return &kSmallint;
  if (type == "serial" || type == "serial4") return &kSerial;
  if (type == "smallserial" || type == "serial2") return &kSmallserial;
  return nullptr;
}

bool HasConstraint(const PgQuery__ColumnDef* def, PgQuery__ConstrType type) {
  for (std::size_t i = 0; def && i < def->n_constraints; ++i) {
    const PgQuery__Node* c = def->constraints[i];
    if (c->node_case == PG_QUERY__NODE__NODE_CONSTRAINT && c->constraint->contype == type)
      return true;
  }
  return false;
}

// What the statement's table says about its keys: the single column of its primary key (a
// composite key's columns follow other tables), and its foreign key columns (they follow the
// key they reference).
struct Keys {
  std::string primary;
  std::vector<std::string> foreign;
};

Keys KeysOf(const StatementContext& s, const std::string& table) {
  Keys keys;
  const PgQuery__Node* node = s.statement.node;
  if (node->node_case == PG_QUERY__NODE__NODE_CREATE_STMT) {
    const PgQuery__CreateStmt& c = *node->create_stmt;
    for (std::size_t i = 0; i < c.n_table_elts; ++i) {
      const PgQuery__Node* e = c.table_elts[i];
      if (e->node_case != PG_QUERY__NODE__NODE_CONSTRAINT) continue;
      const PgQuery__Constraint& k = *e->constraint;
      if (k.contype == PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY && k.n_keys == 1)
        keys.primary = pg::Str(k.keys[0]);
      if (k.contype == PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN) {
        for (const std::string& column : pg::Strings(k.fk_attrs, k.n_fk_attrs))
          keys.foreign.push_back(column);
      }
    }
  } else if (const Table* t = s.before.FindTable(table)) {
    for (const Constraint& c : t->constraints) {
      if (c.kind == Constraint::Kind::kPrimaryKey && c.columns.size() == 1)
        keys.primary = c.columns.front();
      if (c.kind == Constraint::Kind::kForeignKey)
        keys.foreign.insert(keys.foreign.end(), c.columns.begin(), c.columns.end());
    }
  }
  return keys;
}

// A DEFAULT that is a constant (`DEFAULT 1` on a one-row table): the key is not generated.
bool ConstantDefault(const PgQuery__ColumnDef* def) {
  for (std::size_t i = 0; def && i < def->n_constraints; ++i) {
    const PgQuery__Node* c = def->constraints[i];
    if (c->node_case == PG_QUERY__NODE__NODE_CONSTRAINT &&
        c->constraint->contype == PG_QUERY__CONSTR_TYPE__CONSTR_DEFAULT &&
        c->constraint->raw_expr &&
        c->constraint->raw_expr->node_case == PG_QUERY__NODE__NODE_A_CONST)
      return true;
  }
  return false;
}

// Why column `c` is a key that can run out: "" when it is not one.
std::string Role(const pg::TypedColumn& c, const Keys& keys) {
  if (HasConstraint(c.def, PG_QUERY__CONSTR_TYPE__CONSTR_IDENTITY)) return "an identity column";
  const bool primary =
      HasConstraint(c.def, PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY) || keys.primary == c.name;
  const bool foreign =
      HasConstraint(c.def, PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN) ||
      std::find(keys.foreign.begin(), keys.foreign.end(), c.name) != keys.foreign.end();
  return primary && !foreign && !ConstantDefault(c.def) ? "a primary key" : "";
}

void Check(RuleContext& ctx, const StatementContext& s) {
  const std::vector<pg::TypedColumn> columns = pg::TypedColumns(s.statement.node);
  if (columns.empty()) return;
  const Keys keys = KeysOf(s, columns.front().table);
  for (const pg::TypedColumn& c : columns) {
    const Narrow* narrow = NarrowType(pg::TypeOf(c.type).name);
    if (!narrow) continue;
    const bool serial = narrow->serial;
    const std::string role = serial ? "" : Role(c, keys);
    if (!serial && role.empty()) continue;
    const std::uint32_t from = c.location >= 0 && c.new_column
                                   ? s.statement.parse_base + static_cast<std::uint32_t>(c.location)
                                   : s.statement.begin;
    const auto [begin, end] = s.NameSpan(c.name, from);
    ctx.Report(s.file, begin, end,
               "\"" + c.name + "\" is " + (serial ? "" : role + " of type ") + narrow->shown +
                   ": it runs out after " + narrow->limit +
                   " values, and widening it then rewrites the table and every index on it",
               serial ? "use bigint GENERATED BY DEFAULT AS IDENTITY (or bigserial)"
                      : "use bigint from the start (foreign keys to it then bigint too)");
  }
}

}  // namespace

const Rule& prefer_bigint() {
  static const Rule rule{
      .id = "prefer-bigint",
      .severity = Severity::kInfo,
      .category = "types",
      .summary =
          "an integer or smallint key (serial, identity or primary key column) that can "
          "run out of values",
      .check_statement = Check,
  };
  return rule;
}

}  // namespace migralint::rules
