// fk-missing-index: at the end of the set, a foreign key whose columns no index of its table
// leads with (in any order among the first k key columns, k = the key's column count).
#include "migralint/rule.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "migralint/pg_nodes.h"

namespace migralint::rules {
namespace {

std::string Quote(const std::string& name) {
  static const std::set<std::string> kReserved = {"user",   "order",      "group",   "table",
                                                  "select", "check",      "default", "limit",
                                                  "offset", "references", "to"};
  bool plain =
      !name.empty() && !std::isdigit(static_cast<unsigned char>(name[0])) && !kReserved.count(name);
  for (char c : name) plain &= (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  return plain ? name : "\"" + name + "\"";
}

std::string List(const std::vector<std::string>& names, bool sql) {
  std::string out;
  for (const std::string& n : names)
    out += (out.empty() ? "" : ", ") + (sql ? Quote(n) : "\"" + n + "\"");
  return out;
}

// The statement at `origin` (the one that created an object), or null.
const Statement* StatementAt(const SetUnit& set, const Origin& origin) {
  if (origin.external()) return nullptr;
  for (const Statement& s : set.migrations[static_cast<std::size_t>(origin.file)]->statements) {
    if (s.begin == origin.begin && s.end == origin.end && s.node) return &s;
  }
  return nullptr;
}

// True when a partial index's WHERE is only `col IS NOT NULL` tests on key columns: the key
// lookups (`col = $1`) imply it, so the planner can use the index for them.
bool ImpliedByKey(const SetUnit& set, const Index& index, const std::set<std::string>& key) {
  const Statement* s = StatementAt(set, index.origin);
  if (!s || s->node->node_case != PG_QUERY__NODE__NODE_INDEX_STMT ||
      !s->node->index_stmt->where_clause)
    return false;
  std::vector<const PgQuery__Node*> terms = {s->node->index_stmt->where_clause};
  for (std::size_t i = 0; i < terms.size(); ++i) {
    const PgQuery__Node* t = terms[i];
    if (t->node_case == PG_QUERY__NODE__NODE_BOOL_EXPR &&
        t->bool_expr->boolop == PG_QUERY__BOOL_EXPR_TYPE__AND_EXPR) {
      terms.insert(terms.end(), t->bool_expr->args, t->bool_expr->args + t->bool_expr->n_args);
    } else if (t->node_case != PG_QUERY__NODE__NODE_NULL_TEST ||
               t->null_test->nulltesttype != PG_QUERY__NULL_TEST_TYPE__IS_NOT_NULL ||
               !key.count(pg::ColumnName(t->null_test->arg))) {
      return false;
    }
  }
  return true;
}

// True when an index of the table serves lookups by the key: its first k columns are the key's.
bool Covered(const SetUnit& set, const std::vector<const Index*>& indexes, const Constraint& fk) {
  const std::set<std::string> key(fk.columns.begin(), fk.columns.end());
  for (const Index* index : indexes) {
    if (index->columns.size() < fk.columns.size()) continue;
    // A partial index serves only queries that imply its predicate.
    if (index->partial && !ImpliedByKey(set, *index, key)) continue;
    const std::set<std::string> lead(index->columns.begin(),
                                     index->columns.begin() + static_cast<long>(fk.columns.size()));
    if (lead == key) return true;
  }
  return false;
}

// The column definitions and table constraints a CREATE TABLE or ALTER TABLE statement holds.
std::vector<const PgQuery__Node*> Elements(const PgQuery__Node* node) {
  std::vector<const PgQuery__Node*> out;
  if (node->node_case == PG_QUERY__NODE__NODE_CREATE_STMT) {
    const auto& s = *node->create_stmt;
    out.assign(s.table_elts, s.table_elts + s.n_table_elts);
  } else if (node->node_case == PG_QUERY__NODE__NODE_ALTER_TABLE_STMT) {
    const auto& s = *node->alter_table_stmt;
    for (std::size_t i = 0; i < s.n_cmds; ++i) {
      if (s.cmds[i]->node_case == PG_QUERY__NODE__NODE_ALTER_TABLE_CMD &&
          s.cmds[i]->alter_table_cmd->def) {
        out.push_back(s.cmds[i]->alter_table_cmd->def);
      }
    }
  }
  return out;
}

// Where in its statement the key is declared (the column, or the FOREIGN KEY clause), or -1.
int KeyLocation(const PgQuery__Node* statement, const Constraint& fk) {
  auto same = [&](const PgQuery__Constraint& c, const std::vector<std::string>& columns) {
    return c.contype == PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN && columns == fk.columns &&
           pg::Qualified(c.pktable) == fk.ref_table;
  };
  for (const PgQuery__Node* e : Elements(statement)) {
    if (e->node_case == PG_QUERY__NODE__NODE_CONSTRAINT &&
        same(*e->constraint, pg::Strings(e->constraint->fk_attrs, e->constraint->n_fk_attrs))) {
      return e->constraint->location;
    }
    if (e->node_case != PG_QUERY__NODE__NODE_COLUMN_DEF) continue;
    const PgQuery__ColumnDef& def = *e->column_def;
    for (std::size_t i = 0; i < def.n_constraints; ++i) {
      const PgQuery__Node* c = def.constraints[i];
      if (c->node_case == PG_QUERY__NODE__NODE_CONSTRAINT && same(*c->constraint, {def.colname}))
        return def.location;
    }
  }
  return -1;
}

// The span to report: the key's declaration to the end of its line (before any comment), else
// the whole statement.
std::pair<std::uint32_t, std::uint32_t> Span(const SetUnit& set, const Constraint& fk) {
  const Statement* s = StatementAt(set, fk.origin);
  const int location = s ? KeyLocation(s->node, fk) : -1;
  if (location < 0) return {fk.origin.begin, fk.origin.end};
  const std::string& text = set.migrations[static_cast<std::size_t>(fk.origin.file)]->source.text;
  const std::uint32_t begin = s->parse_base + static_cast<std::uint32_t>(location);
  std::uint32_t end = begin;
  while (end < s->end && text[end] != '\n' && text[end] != '\r' && text.compare(end, 2, "--") != 0)
    ++end;
  while (end > begin && (text[end - 1] == ' ' || text[end - 1] == ',' || text[end - 1] == '\t'))
    --end;
  return {begin, end};
}

void Check(RuleContext& ctx, const SetUnit& set, const Schema& schema) {
  const auto indexes = schema.IndexesByTable();
  static const std::vector<const Index*> kNone;
  for (const auto& [name, table] : schema.tables) {
    auto it = indexes.find(name);
    for (const Constraint& fk : table.constraints) {
      if (fk.kind != Constraint::Kind::kForeignKey || fk.columns.empty() || fk.origin.external())
        continue;
      if (Covered(set, it == indexes.end() ? kNone : it->second, fk)) continue;
      const FileUnit& unit = *set.migrations[static_cast<std::size_t>(fk.origin.file)];
      const auto [begin, end] = Span(set, fk);
      std::string index_name = table.name;
      for (const std::string& c : fk.columns) index_name += "_" + c;
      index_name += "_idx";
      ctx.Report(unit, begin, end,
                 "foreign key (" + List(fk.columns, false) + ") of \"" + name +
                     "\" referencing \"" + fk.ref_table +
                     "\" has no index that leads with its columns: every delete or key "
                     "update in \"" +
                     fk.ref_table + "\" scans \"" + name + "\"",
                 "index the referencing columns: CREATE INDEX IF NOT EXISTS " + Quote(index_name) +
                     " ON " + Quote(table.schema) + "." + Quote(table.name) + " (" +
                     List(fk.columns, true) + ")");
    }
  }
}

}  // namespace

const Rule& fk_missing_index() {
  static const Rule rule{
      .id = "fk-missing-index",
      .severity = Severity::kWarning,
      .category = "convention",
      .summary = "foreign-key columns with no index whose leading columns cover them",
      .check_schema = Check,
  };
  return rule;
}

}  // namespace migralint::rules
