// privileges_model_test.cc: the grant model of the replay — who may do what on which object at
// the end of a migration, after defaults, GRANT, REVOKE and ALTER DEFAULT PRIVILEGES.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "model/replay.h"
#include "parse/parse_file.h"
#include "read/read_file.h"

namespace migralint {
namespace {

Schema Replayed(const std::string& sql, Layout layout = Layout::kNumbered) {
  FileUnit unit;
  unit.source = read::ReadText(sql, "m.sql").source;
  std::vector<Diagnostic> diagnostics;
  parse::ParseFile(unit, diagnostics);
  EXPECT_TRUE(diagnostics.empty()) << diagnostics.front().message;
  model::Replay replay(Config{}, layout);
  for (const Statement& s : unit.statements) {
    if (!s.IsNested()) replay.Apply(s.node, Origin{0, s.begin, s.end});
  }
  return replay.schema();
}

const Function::Overload& Overload(const Schema& s, const std::string& name,
                                   const std::string& signature) {
  return s.functions.at(name).overloads.at(signature);
}

TEST(PrivilegesModel, FunctionsGoToPublicUnlessRevoked) {
  const Schema s = Replayed(R"(
CREATE FUNCTION f(a integer, b character varying) RETURNS int LANGUAGE sql AS 'SELECT 1';
CREATE FUNCTION f(a uuid) RETURNS int LANGUAGE sql SECURITY DEFINER AS 'SELECT 1';
REVOKE ALL ON FUNCTION public.f(int4, varchar) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION f(uuid) TO authenticated;
CREATE OR REPLACE FUNCTION f(a int, b varchar) RETURNS int LANGUAGE sql AS 'SELECT 2';
ALTER FUNCTION f(uuid) SECURITY INVOKER;
)");
  const auto& first = Overload(s, "public.f", "int4,varchar");
  EXPECT_FALSE(first.privileges.Allows("anon", Privileges::kExecute));  // kept by OR REPLACE
  const auto& second = Overload(s, "public.f", "uuid");
  EXPECT_TRUE(second.privileges.Allows("anon", Privileges::kExecute));  // through PUBLIC
  EXPECT_TRUE(second.privileges.named.at("authenticated") & Privileges::kExecute);
  EXPECT_FALSE(second.security_definer);
}

TEST(PrivilegesModel, SupabaseDefaultsAndBulkRevokes) {
  const Schema s = Replayed(R"(
CREATE TABLE public.t (id bigint PRIMARY KEY);
CREATE SCHEMA private;
CREATE TABLE private.u (id bigint PRIMARY KEY);
CREATE FUNCTION public.g() RETURNS int LANGUAGE sql AS 'SELECT 1';
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA public FROM PUBLIC, anon;
ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON TABLES FROM anon;
CREATE TABLE public.v (id bigint PRIMARY KEY);
)",
                            Layout::kSupabase);
  EXPECT_TRUE(s.roles.count("anon"));
  EXPECT_TRUE(s.tables.at("public.t").privileges.Allows("anon", Privileges::kSelect));
  EXPECT_FALSE(s.tables.at("private.u").privileges.Allows("anon", Privileges::kSelect));
  EXPECT_FALSE(s.tables.at("public.v").privileges.Allows("anon", Privileges::kSelect));
  EXPECT_TRUE(s.tables.at("public.v").privileges.Allows("authenticated", Privileges::kSelect));
  const auto& g = Overload(s, "public.g", "");
  EXPECT_FALSE(g.privileges.Allows("anon", Privileges::kExecute));
  EXPECT_TRUE(g.privileges.Allows("authenticated", Privileges::kExecute));
}

TEST(PrivilegesModel, ViewsOptionsReadsAndColumnGrants) {
  const Schema s = Replayed(R"(
CREATE TABLE t (id bigint PRIMARY KEY, secret text);
CREATE VIEW v WITH (security_invoker) AS
  WITH x AS (SELECT id FROM t) SELECT x.id FROM x JOIN auth.users u ON u.id::text = x.id::text;
CREATE MATERIALIZED VIEW m AS SELECT count(*) FROM t;
ALTER VIEW v RESET (security_invoker);
CREATE OR REPLACE VIEW w WITH (security_invoker = false) AS SELECT 1;
ALTER VIEW w SET (security_invoker = 'on');
GRANT SELECT (id) ON t TO anon;
)");
  const Relation& v = s.relations.at("public.v");
  EXPECT_FALSE(v.security_invoker);
  EXPECT_EQ(v.reads, (std::vector<std::string>{"auth.users", "public.t"}));
  EXPECT_EQ(s.relations.at("public.m").kind, Relation::Kind::kMaterializedView);
  EXPECT_TRUE(s.relations.at("public.w").security_invoker);
  const Privileges& t = s.tables.at("public.t").privileges;
  EXPECT_TRUE(t.AllowsColumn("anon", "id", Privileges::kSelect));
  EXPECT_FALSE(t.AllowsColumn("anon", "secret", Privileges::kSelect));
}

}  // namespace
}  // namespace migralint
