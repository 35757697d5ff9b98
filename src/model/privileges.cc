// privileges.cc: roles, GRANT and REVOKE, ALTER DEFAULT PRIVILEGES, the privileges a new object
// starts with (PostgreSQL's defaults and Supabase's), views' options and what they read.
#include <pg_query/pg_query.pb-c.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "migralint/pg_nodes.h"
#include "migralint/policy_expr.h"
#include "model/replay.h"

namespace migralint::model {
namespace {

using Bits = std::uint16_t;
constexpr Bits kTableAll = Privileges::kSelect | Privileges::kInsert | Privileges::kUpdate |
                           Privileges::kDelete | Privileges::kTruncate | Privileges::kReferences |
                           Privileges::kTrigger;
constexpr Bits kSequenceAll = Privileges::kUsage | Privileges::kSelect | Privileges::kUpdate;

std::string Kind(PgQuery__ObjectType type) {
  switch (type) {
    case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE:
      return "tables";
    case PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION:
    case PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_ROUTINE:
      return "functions";
    case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE:
      return "sequences";
    case PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA:
      return "schemas";
    default:
      return "";
  }
}

Bits AllOf(const std::string& kind) {
  if (kind == "tables") return kTableAll;
  if (kind == "functions") return Privileges::kExecute;
  if (kind == "sequences") return kSequenceAll;
  if (kind == "schemas") return Privileges::kUsage | Privileges::kCreate;
  return 0;
}

Bits Bit(std::string_view name) {
  static const std::pair<std::string_view, Bits> kNames[] = {
      {"select", Privileges::kSelect},     {"insert", Privileges::kInsert},
      {"update", Privileges::kUpdate},     {"delete", Privileges::kDelete},
      {"truncate", Privileges::kTruncate}, {"references", Privileges::kReferences},
      {"trigger", Privileges::kTrigger},   {"execute", Privileges::kExecute},
      {"usage", Privileges::kUsage},       {"create", Privileges::kCreate},
  };
  for (const auto& [word, bit] : kNames)
    if (word == name) return bit;
  return 0;
}

// Grantees as the model names them: "public" for PUBLIC; CURRENT_USER and the like are the
// migration's own role, which owns what it creates anyway: left out.
std::vector<std::string> Grantees(PgQuery__Node* const* nodes, std::size_t n) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < n; ++i) {
    if (nodes[i]->node_case != PG_QUERY__NODE__NODE_ROLE_SPEC) continue;
    const PgQuery__RoleSpec& spec = *nodes[i]->role_spec;
    if (spec.roletype == PG_QUERY__ROLE_SPEC_TYPE__ROLESPEC_PUBLIC) {
      out.emplace_back("public");
    } else if (spec.rolename && *spec.rolename) {
      out.emplace_back(spec.rolename);
    }
  }
  return out;
}

// A type as a signature names it: canonical, schema left out, "[]" when an array.
std::string SignatureType(const PgQuery__TypeName* type) {
  const ColumnType t = pg::TypeOf(type);
  std::string name =
      t.name.substr(t.name.find('.') == std::string::npos ? 0 : t.name.find('.') + 1);
  return t.array ? name + "[]" : name;
}

// The privileges one GRANT or REVOKE changes on one object.
void Change(Privileges& p, const PgQuery__GrantStmt& s, const std::string& kind,
            const std::vector<std::string>& grantees) {
  if (!s.is_grant && s.grant_option) return;  // REVOKE GRANT OPTION FOR: the privilege stays
  for (const std::string& role : grantees) {
    if (s.n_privileges == 0) {  // ALL
      if (s.is_grant) {
        p.grants[role] |= AllOf(kind);
        p.named[role] |= AllOf(kind);
      } else {
        p.grants.erase(role);
        p.named.erase(role);
        std::erase_if(p.columns, [&](const auto& e) { return e.first.first == role; });
      }
      continue;
    }
    for (std::size_t i = 0; i < s.n_privileges; ++i) {
      if (s.privileges[i]->node_case != PG_QUERY__NODE__NODE_ACCESS_PRIV) continue;
      const PgQuery__AccessPriv& priv = *s.privileges[i]->access_priv;
      const Bits bit = priv.priv_name ? Bit(priv.priv_name) : AllOf(kind);
      if (priv.n_cols > 0) {
        for (std::size_t c = 0; c < priv.n_cols; ++c) {
          Bits& bits = p.columns[{role, std::string(pg::Str(priv.cols[c]))}];
          bits = s.is_grant ? (bits | bit) : (bits & ~bit);
        }
      } else if (s.is_grant) {
        p.grants[role] |= bit;
        p.named[role] |= bit;
      } else {
        auto it = p.grants.find(role);
        if (it != p.grants.end()) it->second &= static_cast<Bits>(~bit);
        if (auto n = p.named.find(role); n != p.named.end()) n->second &= static_cast<Bits>(~bit);
        // A table-wide REVOKE takes the column grants of that privilege too.
        for (auto& [key, bits] : p.columns)
          if (key.first == role) bits &= static_cast<Bits>(~bit);
      }
    }
  }
}

}  // namespace

std::string Replay::Signature(const PgQuery__CreateFunctionStmt& s) {
  std::string out;
  bool first = true;
  for (std::size_t i = 0; i < s.n_parameters; ++i) {
    if (s.parameters[i]->node_case != PG_QUERY__NODE__NODE_FUNCTION_PARAMETER) continue;
    const PgQuery__FunctionParameter& p = *s.parameters[i]->function_parameter;
    if (p.mode == PG_QUERY__FUNCTION_PARAMETER_MODE__FUNC_PARAM_OUT ||
        p.mode == PG_QUERY__FUNCTION_PARAMETER_MODE__FUNC_PARAM_TABLE)
      continue;
    out += (first ? "" : ",") + SignatureType(p.arg_type);
    first = false;
  }
  return out;
}

// The overloads a GRANT, REVOKE, ALTER or DROP names: the one of its signature; all of them when
// it gives none (or none matches: PostgreSQL found one, the model's signature did not).
std::vector<Function::Overload*> Replay::Overloads(const PgQuery__ObjectWithArgs& object) {
  auto it = schema_.functions.find(pg::Qualified(object.objname, object.n_objname));
  if (it == schema_.functions.end()) return {};
  auto& overloads = it->second.overloads;
  if (!object.args_unspecified) {
    std::string signature;
    bool first = true;
    for (std::size_t i = 0; i < object.n_objargs; ++i) {
      if (object.objargs[i]->node_case != PG_QUERY__NODE__NODE_TYPE_NAME) continue;
      signature += (first ? "" : ",") + SignatureType(object.objargs[i]->type_name);
      first = false;
    }
    auto one = overloads.find(signature);
    if (one != overloads.end()) return {&one->second};
  }
  std::vector<Function::Overload*> all;
  for (auto& [signature, overload] : overloads) all.push_back(&overload);
  return all;
}

Privileges Replay::NewPrivileges(const std::string& kind, const std::string& schema) const {
  Privileges p;
  for (const std::string& key : {kind + " ", kind + " " + schema}) {
    auto it = schema_.default_privileges.find(key);
    if (it == schema_.default_privileges.end()) continue;
    for (const auto& [role, bits] : it->second.grants) p.grants[role] |= bits;
  }
  return p;
}

void Replay::AddDefaultPrivileges(Layout layout) {
  // PostgreSQL: EXECUTE on functions to PUBLIC, USAGE on schema public to PUBLIC.
  schema_.default_privileges["functions "].grants["public"] = Privileges::kExecute;
  schema_.schema_privileges["public"].grants["public"] = Privileges::kUsage;
  if (layout != Layout::kSupabase) return;
  // Supabase: the API roles, and ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT ALL ON
  // TABLES, FUNCTIONS and SEQUENCES TO anon, authenticated, service_role (for postgres, the role
  // migrations run as).
  for (const char* role :
       {"anon", "authenticated", "service_role", "authenticator", "postgres", "supabase_admin",
        "supabase_auth_admin", "supabase_storage_admin", "dashboard_user", "pgbouncer"})
    schema_.roles.insert(role);
  for (const char* role : {"anon", "authenticated", "service_role"}) {
    schema_.default_privileges["tables public"].grants[role] = kTableAll;
    schema_.default_privileges["functions public"].grants[role] = Privileges::kExecute;
    schema_.default_privileges["sequences public"].grants[role] = kSequenceAll;
    schema_.schema_privileges["public"].grants[role] = Privileges::kUsage;
  }
}

void Replay::Grant(const PgQuery__GrantStmt& s) {
  const std::string kind = Kind(s.objtype);
  if (kind.empty()) return;
  const std::vector<std::string> grantees = Grantees(s.grantees, s.n_grantees);
  if (s.targtype == PG_QUERY__GRANT_TARGET_TYPE__ACL_TARGET_ALL_IN_SCHEMA) {
    for (std::size_t i = 0; i < s.n_objects; ++i) {
      const std::string prefix = std::string(pg::Str(s.objects[i])) + ".";
      if (kind == "tables") {
        for (auto& [name, table] : schema_.tables)
          if (name.rfind(prefix, 0) == 0) Change(table.privileges, s, kind, grantees);
        for (auto& [name, relation] : schema_.relations)
          if (name.rfind(prefix, 0) == 0) Change(relation.privileges, s, kind, grantees);
      } else if (kind == "functions") {
        for (auto& [name, function] : schema_.functions) {
          if (name.rfind(prefix, 0) != 0) continue;
          for (auto& [signature, overload] : function.overloads)
            Change(overload.privileges, s, kind, grantees);
        }
      }
    }
    return;
  }
  for (std::size_t i = 0; i < s.n_objects; ++i) {
    const PgQuery__Node* object = s.objects[i];
    if (kind == "tables" && object->node_case == PG_QUERY__NODE__NODE_RANGE_VAR) {
      const std::string name = pg::Qualified(object->range_var);
      if (Table* table = schema_.FindTable(name)) Change(table->privileges, s, kind, grantees);
      auto it = schema_.relations.find(name);
      if (it != schema_.relations.end()) Change(it->second.privileges, s, kind, grantees);
    } else if (kind == "functions" && object->node_case == PG_QUERY__NODE__NODE_OBJECT_WITH_ARGS) {
      for (Function::Overload* overload : Overloads(*object->object_with_args))
        Change(overload->privileges, s, kind, grantees);
    } else if (kind == "schemas") {
      Change(schema_.schema_privileges[std::string(pg::Str(object))], s, kind, grantees);
    }
  }
}

// ALTER DEFAULT PRIVILEGES [FOR ROLE r] [IN SCHEMA s] GRANT|REVOKE …: FOR ROLE is not followed
// (the model does not know which role runs the migrations; it is usually the one named).
void Replay::AlterDefaultPrivileges(const PgQuery__AlterDefaultPrivilegesStmt& s) {
  if (!s.action) return;
  const std::string kind = Kind(s.action->objtype);
  if (kind.empty() || kind == "schemas") return;
  std::vector<std::string> schemas;
  for (std::size_t i = 0; i < s.n_options; ++i) {
    const PgQuery__Node* o = s.options[i];
    if (o->node_case != PG_QUERY__NODE__NODE_DEF_ELEM ||
        std::strcmp(o->def_elem->defname, "schemas") != 0 || !o->def_elem->arg ||
        o->def_elem->arg->node_case != PG_QUERY__NODE__NODE_LIST)
      continue;
    const PgQuery__List& list = *o->def_elem->arg->list;
    for (std::size_t k = 0; k < list.n_items; ++k) schemas.emplace_back(pg::Str(list.items[k]));
  }
  if (schemas.empty()) schemas.emplace_back();  // every schema
  const std::vector<std::string> grantees = Grantees(s.action->grantees, s.action->n_grantees);
  for (const std::string& schema : schemas)
    Change(schema_.default_privileges[kind + " " + schema], *s.action, kind, grantees);
}

void Replay::AlterFunction(const PgQuery__AlterFunctionStmt& s) {
  if (!s.func) return;
  const PgQuery__DefElem* security = pg::Option(s.actions, s.n_actions, "security");
  if (!security) return;
  const bool definer = security->arg && security->arg->node_case == PG_QUERY__NODE__NODE_BOOLEAN &&
                       security->arg->boolean->boolval;
  for (Function::Overload* overload : Overloads(*s.func)) overload->security_definer = definer;
}

// The relations a view's query names ("schema.name"), its own WITH names left out.
std::vector<std::string> Replay::Reads(const PgQuery__Node* query) {
  std::set<std::string> names, ctes;
  pg::WalkTree(query, [&](const ProtobufCMessage* m, const auto&) {
    if (m->descriptor != &pg_query__common_table_expr__descriptor) return;
    const auto* cte = reinterpret_cast<const PgQuery__CommonTableExpr*>(m);
    if (cte->ctename) ctes.insert(cte->ctename);
  });
  pg::WalkTree(query, [&](const ProtobufCMessage* m, const auto&) {
    if (m->descriptor == &pg_query__range_var__descriptor) {
      const auto* rv = reinterpret_cast<const PgQuery__RangeVar*>(m);
      if (rv->relname && (!rv->schemaname || !*rv->schemaname) && ctes.count(rv->relname)) return;
      names.insert(pg::Qualified(rv));
    }
  });
  return {names.begin(), names.end()};
}

// security_invoker in WITH (…) or ALTER VIEW … SET (…): true, on, yes, 1 (a bare name: true).
bool Replay::SecurityInvoker(PgQuery__Node* const* options, std::size_t n, bool current) {
  const PgQuery__DefElem* option = pg::Option(options, n, "security_invoker");
  if (!option) return current;
  if (!option->arg) return true;
  std::string value;
  if (option->arg->node_case == PG_QUERY__NODE__NODE_BOOLEAN) return option->arg->boolean->boolval;
  if (option->arg->node_case == PG_QUERY__NODE__NODE_INTEGER)
    return option->arg->integer->ival != 0;
  value = std::string(pg::Str(option->arg));
  std::transform(value.begin(), value.end(), value.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return value == "true" || value == "on" || value == "yes" || value == "1" || value == "t" ||
         value == "y";
}

void Replay::CreateView(const PgQuery__ViewStmt& s, const Origin& origin) {
  const std::string name = pg::Qualified(s.view);
  schema_.views.emplace(name, origin);
  auto [it, created] = schema_.relations.try_emplace(name);
  Relation& view = it->second;
  if (created) {
    view.privileges = NewPrivileges("tables", name.substr(0, name.find('.')));
    view.origin = origin;
  }
  view.kind = Relation::Kind::kView;
  // OR REPLACE replaces the options with those given (none: reset); privileges stay.
  view.security_invoker = SecurityInvoker(s.options, s.n_options, false);
  view.reads = Reads(s.query);
}

void Replay::CreateOtherRelation(const std::string& name, Relation::Kind kind,
                                 const PgQuery__Node* query, const Origin& origin) {
  auto [it, created] = schema_.relations.try_emplace(name);
  if (!created) return;
  it->second.kind = kind;
  it->second.reads = Reads(query);
  it->second.privileges = NewPrivileges("tables", name.substr(0, name.find('.')));
  it->second.origin = origin;
}

// ALTER VIEW/TABLE v SET (security_invoker …) or RESET (security_invoker).
void Replay::AlterRelationOptions(Relation& relation, const PgQuery__AlterTableStmt& s) {
  for (std::size_t i = 0; i < s.n_cmds; ++i) {
    if (s.cmds[i]->node_case != PG_QUERY__NODE__NODE_ALTER_TABLE_CMD) continue;
    const PgQuery__AlterTableCmd& cmd = *s.cmds[i]->alter_table_cmd;
    if (!cmd.def || cmd.def->node_case != PG_QUERY__NODE__NODE_LIST) continue;
    const PgQuery__List& list = *cmd.def->list;
    if (cmd.subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_SetRelOptions) {
      relation.security_invoker =
          SecurityInvoker(list.items, list.n_items, relation.security_invoker);
    } else if (cmd.subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_ResetRelOptions &&
               pg::Option(list.items, list.n_items, "security_invoker")) {
      relation.security_invoker = false;
    }
  }
}

}  // namespace migralint::model
