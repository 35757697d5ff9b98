// policy_expr.h: what the row-level-security rules read of a CREATE/ALTER POLICY statement —
// its parts, a walk over every node of an expression, and the roles row level security does
// not apply to. Header-only: rules include only include/migralint/.
#pragma once

#include <pg_query/pg_query.pb-c.h>
#include <protobuf-c/protobuf-c.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "migralint/pg_nodes.h"
#include "migralint/schema.h"

namespace migralint::pg {

/// A CREATE POLICY, or an ALTER POLICY with what the policy already was filled in.
struct PolicyStatement {
  std::string table;  // "schema.name"
  std::string name;
  std::string command;             // all, select, insert, update, delete
  std::vector<std::string> roles;  // "public" when none is named
  bool permissive = true;
  const PgQuery__Node* using_expr = nullptr;  // as written in this statement
  const PgQuery__Node* check_expr = nullptr;
};

inline std::vector<std::string> PolicyRoles(PgQuery__Node* const* roles, std::size_t n) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < n; ++i) {
    if (roles[i]->node_case != PG_QUERY__NODE__NODE_ROLE_SPEC) continue;
    const PgQuery__RoleSpec* spec = roles[i]->role_spec;
    out.push_back(spec->rolename && *spec->rolename ? spec->rolename : "public");
  }
  if (out.empty()) out.push_back("public");
  return out;
}

/// The policy `node` creates or alters; nullopt for other statements (and for an ALTER of a
/// policy the model does not know).
inline std::optional<PolicyStatement> ReadPolicy(const PgQuery__Node* node, const Schema& before) {
  if (!node) return std::nullopt;
  PolicyStatement p;
  if (node->node_case == PG_QUERY__NODE__NODE_CREATE_POLICY_STMT) {
    const PgQuery__CreatePolicyStmt& s = *node->create_policy_stmt;
    p.table = Qualified(s.table);
    p.name = s.policy_name ? s.policy_name : "";
    p.command = s.cmd_name && *s.cmd_name ? s.cmd_name : "all";
    p.roles = PolicyRoles(s.roles, s.n_roles);
    p.permissive = s.permissive;
    p.using_expr = s.qual;
    p.check_expr = s.with_check;
    return p;
  }
  if (node->node_case != PG_QUERY__NODE__NODE_ALTER_POLICY_STMT) return std::nullopt;
  const PgQuery__AlterPolicyStmt& s = *node->alter_policy_stmt;
  p.table = Qualified(s.table);
  p.name = s.policy_name ? s.policy_name : "";
  const Table* table = before.FindTable(p.table);
  if (!table) {
    const auto outside = before.altered_outside.find(p.table);
    if (outside == before.altered_outside.end()) return std::nullopt;
    table = &outside->second;
  }
  const auto known = std::find_if(table->policies.begin(), table->policies.end(),
                                  [&](const Policy& q) { return q.name == p.name; });
  if (known == table->policies.end()) return std::nullopt;
  p.command = known->command;
  p.roles = s.n_roles > 0 ? PolicyRoles(s.roles, s.n_roles) : known->roles;
  if (p.roles.empty()) p.roles.push_back("public");
  p.permissive = known->permissive;
  p.using_expr = s.qual;
  p.check_expr = s.with_check;
  return p;
}

/// Roles row level security does not hold back on Supabase (BYPASSRLS, or the owner of
/// everything): a policy that names only these exposes nothing to the API.
inline bool BypassesRls(const std::string& role) {
  return role == "service_role" || role == "postgres" || role == "supabase_admin" ||
         (role.rfind("supabase_", 0) == 0 && role.size() > 6 &&
          role.compare(role.size() - 6, 6, "_admin") == 0);
}

inline bool OnlyBypassingRoles(const std::vector<std::string>& roles) {
  return !roles.empty() && std::all_of(roles.begin(), roles.end(), BypassesRls);
}

/// "auth.uid" for auth.uid(), "current_setting" for (pg_catalog.)current_setting(), else the
/// name as written (qualified when it was).
inline std::string CallName(const PgQuery__FuncCall& call) {
  std::string name;
  for (std::size_t i = 0; i < call.n_funcname; ++i)
    name += (i ? "." : "") + std::string(Str(call.funcname[i]));
  if (name == "pg_catalog.current_setting") return "current_setting";
  return name;
}

/// Calls visit(message, ancestors) for `root` and every message below it, parents first
/// (ancestors: outermost first, `root`'s own excluded).
template <typename Visit>
void WalkTree(const ProtobufCMessage* root, Visit&& visit,
              std::vector<const ProtobufCMessage*>& ancestors) {
  if (!root) return;
  visit(root, ancestors);
  ancestors.push_back(root);
  const char* base = reinterpret_cast<const char*>(root);
  const ProtobufCMessageDescriptor& d = *root->descriptor;
  if (&d == &pg_query__node__descriptor) {
    // A Node is one of ~270 fields: go straight to the one it holds.
    const auto* node = reinterpret_cast<const PgQuery__Node*>(root);
    const ProtobufCFieldDescriptor* f =
        protobuf_c_message_descriptor_get_field(&d, node->node_case);
    if (f && f->type == PROTOBUF_C_TYPE_MESSAGE)
      WalkTree(*reinterpret_cast<const ProtobufCMessage* const*>(base + f->offset), visit,
               ancestors);
    ancestors.pop_back();
    return;
  }
  for (unsigned i = 0; i < d.n_fields; ++i) {
    const ProtobufCFieldDescriptor& f = d.fields[i];
    if (f.type != PROTOBUF_C_TYPE_MESSAGE) continue;
    if ((f.flags & PROTOBUF_C_FIELD_FLAG_ONEOF) &&
        *reinterpret_cast<const std::uint32_t*>(base + f.quantifier_offset) != f.id)
      continue;
    if (f.label == PROTOBUF_C_LABEL_REPEATED) {
      const std::size_t n = *reinterpret_cast<const std::size_t*>(base + f.quantifier_offset);
      auto* const* items = *reinterpret_cast<ProtobufCMessage* const* const*>(base + f.offset);
      for (std::size_t k = 0; k < n; ++k) WalkTree(items[k], visit, ancestors);
    } else {
      WalkTree(*reinterpret_cast<const ProtobufCMessage* const*>(base + f.offset), visit,
               ancestors);
    }
  }
  ancestors.pop_back();
}

template <typename Visit>
void WalkTree(const PgQuery__Node* root, Visit&& visit) {
  std::vector<const ProtobufCMessage*> ancestors;
  if (root) WalkTree(&root->base, visit, ancestors);
}

}  // namespace migralint::pg
