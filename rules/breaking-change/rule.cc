// breaking-change: what makes the application version that is running while the migration runs
// fail, on objects that existed before the migration: renames, SET SCHEMA, DROP NOT NULL,
// identity changes; with `strict = true`, new write restrictions, enum values, REVOKE and DROP
// INDEX too (for teams that roll application versions back).
#include "migralint/rule.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "migralint/pg_nodes.h"

namespace migralint::rules {
namespace {

std::string Quoted(const std::string& name) { return "\"" + name + "\""; }

constexpr const char* kHelp =
    "keep the old name working while old code runs (a view or generated column under the old "
    "name, created in the same migration), or change it in two releases: first ship code that "
    "works with both, then migrate; if this is intended, say so with "
    "`-- migralint-ignore breaking-change: <reason>`";

constexpr const char* kStrictHelp =
    "an application version rolled back (or still running) does not expect this; ship it in the "
    "release after the code that copes with it, or say why with "
    "`-- migralint-ignore breaking-change: <reason>`";

bool Strict(const RuleContext& ctx) {
  const RuleSettings* settings = ctx.config().Rule("breaking-change");
  if (!settings) return false;
  auto it = settings->options.find("strict");
  return it != settings->options.end() && it->second == std::vector<std::string>{"true"};
}

void Report(RuleContext& ctx, const StatementContext& s, std::string message,
            const char* help = kHelp, std::pair<std::uint32_t, std::uint32_t> span = {0, 0}) {
  if (span.second == 0) span = {s.statement.begin, s.statement.end};
  ctx.Report(s.file, span.first, span.second, std::move(message), help);
}

template <typename Map>
bool NewInFile(const StatementContext& s, const Map& objects, const std::string& name) {
  auto it = objects.find(name);
  if (it == objects.end()) return false;
  if constexpr (std::is_same_v<typename Map::mapped_type, Origin>) {
    return s.SameFile(it->second);
  } else {
    return s.SameFile(it->second.origin);
  }
}

// The relation (table, view, sequence) was created earlier in this file: nothing uses it yet.
bool NewRelation(const StatementContext& s, const std::string& name) {
  return NewInFile(s, s.before.tables, name) || NewInFile(s, s.before.views, name) ||
         NewInFile(s, s.before.sequences, name);
}

// Statements after this one in the file that run with it.
template <typename Visit>
bool AnyLater(const StatementContext& s, Visit visit) {
  for (const Statement& st : s.file.statements) {
    if (st.begin <= s.statement.begin || !st.node || !s.file.RunsWithMigration(st)) continue;
    if (visit(*st.node)) return true;
  }
  return false;
}

// The name a later RENAME gives its object ("schema.name"; a column: "schema.table.column").
std::string RenamesTo(const PgQuery__Node& n) {
  if (n.node_case != PG_QUERY__NODE__NODE_RENAME_STMT || !n.rename_stmt->newname) return {};
  const PgQuery__RenameStmt& r = *n.rename_stmt;
  if (r.rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN)
    return r.relation ? pg::Qualified(r.relation) + "." + r.newname : "";
  const std::string old = r.relation ? pg::Qualified(r.relation) : pg::ObjectName(r.object);
  return old.empty() ? "" : old.substr(0, old.find('.') + 1) + r.newname;
}

// A view (or a table) named `name` is created later in this file, or something is renamed to
// it (a swap): the old name keeps answering.
bool CompatRelation(const StatementContext& s, const std::string& name) {
  return AnyLater(s, [&](const PgQuery__Node& n) {
    return (n.node_case == PG_QUERY__NODE__NODE_VIEW_STMT &&
            pg::Qualified(n.view_stmt->view) == name) ||
           (n.node_case == PG_QUERY__NODE__NODE_CREATE_STMT &&
            pg::Qualified(n.create_stmt->relation) == name) ||
           RenamesTo(n) == name;
  });
}

// A column `column` of `table` is added later in this file (a generated column copying the new
// one, or a plain column kept in sync by a trigger): old code keeps finding it.
bool CompatColumn(const StatementContext& s, const std::string& table, const std::string& column) {
  return AnyLater(s,
                  [&](const PgQuery__Node& n) {
                    if (n.node_case != PG_QUERY__NODE__NODE_ALTER_TABLE_STMT ||
                        !n.alter_table_stmt->relation ||
                        pg::Qualified(n.alter_table_stmt->relation) != table)
                      return false;
                    for (std::size_t i = 0; i < n.alter_table_stmt->n_cmds; ++i) {
                      const PgQuery__Node* c = n.alter_table_stmt->cmds[i];
                      if (c->node_case != PG_QUERY__NODE__NODE_ALTER_TABLE_CMD ||
                          c->alter_table_cmd->subtype != PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn ||
                          !c->alter_table_cmd->def ||
                          c->alter_table_cmd->def->node_case != PG_QUERY__NODE__NODE_COLUMN_DEF)
                        continue;
                      if (c->alter_table_cmd->def->column_def->colname == column) return true;
                    }
                    return false;
                  }) ||
         AnyLater(s, [&](const PgQuery__Node& n) { return RenamesTo(n) == table + "." + column; });
}

// The type statement `n` creates, "schema.name", or "".
std::string CreatesType(const PgQuery__Node& n) {
  switch (n.node_case) {
    case PG_QUERY__NODE__NODE_CREATE_ENUM_STMT:
      return pg::Qualified(n.create_enum_stmt->type_name, n.create_enum_stmt->n_type_name);
    case PG_QUERY__NODE__NODE_COMPOSITE_TYPE_STMT:
      return pg::Qualified(n.composite_type_stmt->typevar);
    case PG_QUERY__NODE__NODE_CREATE_DOMAIN_STMT:
      return pg::Qualified(n.create_domain_stmt->domainname, n.create_domain_stmt->n_domainname);
    case PG_QUERY__NODE__NODE_CREATE_RANGE_STMT:
      return pg::Qualified(n.create_range_stmt->type_name, n.create_range_stmt->n_type_name);
    default:
      return {};
  }
}

std::string SchemaOf(const std::string& qualified) {
  return qualified.substr(0, qualified.find('.'));
}

void Rename(RuleContext& ctx, const StatementContext& s, const PgQuery__RenameStmt& r) {
  const std::string to = r.newname ? r.newname : "";
  switch (r.rename_type) {
    case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW:
    case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW:
    case PG_QUERY__OBJECT_TYPE__OBJECT_FOREIGN_TABLE: {
      if (!r.relation) return;
      const std::string from = pg::Qualified(r.relation);
      if (NewRelation(s, from) || CompatRelation(s, from)) return;
      const bool view = r.rename_type != PG_QUERY__OBJECT_TYPE__OBJECT_TABLE &&
                        r.rename_type != PG_QUERY__OBJECT_TYPE__OBJECT_FOREIGN_TABLE;
      Report(ctx, s,
             std::string("RENAME of ") + (view ? "view " : "table ") + Quoted(from) + " to " +
                 Quoted(to) + ": code still using the old name fails (42P01) until it is deployed");
      return;
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN: {
      if (!r.relation || !r.subname) return;
      const std::string table = pg::Qualified(r.relation);
      const std::string from = r.subname;
      if (NewRelation(s, table)) return;
      const Table* t = s.before.FindTable(table);
      const Column* c = t ? t->FindColumn(from) : nullptr;
      if (c && s.SameFile(c->origin)) return;  // added in this file: no code knows it yet
      if (CompatColumn(s, table, from)) return;
      Report(ctx, s,
             "RENAME COLUMN " + Quoted(from) + " of " + Quoted(table) + " to " + Quoted(to) +
                 ": code still using the old name fails (42703) until it is deployed");
      return;
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN: {
      const std::string from = pg::ObjectName(r.object);
      if (from.empty() || NewInFile(s, s.before.types, from)) return;
      if (AnyLater(s, [&](const PgQuery__Node& n) {
            return CreatesType(n) == from || RenamesTo(n) == from;
          }))
        return;  // the enum swap: a new type under the old name, columns moved onto it
      Report(ctx, s,
             "RENAME of type " + Quoted(from) + " to " + Quoted(to) +
                 ": code still using the old name (casts, declarations) fails (42704)");
      return;
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION:
    case PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_ROUTINE: {
      const std::string from = pg::ObjectName(r.object);
      if (from.empty() || NewInFile(s, s.before.functions, from)) return;
      auto known = s.before.functions.find(from);
      if (known != s.before.functions.end() && known->second.returns_trigger)
        return;  // triggers call it by oid, the application never
      const std::string again = SchemaOf(from) + "." + from.substr(from.find('.') + 1);
      if (AnyLater(s, [&](const PgQuery__Node& n) {
            return n.node_case == PG_QUERY__NODE__NODE_CREATE_FUNCTION_STMT &&
                   pg::Qualified(n.create_function_stmt->funcname,
                                 n.create_function_stmt->n_funcname) == again;
          }))
        return;  // a new function under the old name: callers keep working
      Report(ctx, s,
             "RENAME of function " + Quoted(from) + " to " + Quoted(to) +
                 ": code still calling the old name fails (42883) until it is deployed");
      return;
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA: {
      const std::string from = r.subname ? r.subname : "";
      if (from.empty() || NewInFile(s, s.before.schemas, from)) return;
      Report(ctx, s,
             "RENAME of schema " + Quoted(from) + " to " + Quoted(to) +
                 ": code still naming the old schema fails (3F000, 42P01) until it is deployed");
      return;
    }
    default:
      return;
  }
}

void SetSchema(RuleContext& ctx, const StatementContext& s,
               const PgQuery__AlterObjectSchemaStmt& a) {
  std::string from;
  switch (a.object_type) {
    case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW:
    case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW:
    case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_FOREIGN_TABLE:
      if (!a.relation) return;
      from = pg::Qualified(a.relation);
      if (NewRelation(s, from) || CompatRelation(s, from)) return;
      break;
    case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN:
      from = pg::ObjectName(a.object);
      if (from.empty() || NewInFile(s, s.before.types, from)) return;
      break;
    case PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION:
    case PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_ROUTINE:
      from = pg::ObjectName(a.object);
      if (from.empty() || NewInFile(s, s.before.functions, from)) return;
      break;
    default:
      return;  // extensions: their objects are found through search_path, not by schema
  }
  const std::string to = a.newschema ? a.newschema : "";
  if (SchemaOf(from) == to) return;
  Report(ctx, s,
         "SET SCHEMA moves " + Quoted(from) + " to schema " + Quoted(to) +
             ": code still naming it \"" + from + "\" fails until it is deployed");
}

// The identity option `generated` of ALTER COLUMN … SET GENERATED: ALWAYS?
bool SetsAlways(const PgQuery__AlterTableCmd& cmd) {
  if (!cmd.def || cmd.def->node_case != PG_QUERY__NODE__NODE_LIST) return false;
  for (std::size_t i = 0; i < cmd.def->list->n_items; ++i) {
    const PgQuery__Node* o = cmd.def->list->items[i];
    if (o->node_case == PG_QUERY__NODE__NODE_DEF_ELEM &&
        std::string(o->def_elem->defname) == "generated" && o->def_elem->arg &&
        o->def_elem->arg->node_case == PG_QUERY__NODE__NODE_INTEGER)
      return o->def_elem->arg->integer->ival == 'a';
  }
  return false;
}

// A new write restriction (strict): the kinds of constraint that refuse writes old code makes.
const char* Restriction(const PgQuery__Constraint& c) {
  switch (c.contype) {
    case PG_QUERY__CONSTR_TYPE__CONSTR_CHECK:
      return "CHECK";
    case PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN:
      return "FOREIGN KEY";
    case PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE:
      return "UNIQUE";
    case PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY:
      return "PRIMARY KEY";
    case PG_QUERY__CONSTR_TYPE__CONSTR_EXCLUSION:
      return "EXCLUDE";
    default:
      return nullptr;
  }
}

void AlterTable(RuleContext& ctx, const StatementContext& s, const PgQuery__AlterTableStmt& a) {
  if (a.objtype != PG_QUERY__OBJECT_TYPE__OBJECT_TABLE || !a.relation) return;
  const std::string table = pg::Qualified(a.relation);
  if (NewRelation(s, table)) return;
  const Table* t = s.before.FindTable(table);
  const bool strict = Strict(ctx);
  std::uint32_t from = s.NameEnd(s.statement.parse_base +
                                 static_cast<std::uint32_t>(std::max(a.relation->location, 0)));
  for (std::size_t i = 0; i < a.n_cmds; ++i) {
    if (a.cmds[i]->node_case != PG_QUERY__NODE__NODE_ALTER_TABLE_CMD) continue;
    const PgQuery__AlterTableCmd& cmd = *a.cmds[i]->alter_table_cmd;
    const std::string column = cmd.name ? cmd.name : "";
    const Column* c = t && !column.empty() ? t->FindColumn(column) : nullptr;
    if (c && s.SameFile(c->origin)) continue;  // added in this file: no code knows it yet
    const std::string where = Quoted(table + "." + column);
    // Each finding on its column's name, so that several in one ALTER stand apart.
    std::pair<std::uint32_t, std::uint32_t> span{0, 0};
    if (!column.empty()) {
      span = s.NameSpan(column, from);
      if (span.first != s.statement.begin) from = span.second;
    }
    auto report = [&](std::string message, const char* help = kHelp) {
      Report(ctx, s, std::move(message), help, span);
    };
    switch (cmd.subtype) {
      case PG_QUERY__ALTER_TABLE_TYPE__AT_DropNotNull:
        if (t && t->columns_known && c && !c->not_null) break;  // a no-op
        report("DROP NOT NULL on " + where +
               ": rows written from now on may hold NULL there, which code still running "
               "assumes never happens");
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_DropIdentity:
        report("DROP IDENTITY on " + where +
               ": inserts that leave the column out no longer get a value and fail (23502) "
               "or store NULL");
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_AddIdentity: {
        const PgQuery__Node* d = cmd.def;
        if (d && d->node_case == PG_QUERY__NODE__NODE_CONSTRAINT && d->constraint->generated_when &&
            std::string(d->constraint->generated_when) == "a") {
          report("ADD GENERATED ALWAYS AS IDENTITY on " + where +
                 ": inserts that give the column a value, as code still running may, fail "
                 "(428C9)");
        }
        break;
      }
      case PG_QUERY__ALTER_TABLE_TYPE__AT_SetIdentity:
        if (SetsAlways(cmd)) {
          report("SET GENERATED ALWAYS on " + where +
                 ": inserts that give the column a value, as code still running may, fail "
                 "(428C9)");
        }
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_SetNotNull:
        if (!strict || (c && c->not_null)) break;
        report("SET NOT NULL on " + where +
                   ": writes of NULL there, which code still running may make, fail (23502)",
               kStrictHelp);
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraint: {
        if (!strict || !cmd.def || cmd.def->node_case != PG_QUERY__NODE__NODE_CONSTRAINT) break;
        const char* kind = Restriction(*cmd.def->constraint);
        if (!kind) break;
        report(std::string("ADD ") + kind + " on " + Quoted(table) +
                   ": writes it refuses, which code still running may make, fail",
               kStrictHelp);
        break;
      }
      default:
        break;
    }
  }
}

void AlterEnum(RuleContext& ctx, const StatementContext& s, const PgQuery__AlterEnumStmt& e) {
  if (!Strict(ctx) || !e.new_val || !*e.new_val || (e.old_val && *e.old_val)) return;
  const std::string type = pg::Qualified(e.type_name, e.n_type_name);
  if (NewInFile(s, s.before.types, type)) return;
  Report(ctx, s,
         "ADD VALUE '" + std::string(e.new_val) + "' to enum " + Quoted(type) +
             ": an application version that does not know it fails on rows holding it",
         kStrictHelp);
}

// The objects of a GRANT/REVOKE as names ("schema.name"); empty for ALL … IN SCHEMA.
std::vector<std::string> GrantObjects(const PgQuery__GrantStmt& g) {
  std::vector<std::string> names;
  if (g.targtype != PG_QUERY__GRANT_TARGET_TYPE__ACL_TARGET_OBJECT) return names;
  for (std::size_t i = 0; i < g.n_objects; ++i) {
    const PgQuery__Node* o = g.objects[i];
    names.push_back(o->node_case == PG_QUERY__NODE__NODE_RANGE_VAR ? pg::Qualified(o->range_var)
                                                                   : pg::ObjectName(o));
  }
  return names;
}

std::vector<std::string> Grantees(const PgQuery__GrantStmt& g) {
  std::vector<std::string> roles;
  for (std::size_t i = 0; i < g.n_grantees; ++i) {
    const PgQuery__Node* r = g.grantees[i];
    if (r->node_case != PG_QUERY__NODE__NODE_ROLE_SPEC) continue;
    roles.emplace_back(r->role_spec->rolename && *r->role_spec->rolename ? r->role_spec->rolename
                                                                         : "public");
  }
  return roles;
}

// True when `name` was created earlier in this file (any kind the model follows).
bool NewObject(const StatementContext& s, const std::string& name) {
  return NewRelation(s, name) || NewInFile(s, s.before.functions, name) ||
         NewInFile(s, s.before.types, name) || NewInFile(s, s.before.schemas, name);
}

void Revoke(RuleContext& ctx, const StatementContext& s, const PgQuery__GrantStmt& g) {
  if (g.is_grant || !Strict(ctx)) return;
  const std::vector<std::string> objects = GrantObjects(g);
  const std::vector<std::string> roles = Grantees(g);
  std::vector<std::string> lost;
  for (const std::string& o : objects) {
    if (NewObject(s, o)) continue;
    auto function = g.objtype == PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION ? s.before.functions.find(o)
                                                                        : s.before.functions.end();
    if (function != s.before.functions.end() && function->second.returns_trigger)
      continue;  // only its triggers run it, never a role's own code
    // Granted again to the same role later in this file (a REVOKE ALL / GRANT reset).
    const bool again = AnyLater(s, [&](const PgQuery__Node& n) {
      if (n.node_case != PG_QUERY__NODE__NODE_GRANT_STMT || !n.grant_stmt->is_grant) return false;
      const std::vector<std::string> to = Grantees(*n.grant_stmt);
      const std::vector<std::string> on = GrantObjects(*n.grant_stmt);
      return std::find(on.begin(), on.end(), o) != on.end() &&
             std::all_of(roles.begin(), roles.end(), [&](const std::string& r) {
               return std::find(to.begin(), to.end(), r) != to.end();
             });
    });
    if (!again) lost.push_back(o);
  }
  if (objects.empty() == false && lost.empty()) return;
  std::string who;
  for (const std::string& r : roles) who += (who.empty() ? "" : ", ") + r;
  Report(ctx, s,
         "REVOKE from " + who + " on " +
             (lost.empty() ? std::string("every object of the schema") : Quoted(lost[0])) +
             (lost.size() > 1 ? " and " + std::to_string(lost.size() - 1) + " more" : "") +
             ": code still running as that role fails (42501) where it used them",
         kStrictHelp);
}

// Some key column of `index` is dropped later in this file: the index would go with it.
bool ColumnsDropped(const StatementContext& s, const Index& index) {
  return AnyLater(s, [&](const PgQuery__Node& n) {
    if (n.node_case != PG_QUERY__NODE__NODE_ALTER_TABLE_STMT || !n.alter_table_stmt->relation ||
        pg::Qualified(n.alter_table_stmt->relation) != index.table)
      return false;
    for (std::size_t i = 0; i < n.alter_table_stmt->n_cmds; ++i) {
      const PgQuery__Node* c = n.alter_table_stmt->cmds[i];
      if (c->node_case == PG_QUERY__NODE__NODE_ALTER_TABLE_CMD &&
          c->alter_table_cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn &&
          c->alter_table_cmd->name &&
          std::find(index.columns.begin(), index.columns.end(), c->alter_table_cmd->name) !=
              index.columns.end())
        return true;
    }
    return false;
  });
}

void DropIndex(RuleContext& ctx, const StatementContext& s, const PgQuery__DropStmt& d) {
  if (d.remove_type != PG_QUERY__OBJECT_TYPE__OBJECT_INDEX || !Strict(ctx)) return;
  for (std::size_t i = 0; i < d.n_objects; ++i) {
    const std::string name = pg::ObjectName(d.objects[i]);
    auto it = s.before.indexes.find(name);
    if (it == s.before.indexes.end() && d.missing_ok) continue;  // unknown: a guard
    if (it != s.before.indexes.end() && s.SameFile(it->second.origin)) continue;
    const std::string bare = name.substr(name.find('.') + 1);
    const bool again = AnyLater(s, [&](const PgQuery__Node& n) {
      return n.node_case == PG_QUERY__NODE__NODE_INDEX_STMT && n.index_stmt->idxname &&
             bare == n.index_stmt->idxname;
    });
    if (again || (it != s.before.indexes.end() && ColumnsDropped(s, it->second))) continue;
    const bool unique = it != s.before.indexes.end() && it->second.unique;
    Report(ctx, s,
           "DROP INDEX " + Quoted(name) + ": queries of code still running that used it scan" +
               (unique ? ", and its INSERT … ON CONFLICT on those columns fails (42P10)" : ""),
           kStrictHelp);
  }
}

void Check(RuleContext& ctx, const StatementContext& s) {
  const PgQuery__Node* node = s.statement.node;
  switch (node->node_case) {
    case PG_QUERY__NODE__NODE_RENAME_STMT:
      Rename(ctx, s, *node->rename_stmt);
      break;
    case PG_QUERY__NODE__NODE_ALTER_OBJECT_SCHEMA_STMT:
      SetSchema(ctx, s, *node->alter_object_schema_stmt);
      break;
    case PG_QUERY__NODE__NODE_ALTER_TABLE_STMT:
      AlterTable(ctx, s, *node->alter_table_stmt);
      break;
    case PG_QUERY__NODE__NODE_ALTER_ENUM_STMT:
      AlterEnum(ctx, s, *node->alter_enum_stmt);
      break;
    case PG_QUERY__NODE__NODE_GRANT_STMT:
      Revoke(ctx, s, *node->grant_stmt);
      break;
    case PG_QUERY__NODE__NODE_DROP_STMT:
      DropIndex(ctx, s, *node->drop_stmt);
      break;
    default:
      break;
  }
}

}  // namespace

const Rule& breaking_change() {
  static const Rule rule{
      .id = "breaking-change",
      .severity = Severity::kWarning,
      .category = "safety",
      .summary =
          "RENAME, SET SCHEMA, DROP NOT NULL or an identity change of objects the running "
          "application uses (strict = true: new write restrictions, ADD VALUE, REVOKE, "
          "DROP INDEX)",
      .options = {"strict"},
      .check_statement = Check,
  };
  return rule;
}

}  // namespace migralint::rules
