// definer-function-exposed: at the end of the set, a SECURITY DEFINER function in an exposed
// schema that anon or authenticated may execute (EXECUTE goes to PUBLIC by default, and on
// Supabase to the API roles too): any caller of the API runs it with its owner's rights.
// Splinter 0028 (anon) and 0029 (authenticated).
#include "migralint/rule.h"

#include <cstddef>
#include <string>
#include <vector>

#include "migralint/exposure.h"
#include "migralint/sql_words.h"

namespace migralint::rules {
namespace {

std::string Arguments(const std::string& signature) {
  std::string out;
  for (char c : signature) out += c == ',' ? std::string(", ") : std::string(1, c);
  return out;
}

void Check(RuleContext& ctx, const SetUnit& set, const Schema& schema) {
  const Config& config = ctx.config();
  if (!exposure::ApiExposedSet(set, config, schema)) return;
  const std::vector<std::string> api_roles = exposure::ExistingApiRoles(schema);
  if (api_roles.empty()) return;
  for (const auto& [name, function] : schema.functions) {
    if (!exposure::InExposedSchema(config, function.schema)) continue;
    for (const auto& [signature, overload] : function.overloads) {
      // Trigger functions cannot be called through the API (nor at all, but by a trigger).
      if (!overload.security_definer || overload.returns_trigger || overload.origin.external())
        continue;
      // Only what no GRANT named: a GRANT EXECUTE … TO anon is a decision, the defaults are not.
      std::string roles;
      for (const std::string& role : api_roles) {
        if (exposure::Inherited(overload.privileges, role, Privileges::kExecute) &&
            exposure::SchemaUsable(schema, function.schema, role))
          roles += (roles.empty() ? "" : " and ") + role;
      }
      if (roles.empty()) continue;
      const bool through_public = overload.privileges.Allows("public", Privileges::kExecute);
      const FileUnit& unit = *set.migrations[static_cast<std::size_t>(overload.origin.file)];
      const std::string call = name + "(" + Arguments(signature) + ")";
      const std::string quoted = QuoteIdent(function.schema) + "." + QuoteIdent(function.name) +
                                 "(" + Arguments(signature) + ")";
      ctx.Report(unit, overload.origin.begin, exposure::FirstLineEnd(unit, overload.origin),
                 "SECURITY DEFINER function \"" + call + "\" in exposed schema \"" +
                     function.schema + "\" may be executed by " + roles +
                     (through_public ? " through PUBLIC's EXECUTE, which every new function gets"
                                     : " through default privileges") +
                     " and no REVOKE took it away: any caller of the API runs it with its owner's "
                     "rights, past row level security",
                 "if only the server or other functions call it: REVOKE EXECUTE ON FUNCTION " +
                     quoted +
                     " FROM PUBLIC, anon, authenticated; if signed-in users must call it, revoke "
                     "from PUBLIC and anon and check the caller inside (auth.uid()); or make it "
                     "SECURITY INVOKER, or move it to a schema the API does not serve");
    }
  }
}

}  // namespace

const Rule& definer_function_exposed() {
  static const Rule rule{
      .id = "definer-function-exposed",
      .severity = Severity::kWarning,
      .category = "security",
      .summary =
          "a SECURITY DEFINER function in an exposed schema that anon or authenticated "
          "may execute",
      .check_schema = Check,
  };
  return rule;
}

}  // namespace migralint::rules
