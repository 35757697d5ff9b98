// destructive-change: DROP TABLE, DROP COLUMN, DROP SCHEMA or TRUNCATE of objects that exist
// before this file (created in an earlier file, or unknown to the model), and DROP DATABASE.
#include "migralint/rule.h"

#include <cctype>
#include <string>

#include "migralint/pg_nodes.h"

namespace migralint::rules {
namespace {

std::string Quoted(const std::string& name) { return "\"" + name + "\""; }

// True when `pred` holds for `m` or any message below it.
template <typename Pred>
bool Any(const ProtobufCMessage* m, const Pred& pred) {
  if (!m) return false;
  if (pred(m)) return true;
  const char* base = reinterpret_cast<const char*>(m);
  for (unsigned i = 0; i < m->descriptor->n_fields; ++i) {
    const ProtobufCFieldDescriptor& f = m->descriptor->fields[i];
    if (f.type != PROTOBUF_C_TYPE_MESSAGE) continue;
    if ((f.flags & PROTOBUF_C_FIELD_FLAG_ONEOF) &&
        *reinterpret_cast<const uint32_t*>(base + f.quantifier_offset) != f.id)
      continue;
    if (f.label != PROTOBUF_C_LABEL_REPEATED) {
      if (Any(*reinterpret_cast<const ProtobufCMessage* const*>(base + f.offset), pred))
        return true;
      continue;
    }
    const std::size_t n = *reinterpret_cast<const std::size_t*>(base + f.quantifier_offset);
    const auto* items = *reinterpret_cast<ProtobufCMessage* const* const*>(base + f.offset);
    for (std::size_t k = 0; k < n; ++k) {
      if (Any(items[k], pred)) return true;
    }
  }
  return false;
}

bool HasTable(const ProtobufCMessage* m, const std::string& table) {
  return Any(m, [&](const ProtobufCMessage* x) {
    return x->descriptor == &pg_query__range_var__descriptor &&
           pg::Qualified(reinterpret_cast<const PgQuery__RangeVar*>(x)) == table;
  });
}

// `column` itself (or `*`) anywhere below `m`; with `direct`, `m` must be that column, maybe cast.
bool HasColumn(const PgQuery__Node* m, const std::string& column, bool direct) {
  if (direct) {
    while (m && m->node_case == PG_QUERY__NODE__NODE_TYPE_CAST) m = m->type_cast->arg;
    return m && m->node_case == PG_QUERY__NODE__NODE_COLUMN_REF && pg::ColumnName(m) == column;
  }
  return m && Any(&m->base, [&](const ProtobufCMessage* x) {
           if (x->descriptor != &pg_query__column_ref__descriptor) return false;
           const auto* ref = reinterpret_cast<const PgQuery__ColumnRef*>(x);
           const PgQuery__Node* last = ref->n_fields ? ref->fields[ref->n_fields - 1] : nullptr;
           return last &&
                  (pg::Str(last) == column || last->node_case == PG_QUERY__NODE__NODE_A_STAR);
         });
}

// Some assigned or selected value of `targets` takes `column`.
bool Takes(PgQuery__Node* const* targets, std::size_t n, const std::string& column, bool direct) {
  for (std::size_t i = 0; i < n; ++i) {
    const PgQuery__Node* t = targets[i];
    if (t->node_case == PG_QUERY__NODE__NODE_RES_TARGET && t->res_target->name != column &&
        HasColumn(t->res_target->val, column, direct)) {
      return true;
    }
  }
  return false;
}

// A SELECT (or a UNION of them) reading `table` and, with a column, selecting it.
bool Selects(const PgQuery__SelectStmt* q, const std::string& table, const std::string& column,
             bool direct) {
  if (!q) return false;
  if (q->larg || q->rarg)
    return Selects(q->larg, table, column, direct) || Selects(q->rarg, table, column, direct);
  // `direct`: FROM that table alone, so a column of that name is its column.
  const bool from = direct ? q->n_from_clause == 1 &&
                                 q->from_clause[0]->node_case == PG_QUERY__NODE__NODE_RANGE_VAR &&
                                 pg::Qualified(q->from_clause[0]->range_var) == table
                           : HasTable(&q->base, table);
  return from && (column.empty() || Takes(q->target_list, q->n_target_list, column, direct));
}

// Whether `n` copies the table's rows (or, with `column`, that column) elsewhere: INSERT … SELECT
// or CREATE TABLE AS reading it, UPDATE of another table FROM it, UPDATE of another column of it.
// `direct` (earlier migrations): only the column itself, maybe cast, counts as a copy.
bool Copies(const PgQuery__Node& n, const std::string& table, const std::string& column,
            bool direct) {
  switch (n.node_case) {
    case PG_QUERY__NODE__NODE_INSERT_STMT: {
      const PgQuery__Node* q = n.insert_stmt->select_stmt;
      return pg::Qualified(n.insert_stmt->relation) != table && q &&
             q->node_case == PG_QUERY__NODE__NODE_SELECT_STMT &&
             Selects(q->select_stmt, table, column, direct);
    }
    case PG_QUERY__NODE__NODE_CREATE_TABLE_AS_STMT: {
      const PgQuery__Node* q = n.create_table_as_stmt->query;
      return q && q->node_case == PG_QUERY__NODE__NODE_SELECT_STMT &&
             Selects(q->select_stmt, table, column, direct);
    }
    case PG_QUERY__NODE__NODE_UPDATE_STMT: {
      const PgQuery__UpdateStmt& u = *n.update_stmt;
      if (pg::Qualified(u.relation) == table) {  // into another column of the same table
        return !column.empty() && (Takes(u.target_list, u.n_target_list, column, direct) ||
                                   (!direct && HasColumn(u.where_clause, column, false)));
      }
      bool from =
          false;  // `direct`: an UPDATE … FROM may take a same-named column of another table
      for (std::size_t k = 0; k < u.n_from_clause && !direct; ++k)
        from = from || HasTable(&u.from_clause[k]->base, table);
      return from && (column.empty() || Takes(u.target_list, u.n_target_list, column, direct));
    }
    default:
      return false;
  }
}

// An earlier statement copied the data elsewhere, so the drop loses none: in this migration, any
// copy (a merge, a move to another table); in an earlier one, the column itself assigned to
// another column (the expand phase of a rename or type change).
bool Copied(const StatementContext& s, const std::string& table, const std::string& column) {
  return s.AnyDataEarlier(column.empty() ? s.file_index : 0, table,
                          [&](const PgQuery__Node& n, int file) {
                            return Copies(n, table, column, file != s.file_index);
                          });
}

// A table the set does not know, created again later in this file: a scratch table being reset.
bool Recreated(const StatementContext& s, const std::string& table) {
  for (const Statement& st : s.file.statements) {
    if (st.begin <= s.statement.begin || !st.node) continue;
    if (st.node->node_case == PG_QUERY__NODE__NODE_CREATE_STMT &&
        pg::Qualified(st.node->create_stmt->relation) == table)
      return true;
    if (st.node->node_case == PG_QUERY__NODE__NODE_CREATE_TABLE_AS_STMT &&
        st.node->create_table_as_stmt->into &&
        pg::Qualified(st.node->create_table_as_stmt->into->rel) == table) {
      return true;
    }
  }
  return false;
}

// True unless the table was created earlier in this file (a table the model does not know is live).
bool Live(const StatementContext& s, const std::string& table) {
  const Table* t = s.before.FindTable(table);
  return !t || !s.SameFile(t->origin);
}

constexpr const char* kHelp =
    "drop it only after no deployed code uses it (expand/contract), with its data backed up or "
    "copied; "
    "if this is intended, say so with `-- migralint-ignore destructive-change: <reason>`";

void Report(RuleContext& ctx, const StatementContext& s, std::string message,
            std::pair<std::uint32_t, std::uint32_t> span = {0, 0}) {
  if (span.second == 0) span = {s.statement.begin, s.statement.end};
  ctx.Report(s.file, span.first, span.second, std::move(message), kHelp);
}

void Drop(RuleContext& ctx, const StatementContext& s, const PgQuery__DropStmt& stmt) {
  for (std::size_t i = 0; i < stmt.n_objects; ++i) {
    const PgQuery__Node* object = stmt.objects[i];
    if (stmt.remove_type == PG_QUERY__OBJECT_TYPE__OBJECT_TABLE &&
        object->node_case == PG_QUERY__NODE__NODE_LIST) {
      const std::string table = pg::Qualified(object->list->items, object->list->n_items);
      if (stmt.missing_ok && s.before.Gone("table", table)) continue;  // dropped already
      if (!Live(s, table) || Copied(s, table, "") ||
          (!s.before.FindTable(table) && Recreated(s, table)))
        continue;
      Report(ctx, s,
             "DROP TABLE " + Quoted(table) +
                 " deletes the table and all its rows (ACCESS EXCLUSIVE lock); code still using it "
                 "fails");
    } else if (stmt.remove_type == PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA) {
      const std::string schema(pg::Str(object));
      if (stmt.missing_ok && s.before.Gone("schema", schema)) continue;
      auto it = s.before.schemas.find(schema);
      if (it != s.before.schemas.end() && s.SameFile(it->second)) continue;
      Report(ctx, s,
             "DROP SCHEMA " + Quoted(schema) + " deletes the schema" +
                 (stmt.behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE
                      ? " and every object and row in it"
                      : "") +
                 "; code still using it fails");
    }
  }
}

// True when the ALTER also adds a NOT NULL column without a default (nor serial, identity or
// generated): it fails on any row, so whatever it drops held no data.
bool OnlyEmptyTables(const PgQuery__AlterTableStmt& stmt) {
  for (std::size_t i = 0; i < stmt.n_cmds; ++i) {
    if (stmt.cmds[i]->node_case != PG_QUERY__NODE__NODE_ALTER_TABLE_CMD) continue;
    const PgQuery__AlterTableCmd& cmd = *stmt.cmds[i]->alter_table_cmd;
    if (cmd.subtype != PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn || !cmd.def ||
        cmd.def->node_case != PG_QUERY__NODE__NODE_COLUMN_DEF)
      continue;
    const PgQuery__ColumnDef& def = *cmd.def->column_def;
    if (pg::TypeOf(def.type_name).name.find("serial") != std::string::npos) continue;
    bool not_null = false, filled = false;
    for (std::size_t k = 0; k < def.n_constraints; ++k) {
      if (def.constraints[k]->node_case != PG_QUERY__NODE__NODE_CONSTRAINT) continue;
      switch (def.constraints[k]->constraint->contype) {
        case PG_QUERY__CONSTR_TYPE__CONSTR_NOTNULL:
        case PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY:
          not_null = true;
          break;
        case PG_QUERY__CONSTR_TYPE__CONSTR_DEFAULT:
        case PG_QUERY__CONSTR_TYPE__CONSTR_IDENTITY:
        case PG_QUERY__CONSTR_TYPE__CONSTR_GENERATED:
          filled = true;
          break;
        default:
          break;
      }
    }
    if (not_null && !filled) return true;
  }
  return false;
}

void AlterTable(RuleContext& ctx, const StatementContext& s, const PgQuery__AlterTableStmt& stmt) {
  if (stmt.objtype != PG_QUERY__OBJECT_TYPE__OBJECT_TABLE || !stmt.relation) return;
  const std::string table = pg::Qualified(stmt.relation);
  if (!Live(s, table)) return;
  const Table* t = s.before.FindTable(table);
  std::uint32_t from =
      s.statement.parse_base + static_cast<std::uint32_t>(std::max(stmt.relation->location, 0)) +
      static_cast<std::uint32_t>(
          std::string(stmt.relation->relname).size() +
          (*stmt.relation->schemaname ? std::string(stmt.relation->schemaname).size() + 1 : 0));
  for (std::size_t i = 0; i < stmt.n_cmds; ++i) {
    if (stmt.cmds[i]->node_case != PG_QUERY__NODE__NODE_ALTER_TABLE_CMD) continue;
    const PgQuery__AlterTableCmd& cmd = *stmt.cmds[i]->alter_table_cmd;
    if (cmd.subtype != PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn || !cmd.name) continue;
    const std::string column = cmd.name;
    const auto span = s.NameSpan(column, from);
    if (span.first != s.statement.begin) from = span.second;
    const Column* c = t ? t->FindColumn(column) : nullptr;
    if (c && s.SameFile(c->origin)) continue;  // added earlier in this file: holds no old data
    if (cmd.missing_ok && s.before.Gone("column", table + "." + column)) continue;
    if (Copied(s, table, column)) continue;
    if (OnlyEmptyTables(stmt)) continue;
    Report(ctx, s,
           "DROP COLUMN " + Quoted(column) + " deletes its data from every row of " +
               Quoted(table) + "; code still reading or writing it fails",
           span);
  }
}

void Truncate(RuleContext& ctx, const StatementContext& s, const PgQuery__TruncateStmt& stmt) {
  for (std::size_t i = 0; i < stmt.n_relations; ++i) {
    if (stmt.relations[i]->node_case != PG_QUERY__NODE__NODE_RANGE_VAR) continue;
    const std::string table = pg::Qualified(stmt.relations[i]->range_var);
    if (!Live(s, table)) continue;
    Report(ctx, s,
           "TRUNCATE deletes every row of " + Quoted(table) +
               (stmt.behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE
                    ? " and of every table referencing it"
                    : "") +
               " (ACCESS EXCLUSIVE lock)");
  }
}

void DropDatabase(RuleContext& ctx, const StatementContext& s, const PgQuery__DropdbStmt& stmt) {
  Report(ctx, s,
         "DROP DATABASE " + Quoted(stmt.dbname ? stmt.dbname : "") +
             " deletes the database and every object and row in it; code still connected to it "
             "fails");
}

void Check(RuleContext& ctx, const StatementContext& s) {
  const PgQuery__Node* node = s.statement.node;
  switch (node->node_case) {
    case PG_QUERY__NODE__NODE_DROPDB_STMT:
      DropDatabase(ctx, s, *node->dropdb_stmt);
      break;
    case PG_QUERY__NODE__NODE_DROP_STMT:
      Drop(ctx, s, *node->drop_stmt);
      break;
    case PG_QUERY__NODE__NODE_ALTER_TABLE_STMT:
      AlterTable(ctx, s, *node->alter_table_stmt);
      break;
    case PG_QUERY__NODE__NODE_TRUNCATE_STMT:
      Truncate(ctx, s, *node->truncate_stmt);
      break;
    default:
      break;
  }
}

}  // namespace

const Rule& destructive_change() {
  static const Rule rule{
      .id = "destructive-change",
      .severity = Severity::kWarning,
      .category = "safety",
      .summary =
          "DROP TABLE, DROP COLUMN, DROP SCHEMA, DROP DATABASE or TRUNCATE of objects that "
          "already exist",
      .check_statement = Check,
  };
  return rule;
}

}  // namespace migralint::rules
