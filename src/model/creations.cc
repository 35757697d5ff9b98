// creations.cc: a quick walk over every CREATE of the set.
#include "model/creations.h"

#include "migralint/pg_nodes.h"

namespace migralint::model {
namespace {

std::string CreatedName(const PgQuery__Node* node) {
  switch (node->node_case) {
    case PG_QUERY__NODE__NODE_CREATE_STMT:
      return pg::Qualified(node->create_stmt->relation);
    case PG_QUERY__NODE__NODE_VIEW_STMT:
      return pg::Qualified(node->view_stmt->view);
    case PG_QUERY__NODE__NODE_CREATE_TABLE_AS_STMT:
      return node->create_table_as_stmt->into ? pg::Qualified(node->create_table_as_stmt->into->rel)
                                              : "";
    case PG_QUERY__NODE__NODE_CREATE_SEQ_STMT:
      return pg::Qualified(node->create_seq_stmt->sequence);
    case PG_QUERY__NODE__NODE_CREATE_FUNCTION_STMT:
      return pg::Qualified(node->create_function_stmt->funcname,
                           node->create_function_stmt->n_funcname);
    case PG_QUERY__NODE__NODE_CREATE_ENUM_STMT:
      return pg::Qualified(node->create_enum_stmt->type_name, node->create_enum_stmt->n_type_name);
    case PG_QUERY__NODE__NODE_COMPOSITE_TYPE_STMT:
      return pg::Qualified(node->composite_type_stmt->typevar);
    case PG_QUERY__NODE__NODE_CREATE_DOMAIN_STMT:
      return pg::Qualified(node->create_domain_stmt->domainname,
                           node->create_domain_stmt->n_domainname);
    default:
      return {};
  }
}

}  // namespace

std::vector<std::string> CreatedBy(const FileUnit& unit) {
  std::vector<std::string> names;
  for (const Statement& statement : unit.statements) {
    if (!statement.node) continue;
    if (std::string name = CreatedName(statement.node); !name.empty())
      names.push_back(std::move(name));
  }
  return names;
}

}  // namespace migralint::model
