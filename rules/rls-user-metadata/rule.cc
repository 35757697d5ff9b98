// rls-user-metadata: a policy expression that reads user_metadata (auth.jwt() -> 'user_metadata')
// or auth.users.raw_user_meta_data — data every signed-in user can change about themselves.
#include "migralint/rule.h"

#include <protobuf-c/protobuf-c.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "migralint/pg_nodes.h"
#include "migralint/policy_expr.h"

namespace migralint::rules {
namespace {

// The location of the first reference to user metadata under `expr`: a string constant that
// names the key (`'user_metadata'`, `'{user_metadata,role}'`), or a column raw_user_meta_data.
int FirstReference(const PgQuery__Node* expr) {
  int found = -1;
  pg::WalkTree(expr, [&](const ProtobufCMessage* m, const std::vector<const ProtobufCMessage*>&) {
    if (found >= 0) return;
    if (m->descriptor == &pg_query__a__const__descriptor) {
      const auto& c = *reinterpret_cast<const PgQuery__AConst*>(m);
      if (c.val_case == PG_QUERY__A__CONST__VAL_SVAL && c.sval->sval &&
          std::string(c.sval->sval).find("user_metadata") != std::string::npos)
        found = c.location;
    } else if (m->descriptor == &pg_query__column_ref__descriptor) {
      const auto& ref = *reinterpret_cast<const PgQuery__ColumnRef*>(m);
      for (std::size_t i = 0; i < ref.n_fields; ++i) {
        const std::string_view field = pg::Str(ref.fields[i]);
        if (field == "raw_user_meta_data") found = ref.location;
      }
    }
  });
  return found;
}

void Check(RuleContext& ctx, const StatementContext& sc) {
  const auto policy = pg::ReadPolicy(sc.statement.node, sc.before);
  if (!policy) return;
  int location = FirstReference(policy->using_expr);
  if (location < 0) location = FirstReference(policy->check_expr);
  if (location < 0) return;
  const std::uint32_t begin = sc.statement.parse_base + static_cast<std::uint32_t>(location);
  const auto span = sc.file.source.ClauseSpan(begin, sc.statement.end);
  ctx.Report(sc.file, span.first, span.second,
             "policy \"" + policy->name + "\" on \"" + policy->table +
                 "\" decides on user metadata, which every signed-in user can change about "
                 "themselves (supabase.auth.updateUser): whoever wants the access grants it",
             "decide on app_metadata (auth.jwt() -> 'app_metadata'), which only the server can "
             "write, or on a table of your own that users cannot update");
}

}  // namespace

const Rule& rls_user_metadata() {
  static const Rule rule{
      .id = "rls-user-metadata",
      .severity = Severity::kError,
      .category = "security",
      .summary =
          "a policy that trusts user_metadata / raw_user_meta_data, which users edit "
          "themselves",
      .check_statement = Check,
  };
  return rule;
}

}  // namespace migralint::rules
