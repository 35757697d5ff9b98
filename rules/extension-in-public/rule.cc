// extension-in-public: CREATE EXTENSION that puts the extension's objects in schema public (no
// SCHEMA clause, or SCHEMA public), in a set whose public schema an API exposes.
#include "migralint/rule.h"

#include <algorithm>
#include <set>
#include <string>

#include "migralint/pg_nodes.h"

namespace migralint::rules {
namespace {

// Extensions whose control file fixes their schema: the SCHEMA clause does not apply.
bool FixedSchema(const std::string& name) {
  static const std::set<std::string> kFixed = {"plpgsql",  "pg_cron",        "pg_graphql",
                                               "pgsodium", "supabase_vault", "pgmq",
                                               "pg_tle",   "timescaledb"};
  return kFixed.count(name) > 0;
}

// Installed in schema extensions on every Supabase project: IF NOT EXISTS makes them a no-op.
bool PreinstalledOnSupabase(const std::string& name) {
  static const std::set<std::string> kPreinstalled = {"uuid-ossp", "pgcrypto", "pg_stat_statements",
                                                      "pgjwt"};
  return kPreinstalled.count(name) > 0;
}

bool ExposesPublic(const SetUnit& set, const Config& config) {
  const bool api = set.set->layout == Layout::kSupabase || set.set->layout == Layout::kThreeTier ||
                   config.exposed_schemas_set;
  return api && std::find(config.exposed_schemas.begin(), config.exposed_schemas.end(), "public") !=
                    config.exposed_schemas.end();
}

void Check(RuleContext& ctx, const StatementContext& sc) {
  const PgQuery__Node* node = sc.statement.node;
  if (!node || node->node_case != PG_QUERY__NODE__NODE_CREATE_EXTENSION_STMT) return;
  if (!ExposesPublic(sc.set, ctx.config())) return;
  const PgQuery__CreateExtensionStmt& s = *node->create_extension_stmt;
  const std::string name = s.extname ? s.extname : "";
  if (FixedSchema(name) || sc.before.extensions.count(name)) return;
  if (s.if_not_exists && sc.set.set->layout == Layout::kSupabase && PreinstalledOnSupabase(name))
    return;
  const PgQuery__DefElem* schema = pg::Option(s.options, s.n_options, "schema");
  if (schema && pg::Str(schema->arg) != "public") return;
  const std::string where = schema ? "WITH SCHEMA public" : "without a SCHEMA clause";
  ctx.Report(sc.file, sc.statement.begin,
             sc.file.source.ClauseSpan(sc.statement.begin, sc.statement.end).second,
             "extension \"" + name + "\" is created " + where +
                 ": its functions, types and tables land in schema public, which the API "
                 "exposes — callable by every API role, and in the way of your own names",
             "CREATE SCHEMA IF NOT EXISTS extensions; CREATE EXTENSION IF NOT EXISTS \"" + name +
                 "\" WITH SCHEMA extensions (already in public: ALTER EXTENSION \"" + name +
                 "\" SET SCHEMA extensions, if it is relocatable)");
}

}  // namespace

const Rule& extension_in_public() {
  static const Rule rule{
      .id = "extension-in-public",
      .severity = Severity::kWarning,
      .category = "security",
      .summary = "an extension installed in schema public, which the API exposes",
      .check_statement = Check,
  };
  return rule;
}

}  // namespace migralint::rules
