// rls-initplan: a policy that calls auth.uid(), auth.jwt(), auth.role(), auth.email() or
// current_setting() bare, so PostgreSQL calls it again for every row the policy checks, instead
// of `(select auth.uid())`, which it evaluates once per statement (an initplan).
#include "migralint/rule.h"

#include <protobuf-c/protobuf-c.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "migralint/pg_nodes.h"
#include "migralint/policy_expr.h"
#include "migralint/sql_words.h"

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
  bool in_from = false;  // a function in FROM (a table source): no sub-select can stand there
};

void FindCalls(const PgQuery__Node* expr, std::vector<Call>& out) {
  pg::WalkTree(
      expr, [&](const ProtobufCMessage* m, const std::vector<const ProtobufCMessage*>& ancestors) {
        if (m->descriptor != &pg_query__func_call__descriptor) return;
        const auto& call = *reinterpret_cast<const PgQuery__FuncCall*>(m);
        const std::string name = pg::CallName(call);
        if (!PerRequest(name) || Wrapped(ancestors)) return;
        const bool in_from =
            std::any_of(ancestors.begin(), ancestors.end(), [](const ProtobufCMessage* a) {
              return a->descriptor == &pg_query__range_function__descriptor;
            });
        out.push_back({name, call.location, in_from});
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

// The call's text span [begin, end) in the file: its name up to its closing parenthesis, found
// with the tokenizer (a parenthesis in a literal is not one). Nothing when the text there is not
// the call (a statement whose offsets do not map to the file).
std::optional<std::pair<std::uint32_t, std::uint32_t>> CallSpan(std::string_view text,
                                                                const Statement& s,
                                                                const Call& call) {
  if (call.location < 0) return std::nullopt;
  const std::uint32_t begin = s.parse_base + static_cast<std::uint32_t>(call.location);
  if (begin >= s.end) return std::nullopt;
  const std::vector<Word> words = Words(text, begin, s.end);
  const std::string first = call.name.substr(0, call.name.find('.'));
  if (words.empty() || words[0].begin != begin || !(words[0].Is(text, first) || text[begin] == '"'))
    return std::nullopt;
  const auto is = [&](const Word& w, char c) {
    return !w.plain && w.end == w.begin + 1 && text[w.begin] == c;
  };
  int depth = 0;
  for (const Word& w : words) {
    if (is(w, '(')) ++depth;
    if (is(w, ')') && --depth == 0) return std::make_pair(begin, w.end);
    if (depth == 0 && is(w, ';')) break;
  }
  return std::nullopt;
}

// One edit from the first call to the last, each call written as `(select <call>)` and every
// other byte as it was: one edit, so that a fix is applied whole or not at all. Nothing when a
// call is a function in FROM or its text cannot be found.
std::optional<Fix> WrapCalls(std::string_view text, const Statement& s,
                             const std::vector<Call>& calls) {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> spans;
  for (const Call& c : calls) {
    if (c.in_from) return std::nullopt;
    const auto span = CallSpan(text, s, c);
    if (!span) return std::nullopt;
    spans.push_back(*span);
  }
  // Insertions: "(select " at each begin, ")" at each end; a call nested in another (both per
  // request) gets its own, inside the outer one's.
  std::vector<std::pair<std::uint32_t, int>> marks;  // offset, 1 = open, 0 = close
  for (const auto& [b, e] : spans) {
    marks.push_back({b, 1});
    marks.push_back({e, 0});
  }
  std::sort(marks.begin(), marks.end());
  marks.erase(std::unique(marks.begin(), marks.end()), marks.end());
  const std::uint32_t from = marks.front().first, to = marks.back().first;
  const std::vector<Word> head = Words(text, s.begin, s.end, 1);
  const std::string select = head.empty() ? "select" : InCaseOf(text, head[0], "SELECT");
  std::string out;
  std::uint32_t at = from;
  for (const auto& [offset, open] : marks) {
    out.append(text.substr(at, offset - at));
    out += open ? "(" + select + " " : ")";
    at = offset;
  }
  return Fix{"evaluate once per statement: (select …)", {{from, to, std::move(out)}}};
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
  std::string message =
      "policy \"" + policy->name + "\" on \"" + policy->table + "\" calls " + names + times +
      " for every row it checks: on a large table the function calls dominate the "
      "query";
  std::string help =
      "wrap each call in a sub-select, e.g. `user_id = (select auth.uid())`: PostgreSQL "
      "then evaluates it once per statement (an initplan) and compares every row with "
      "the result";
  if (std::optional<Fix> fix = WrapCalls(sc.file.source.text(), sc.statement, calls)) {
    ctx.ReportWithFix(sc.file, begin, end, std::move(message), std::move(help), std::move(*fix));
  } else {
    ctx.Report(sc.file, begin, end, std::move(message), std::move(help));
  }
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
