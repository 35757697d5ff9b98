// destructive-change: DROP TABLE, DROP COLUMN, DROP SCHEMA or TRUNCATE of objects that exist
// before this file (created in an earlier file, or unknown to the model), and DROP DATABASE; drops
// of views, functions, types, sequences and extensions not made again in the same file; and, at a
// lower severity, a guarantee that goes (DROP DEFAULT, DROP EXPRESSION, DROP CONSTRAINT).
#include "migralint/rule.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

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

// Reports at one severity level below the rule's: a guarantee goes, no data.
void ReportLesser(RuleContext& ctx, const StatementContext& s, std::string message,
                  std::pair<std::uint32_t, std::uint32_t> span, const char* help) {
  const SourceFile& source = s.file.source;
  const Position start = source.At(span.first);
  Position stop = source.At(std::max(span.first, span.second));
  if (stop.line == start.line && stop.column == start.column) stop.column += 1;
  ctx.ReportAt(source.path, start, stop, std::move(message), help, /*lesser=*/true);
}

// The objects besides tables and schemas this rule follows, grouped as the model keeps them.
enum class Family { kNone, kView, kFunction, kType, kSequence, kExtension };

Family FamilyOf(PgQuery__ObjectType type) {
  switch (type) {
    case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW:
    case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW:
      return Family::kView;
    case PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION:
    case PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_ROUTINE:
      return Family::kFunction;
    case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN:
      return Family::kType;
    case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE:
      return Family::kSequence;
    case PG_QUERY__OBJECT_TYPE__OBJECT_EXTENSION:
      return Family::kExtension;
    default:
      return Family::kNone;
  }
}

// What statement `n` creates in `family`, or "".
std::string Creates(const PgQuery__Node& n, Family family) {
  switch (n.node_case) {
    // A view made again as a view, a materialized view or a table: the name still answers.
    case PG_QUERY__NODE__NODE_VIEW_STMT:
      return family == Family::kView ? pg::Qualified(n.view_stmt->view) : "";
    case PG_QUERY__NODE__NODE_CREATE_TABLE_AS_STMT:
      return family == Family::kView && n.create_table_as_stmt->into
                 ? pg::Qualified(n.create_table_as_stmt->into->rel)
                 : "";
    case PG_QUERY__NODE__NODE_CREATE_STMT:
      return family == Family::kView ? pg::Qualified(n.create_stmt->relation) : "";
    case PG_QUERY__NODE__NODE_CREATE_FUNCTION_STMT:
      return family == Family::kFunction ? pg::Qualified(n.create_function_stmt->funcname,
                                                         n.create_function_stmt->n_funcname)
                                         : "";
    case PG_QUERY__NODE__NODE_CREATE_ENUM_STMT:
      return family == Family::kType
                 ? pg::Qualified(n.create_enum_stmt->type_name, n.create_enum_stmt->n_type_name)
                 : "";
    case PG_QUERY__NODE__NODE_COMPOSITE_TYPE_STMT:
      return family == Family::kType ? pg::Qualified(n.composite_type_stmt->typevar) : "";
    case PG_QUERY__NODE__NODE_CREATE_DOMAIN_STMT:
      return family == Family::kType ? pg::Qualified(n.create_domain_stmt->domainname,
                                                     n.create_domain_stmt->n_domainname)
                                     : "";
    case PG_QUERY__NODE__NODE_CREATE_RANGE_STMT:
      return family == Family::kType
                 ? pg::Qualified(n.create_range_stmt->type_name, n.create_range_stmt->n_type_name)
                 : "";
    case PG_QUERY__NODE__NODE_CREATE_SEQ_STMT:
      return family == Family::kSequence ? pg::Qualified(n.create_seq_stmt->sequence) : "";
    case PG_QUERY__NODE__NODE_CREATE_EXTENSION_STMT:
      return family == Family::kExtension ? std::string(n.create_extension_stmt->extname) : "";
    default:
      return {};
  }
}

// The name a RENAME of an object of `family` gives ("schema.name"), or "": the other enum swap
// (CREATE TYPE t_new, columns moved, DROP TYPE t, ALTER TYPE t_new RENAME TO t).
std::string RenamesTo(const PgQuery__Node& n, Family family) {
  if (n.node_case != PG_QUERY__NODE__NODE_RENAME_STMT) return {};
  const PgQuery__RenameStmt& r = *n.rename_stmt;
  if (FamilyOf(r.rename_type) != family || !r.newname) return {};
  const std::string old = r.relation ? pg::Qualified(r.relation) : pg::ObjectName(r.object);
  if (family == Family::kExtension) return r.newname;
  return old.substr(0, old.find('.') + 1) + r.newname;
}

// `name` of `family` is created again after this statement in the same file: a view or function
// dropped to change its columns or signature, a type redefined. Nothing stays missing.
bool MadeAgain(const StatementContext& s, Family family, const std::string& name) {
  for (const Statement& st : s.file.statements) {
    if (st.begin <= s.statement.begin || !st.node || !s.file.RunsWithMigration(st)) continue;
    if (Creates(*st.node, family) == name || RenamesTo(*st.node, family) == name) return true;
  }
  return false;
}

// `name` of `family` got its name by a RENAME earlier in this file (the enum swap: the old type
// renamed away, a new one made under its name, columns moved, the renamed one dropped): no code
// knows this name.
bool RenamedHere(const StatementContext& s, Family family, const std::string& name) {
  for (const Statement& st : s.file.statements) {
    if (st.begin >= s.statement.begin) break;
    if (st.node && RenamesTo(*st.node, family) == name) return true;
  }
  return false;
}

// Where the model says `name` of `family` was created, or null when it does not know it.
const Origin* OriginOf(const Schema& schema, Family family, const std::string& name) {
  auto find = [&](const auto& objects) -> const Origin* {
    auto it = objects.find(name);
    if (it == objects.end()) return nullptr;
    if constexpr (std::is_same_v<std::decay_t<decltype(it->second)>, Origin>) {
      return &it->second;
    } else {
      return &it->second.origin;
    }
  };
  switch (family) {
    case Family::kView:
      return find(schema.views);
    case Family::kFunction:
      return find(schema.functions);
    case Family::kType:
      return find(schema.types);
    case Family::kSequence:
      return find(schema.sequences);
    case Family::kExtension:
      return find(schema.extensions);
    case Family::kNone:
      break;
  }
  return nullptr;
}

const char* Keyword(PgQuery__ObjectType type) {
  switch (type) {
    case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW:
      return "VIEW";
    case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW:
      return "MATERIALIZED VIEW";
    case PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION:
      return "FUNCTION";
    case PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE:
      return "PROCEDURE";
    case PG_QUERY__OBJECT_TYPE__OBJECT_ROUTINE:
      return "ROUTINE";
    case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE:
      return "TYPE";
    case PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN:
      return "DOMAIN";
    case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE:
      return "SEQUENCE";
    default:
      return "EXTENSION";
  }
}

// The model's key in Schema::dropped for `family` (the model records these drops too).
const char* DroppedKind(Family family) {
  switch (family) {
    case Family::kView:
      return "view";
    case Family::kFunction:
      return "function";
    case Family::kType:
      return "type";
    case Family::kSequence:
      return "sequence";
    default:
      return "extension";
  }
}

// Whether dropping `name` of `family` takes away something that was there before this file and
// is not made again in it.
bool Loses(const StatementContext& s, const PgQuery__DropStmt& stmt, Family family,
           const std::string& name) {
  if (name.empty()) return false;
  const Origin* origin = OriginOf(s.before, family, name);
  if (origin && s.SameFile(*origin)) return false;  // created earlier in this file: nothing used it
  if (!origin && stmt.missing_ok &&
      s.before.dropped.count(std::string(DroppedKind(family)) + " " + name))
    return false;  // dropped already: a no-op
  if (family == Family::kFunction) {
    // A trigger function is called by its triggers, never by the application (and its triggers
    // are what lemmy-style "drop the functions CASCADE, install them again" resets).
    auto it = s.before.functions.find(name);
    if (it != s.before.functions.end() && it->second.returns_trigger) return false;
  }
  return !MadeAgain(s, family, name) && !RenamedHere(s, family, name);
}

// DROP VIEW / FUNCTION / TYPE / SEQUENCE / EXTENSION … of objects that were there before this
// file and are not made again in it: one finding per statement, naming them.
void DropObjects(RuleContext& ctx, const StatementContext& s, const PgQuery__DropStmt& stmt) {
  const Family family = FamilyOf(stmt.remove_type);
  std::vector<std::string> lost;
  for (std::size_t i = 0; i < stmt.n_objects; ++i) {
    std::string name = pg::ObjectName(stmt.objects[i]);
    if (Loses(s, stmt, family, name) && std::find(lost.begin(), lost.end(), name) == lost.end())
      lost.push_back(std::move(name));
  }
  if (lost.empty()) return;
  std::string names = Quoted(lost[0]);
  for (std::size_t i = 1; i < lost.size() && i < 3; ++i) names += ", " + Quoted(lost[i]);
  if (lost.size() > 3) names += " and " + std::to_string(lost.size() - 3) + " more";
  const bool cascade = stmt.behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE;
  const std::string what = std::string("DROP ") + Keyword(stmt.remove_type) + " " + names;
  const bool one = lost.size() == 1;
  const std::string it = one ? "it" : "them";
  std::string message;
  switch (family) {
    case Family::kView:
      message = what + (one ? " deletes the view" : " deletes the views") +
                (stmt.remove_type == PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW ? " and its rows" : "") +
                (cascade ? " and every view built on " + it : "") + "; code still querying " + it +
                " fails";
      break;
    case Family::kFunction:
      message = what + (one ? " deletes the routine" : " deletes the routines") +
                (cascade ? " and everything using " + it : "") + "; code still calling " + it +
                " fails";
      break;
    case Family::kType:
      message = what + (one ? " deletes the type" : " deletes the types") +
                (cascade ? " and every column of " + std::string(one ? "that type" : "them") +
                               ", with its data"
                         : "") +
                "; code still using " + it + " fails";
      break;
    case Family::kSequence:
      message = what +
                (one ? " deletes the sequence and its current value"
                     : " deletes the sequences and their current values") +
                (cascade ? " and the column defaults drawing from " + it : "") +
                "; code still calling nextval on " + it + " fails";
      break;
    default:
      message = what + " deletes the functions, types and tables of the extension" +
                (one ? "" : "s") +
                (cascade ? " and every column and object using them, with their data" : "") +
                "; code still using them fails";
      break;
  }
  Report(ctx, s, std::move(message));
}

void Drop(RuleContext& ctx, const StatementContext& s, const PgQuery__DropStmt& stmt) {
  if (FamilyOf(stmt.remove_type) != Family::kNone) {
    DropObjects(ctx, s, stmt);
    return;
  }
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

// DROP DEFAULT, DROP EXPRESSION, DROP CONSTRAINT: no data goes, a guarantee about it does.
bool Guarantee(const PgQuery__AlterTableCmd& cmd) {
  return (cmd.subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_ColumnDefault && !cmd.def) ||
         cmd.subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_DropExpression ||
         cmd.subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_DropConstraint;
}

// Each ALTER TABLE command on `table` of this statement and those after it in the file.
template <typename Visit>
bool AnyCommandFromHere(const StatementContext& s, const std::string& table, Visit visit,
                        bool before = false) {
  for (const Statement& st : s.file.statements) {
    if ((before ? st.begin >= s.statement.begin : st.begin < s.statement.begin) || !st.node ||
        !s.file.RunsWithMigration(st) ||
        st.node->node_case != PG_QUERY__NODE__NODE_ALTER_TABLE_STMT)
      continue;
    const PgQuery__AlterTableStmt& a = *st.node->alter_table_stmt;
    if (!a.relation || pg::Qualified(a.relation) != table) continue;
    for (std::size_t i = 0; i < a.n_cmds; ++i) {
      if (a.cmds[i]->node_case == PG_QUERY__NODE__NODE_ALTER_TABLE_CMD &&
          visit(*a.cmds[i]->alter_table_cmd))
        return true;
    }
  }
  return false;
}

// The constraint an ADD CONSTRAINT command adds, or null.
const PgQuery__Constraint* Added(const PgQuery__AlterTableCmd& cmd) {
  return cmd.subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraint && cmd.def &&
                 cmd.def->node_case == PG_QUERY__NODE__NODE_CONSTRAINT
             ? cmd.def->constraint
             : nullptr;
}

bool SameKind(Constraint::Kind kind, PgQuery__ConstrType type) {
  switch (type) {
    case PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY:
      return kind == Constraint::Kind::kPrimaryKey;
    case PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE:
      return kind == Constraint::Kind::kUnique;
    case PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN:
      return kind == Constraint::Kind::kForeignKey;
    case PG_QUERY__CONSTR_TYPE__CONSTR_CHECK:
      return kind == Constraint::Kind::kCheck;
    case PG_QUERY__CONSTR_TYPE__CONSTR_EXCLUSION:
      return kind == Constraint::Kind::kExclusion;
    default:
      return false;
  }
}

// The key columns of an added constraint (a foreign key: its referencing columns).
std::vector<std::string> KeyColumns(const PgQuery__Constraint& c) {
  return c.contype == PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN ? pg::Strings(c.fk_attrs, c.n_fk_attrs)
                                                            : pg::Strings(c.keys, c.n_keys);
}

// The columns as a sorted list: a key replaced by one of the same columns in another order.
std::vector<std::string> Sorted(std::vector<std::string> columns) {
  std::sort(columns.begin(), columns.end());
  return columns;
}

// An added constraint gives at least the guarantee `c` gave: a primary key replaced by any
// primary key (a table has one), a key by a primary key or unique key over the same columns, a
// foreign key or CHECK by one of its kind over the same columns.
bool Replaces(const Constraint& c, const PgQuery__Constraint& added) {
  const bool key = c.kind == Constraint::Kind::kPrimaryKey || c.kind == Constraint::Kind::kUnique;
  if (c.kind == Constraint::Kind::kPrimaryKey &&
      added.contype == PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY)
    return true;
  const bool kind = SameKind(c.kind, added.contype) ||
                    (key && (added.contype == PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY ||
                             added.contype == PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE));
  if (!kind) return false;
  const std::vector<std::string> now = Sorted(KeyColumns(added)), before = Sorted(c.columns);
  // A key over fewer of the same columns is stricter still.
  return now == before || (key && !now.empty() &&
                           std::includes(before.begin(), before.end(), now.begin(), now.end()));
}

// A unique key whose columns get a unique index later in this file.
bool UniqueIndexLater(const StatementContext& s, const std::string& table, const Constraint& c) {
  if (c.kind != Constraint::Kind::kPrimaryKey && c.kind != Constraint::Kind::kUnique) return false;
  for (const Statement& st : s.file.statements) {
    if (st.begin <= s.statement.begin || !st.node ||
        st.node->node_case != PG_QUERY__NODE__NODE_INDEX_STMT)
      continue;
    const PgQuery__IndexStmt& index = *st.node->index_stmt;
    if (!index.unique || index.where_clause || !index.relation ||
        pg::Qualified(index.relation) != table)
      continue;
    std::vector<std::string> columns;
    for (std::size_t i = 0; i < index.n_index_params; ++i) {
      const PgQuery__Node* p = index.index_params[i];
      if (p->node_case == PG_QUERY__NODE__NODE_INDEX_ELEM && p->index_elem->name)
        columns.emplace_back(p->index_elem->name);
    }
    if (Sorted(columns) == Sorted(c.columns)) return true;
  }
  return false;
}

const char* WhatGoes(const Constraint* c) {
  if (!c) return "rows it would refuse can be written from now on";
  switch (c->kind) {
    case Constraint::Kind::kPrimaryKey:
    case Constraint::Kind::kUnique:
      return "duplicates can be written from now on, and ON CONFLICT on those columns fails";
    case Constraint::Kind::kForeignKey:
      return "rows can point at rows that do not exist from now on, and its ON DELETE action "
             "stops";
    default:
      return "rows it would refuse can be written from now on";
  }
}

// The column's NOT NULL is dropped by this statement or a later one of the file.
bool NullableHere(const StatementContext& s, const std::string& table, const std::string& column) {
  return AnyCommandFromHere(s, table, [&](const PgQuery__AlterTableCmd& other) {
    return other.subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_DropNotNull && other.name &&
           column == other.name;
  });
}

constexpr const char* kGuaranteeHelp =
    "drop it after no deployed code relies on it, or put its replacement in the same migration; "
    "if this is intended, say so with `-- migralint-ignore destructive-change: <reason>`";

// A guarantee about the data of `table` (known to the model as `t`, maybe null) goes, unless it
// was made in this file or is made again (SET DEFAULT, identity, ADD CONSTRAINT) from here on.
void GuaranteeGoes(RuleContext& ctx, const StatementContext& s, const Table* t,
                   const std::string& table, const PgQuery__AlterTableCmd& cmd,
                   std::pair<std::uint32_t, std::uint32_t> span) {
  const std::string name = cmd.name;
  if (cmd.subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_DropConstraint) {
    const Table* holder = t;
    if (!holder) {
      auto it = s.before.altered_outside.find(table);
      holder = it == s.before.altered_outside.end() ? nullptr : &it->second;
    }
    const Constraint* c = nullptr;
    for (std::size_t k = 0; holder && k < holder->constraints.size(); ++k) {
      if (holder->constraints[k].name == name) c = &holder->constraints[k];
    }
    if (c && s.SameFile(c->origin)) return;
    if (!c && cmd.missing_ok && t) return;
    if (c && !c->not_null_column.empty()) {
      // CHECK (col IS NOT NULL), the step before SET NOT NULL: the guarantee stays with the
      // column once it is NOT NULL (already, or by this statement or a later one).
      const Column* column = t ? t->FindColumn(c->not_null_column) : nullptr;
      if ((column && column->not_null) ||
          AnyCommandFromHere(s, table, [&](const PgQuery__AlterTableCmd& other) {
            return other.subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_SetNotNull && other.name &&
                   c->not_null_column == other.name;
          }))
        return;
    }  // the model knows the table and no such constraint
    const bool again = AnyCommandFromHere(s, table, [&](const PgQuery__AlterTableCmd& other) {
      const PgQuery__Constraint* added = Added(other);
      if (!added) return false;
      if (added->conname && name == added->conname) return true;
      return c && Replaces(*c, *added);
    });
    if (again || (c && UniqueIndexLater(s, table, *c))) return;
    // Its columns are dropped from here on: the guarantee goes with the data (reported there).
    if (c && !c->columns.empty() &&
        std::all_of(c->columns.begin(), c->columns.end(), [&](const std::string& column) {
          return AnyCommandFromHere(s, table, [&](const PgQuery__AlterTableCmd& other) {
            return other.subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn && other.name &&
                   column == other.name;
          });
        }))
      return;
    ReportLesser(ctx, s,
                 "DROP CONSTRAINT " + Quoted(name) + " on " + Quoted(table) +
                     ": the guarantee goes, no data; " + WhatGoes(c),
                 span, kGuaranteeHelp);
    return;
  }
  const Column* c = t ? t->FindColumn(name) : nullptr;
  if (c && s.SameFile(c->origin)) return;
  if (cmd.subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_DropExpression) {
    if (t && t->columns_known && c && !c->generated) return;  // not generated: a no-op or error
    ReportLesser(ctx, s,
                 "DROP EXPRESSION on " + Quoted(table + "." + name) +
                     ": the guarantee goes, no data; the column keeps its values but is no "
                     "longer computed, so rows written from now on hold what the writer gives",
                 span, kGuaranteeHelp);
    return;
  }
  // DROP DEFAULT: made again when a later command gives the column a default or an identity.
  const bool again = AnyCommandFromHere(s, table, [&](const PgQuery__AlterTableCmd& other) {
    if (!other.name || name != other.name) return false;
    return (other.subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_ColumnDefault && other.def) ||
           other.subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AddIdentity ||
           other.subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn;
  });
  // A default set earlier in this file (to fill a new NOT NULL, say) never served old code.
  const bool set_here = AnyCommandFromHere(
      s, table,
      [&](const PgQuery__AlterTableCmd& other) {
        return other.name && name == other.name &&
               other.subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_ColumnDefault && other.def;
      },
      /*before=*/true);
  if (again || set_here || (t && t->columns_known && c && !c->has_default)) return;
  ReportLesser(
      ctx, s,
      "DROP DEFAULT on " + Quoted(table + "." + name) +
          ": the guarantee goes, no data; inserts that leave the column out get NULL" +
          (c && c->not_null && !NullableHere(s, table, name) ? ", which its NOT NULL refuses" : ""),
      span, kGuaranteeHelp);
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
    if (!cmd.name) continue;
    const bool drop_column = cmd.subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn;
    if (!drop_column && !Guarantee(cmd)) continue;
    const std::string column = cmd.name;
    const auto span = s.NameSpan(column, from);
    if (span.first != s.statement.begin) from = span.second;
    if (!drop_column) {
      GuaranteeGoes(ctx, s, t, table, cmd, span);
      continue;
    }
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
          "DROP or TRUNCATE of tables, columns, views, functions, types, sequences, extensions, "
          "schemas or databases that already exist; DROP DEFAULT/EXPRESSION/CONSTRAINT (info)",
      .check_statement = Check,
  };
  return rule;
}

}  // namespace migralint::rules
