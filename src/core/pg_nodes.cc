// pg_nodes.cc: reading libpg_query's protobuf structs.
#include "migralint/pg_nodes.h"

namespace migralint::pg {

std::string_view Str(const PgQuery__Node* node) {
  if (!node || node->node_case != PG_QUERY__NODE__NODE_STRING || !node->string) return {};
  return node->string->sval;
}

std::vector<std::string> Strings(PgQuery__Node* const* items, std::size_t n) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < n; ++i) out.emplace_back(Str(items[i]));
  return out;
}

std::string Qualified(const PgQuery__RangeVar* relation) {
  if (!relation) return {};
  const std::string schema =
      relation->schemaname && *relation->schemaname ? relation->schemaname : "public";
  return schema + "." + relation->relname;
}

std::string Qualified(PgQuery__Node* const* names, std::size_t n) {
  if (n == 0) return {};
  if (n == 1) return "public." + std::string(Str(names[0]));
  return std::string(Str(names[n - 2])) + "." + std::string(Str(names[n - 1]));
}

std::string ObjectName(const PgQuery__Node* object) {
  if (!object) return {};
  switch (object->node_case) {
    case PG_QUERY__NODE__NODE_LIST:
      return Qualified(object->list->items, object->list->n_items);
    case PG_QUERY__NODE__NODE_STRING:
      return std::string(Str(object));
    case PG_QUERY__NODE__NODE_TYPE_NAME: {
      const std::string type = TypeOf(object->type_name).name;
      return type.find('.') == std::string::npos ? "public." + type : type;
    }
    case PG_QUERY__NODE__NODE_OBJECT_WITH_ARGS:
      return Qualified(object->object_with_args->objname, object->object_with_args->n_objname);
    default:
      return {};
  }
}

ColumnType TypeOf(const PgQuery__TypeName* type) {
  ColumnType out;
  if (!type) return out;
  std::vector<std::string> names = Strings(type->names, type->n_names);
  if (names.size() == 2 && names[0] == "pg_catalog") names.erase(names.begin());
  for (std::size_t i = 0; i < names.size(); ++i) out.name += (i ? "." : "") + names[i];
  for (std::size_t i = 0; i < type->n_typmods; ++i) {
    const PgQuery__Node* mod = type->typmods[i];
    if (mod->node_case == PG_QUERY__NODE__NODE_A_CONST &&
        mod->a_const->val_case == PG_QUERY__A__CONST__VAL_IVAL) {
      out.modifiers.push_back(mod->a_const->ival->ival);
    }
  }
  out.array = type->n_array_bounds > 0;
  return out;
}

bool Temporary(const PgQuery__RangeVar* relation) {
  return relation && relation->relpersistence && *relation->relpersistence == 't';
}

std::string ColumnName(const PgQuery__Node* node) {
  if (!node || node->node_case != PG_QUERY__NODE__NODE_COLUMN_REF ||
      node->column_ref->n_fields == 0)
    return {};
  return std::string(Str(node->column_ref->fields[node->column_ref->n_fields - 1]));
}

const PgQuery__DefElem* Option(PgQuery__Node* const* options, std::size_t n,
                               std::string_view name) {
  for (std::size_t i = 0; i < n; ++i) {
    if (options[i]->node_case == PG_QUERY__NODE__NODE_DEF_ELEM &&
        name == options[i]->def_elem->defname) {
      return options[i]->def_elem;
    }
  }
  return nullptr;
}

std::string NotNullCheckColumn(const PgQuery__Node* expr) {
  if (!expr || expr->node_case != PG_QUERY__NODE__NODE_NULL_TEST) return {};
  const PgQuery__NullTest* test = expr->null_test;
  if (test->nulltesttype != PG_QUERY__NULL_TEST_TYPE__IS_NOT_NULL) return {};
  return ColumnName(test->arg);
}

std::vector<TypedColumn> TypedColumns(const PgQuery__Node* statement) {
  std::vector<TypedColumn> out;
  if (!statement) return out;
  auto add = [&](const std::string& table, const PgQuery__ColumnDef& def, bool new_column,
                 const char* name) {
    out.push_back(
        {table, name ? name : def.colname, def.type_name, &def, new_column, def.location});
  };
  if (statement->node_case == PG_QUERY__NODE__NODE_CREATE_STMT) {
    const PgQuery__CreateStmt& s = *statement->create_stmt;
    const std::string table = Qualified(s.relation);
    for (std::size_t i = 0; i < s.n_table_elts; ++i) {
      if (s.table_elts[i]->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF)
        add(table, *s.table_elts[i]->column_def, true, nullptr);
    }
  } else if (statement->node_case == PG_QUERY__NODE__NODE_ALTER_TABLE_STMT) {
    const PgQuery__AlterTableStmt& s = *statement->alter_table_stmt;
    if (s.objtype != PG_QUERY__OBJECT_TYPE__OBJECT_TABLE) return out;
    const std::string table = Qualified(s.relation);
    for (std::size_t i = 0; i < s.n_cmds; ++i) {
      if (s.cmds[i]->node_case != PG_QUERY__NODE__NODE_ALTER_TABLE_CMD) continue;
      const PgQuery__AlterTableCmd& cmd = *s.cmds[i]->alter_table_cmd;
      if (!cmd.def || cmd.def->node_case != PG_QUERY__NODE__NODE_COLUMN_DEF) continue;
      if (cmd.subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn) {
        add(table, *cmd.def->column_def, true, nullptr);
      } else if (cmd.subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AlterColumnType && cmd.name) {
        add(table, *cmd.def->column_def, false, cmd.name);
      }
    }
  }
  return out;
}

}  // namespace migralint::pg
