// new-enum-value-used: an enum value added by ALTER TYPE … ADD VALUE and used before the
// transaction that added it commits (SQLSTATE 55P04), and, before PostgreSQL 12, ADD VALUE in a
// transaction block at all (25001). The transaction is the one the set's runner gives the file.
#include "migralint/rule.h"

#include <pg_query/pg_query.pb-c.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "migralint/pg_nodes.h"
#include "migralint/runner.h"
#include "migralint/transactions.h"

namespace migralint::rules {
namespace {

// Every message reachable from `m`, by protobuf-c's descriptors (the trees have ~250 kinds).
void Walk(const ProtobufCMessage* m, const std::function<void(const ProtobufCMessage*)>& visit) {
  if (!m) return;
  visit(m);
  const ProtobufCMessageDescriptor* d = m->descriptor;
  const char* base = reinterpret_cast<const char*>(m);
  for (unsigned i = 0; i < d->n_fields; ++i) {
    const ProtobufCFieldDescriptor& f = d->fields[i];
    if (f.type != PROTOBUF_C_TYPE_MESSAGE) continue;
    if (f.label == PROTOBUF_C_LABEL_REPEATED) {
      const std::size_t n = *reinterpret_cast<const std::size_t*>(base + f.quantifier_offset);
      const auto* items = *reinterpret_cast<ProtobufCMessage* const* const*>(base + f.offset);
      for (std::size_t k = 0; k < n; ++k) Walk(items[k], visit);
      continue;
    }
    if ((f.flags & PROTOBUF_C_FIELD_FLAG_ONEOF) &&
        *reinterpret_cast<const std::uint32_t*>(base + f.quantifier_offset) != f.id)
      continue;
    Walk(*reinterpret_cast<ProtobufCMessage* const*>(base + f.offset), visit);
  }
}

std::string Qualify(std::string name) {
  return name.find('.') == std::string::npos ? "public." + name : name;
}

// The string literal `node` is, or null.
const PgQuery__AConst* Literal(const PgQuery__Node* node) {
  if (!node || node->node_case != PG_QUERY__NODE__NODE_A_CONST) return nullptr;
  const PgQuery__AConst* c = node->a_const;
  return c->val_case == PG_QUERY__A__CONST__VAL_SVAL && c->sval && c->sval->sval ? c : nullptr;
}

// Looks for uses of the new `label` of enum `type` ("schema.name") in one statement.
class Uses {
 public:
  Uses(const Schema& db, std::string type, std::string label)
      : db_(db), type_(std::move(type)), label_(std::move(label)) {}

  // Locations (relative to the statement's parse base) of the label used as a value of the type.
  std::vector<int> In(const PgQuery__Node* statement) {
    found_.clear();
    tables_.clear();
    // The tables the statement names, by alias and by name: a column reference is resolved
    // against them (an unqualified one must be of the type in every table that has it).
    Walk(&statement->base, [&](const ProtobufCMessage* m) {
      if (m->descriptor != &pg_query__range_var__descriptor) return;
      const auto* rv = reinterpret_cast<const PgQuery__RangeVar*>(m);
      const Table* t = db_.FindTable(pg::Qualified(rv));
      const std::string key =
          rv->alias && rv->alias->aliasname ? rv->alias->aliasname : std::string(rv->relname);
      tables_.emplace(key, t);
    });
    Walk(&statement->base, [&](const ProtobufCMessage* m) { Visit(m); });
    Written(statement);
    return found_;
  }

 private:
  bool Mine(const ColumnType& t) const { return !t.array && Qualify(t.name) == type_; }
  bool Mine(const PgQuery__TypeName* t) const { return t && Mine(pg::TypeOf(t)); }
  bool Label(const PgQuery__Node* n, int* at) const {
    const PgQuery__AConst* c = Literal(n);
    if (!c || c->sval->sval != label_) return false;
    *at = c->location;
    return true;
  }
  void Found(int at) { found_.push_back(at); }

  // 'label'::type, CAST('label' AS type); comparisons and IN lists against a column of the type.
  void Visit(const ProtobufCMessage* m) {
    int at = -1;
    if (m->descriptor == &pg_query__type_cast__descriptor) {
      const auto* cast = reinterpret_cast<const PgQuery__TypeCast*>(m);
      if (Mine(cast->type_name) && Label(cast->arg, &at)) Found(at);
    } else if (m->descriptor == &pg_query__a__expr__descriptor) {
      const auto* e = reinterpret_cast<const PgQuery__AExpr*>(m);
      const bool left = TypedColumn(e->lexpr), right = TypedColumn(e->rexpr);
      if (left && Label(e->rexpr, &at)) Found(at);
      if (right && Label(e->lexpr, &at)) Found(at);
      if (left && e->rexpr && e->rexpr->node_case == PG_QUERY__NODE__NODE_LIST) {
        for (std::size_t i = 0; i < e->rexpr->list->n_items; ++i)
          if (Label(e->rexpr->list->items[i], &at)) Found(at);
      }
    }
  }
  bool TypedColumn(const PgQuery__Node* n) const {
    if (!n || n->node_case != PG_QUERY__NODE__NODE_COLUMN_REF) return false;
    const PgQuery__ColumnRef& ref = *n->column_ref;
    const std::string name = pg::ColumnName(n);
    if (name.empty()) return false;
    if (ref.n_fields >= 2) {  // alias.column, table.column, schema.table.column
      auto it = tables_.find(std::string(pg::Str(ref.fields[ref.n_fields - 2])));
      if (it == tables_.end() || !it->second) return false;
      const auto* c = it->second->FindColumn(name);
      return c && Mine(c->type);
    }
    bool mine = false;
    for (const auto& [key, table] : tables_) {
      const auto* c = table ? table->FindColumn(name) : nullptr;
      if (!c) continue;
      if (!Mine(c->type)) return false;  // another table's column of that name: ambiguous
      mine = true;
    }
    return mine;
  }

  // Values written into a column of the type: INSERT, UPDATE … SET, defaults.
  void Written(const PgQuery__Node* node) {
    int at = -1;
    switch (node->node_case) {
      case PG_QUERY__NODE__NODE_INSERT_STMT: {
        const PgQuery__InsertStmt& s = *node->insert_stmt;
        const Table* table = db_.FindTable(pg::Qualified(s.relation));
        if (!table) return;
        std::vector<bool> mine;
        if (s.n_cols == 0) {
          for (const auto& c : table->columns) mine.push_back(Mine(c.type));
        }
        for (std::size_t i = 0; i < s.n_cols; ++i) {
          const PgQuery__ResTarget* col = s.cols[i]->node_case == PG_QUERY__NODE__NODE_RES_TARGET
                                              ? s.cols[i]->res_target
                                              : nullptr;
          const auto* c = col && col->name ? table->FindColumn(col->name) : nullptr;
          mine.push_back(c && Mine(c->type));
        }
        const PgQuery__Node* select = s.select_stmt;
        if (!select || select->node_case != PG_QUERY__NODE__NODE_SELECT_STMT) return;
        const PgQuery__SelectStmt& sel = *select->select_stmt;
        for (std::size_t r = 0; r < sel.n_values_lists; ++r) {
          const PgQuery__Node* row = sel.values_lists[r];
          if (row->node_case != PG_QUERY__NODE__NODE_LIST) continue;
          for (std::size_t i = 0; i < row->list->n_items && i < mine.size(); ++i)
            if (mine[i] && Label(row->list->items[i], &at)) Found(at);
        }
        for (std::size_t i = 0; i < sel.n_target_list && i < mine.size(); ++i) {
          const PgQuery__Node* t = sel.target_list[i];
          if (mine[i] && t->node_case == PG_QUERY__NODE__NODE_RES_TARGET &&
              Label(t->res_target->val, &at))
            Found(at);
        }
        return;
      }
      case PG_QUERY__NODE__NODE_UPDATE_STMT: {
        const PgQuery__UpdateStmt& s = *node->update_stmt;
        const Table* table = db_.FindTable(pg::Qualified(s.relation));
        if (!table) return;
        for (std::size_t i = 0; i < s.n_target_list; ++i) {
          const PgQuery__Node* t = s.target_list[i];
          if (t->node_case != PG_QUERY__NODE__NODE_RES_TARGET || !t->res_target->name) continue;
          const auto* c = table->FindColumn(t->res_target->name);
          if (c && Mine(c->type) && Label(t->res_target->val, &at)) Found(at);
        }
        return;
      }
      case PG_QUERY__NODE__NODE_CREATE_STMT: {
        const PgQuery__CreateStmt& s = *node->create_stmt;
        for (std::size_t i = 0; i < s.n_table_elts; ++i)
          if (s.table_elts[i]->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF)
            ColumnDefault(*s.table_elts[i]->column_def);
        return;
      }
      case PG_QUERY__NODE__NODE_ALTER_TABLE_STMT: {
        const PgQuery__AlterTableStmt& s = *node->alter_table_stmt;
        const Table* table = db_.FindTable(pg::Qualified(s.relation));
        for (std::size_t i = 0; i < s.n_cmds; ++i) {
          if (s.cmds[i]->node_case != PG_QUERY__NODE__NODE_ALTER_TABLE_CMD) continue;
          const PgQuery__AlterTableCmd& cmd = *s.cmds[i]->alter_table_cmd;
          if (cmd.subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn && cmd.def &&
              cmd.def->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF)
            ColumnDefault(*cmd.def->column_def);
          if (cmd.subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_ColumnDefault && table && cmd.name) {
            const auto* c = table->FindColumn(cmd.name);
            if (c && Mine(c->type) && Label(cmd.def, &at)) Found(at);
          }
        }
        return;
      }
      default:
        return;
    }
  }
  void ColumnDefault(const PgQuery__ColumnDef& def) {
    if (!Mine(def.type_name)) return;
    int at = -1;
    if (Label(def.raw_default, &at)) Found(at);
    for (std::size_t i = 0; i < def.n_constraints; ++i) {
      const PgQuery__Node* c = def.constraints[i];
      if (c->node_case == PG_QUERY__NODE__NODE_CONSTRAINT &&
          c->constraint->contype == PG_QUERY__CONSTR_TYPE__CONSTR_DEFAULT &&
          Label(c->constraint->raw_expr, &at))
        Found(at);
    }
  }

  const Schema& db_;
  std::string type_, label_;
  std::map<std::string, const Table*> tables_;
  std::vector<int> found_;
};

// The top-level statement `s` is, or runs in (a DO block's statements run in the DO's).
std::size_t TopOf(const FileUnit& file, const Statement& s) {
  return s.IsNested() ? static_cast<std::size_t>(s.parent)
                      : StatementContext::StatementIndex(file, s);
}

void Check(RuleContext& ctx, const StatementContext& s) {
  const PgQuery__Node* node = s.statement.node;
  if (!node || node->node_case != PG_QUERY__NODE__NODE_ALTER_ENUM_STMT) return;
  const PgQuery__AlterEnumStmt& a = *node->alter_enum_stmt;
  if (!a.new_val || !*a.new_val || (a.old_val && *a.old_val)) return;  // RENAME VALUE
  const std::string type = Qualify(pg::Qualified(a.type_name, a.n_type_name));
  const std::string label = a.new_val;
  if (auto known = s.before.types.find(type); known != s.before.types.end()) {
    const auto& labels = known->second.labels;
    if (std::find(labels.begin(), labels.end(), label) != labels.end()) return;  // not new
    // Before 12, ADD VALUE may run in the transaction that created the type (no index can hold
    // the value past a rollback); the same file is taken for the same transaction. From 12 on,
    // the value is unusable until commit even then (the server test proves it).
    if (ctx.config().pg_version < 12 && s.SameFile(known->second.origin)) return;
  }
  const FileUnit& file = s.file;
  const FileExecution execution(file, ctx.config());
  const std::size_t top = TopOf(file, s.statement);
  const Block& block = execution.BlockAt(file.statements[top]);
  const bool in_do = s.statement.IsNested();
  if (block.why.empty() && !in_do) return;  // autocommitted: the value is usable at once
  const std::string why = in_do ? "inside a DO block, which runs as one transaction" : block.why;

  if (ctx.config().pg_version < 12) {
    ctx.Report(file, s.statement.begin, s.statement.end,
               "ALTER TYPE … ADD VALUE cannot run inside a transaction block before PostgreSQL "
               "12, and this one is " +
                   why + " (SQLSTATE 25001)",
               in_do ? "run it at the top level of a migration of its own, outside the DO block"
                     : block.fix);
    return;
  }
  // Later statements of the same transaction: to the end of the DO block when the value was
  // added in one and the DO runs outside a transaction, else while the blocks go on.
  const std::size_t me = StatementContext::StatementIndex(file, s.statement);
  const std::string added_at = std::to_string(file.source.At(s.statement.begin).line);
  Uses uses(s.before, type, label);
  for (std::size_t i = me + 1; i < file.statements.size(); ++i) {
    const Statement& later = file.statements[i];
    const std::size_t later_top = TopOf(file, later);
    if (later_top != top) {
      const Statement& t = file.statements[later_top];
      if (block.why.empty() || TransactionKind(t) != 0) break;  // COMMIT, ROLLBACK, BEGIN
      const Block& b = execution.BlockAt(t);
      if (b.why != block.why) break;
    }
    if (!later.node || !file.RunsWithMigration(later)) continue;
    for (const int at : uses.In(later.node)) {
      const std::uint32_t begin = later.parse_base + static_cast<std::uint32_t>(at);
      const std::uint32_t end =
          std::min<std::uint32_t>(begin + static_cast<std::uint32_t>(label.size()) + 2, later.end);
      ctx.Report(file, begin, end,
                 "enum value '" + label + "' of \"" + type + "\" is used in the transaction that " +
                     "adds it (line " + added_at + ", " + (later_top == top ? why : block.why) +
                     "): PostgreSQL rejects it until that transaction commits (SQLSTATE 55P04, "
                     "unsafe use of new value)",
                 "add the value in a migration of its own (or COMMIT after the ADD VALUE) and "
                 "use it in a later one");
    }
  }
}

}  // namespace

const Rule& new_enum_value_used() {
  static const Rule rule{
      .id = "new-enum-value-used",
      .severity = Severity::kError,
      .category = "correctness",
      .summary = "an enum value added by ADD VALUE used before its transaction commits (55P04)",
      .check_statement = Check,
  };
  return rule;
}

}  // namespace migralint::rules
