// policy-always-true: a permissive policy that admits every row — USING or WITH CHECK literally
// true (or 1 = 1) — or whose top-level OR admits anonymous callers (auth.uid() IS NULL).
#include "migralint/rule.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "migralint/pg_nodes.h"
#include "migralint/policy_expr.h"

namespace migralint::rules {
namespace {

const PgQuery__Node* Unwrapped(const PgQuery__Node* e) {
  // `true::boolean`, `'t'::bool`, `(select true)`: the same constant.
  while (e) {
    if (e->node_case == PG_QUERY__NODE__NODE_TYPE_CAST) {
      e = e->type_cast->arg;
    } else if (e->node_case == PG_QUERY__NODE__NODE_SUB_LINK &&
               e->sub_link->sub_link_type == PG_QUERY__SUB_LINK_TYPE__EXPR_SUBLINK &&
               e->sub_link->subselect &&
               e->sub_link->subselect->node_case == PG_QUERY__NODE__NODE_SELECT_STMT &&
               e->sub_link->subselect->select_stmt->n_from_clause == 0 &&
               e->sub_link->subselect->select_stmt->n_target_list == 1 &&
               e->sub_link->subselect->select_stmt->target_list[0]->node_case ==
                   PG_QUERY__NODE__NODE_RES_TARGET) {
      e = e->sub_link->subselect->select_stmt->target_list[0]->res_target->val;
    } else {
      break;
    }
  }
  return e;
}

bool IntConstant(const PgQuery__Node* e, int& value) {
  e = Unwrapped(e);
  if (!e || e->node_case != PG_QUERY__NODE__NODE_A_CONST ||
      e->a_const->val_case != PG_QUERY__A__CONST__VAL_IVAL)
    return false;
  value = e->a_const->ival->ival;
  return true;
}

// `true`, `'t'::boolean`, `1 = 1`.
bool LiterallyTrue(const PgQuery__Node* e) {
  e = Unwrapped(e);
  if (!e) return false;
  if (e->node_case == PG_QUERY__NODE__NODE_A_CONST) {
    const PgQuery__AConst& c = *e->a_const;
    if (c.val_case == PG_QUERY__A__CONST__VAL_BOOLVAL) return c.boolval->boolval;
    if (c.val_case == PG_QUERY__A__CONST__VAL_SVAL && c.sval->sval) {
      const char* s = c.sval->sval;
      return std::strcmp(s, "t") == 0 || std::strcmp(s, "true") == 0;
    }
    return false;
  }
  if (e->node_case == PG_QUERY__NODE__NODE_A_EXPR &&
      e->a_expr->kind == PG_QUERY__A__EXPR__KIND__AEXPR_OP && e->a_expr->n_name == 1 &&
      pg::Str(e->a_expr->name[0]) == "=") {
    int left = 0, right = 0;
    return IntConstant(e->a_expr->lexpr, left) && IntConstant(e->a_expr->rexpr, right) &&
           left == right;
  }
  return false;
}

// `auth.uid() IS NULL`, also written `(select auth.uid()) IS NULL`.
bool AnonymousTest(const PgQuery__Node* e) {
  if (!e || e->node_case != PG_QUERY__NODE__NODE_NULL_TEST ||
      e->null_test->nulltesttype != PG_QUERY__NULL_TEST_TYPE__IS_NULL)
    return false;
  const PgQuery__Node* arg = Unwrapped(e->null_test->arg);
  return arg && arg->node_case == PG_QUERY__NODE__NODE_FUNC_CALL &&
         pg::CallName(*arg->func_call) == "auth.uid";
}

// The arms of a top-level OR (the expression itself when it is no OR).
void OrArms(const PgQuery__Node* e, std::vector<const PgQuery__Node*>& out) {
  if (e && e->node_case == PG_QUERY__NODE__NODE_BOOL_EXPR &&
      e->bool_expr->boolop == PG_QUERY__BOOL_EXPR_TYPE__OR_EXPR) {
    for (std::size_t i = 0; i < e->bool_expr->n_args; ++i) OrArms(e->bool_expr->args[i], out);
  } else if (e) {
    out.push_back(e);
  }
}

enum class Verdict { kNone, kTrue, kAnonymous };

// What the expression admits, and the node to point at.
Verdict Judge(const PgQuery__Node* e, const PgQuery__Node*& at) {
  std::vector<const PgQuery__Node*> arms;
  OrArms(e, arms);
  for (const PgQuery__Node* arm : arms) {
    if (LiterallyTrue(arm)) {
      at = arm;
      return Verdict::kTrue;
    }
  }
  for (const PgQuery__Node* arm : arms) {
    if (AnonymousTest(arm)) {
      at = arm;
      return Verdict::kAnonymous;
    }
  }
  return Verdict::kNone;
}

int Location(const PgQuery__Node* e) {
  switch (e->node_case) {
    case PG_QUERY__NODE__NODE_A_CONST:
      return e->a_const->location;
    case PG_QUERY__NODE__NODE_TYPE_CAST:
      return e->type_cast->location;
    case PG_QUERY__NODE__NODE_A_EXPR:
      return e->a_expr->location;
    case PG_QUERY__NODE__NODE_NULL_TEST:
      return e->null_test->location;
    case PG_QUERY__NODE__NODE_SUB_LINK:
      return e->sub_link->location;
    default:
      return -1;
  }
}

std::string RoleList(const std::vector<std::string>& roles) {
  std::string out;
  for (const std::string& r : roles) out += (out.empty() ? "" : ", ") + r;
  return out;
}

void Check(RuleContext& ctx, const StatementContext& sc) {
  const auto policy = pg::ReadPolicy(sc.statement.node, sc.before);
  if (!policy || !policy->permissive || pg::OnlyBypassingRoles(policy->roles)) return;
  const bool reads = policy->command == "select";
  const PgQuery__Node* at = nullptr;
  const char* clause = "USING";
  Verdict verdict = Judge(policy->using_expr, at);
  if (verdict == Verdict::kNone && policy->command != "select" && policy->command != "delete") {
    verdict = Judge(policy->check_expr, at);
    clause = "WITH CHECK";
  }
  if (verdict == Verdict::kNone) return;
  // auth.uid() is null only for requests without a signed-in user: the anon role (or public).
  if (verdict == Verdict::kAnonymous &&
      std::none_of(policy->roles.begin(), policy->roles.end(),
                   [](const std::string& r) { return r == "anon" || r == "public"; }))
    return;
  std::uint32_t begin = sc.statement.begin, end = sc.statement.end;
  if (const int location = Location(at); location >= 0) {
    begin = sc.statement.parse_base + static_cast<std::uint32_t>(location);
    end = sc.file.source.ClauseSpan(begin, sc.statement.end).second;
  }
  const bool everyone = policy->roles.size() == 1 && policy->roles[0] == "public";
  const std::string who = everyone ? "every role (no TO: public)"
                                   : "every role it names (" + RoleList(policy->roles) + ")";
  std::string what;
  if (policy->command == "select") {
    what = "can read every row";
  } else if (policy->command == "insert") {
    what = "can insert any row";
  } else if (policy->command == "update") {
    what = std::string(clause) == "USING" ? "can update every row"
                                          : "can write any values into the rows it updates";
  } else if (policy->command == "delete") {
    what = "can delete every row";
  } else {
    what = std::string(clause) == "USING" ? "can read, update and delete every row"
                                          : "can insert and write any row";
  }
  std::string message =
      "policy \"" + policy->name + "\" on \"" + policy->table + "\" (" +
      (policy->command == "all" ? std::string("FOR ALL") : "FOR " + policy->command) + ") ";
  std::string help;
  if (verdict == Verdict::kTrue) {
    message += "has " + std::string(clause) + " that is always true: " + who + " " + what;
    help = reads ? "if the table is a public catalogue this is what you want (say so in a "
                   "comment and suppress); otherwise compare the row with the caller, e.g. "
                   "USING (user_id = (select auth.uid())), or name only the roles that may read "
                   "it (TO …)"
                 : "compare the row with the caller, e.g. WITH CHECK (user_id = (select "
                   "auth.uid())), or leave the write to service_role (it bypasses row level "
                   "security) and drop the policy";
  } else {
    message += "admits anonymous callers: its " + std::string(clause) +
               " is an OR with `auth.uid() IS NULL`, true for every request without a "
               "signed-in user, so the anon role " +
               what;
    help =
        "remove the `auth.uid() IS NULL` arm; for server-side writes use service_role, "
        "which bypasses row level security";
  }
  if (reads) {
    ctx.Report(sc.file, begin, end, message, help);
  } else {
    ctx.ReportGraver(sc.file, begin, end, message, help);
  }
}

}  // namespace

const Rule& policy_always_true() {
  static const Rule rule{
      .id = "policy-always-true",
      .severity = Severity::kWarning,
      .category = "security",
      .summary =
          "a permissive policy that admits every row (USING/WITH CHECK true) or "
          "anonymous callers (auth.uid() IS NULL); an error for writes",
      .check_statement = Check,
  };
  return rule;
}

}  // namespace migralint::rules
