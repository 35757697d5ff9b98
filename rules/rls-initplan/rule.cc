// rls-initplan: a policy that calls auth.uid(), auth.jwt(), auth.role(), auth.email() or
// current_setting() bare, so PostgreSQL calls it again for every row the policy checks, instead
// of `(select auth.uid())`, which it evaluates once per statement (an initplan).
#include "migralint/rule.h"

#include <protobuf-c/protobuf-c.h>

#include <cstdint>
#include <string>
#include <vector>

#include "migralint/pg_nodes.h"
#include "migralint/policy_expr.h"

namespace migralint::rules {
namespace {

bool PerRequest(const std::string& name) {
  return name == "auth.uid" || name == "auth.jwt" || name == "auth.role" || name == "auth.email" ||
         name == "current_setting";
}

// True when the call sits in a sub-select without FROM — `(select auth.uid())` — which
// PostgreSQL runs once as an initplan. A sub-select with FROM runs the call per row it reads.
bool Wrapped(const std::vector<const ProtobufCMessage*>& ancestors) {
  for (auto it = ancestors.rbegin(); it != ancestors.rend(); ++it) {
    if ((*it)->descriptor != &pg_query__select_stmt__descriptor) continue;
    return reinterpret_cast<const PgQuery__SelectStmt*>(*it)->n_from_clause == 0;
  }
  return false;
}

struct Call {
  std::string name;
  int location = -1;
};

void FindCalls(const PgQuery__Node* expr, std::vector<Call>& out) {
  pg::WalkTree(
      expr, [&](const ProtobufCMessage* m, const std::vector<const ProtobufCMessage*>& ancestors) {
        if (m->descriptor != &pg_query__func_call__descriptor) return;
        const auto& call = *reinterpret_cast<const PgQuery__FuncCall*>(m);
        const std::string name = pg::CallName(call);
        if (PerRequest(name) && !Wrapped(ancestors)) out.push_back({name, call.location});
      });
}

// One past the call's closing parenthesis (or the name's end when there is none).
std::uint32_t CallEnd(const std::string& text, std::uint32_t at, std::uint32_t limit) {
  std::uint32_t i = at;
  while (i < limit && text[i] != '(') ++i;
  int depth = 0;
  for (; i < limit; ++i) {
    if (text[i] == '(') ++depth;
    if (text[i] == ')' && --depth == 0) return i + 1;
  }
  return limit;
}

void Check(RuleContext& ctx, const StatementContext& sc) {
  const auto policy = pg::ReadPolicy(sc.statement.node, sc.before);
  if (!policy) return;
  std::vector<Call> calls;
  FindCalls(policy->using_expr, calls);
  FindCalls(policy->check_expr, calls);
  if (calls.empty()) return;
  const Call& first = calls.front();
  std::string names;
  for (const Call& c : calls) {
    const std::string shown = c.name + "()";
    if (names.find(shown) == std::string::npos) names += (names.empty() ? "" : ", ") + shown;
  }
  std::uint32_t begin = sc.statement.begin, end = sc.statement.end;
  if (first.location >= 0) {
    begin = sc.statement.parse_base + static_cast<std::uint32_t>(first.location);
    end = CallEnd(sc.file.source.text(), begin, sc.statement.end);
  }
  const std::string times =
      calls.size() == 1 ? "" : " (" + std::to_string(calls.size()) + " calls)";
  ctx.Report(sc.file, begin, end,
             "policy \"" + policy->name + "\" on \"" + policy->table + "\" calls " + names + times +
                 " for every row it checks: on a large table the function calls dominate the "
                 "query",
             "wrap each call in a sub-select, e.g. `user_id = (select auth.uid())`: PostgreSQL "
             "then evaluates it once per statement (an initplan) and compares every row with "
             "the result");
}

}  // namespace

const Rule& rls_initplan() {
  static const Rule rule{
      .id = "rls-initplan",
      .severity = Severity::kWarning,
      .category = "performance",
      .summary =
          "a policy calls auth.uid(), auth.jwt() or current_setting() for every row "
          "instead of once, as (select auth.uid())",
      .check_statement = Check,
  };
  return rule;
}

}  // namespace migralint::rules
