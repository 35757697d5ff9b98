// apply_table.cc: CREATE TABLE and ALTER TABLE — columns, constraints, RLS.
#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "migralint/pg_nodes.h"
#include "model/fingerprint.h"
#include "model/replay.h"

namespace migralint::model {
namespace {

char Action(const char* action) { return action && *action ? action[0] : 'a'; }

std::vector<std::string> Keys(PgQuery__Node* const* keys, std::size_t n) {
  return pg::Strings(keys, n);
}

// The name PostgreSQL gives an unnamed constraint (table_col_fkey, table_col_check, ...).
std::string DefaultName(const Table& table, const Constraint& c) {
  std::string columns;
  for (const std::string& column : c.kind == Constraint::Kind::kCheck && !c.not_null_column.empty()
                                       ? std::vector<std::string>{c.not_null_column}
                                       : c.columns) {
    columns += "_" + column;
  }
  switch (c.kind) {
    case Constraint::Kind::kPrimaryKey:
      return table.name + "_pkey";
    case Constraint::Kind::kUnique:
      return table.name + columns + "_key";
    case Constraint::Kind::kForeignKey:
      return table.name + columns + "_fkey";
    case Constraint::Kind::kExclusion:
      return table.name + columns + "_excl";
    case Constraint::Kind::kCheck:
      return table.name + columns + "_check";
  }
  return table.name + "_check";
}

// The columns of EXCLUDE (col WITH =, …) in order; "" for an expression.
std::vector<std::string> ExclusionColumns(const PgQuery__Constraint& c) {
  std::vector<std::string> columns;
  for (std::size_t i = 0; i < c.n_exclusions; ++i) {
    const PgQuery__Node* pair = c.exclusions[i];  // [IndexElem, [operator name]]
    const PgQuery__Node* element =
        pair->node_case == PG_QUERY__NODE__NODE_LIST && pair->list->n_items > 0
            ? pair->list->items[0]
            : nullptr;
    columns.push_back(element && element->node_case == PG_QUERY__NODE__NODE_INDEX_ELEM &&
                              element->index_elem->name
                          ? element->index_elem->name
                          : "");
  }
  return columns;
}

// Tables are many and live to the end of the set: little room kept for columns that never
// come. Appends grow by a quarter (Append) and only more slack than that is given back, so that
// one ALTER TABLE after another on a wide table does not copy its columns each time.
template <typename T>
bool Slack(const std::vector<T>& v) {
  return v.capacity() > v.size() + v.size() / 4 + 8;
}

template <typename T>
void Append(std::vector<T>& v, T value) {
  if (v.size() == v.capacity()) v.reserve(v.size() + v.size() / 4 + 4);
  v.push_back(std::move(value));
}

void Fit(Table& table) {
  if (Slack(table.columns)) table.columns.shrink_to_fit();
  if (Slack(table.constraints)) table.constraints.shrink_to_fit();
}

}  // namespace

void Replay::CreateTable(const PgQuery__CreateStmt& s, const Origin& origin) {
  const std::string name = pg::Qualified(s.relation);
  if (schema_.tables.count(name)) return;  // IF NOT EXISTS, or a guard we could not see
  schema_.altered_outside.erase(name);
  Table table;
  table.schema = name.substr(0, name.find('.'));
  table.name = s.relation->relname;
  table.origin = origin;
  table.temporary = pg::Temporary(s.relation);
  table.columns_known = s.n_inh_relations == 0 && !s.of_typename && !s.partbound;
  schema_.tables.emplace(name, std::move(table));
  Table& t = schema_.tables.at(name);
  for (std::size_t i = 0; i < s.n_table_elts; ++i) {
    const PgQuery__Node* element = s.table_elts[i];
    if (element->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF) {
      AddColumn(t, *element->column_def, origin);
    } else if (element->node_case == PG_QUERY__NODE__NODE_CONSTRAINT) {
      AddConstraint(t, *element->constraint, "", element->constraint->location, origin);
    } else if (element->node_case == PG_QUERY__NODE__NODE_TABLE_LIKE_CLAUSE) {
      t.columns_known = false;
    }
  }
  Fit(t);
}

void Replay::AddColumn(Table& table, const PgQuery__ColumnDef& def, const Origin& origin) {
  if (table.FindColumn(def.colname)) return;  // ADD COLUMN IF NOT EXISTS
  Column column;
  column.name = def.colname;
  column.type = pg::TypeOf(def.type_name);
  column.not_null = def.is_not_null;
  column.has_default = def.raw_default != nullptr || (def.identity && *def.identity) ||
                       (def.generated && *def.generated);
  column.origin = origin;
  if (def.location >= 0) column.declared_at = origin.base + static_cast<std::int64_t>(def.location);
  // serial types carry their own default.
  const std::string& type = column.type.name;
  if (type == "serial" || type == "bigserial" || type == "smallserial" || type == "serial4" ||
      type == "serial8" || type == "serial2") {
    column.has_default = column.not_null = true;
  }
  Append(table.columns, std::move(column));
  if (!table.column_index.empty() && table.column_index.size() + 1 == table.columns.size())
    table.column_index.emplace(table.columns.back().name, table.columns.size() - 1);
  else
    table.IndexColumns();  // (nothing for a table of few columns)
  for (std::size_t i = 0; i < def.n_constraints; ++i) {
    const PgQuery__Node* node = def.constraints[i];
    if (node->node_case == PG_QUERY__NODE__NODE_CONSTRAINT)
      AddConstraint(table, *node->constraint, def.colname, def.location, origin);
  }
}

void Replay::AddConstraint(Table& table, const PgQuery__Constraint& c, const std::string& column,
                           int location, const Origin& origin) {
  Column* col = column.empty() ? nullptr : table.FindColumn(column);
  auto columns_or_self = [&](std::vector<std::string> keys) {
    if (keys.empty() && !column.empty()) keys.push_back(column);
    return keys;
  };
  Constraint constraint;
  constraint.name = c.conname ? c.conname : "";
  constraint.origin = origin;
  if (location >= 0) constraint.declared_at = origin.base + static_cast<std::int64_t>(location);
  constraint.validated = !c.skip_validation;
  switch (c.contype) {
    case PG_QUERY__CONSTR_TYPE__CONSTR_NOTNULL:
      if (col) col->not_null = true;
      return;
    case PG_QUERY__CONSTR_TYPE__CONSTR_NULL:
      if (col) col->not_null = false;
      return;
    case PG_QUERY__CONSTR_TYPE__CONSTR_DEFAULT:
    case PG_QUERY__CONSTR_TYPE__CONSTR_IDENTITY:
      if (col) col->has_default = true;
      return;
    case PG_QUERY__CONSTR_TYPE__CONSTR_GENERATED:
      if (col) col->has_default = col->generated = true;
      return;
    case PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY:
    case PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE: {
      const bool primary = c.contype == PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY;
      constraint.kind = primary ? Constraint::Kind::kPrimaryKey : Constraint::Kind::kUnique;
      constraint.columns = columns_or_self(Keys(c.keys, c.n_keys));
      // USING INDEX: the key is the existing index's, which takes the constraint's name.
      auto existing = c.indexname && *c.indexname
                          ? schema_.indexes.find(table.schema + "." + c.indexname)
                          : schema_.indexes.end();
      const bool using_index = existing != schema_.indexes.end();
      if (using_index) {
        Index index = std::move(existing->second);
        schema_.indexes.erase(existing);
        constraint.columns = index.columns;
        if (!constraint.name.empty()) index.name = table.schema + "." + constraint.name;
        schema_.indexes[index.name] = std::move(index);
      }
      if (primary) {
        for (const std::string& key : constraint.columns) {
          if (Column* k = table.FindColumn(key)) k->not_null = true;
        }
      }
      if (using_index) break;
      // Both are backed by a unique index, which also serves foreign keys.
      Index index;
      index.name = table.schema + "." +
                   (c.indexname && *c.indexname ? c.indexname
                    : !constraint.name.empty()  ? constraint.name
                                                : DefaultName(table, constraint));
      index.table = table.QualifiedName();
      index.columns = constraint.columns;
      index.unique = true;
      index.definition =
          IndexDefinition("btree", constraint.columns, Keys(c.including, c.n_including), "");
      index.origin = origin;
      schema_.indexes[index.name] = index;
      break;
    }
    case PG_QUERY__CONSTR_TYPE__CONSTR_EXCLUSION: {
      constraint.kind = Constraint::Kind::kExclusion;
      constraint.columns = ExclusionColumns(c);
      if (constraint.name.empty()) constraint.name = DefaultName(table, constraint);
      // Backed by an index on its elements (GiST, usually), which serves lookups by them too.
      Index index;
      index.name = table.schema + "." + constraint.name;
      index.table = table.QualifiedName();
      index.columns = constraint.columns;
      index.partial = c.where_clause != nullptr;
      index.origin = origin;
      schema_.indexes[index.name] = index;
      break;
    }
    case PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN:
      constraint.kind = Constraint::Kind::kForeignKey;
      constraint.columns = columns_or_self(Keys(c.fk_attrs, c.n_fk_attrs));
      constraint.ref_table = pg::Qualified(c.pktable);
      constraint.ref_columns = Keys(c.pk_attrs, c.n_pk_attrs);
      constraint.on_delete = Action(c.fk_del_action);
      constraint.on_update = Action(c.fk_upd_action);
      break;
    case PG_QUERY__CONSTR_TYPE__CONSTR_CHECK:
      constraint.kind = Constraint::Kind::kCheck;
      constraint.not_null_column = pg::NotNullCheckColumn(c.raw_expr);
      break;
    default:
      return;
  }
  if (constraint.name.empty()) constraint.name = DefaultName(table, constraint);
  Append(table.constraints, std::move(constraint));
}

void Replay::AlterTable(const PgQuery__AlterTableStmt& s, const Origin& origin) {
  if (s.objtype != PG_QUERY__OBJECT_TYPE__OBJECT_TABLE) return;
  const std::string name = pg::Qualified(s.relation);
  Table* table = schema_.FindTable(name);
  if (!table && !s.missing_ok) {  // a table from before the set: what the set adds to it
    table = &schema_.altered_outside[name];
    if (table->name.empty()) {
      table->schema = name.substr(0, name.find('.'));
      table->name = s.relation->relname;
      table->columns_known = false;
    }
  }
  if (!table) return;
  for (std::size_t i = 0; i < s.n_cmds; ++i) {
    if (s.cmds[i]->node_case == PG_QUERY__NODE__NODE_ALTER_TABLE_CMD)
      AlterTableCommand(*table, *s.cmds[i]->alter_table_cmd, origin);
  }
  Fit(*table);
}

void Replay::AlterTableCommand(Table& table, const PgQuery__AlterTableCmd& cmd,
                               const Origin& origin) {
  const std::string name = cmd.name ? cmd.name : "";
  Column* column = name.empty() ? nullptr : table.FindColumn(name);
  switch (cmd.subtype) {
    case PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn:
      if (cmd.def && cmd.def->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF)
        AddColumn(table, *cmd.def->column_def, origin);
      break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn:
      std::erase_if(table.columns, [&](const Column& c) { return c.name == name; });
      table.IndexColumns();
      std::erase_if(table.constraints, [&](const Constraint& c) {
        return std::find(c.columns.begin(), c.columns.end(), name) != c.columns.end() ||
               c.not_null_column == name;
      });
      schema_.dropped.insert("column " + table.QualifiedName() + "." + name);
      DropIndexes([&, qualified = table.QualifiedName()](const Index& index) {
        return index.table == qualified &&
               std::find(index.columns.begin(), index.columns.end(), name) != index.columns.end();
      });
      break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_AlterColumnType:
      if (column && cmd.def && cmd.def->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF) {
        column->type = pg::TypeOf(cmd.def->column_def->type_name);
      }
      break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_SetNotNull:
      if (column) column->not_null = true;
      break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DropNotNull:
      if (column) column->not_null = false;
      break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_ColumnDefault:
      if (column) column->has_default = cmd.def != nullptr;
      break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_AddIdentity:
      if (column) column->has_default = true;
      break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraint:
      if (cmd.def && cmd.def->node_case == PG_QUERY__NODE__NODE_CONSTRAINT)
        AddConstraint(table, *cmd.def->constraint, "", cmd.def->constraint->location, origin);
      break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_ValidateConstraint:
      for (Constraint& c : table.constraints) {
        if (c.name == name) c.validated = true;
      }
      break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DropConstraint:
      std::erase_if(table.constraints, [&](const Constraint& c) { return c.name == name; });
      DropIndexes([&, index_name = table.schema + "." + name](const Index& index) {
        return index.name == index_name;
      });
      break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableRowSecurity:
      table.rls_enabled = true;
      table.rls_origin = origin;
      break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DisableRowSecurity:
      table.rls_enabled = false;
      break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_ForceRowSecurity:
      table.rls_forced = true;
      break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_NoForceRowSecurity:
      table.rls_forced = false;
      break;
    default:
      break;
  }
}

}  // namespace migralint::model
