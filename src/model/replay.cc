// replay.cc: one case per statement kind that changes the schema; all else leaves it as is.
#include "model/replay.h"

#include <algorithm>
#include <cstring>
#include <string_view>

#include "migralint/pg_nodes.h"
#include "model/builtins.h"

namespace migralint::model {

Replay::Replay(const Config& config, Layout layout) {
  AddBuiltins(layout, schema_);
  AddDefaultPrivileges(layout);
  for (const std::string& name : config.external) {
    std::string qualified = name;
    if (qualified.size() > 2 && qualified.compare(qualified.size() - 2, 2, "()") == 0)
      qualified.resize(qualified.size() - 2);
    if (qualified.find('.') == std::string::npos) qualified = "public." + qualified;
    schema_.externals.insert(qualified);
  }
}

void Replay::Apply(const PgQuery__Node* node, const Origin& origin) {
  if (!node) return;
  switch (node->node_case) {
    case PG_QUERY__NODE__NODE_CREATE_STMT: {
      const std::string name = pg::Qualified(node->create_stmt->relation);
      const bool existed = schema_.tables.count(name) > 0;
      CreateTable(*node->create_stmt, origin);
      if (Table* table = schema_.FindTable(name); table && !existed)
        table->privileges = NewPrivileges("tables", table->schema);
      break;
    }
    case PG_QUERY__NODE__NODE_CREATE_FOREIGN_TABLE_STMT: {
      const auto& s = *node->create_foreign_table_stmt;
      if (s.base_stmt && s.base_stmt->relation)
        CreateOtherRelation(pg::Qualified(s.base_stmt->relation), Relation::Kind::kForeignTable,
                            nullptr, origin);
      break;
    }
    case PG_QUERY__NODE__NODE_GRANT_STMT:
      Grant(*node->grant_stmt);
      break;
    case PG_QUERY__NODE__NODE_ALTER_DEFAULT_PRIVILEGES_STMT:
      AlterDefaultPrivileges(*node->alter_default_privileges_stmt);
      break;
    case PG_QUERY__NODE__NODE_ALTER_FUNCTION_STMT:
      AlterFunction(*node->alter_function_stmt);
      break;
    case PG_QUERY__NODE__NODE_CREATE_ROLE_STMT:
      if (node->create_role_stmt->role) schema_.roles.insert(node->create_role_stmt->role);
      break;
    case PG_QUERY__NODE__NODE_CREATE_TABLE_AS_STMT: {
      const PgQuery__CreateTableAsStmt& s = *node->create_table_as_stmt;
      if (!s.into || !s.into->rel) break;
      const std::string name = pg::Qualified(s.into->rel);
      if (s.objtype == PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW) {
        if (schema_.views.emplace(name, origin).second) Populate(name, !s.into->skip_data);
        CreateOtherRelation(name, Relation::Kind::kMaterializedView, s.query, origin);
      } else if (!schema_.tables.count(name)) {
        Table table{.schema = name.substr(0, name.find('.')), .name = s.into->rel->relname};
        table.columns_known = false;
        table.temporary = pg::Temporary(s.into->rel);
        table.privileges = NewPrivileges("tables", table.schema);
        table.origin = origin;
        schema_.tables.emplace(name, std::move(table));
      }
      break;
    }
    case PG_QUERY__NODE__NODE_REFRESH_MAT_VIEW_STMT: {
      const PgQuery__RefreshMatViewStmt& s = *node->refresh_mat_view_stmt;
      if (s.relation) Populate(pg::Qualified(s.relation), !s.skip_data);
      break;
    }
    case PG_QUERY__NODE__NODE_VIEW_STMT:
      CreateView(*node->view_stmt, origin);
      break;
    case PG_QUERY__NODE__NODE_ALTER_TABLE_STMT: {
      const auto& s = *node->alter_table_stmt;
      auto relation = schema_.relations.find(pg::Qualified(s.relation));
      if (relation != schema_.relations.end()) {
        AlterRelationOptions(relation->second, s);
      } else {
        AlterTable(s, origin);
      }
      break;
    }
    case PG_QUERY__NODE__NODE_INDEX_STMT:
      CreateIndex(*node->index_stmt, origin);
      break;
    case PG_QUERY__NODE__NODE_SELECT_STMT:
      DieselManageUpdatedAt(*node->select_stmt, origin);
      break;
    case PG_QUERY__NODE__NODE_CREATE_TRIG_STMT:
      CreateTrigger(*node->create_trig_stmt, origin);
      break;
    case PG_QUERY__NODE__NODE_CREATE_POLICY_STMT:
      CreatePolicy(*node->create_policy_stmt, origin);
      break;
    case PG_QUERY__NODE__NODE_ALTER_POLICY_STMT:
      AlterPolicy(*node->alter_policy_stmt);
      break;
    case PG_QUERY__NODE__NODE_CREATE_FUNCTION_STMT:
      CreateFunction(*node->create_function_stmt, origin);
      break;
    case PG_QUERY__NODE__NODE_CREATE_ENUM_STMT: {
      const auto& s = *node->create_enum_stmt;
      AddType(pg::Qualified(s.type_name, s.n_type_name), UserType::Kind::kEnum, origin);
      schema_.types[pg::Qualified(s.type_name, s.n_type_name)].labels =
          pg::Strings(s.vals, s.n_vals);
      break;
    }
    case PG_QUERY__NODE__NODE_ALTER_ENUM_STMT: {
      const auto& s = *node->alter_enum_stmt;
      auto it = schema_.types.find(pg::Qualified(s.type_name, s.n_type_name));
      if (it != schema_.types.end() && s.new_val && *s.new_val && (!s.old_val || !*s.old_val)) {
        it->second.labels.emplace_back(s.new_val);
      }
      break;
    }
    case PG_QUERY__NODE__NODE_COMPOSITE_TYPE_STMT:
      AddType(pg::Qualified(node->composite_type_stmt->typevar), UserType::Kind::kComposite,
              origin);
      break;
    case PG_QUERY__NODE__NODE_CREATE_DOMAIN_STMT: {
      const auto& s = *node->create_domain_stmt;
      AddType(pg::Qualified(s.domainname, s.n_domainname), UserType::Kind::kDomain, origin);
      break;
    }
    case PG_QUERY__NODE__NODE_CREATE_RANGE_STMT: {
      const auto& s = *node->create_range_stmt;
      AddType(pg::Qualified(s.type_name, s.n_type_name), UserType::Kind::kRange, origin);
      break;
    }
    case PG_QUERY__NODE__NODE_CREATE_SCHEMA_STMT: {
      const auto& s = *node->create_schema_stmt;
      std::string name = s.schemaname && *s.schemaname ? s.schemaname : "";
      if (name.empty() && s.authrole && s.authrole->rolename) name = s.authrole->rolename;
      schema_.schemas.emplace(name, origin);
      for (std::size_t i = 0; i < s.n_schema_elts; ++i) Apply(s.schema_elts[i], origin);
      break;
    }
    case PG_QUERY__NODE__NODE_CREATE_EXTENSION_STMT:
      CreateExtension(node->create_extension_stmt->extname, origin);
      break;
    case PG_QUERY__NODE__NODE_CREATE_SEQ_STMT:
      schema_.sequences.emplace(pg::Qualified(node->create_seq_stmt->sequence), origin);
      break;
    case PG_QUERY__NODE__NODE_DROP_STMT:
      Drop(*node->drop_stmt);
      break;
    case PG_QUERY__NODE__NODE_RENAME_STMT:
      Rename(*node->rename_stmt);
      break;
    case PG_QUERY__NODE__NODE_ALTER_OBJECT_SCHEMA_STMT: {
      const auto& s = *node->alter_object_schema_stmt;
      if (s.object_type != PG_QUERY__OBJECT_TYPE__OBJECT_TABLE || !s.relation) break;
      auto it = schema_.tables.find(pg::Qualified(s.relation));
      if (it == schema_.tables.end()) break;
      Table table = std::move(it->second);
      const std::string old_name = it->first;
      schema_.tables.erase(it);
      table.schema = s.newschema;
      // Its indexes move with it.
      for (auto i = schema_.indexes.begin(); i != schema_.indexes.end();) {
        if (i->second.table != old_name) {
          ++i;
          continue;
        }
        Index index = std::move(i->second);
        i = schema_.indexes.erase(i);
        index.table = table.QualifiedName();
        index.name = table.schema + index.name.substr(index.name.find('.'));
        schema_.indexes[index.name] = std::move(index);
      }
      const std::string qualified = table.QualifiedName();
      schema_.tables[qualified] = std::move(table);
      for (auto& [key, other] : schema_.tables) {  // foreign keys that reference it
        for (Constraint& c : other.constraints) {
          if (c.ref_table == old_name) c.ref_table = qualified;
        }
      }
      break;
    }
    default:
      break;
  }
}

void Replay::AddType(std::string qualified, UserType::Kind kind, const Origin& origin) {
  UserType type;
  type.schema = qualified.substr(0, qualified.find('.'));
  type.name = qualified.substr(qualified.find('.') + 1);
  type.kind = kind;
  type.origin = origin;
  schema_.types.emplace(std::move(qualified), std::move(type));
}

void Replay::Populate(const std::string& view, bool populated) {
  if (populated) {
    schema_.unpopulated_views.erase(view);
  } else {
    schema_.unpopulated_views.insert(view);
  }
}

void Replay::CreateExtension(const std::string& name, const Origin& origin) {
  schema_.extensions.emplace(name, origin);
  AddExtensionObjects(name, schema_);
}

void Replay::CreateFunction(const PgQuery__CreateFunctionStmt& s, const Origin& origin) {
  Function f;
  const std::string qualified = pg::Qualified(s.funcname, s.n_funcname);
  f.schema = qualified.substr(0, qualified.find('.'));
  f.name = qualified.substr(qualified.find('.') + 1);
  f.origin = origin;
  if (const auto* language = pg::Option(s.options, s.n_options, "language")) {
    f.language = std::string(pg::Str(language->arg));
  }
  if (const auto* security = pg::Option(s.options, s.n_options, "security")) {
    f.security_definer = security->arg &&
                         security->arg->node_case == PG_QUERY__NODE__NODE_BOOLEAN &&
                         security->arg->boolean->boolval;
  }
  if (const auto* volatility = pg::Option(s.options, s.n_options, "volatility")) {
    const std::string_view word = pg::Str(volatility->arg);
    if (!word.empty()) f.volatility = word[0];  // "immutable", "stable", "volatile"
  }
  for (std::size_t i = 0; i < s.n_options; ++i) {
    const PgQuery__Node* o = s.options[i];
    if (o->node_case == PG_QUERY__NODE__NODE_DEF_ELEM &&
        std::strcmp(o->def_elem->defname, "set") == 0 && o->def_elem->arg &&
        o->def_elem->arg->node_case == PG_QUERY__NODE__NODE_VARIABLE_SET_STMT &&
        std::strcmp(o->def_elem->arg->variable_set_stmt->name, "search_path") == 0) {
      f.sets_search_path = true;
    }
  }
  const std::string returns = s.return_type ? pg::TypeOf(s.return_type).name : "";
  f.returns_trigger = returns == "trigger";
  // Overloads: CREATE OR REPLACE of the same signature keeps its privileges; a new one gets the
  // defaults.
  auto old = schema_.functions.find(qualified);
  if (old != schema_.functions.end()) f.overloads = std::move(old->second.overloads);
  auto [overload, created] = f.overloads.try_emplace(Signature(s));
  if (created) overload->second.privileges = NewPrivileges("functions", f.schema);
  overload->second.security_definer = f.security_definer;
  overload->second.returns_trigger = returns == "trigger" || returns == "event_trigger";
  overload->second.origin = origin;
  schema_.functions[qualified] = std::move(f);
}

}  // namespace migralint::model
