// apply_objects.cc: indexes, triggers, policies, DROP and RENAME.
#include <algorithm>
#include <cctype>
#include <cstring>
#include <functional>
#include <string>
#include <vector>

#include "migralint/pg_nodes.h"
#include "model/fingerprint.h"
#include "model/replay.h"

namespace migralint::model {
namespace {

// Trigger timing and event bits, as in PostgreSQL's pg_trigger.h.
constexpr int kTriggerRow = 1 << 0, kTriggerBefore = 1 << 1, kTriggerInsert = 1 << 2,
              kTriggerDelete = 1 << 3, kTriggerUpdate = 1 << 4, kTriggerTruncate = 1 << 5,
              kTriggerInstead = 1 << 6;

std::string SchemaOf(const std::string& qualified) {
  return qualified.substr(0, qualified.find('.'));
}

// For triggers and policies: [schema?, table, name] -> ("schema.table", "name").
std::pair<std::string, std::string> TableAndName(const PgQuery__Node* object) {
  if (!object || object->node_case != PG_QUERY__NODE__NODE_LIST || object->list->n_items < 2)
    return {};
  const auto n = object->list->n_items;
  return {pg::Qualified(object->list->items, n - 1),
          std::string(pg::Str(object->list->items[n - 1]))};
}

// The columns of a predicate made only of ANDed `col IS NOT NULL` tests; empty otherwise.
std::vector<std::string> NotNullTests(const PgQuery__Node* where) {
  std::vector<std::string> columns;
  std::vector<const PgQuery__Node*> terms;
  if (where) terms.push_back(where);
  for (std::size_t i = 0; i < terms.size(); ++i) {
    const PgQuery__Node* t = terms[i];
    if (t->node_case == PG_QUERY__NODE__NODE_BOOL_EXPR &&
        t->bool_expr->boolop == PG_QUERY__BOOL_EXPR_TYPE__AND_EXPR) {
      terms.insert(terms.end(), t->bool_expr->args, t->bool_expr->args + t->bool_expr->n_args);
    } else if (t->node_case == PG_QUERY__NODE__NODE_NULL_TEST &&
               t->null_test->nulltesttype == PG_QUERY__NULL_TEST_TYPE__IS_NOT_NULL &&
               !pg::ColumnName(t->null_test->arg).empty()) {
      columns.push_back(pg::ColumnName(t->null_test->arg));
    } else {
      return {};
    }
  }
  return columns;
}

}  // namespace

void Replay::CreateIndex(const PgQuery__IndexStmt& s, const Origin& origin) {
  Index index;
  index.table = pg::Qualified(s.relation);
  for (std::size_t i = 0; i < s.n_index_params; ++i) {
    const PgQuery__Node* param = s.index_params[i];
    index.columns.push_back(param->node_case == PG_QUERY__NODE__NODE_INDEX_ELEM &&
                                    param->index_elem->name
                                ? param->index_elem->name
                                : "");
  }
  const bool named = s.idxname && *s.idxname;
  // Unnamed, PostgreSQL calls it <table>_<columns>_idx (or _key when unique; "expr" for an
  // expression) and picks a free name by appending a number: an unnamed index is always created.
  std::string name = named ? s.idxname : s.relation->relname;
  if (!named) {
    for (const std::string& column : index.columns)
      name += "_" + (column.empty() ? std::string("expr") : column);
    name += s.unique ? "_key" : "_idx";
  }
  index.name = SchemaOf(index.table) + "." + name;
  for (int n = 1; !named && schema_.indexes.count(index.name); ++n) {
    index.name = SchemaOf(index.table) + "." + name + std::to_string(n);
  }
  if (schema_.indexes.count(index.name)) return;
  index.unique = s.unique;
  index.partial = s.where_clause != nullptr;
  index.where_not_null = NotNullTests(s.where_clause);
  std::vector<std::string> keys, include;
  for (std::size_t i = 0; i < s.n_index_params; ++i) {
    const PgQuery__Node* param = s.index_params[i];
    if (param->node_case == PG_QUERY__NODE__NODE_INDEX_ELEM)
      keys.push_back(IndexKey(*param->index_elem));
  }
  for (std::size_t i = 0; i < s.n_index_including_params; ++i) {
    const PgQuery__Node* param = s.index_including_params[i];
    if (param->node_case == PG_QUERY__NODE__NODE_INDEX_ELEM)
      include.push_back(IndexKey(*param->index_elem));
  }
  index.definition =
      IndexDefinition(s.access_method && *s.access_method ? s.access_method : "btree", keys,
                      include, Fingerprint(s.where_clause));
  index.origin = origin;
  schema_.indexes.emplace(index.name, std::move(index));
}

void Replay::CreateTrigger(const PgQuery__CreateTrigStmt& s, const Origin& origin) {
  Table* table = schema_.FindTable(pg::Qualified(s.relation));
  if (!table) return;
  Trigger trigger;
  trigger.name = s.trigname;
  trigger.for_each_row = s.row || (s.timing & kTriggerRow);
  trigger.before = s.timing & kTriggerBefore;
  trigger.instead = s.timing & kTriggerInstead;
  trigger.after = !trigger.before && !trigger.instead;
  trigger.on_insert = s.events & kTriggerInsert;
  trigger.on_delete = s.events & kTriggerDelete;
  trigger.on_update = s.events & kTriggerUpdate;
  trigger.on_truncate = s.events & kTriggerTruncate;
  trigger.function = pg::Qualified(s.funcname, s.n_funcname);
  trigger.origin = origin;
  std::erase_if(table->triggers,
                [&](const Trigger& t) { return t.name == trigger.name; });  // OR REPLACE
  table->triggers.push_back(std::move(trigger));
}

// Diesel's `SELECT diesel_manage_updated_at('t')` creates by dynamic SQL, which the replay does
// not run: CREATE TRIGGER set_updated_at BEFORE UPDATE ON t FOR EACH ROW EXECUTE PROCEDURE
// diesel_set_updated_at().
void Replay::DieselManageUpdatedAt(const PgQuery__SelectStmt& s, const Origin& origin) {
  for (std::size_t i = 0; i < s.n_target_list; ++i) {
    const PgQuery__Node* target = s.target_list[i];
    if (target->node_case != PG_QUERY__NODE__NODE_RES_TARGET || !target->res_target->val ||
        target->res_target->val->node_case != PG_QUERY__NODE__NODE_FUNC_CALL)
      continue;
    const PgQuery__FuncCall& call = *target->res_target->val->func_call;
    if (call.n_funcname == 0 ||
        pg::Str(call.funcname[call.n_funcname - 1]) != "diesel_manage_updated_at" ||
        call.n_args != 1)
      continue;
    const PgQuery__Node* arg = call.args[0];
    if (arg->node_case == PG_QUERY__NODE__NODE_TYPE_CAST)
      arg = arg->type_cast->arg;  // 't'::regclass
    if (!arg || arg->node_case != PG_QUERY__NODE__NODE_A_CONST || !arg->a_const->sval) continue;
    std::string name = arg->a_const->sval->sval;
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    Table* table = schema_.FindTable(name.find('.') == std::string::npos ? "public." + name : name);
    if (!table) continue;
    std::erase_if(table->triggers, [](const Trigger& t) { return t.name == "set_updated_at"; });
    table->triggers.push_back({.name = "set_updated_at",
                               .before = true,
                               .on_update = true,
                               .for_each_row = true,
                               .function = "public.diesel_set_updated_at",
                               .origin = origin});
  }
}

// The table a policy is on: one of the set, else (storage.objects, a table from before the set)
// its entry in altered_outside, made when `make`.
Table* Replay::PolicyTable(const PgQuery__RangeVar* relation, bool make) {
  if (!relation) return nullptr;
  const std::string name = pg::Qualified(relation);
  if (Table* table = schema_.FindTable(name)) return table;
  auto it = schema_.altered_outside.find(name);
  if (it != schema_.altered_outside.end()) return &it->second;
  if (!make) return nullptr;
  Table& table = schema_.altered_outside[name];
  table.schema = name.substr(0, name.find('.'));
  table.name = relation->relname;
  table.columns_known = false;
  return &table;
}

void Replay::CreatePolicy(const PgQuery__CreatePolicyStmt& s, const Origin& origin) {
  Table* table = PolicyTable(s.table, true);
  if (!table) return;
  Policy policy;
  policy.name = s.policy_name;
  policy.command = s.cmd_name && *s.cmd_name ? s.cmd_name : "all";
  for (std::size_t i = 0; i < s.n_roles; ++i) {
    const PgQuery__Node* role = s.roles[i];
    if (role->node_case == PG_QUERY__NODE__NODE_ROLE_SPEC) {
      const PgQuery__RoleSpec* spec = role->role_spec;
      policy.roles.push_back(spec->rolename && *spec->rolename ? spec->rolename : "public");
    }
  }
  policy.permissive = s.permissive;
  policy.has_using = s.qual != nullptr;
  policy.has_check = s.with_check != nullptr;
  policy.origin = origin;
  std::erase_if(table->policies, [&](const Policy& p) { return p.name == policy.name; });
  table->policies.push_back(std::move(policy));
}

// ALTER POLICY … TO / USING / WITH CHECK: what it names replaces what the policy had.
void Replay::AlterPolicy(const PgQuery__AlterPolicyStmt& s) {
  Table* table = PolicyTable(s.table, false);
  if (!table || !s.policy_name) return;
  for (Policy& policy : table->policies) {
    if (policy.name != s.policy_name) continue;
    if (s.n_roles > 0) {
      policy.roles.clear();
      for (std::size_t i = 0; i < s.n_roles; ++i) {
        const PgQuery__Node* role = s.roles[i];
        if (role->node_case == PG_QUERY__NODE__NODE_ROLE_SPEC) {
          const PgQuery__RoleSpec* spec = role->role_spec;
          policy.roles.push_back(spec->rolename && *spec->rolename ? spec->rolename : "public");
        }
      }
    }
    if (s.qual) policy.has_using = true;
    if (s.with_check) policy.has_check = true;
  }
}

void Replay::DropIndexes(const std::function<bool(const Index&)>& which) {
  std::erase_if(schema_.indexes, [&](const auto& entry) {
    if (!which(entry.second)) return false;
    schema_.dropped.insert("index " + entry.first);
    return true;
  });
}

void Replay::Drop(const PgQuery__DropStmt& s) {
  for (std::size_t i = 0; i < s.n_objects; ++i) {
    const PgQuery__Node* object = s.objects[i];
    const std::string name = pg::ObjectName(object);
    switch (s.remove_type) {
      case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE:
        schema_.tables.erase(name);
        schema_.altered_outside.erase(name);
        schema_.dropped.insert("table " + name);
        DropIndexes([&](const Index& index) { return index.table == name; });
        break;
      case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW:
      case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW:
        schema_.views.erase(name);
        schema_.relations.erase(name);
        schema_.dropped.insert("view " + name);
        break;
      case PG_QUERY__OBJECT_TYPE__OBJECT_FOREIGN_TABLE:
        schema_.relations.erase(name);
        break;
      case PG_QUERY__OBJECT_TYPE__OBJECT_INDEX:
        schema_.indexes.erase(name);
        schema_.dropped.insert("index " + name);
        break;
      case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE:
        schema_.sequences.erase(name);
        schema_.dropped.insert("sequence " + name);
        break;
      case PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION:
      case PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE: {
        // One overload named by its signature: the others stay.
        auto it = schema_.functions.find(name);
        if (it != schema_.functions.end() && it->second.overloads.size() > 1 &&
            object->node_case == PG_QUERY__NODE__NODE_OBJECT_WITH_ARGS &&
            !object->object_with_args->args_unspecified) {
          const std::vector<Function::Overload*> named = Overloads(*object->object_with_args);
          if (named.size() == 1) {
            std::erase_if(it->second.overloads,
                          [&](const auto& e) { return &e.second == named.front(); });
            // The folded function now dates from the latest overload left.
            const Origin* latest = nullptr;
            for (const auto& [signature, overload] : it->second.overloads) {
              const Origin& o = overload.origin;
              if (!latest || o.file > latest->file ||
                  (o.file == latest->file && o.begin > latest->begin))
                latest = &o;
            }
            if (latest) it->second.origin = *latest;
            break;
          }
        }
        schema_.functions.erase(name);
        schema_.dropped.insert("function " + name);
        break;
      }
      case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE:
      case PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN:
        schema_.types.erase(name);
        schema_.dropped.insert("type " + name);
        break;
      case PG_QUERY__OBJECT_TYPE__OBJECT_EXTENSION:
        schema_.extensions.erase(std::string(pg::Str(object)));
        schema_.dropped.insert("extension " + std::string(pg::Str(object)));
        break;
      case PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA: {
        const std::string schema(pg::Str(object));
        const std::string prefix = schema + ".";
        schema_.schemas.erase(schema);
        schema_.dropped.insert("schema " + schema);
        for (auto* objects : {&schema_.views, &schema_.sequences}) {
          std::erase_if(*objects, [&](const auto& e) { return e.first.rfind(prefix, 0) == 0; });
        }
        std::erase_if(schema_.relations,
                      [&](const auto& e) { return e.first.rfind(prefix, 0) == 0; });
        for (const auto& [table, unused] : schema_.tables) {
          if (table.rfind(prefix, 0) == 0) schema_.dropped.insert("table " + table);
        }
        std::erase_if(schema_.tables, [&](const auto& e) { return e.first.rfind(prefix, 0) == 0; });
        DropIndexes([&](const Index& index) { return index.name.rfind(prefix, 0) == 0; });
        std::erase_if(schema_.functions,
                      [&](const auto& e) { return e.first.rfind(prefix, 0) == 0; });
        std::erase_if(schema_.types, [&](const auto& e) { return e.first.rfind(prefix, 0) == 0; });
        break;
      }
      case PG_QUERY__OBJECT_TYPE__OBJECT_TRIGGER: {
        auto [table_name, trigger] = TableAndName(object);
        if (Table* table = schema_.FindTable(table_name)) {
          std::erase_if(table->triggers,
                        [&name = trigger](const Trigger& t) { return t.name == name; });
        }
        break;
      }
      case PG_QUERY__OBJECT_TYPE__OBJECT_POLICY: {
        auto [table_name, policy] = TableAndName(object);
        Table* table = schema_.FindTable(table_name);
        if (!table) {
          auto outside = schema_.altered_outside.find(table_name);
          if (outside != schema_.altered_outside.end()) table = &outside->second;
        }
        if (table) {
          std::erase_if(table->policies,
                        [&name = policy](const Policy& p) { return p.name == name; });
        }
        break;
      }
      default:
        break;
    }
  }
}

// Columns of type `from` ("schema.name") now name it `to`, in the form they were written in
// (qualified or not): a renamed type keeps its columns.
void Replay::RetypeColumns(const std::string& from, const std::string& to) {
  const bool in_public = from.rfind("public.", 0) == 0;
  for (auto& [key, table] : schema_.tables) {
    for (Column& column : table.columns) {
      if (column.type.name == from) {
        column.type.name = to;
      } else if (in_public && column.type.name == from.substr(7)) {
        column.type.name = to.rfind("public.", 0) == 0 ? to.substr(7) : to;
      }
    }
  }
}

void Replay::Rename(const PgQuery__RenameStmt& s) {
  const std::string new_name = s.newname ? s.newname : "";
  switch (s.rename_type) {
    case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE: {
      const std::string old_name = pg::Qualified(s.relation);
      auto it = schema_.tables.find(old_name);
      if (it == schema_.tables.end()) break;
      Table table = std::move(it->second);
      schema_.tables.erase(it);
      table.name = new_name;
      for (auto& [key, index] : schema_.indexes) {
        if (index.table == old_name) index.table = table.QualifiedName();
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
    case PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN: {
      Table* table = schema_.FindTable(pg::Qualified(s.relation));
      const std::string old_name = s.subname ? s.subname : "";
      if (!table) break;
      if (Column* column = table->FindColumn(old_name)) {
        column->name = new_name;
        table->IndexColumns();
      }
      for (Constraint& c : table->constraints) {
        std::replace(c.columns.begin(), c.columns.end(), old_name, new_name);
        if (c.not_null_column == old_name) c.not_null_column = new_name;
      }
      const std::string qualified = table->QualifiedName();
      for (auto& [key, index] : schema_.indexes) {
        if (index.table == qualified)
          std::replace(index.columns.begin(), index.columns.end(), old_name, new_name);
      }
      break;
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_POLICY: {
      if (Table* table = PolicyTable(s.relation, false)) {
        for (Policy& p : table->policies) {
          if (s.subname && p.name == s.subname) p.name = new_name;
        }
      }
      break;
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_TABCONSTRAINT: {
      if (Table* table = schema_.FindTable(pg::Qualified(s.relation))) {
        for (Constraint& c : table->constraints) {
          if (c.name == s.subname) c.name = new_name;
        }
      }
      break;
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_INDEX: {
      const std::string old_name = pg::Qualified(s.relation);
      auto it = schema_.indexes.find(old_name);
      if (it == schema_.indexes.end()) break;
      Index index = std::move(it->second);
      schema_.indexes.erase(it);
      index.name = SchemaOf(old_name) + "." + new_name;
      schema_.indexes[index.name] = std::move(index);
      break;
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW:
    case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW: {
      const std::string old_name = pg::Qualified(s.relation);
      auto it = schema_.views.find(old_name);
      if (it == schema_.views.end()) break;
      const Origin origin = it->second;
      schema_.views.erase(it);
      schema_.views[SchemaOf(old_name) + "." + new_name] = origin;
      if (auto r = schema_.relations.find(old_name); r != schema_.relations.end()) {
        Relation relation = std::move(r->second);
        schema_.relations.erase(r);
        schema_.relations[SchemaOf(old_name) + "." + new_name] = std::move(relation);
      }
      break;
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION:
    case PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE: {
      const std::string old_name = pg::ObjectName(s.object);
      auto it = schema_.functions.find(old_name);
      if (it == schema_.functions.end()) break;
      Function f = std::move(it->second);
      schema_.functions.erase(it);
      f.name = new_name;
      schema_.functions[f.schema + "." + new_name] = std::move(f);
      break;
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE: {
      const std::string old_name = pg::ObjectName(s.object);
      auto it = schema_.types.find(old_name);
      if (it == schema_.types.end()) break;
      UserType t = std::move(it->second);
      schema_.types.erase(it);
      t.name = new_name;
      const std::string qualified = t.schema + "." + new_name;
      schema_.types[qualified] = std::move(t);
      RetypeColumns(old_name, qualified);
      break;
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA:
      // Objects keep their keys under the old name: rare in migrations, and left approximate.
      if (auto it = schema_.schemas.find(s.subname); it != schema_.schemas.end()) {
        const Origin origin = it->second;
        schema_.schemas.erase(it);
        schema_.schemas[new_name] = origin;
      }
      break;
    default:
      break;
  }
}

}  // namespace migralint::model
