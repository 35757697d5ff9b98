// model_test.cc: the replay — what the schema holds after each kind of statement.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "model/builtins.h"
#include "model/replay.h"
#include "parse/parse_file.h"
#include "read/read_file.h"

namespace migralint {
namespace {

// Replays `sql` as one migration (top-level statements and DO blocks) and returns the schema.
Schema Replayed(const std::string& sql, Layout layout = Layout::kNumbered, Config config = {}) {
  FileUnit unit;
  unit.source = read::ReadText(sql, "m.sql").source;
  std::vector<Diagnostic> diagnostics;
  parse::ParseFile(unit, diagnostics);
  EXPECT_TRUE(diagnostics.empty()) << diagnostics.front().message;
  model::Replay replay(config, layout);
  for (const Statement& s : unit.statements) {
    if (s.IsNested() && unit.statements[static_cast<std::size_t>(s.parent)].node->node_case !=
                            PG_QUERY__NODE__NODE_DO_STMT) {
      continue;
    }
    replay.Apply(s.node, Origin{0, s.begin, s.end});
  }
  return replay.schema();
}

TEST(Model, TablesColumnsAndConstraints) {
  const Schema s = Replayed(R"(
CREATE SCHEMA app;
CREATE TABLE app.users (
  id bigserial PRIMARY KEY,
  email varchar(255) NOT NULL UNIQUE,
  score numeric(10, 2) DEFAULT 0,
  created_at timestamptz(3) NOT NULL DEFAULT now()
);
CREATE TABLE app.posts (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id bigint NOT NULL REFERENCES app.users (id) ON DELETE CASCADE,
  title text,
  CONSTRAINT title_present CHECK (title IS NOT NULL) NOT VALID
);
)");
  const Table* users = s.FindTable("app.users");
  ASSERT_NE(users, nullptr);
  EXPECT_EQ(users->columns.size(), 4u);
  EXPECT_EQ(users->FindColumn("email")->type.Display(), "varchar(255)");
  EXPECT_TRUE(users->FindColumn("email")->not_null);
  EXPECT_EQ(users->FindColumn("score")->type.Display(), "numeric(10,2)");
  EXPECT_TRUE(users->FindColumn("score")->has_default);
  EXPECT_EQ(users->FindColumn("created_at")->type.Display(), "timestamptz(3)");
  EXPECT_TRUE(users->FindColumn("id")->not_null);
  EXPECT_TRUE(s.indexes.count("app.users_pkey"));
  EXPECT_TRUE(s.indexes.count("app.users_email_key"));

  const Table* posts = s.FindTable("app.posts");
  ASSERT_NE(posts, nullptr);
  EXPECT_TRUE(posts->FindColumn("id")->has_default);
  ASSERT_EQ(posts->constraints.size(), 3u);
  const Constraint& fk = posts->constraints[1];
  EXPECT_EQ(fk.kind, Constraint::Kind::kForeignKey);
  EXPECT_EQ(fk.name, "posts_user_id_fkey");
  EXPECT_EQ(fk.columns, std::vector<std::string>{"user_id"});
  EXPECT_EQ(fk.ref_table, "app.users");
  EXPECT_EQ(fk.on_delete, 'c');
  const Constraint& check = posts->constraints[2];
  EXPECT_EQ(check.not_null_column, "title");
  EXPECT_FALSE(check.validated);
}

TEST(Model, AlterRenameDrop) {
  const Schema s = Replayed(R"(
CREATE TABLE t (a int, b text, c text);
ALTER TABLE t ADD COLUMN d varchar(10), ALTER COLUMN d TYPE varchar(20), DROP COLUMN c;
ALTER TABLE t ADD CONSTRAINT b_nn CHECK (b IS NOT NULL) NOT VALID;
ALTER TABLE t VALIDATE CONSTRAINT b_nn;
ALTER TABLE t ALTER COLUMN b SET NOT NULL;
ALTER TABLE t RENAME COLUMN a TO id;
ALTER TABLE t RENAME TO things;
CREATE INDEX things_b_idx ON things (b) WHERE b <> '';
ALTER INDEX things_b_idx RENAME TO things_b;
ALTER TABLE things ENABLE ROW LEVEL SECURITY;
CREATE TABLE gone (x int);
DROP TABLE gone;
)");
  EXPECT_EQ(s.FindTable("public.t"), nullptr);
  EXPECT_EQ(s.FindTable("public.gone"), nullptr);
  const Table* t = s.FindTable("public.things");
  ASSERT_NE(t, nullptr);
  EXPECT_NE(t->FindColumn("id"), nullptr);
  EXPECT_EQ(t->FindColumn("c"), nullptr);
  EXPECT_EQ(t->FindColumn("d")->type.Display(), "varchar(20)");
  EXPECT_TRUE(t->FindColumn("b")->not_null);
  EXPECT_TRUE(t->constraints[0].validated);
  EXPECT_TRUE(t->rls_enabled);
  ASSERT_TRUE(s.indexes.count("public.things_b"));
  EXPECT_EQ(s.indexes.at("public.things_b").table, "public.things");
  EXPECT_TRUE(s.indexes.at("public.things_b").partial);
}

TEST(Model, TriggersPoliciesFunctionsTypes) {
  const Schema s = Replayed(R"(
CREATE TYPE mood AS ENUM ('sad', 'ok');
ALTER TYPE mood ADD VALUE 'happy';
CREATE TABLE notes (id int, owner uuid, updated_at timestamptz);
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.updated_at = now(); RETURN NEW; END $$;
CREATE FUNCTION admin_only() RETURNS void LANGUAGE sql SECURITY DEFINER SET search_path = '' AS $$ SELECT 1 $$;
CREATE TRIGGER notes_touch BEFORE UPDATE ON notes FOR EACH ROW EXECUTE FUNCTION touch();
CREATE POLICY own ON notes FOR SELECT TO authenticated USING (owner = auth.uid());
DROP POLICY IF EXISTS own ON notes;
CREATE POLICY own_rows ON notes FOR UPDATE TO authenticated USING (true) WITH CHECK (true);
)");
  EXPECT_EQ(s.types.at("public.mood").labels, (std::vector<std::string>{"sad", "ok", "happy"}));
  const Table* notes = s.FindTable("public.notes");
  ASSERT_EQ(notes->triggers.size(), 1u);
  EXPECT_TRUE(notes->triggers[0].before);
  EXPECT_TRUE(notes->triggers[0].on_update);
  EXPECT_TRUE(notes->triggers[0].for_each_row);
  EXPECT_EQ(notes->triggers[0].function, "public.touch");
  ASSERT_EQ(notes->policies.size(), 1u);
  EXPECT_EQ(notes->policies[0].name, "own_rows");
  EXPECT_EQ(notes->policies[0].command, "update");
  EXPECT_EQ(notes->policies[0].roles, std::vector<std::string>{"authenticated"});
  EXPECT_TRUE(s.functions.at("public.touch").returns_trigger);
  EXPECT_TRUE(s.functions.at("public.admin_only").security_definer);
  EXPECT_TRUE(s.functions.at("public.admin_only").sets_search_path);
}

TEST(Model, PolicyKindAlterRenameAndOutsideTables) {
  const Schema s = Replayed(R"(
CREATE TABLE notes (id bigint PRIMARY KEY, owner uuid);
CREATE POLICY a ON notes FOR SELECT USING (true);
CREATE POLICY b ON notes AS RESTRICTIVE FOR SELECT TO authenticated USING (owner IS NOT NULL);
ALTER POLICY a ON notes TO anon, authenticated;
ALTER POLICY b ON notes RENAME TO c;
CREATE POLICY p1 ON storage.objects FOR SELECT USING (bucket_id = 'a');
CREATE POLICY p2 ON storage.objects FOR SELECT USING (bucket_id = 'b');
DROP POLICY p2 ON storage.objects;
)");
  const Table* notes = s.FindTable("public.notes");
  ASSERT_NE(notes, nullptr);
  ASSERT_EQ(notes->policies.size(), 2u);
  EXPECT_TRUE(notes->policies[0].permissive);
  EXPECT_EQ(notes->policies[0].roles, (std::vector<std::string>{"anon", "authenticated"}));
  EXPECT_EQ(notes->policies[1].name, "c");
  EXPECT_FALSE(notes->policies[1].permissive);
  // A table from before the set keeps the set's policies apart from the set's own tables.
  EXPECT_EQ(s.FindTable("storage.objects"), nullptr);
  ASSERT_TRUE(s.altered_outside.count("storage.objects"));
  ASSERT_EQ(s.altered_outside.at("storage.objects").policies.size(), 1u);
  EXPECT_EQ(s.altered_outside.at("storage.objects").policies[0].name, "p1");
}

TEST(Model, IndexDefinitionsCompareWhatIsIndexed) {
  const Schema s = Replayed(R"(
CREATE TABLE t (id bigint PRIMARY KEY, a text, b text, UNIQUE (a, b));
CREATE INDEX t_id ON t (id);
CREATE INDEX e1 ON t (lower(a)) WHERE b = 'x';
CREATE INDEX e2 ON t (lower( a ))
  WHERE b = 'x';
CREATE INDEX e3 ON t (lower(a)) WHERE b = 'y';
CREATE INDEX o1 ON t (a text_pattern_ops);
CREATE INDEX h1 ON t USING hash (a);
)");
  auto def = [&](const std::string& name) { return s.indexes.at("public." + name).definition; };
  EXPECT_EQ(def("t_pkey"), def("t_id"));
  EXPECT_EQ(def("e1"), def("e2"));
  EXPECT_NE(def("e1"), def("e3"));
  EXPECT_NE(def("o1"), def("h1"));
  EXPECT_NE(def("o1"), "btree(a)");
  // An unnamed UNIQUE takes PostgreSQL's name, every column in it: DROP CONSTRAINT drops it.
  EXPECT_TRUE(s.indexes.count("public.t_a_b_key"));
  const Schema dropped = Replayed(R"(
CREATE TABLE t (a text, b text, UNIQUE (a, b));
ALTER TABLE t DROP CONSTRAINT t_a_b_key;
)");
  EXPECT_TRUE(dropped.indexes.empty());
}

TEST(Model, FunctionVolatilityAndViewPopulation) {
  const Schema s = Replayed(R"(
CREATE FUNCTION f_default() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;
CREATE FUNCTION f_stable() RETURNS int LANGUAGE sql STABLE AS $$ SELECT 1 $$;
CREATE FUNCTION f_immutable() RETURNS int LANGUAGE sql IMMUTABLE AS $$ SELECT 1 $$;
CREATE MATERIALIZED VIEW filled AS SELECT 1 AS one;
CREATE MATERIALIZED VIEW empty AS SELECT 1 AS one WITH NO DATA;
CREATE MATERIALIZED VIEW later AS SELECT 1 AS one WITH NO DATA;
REFRESH MATERIALIZED VIEW later;
REFRESH MATERIALIZED VIEW filled WITH NO DATA;
)");
  EXPECT_EQ(s.functions.at("public.f_default").volatility, 'v');
  EXPECT_EQ(s.functions.at("public.f_stable").volatility, 's');
  EXPECT_EQ(s.functions.at("public.f_immutable").volatility, 'i');
  EXPECT_EQ(s.unpopulated_views, (std::set<std::string>{"public.empty", "public.filled"}));
}

TEST(Model, DoBlockStatementsApply) {
  const Schema s = Replayed(R"(
CREATE TABLE t (a int);
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = 't' AND column_name = 'b') THEN
    ALTER TABLE t ADD COLUMN b int;
  END IF;
END $$;
)");
  EXPECT_NE(s.FindTable("public.t")->FindColumn("b"), nullptr);
}

TEST(Model, ExternalsAndBuiltins) {
  Config config;
  config.external = {"legacy.accounts", "util.slugify()"};
  const Schema s = Replayed("SELECT 1;", Layout::kSupabase, config);
  EXPECT_TRUE(s.HasRelation("auth.users"));
  EXPECT_TRUE(s.HasRelation("storage.objects"));
  EXPECT_TRUE(s.HasFunction("auth.uid"));
  EXPECT_TRUE(s.HasRelation("legacy.accounts"));
  EXPECT_TRUE(s.HasFunction("util.slugify"));
  EXPECT_TRUE(s.HasRelation("pg_catalog.pg_class"));
  EXPECT_TRUE(s.HasRelation("information_schema.columns"));
  EXPECT_FALSE(s.HasRelation("public.nope"));
  EXPECT_TRUE(s.HasType("int4"));
  EXPECT_FALSE(s.HasType("mood"));
  const Schema plain = Replayed("SELECT 1;");
  EXPECT_FALSE(plain.HasRelation("auth.users"));
}

// Every name of the generated catalog is found (the lists are sorted as the lookups expect),
// unqualified pg_catalog names too; a name PostgreSQL does not have is not.
TEST(Model, KnowsWhatPostgresProvides) {
  const Schema s = Replayed("SELECT 1;");
  const BuiltinCatalog& catalog = model::PostgresCatalog();
  const std::vector<std::string_view> types(catalog.types, catalog.types + catalog.n_types);
  const std::vector<std::string_view> functions(catalog.functions,
                                                catalog.functions + catalog.n_functions);
  const std::vector<std::string_view> relations(catalog.relations,
                                                catalog.relations + catalog.n_relations);
  for (const auto* names : {&types, &functions, &relations}) {
    EXPECT_TRUE(std::is_sorted(names->begin(), names->end()));
  }
  EXPECT_GT(types.size(), 400u);
  EXPECT_GT(functions.size(), 2000u);
  EXPECT_GT(relations.size(), 100u);
  for (std::string_view t : types) EXPECT_TRUE(s.HasType(std::string(t))) << t;
  for (std::string_view f : functions) {
    EXPECT_TRUE(s.HasFunction(std::string(f))) << f;
    if (f.starts_with("pg_catalog.")) {
      EXPECT_TRUE(s.HasFunction("public." + std::string(f.substr(11)))) << f;
    }
  }
  for (std::string_view r : relations) EXPECT_TRUE(s.HasRelation(std::string(r))) << r;
  for (const char* type : {"regconfig", "regdictionary", "tstzmultirange", "xid8", "pg_snapshot"})
    EXPECT_TRUE(s.HasType(type)) << type;
  EXPECT_TRUE(s.HasFunction("public.tsvector_update_trigger"));
  EXPECT_FALSE(s.HasFunction("public.tsvector_update_trigger_x"));
  EXPECT_FALSE(s.HasType("regconfigs"));
}

// What the set dropped is remembered, until it is made again; tables from before the set keep
// what the set adds to them; a renamed type keeps its columns.
TEST(Model, DroppedOutsideAndRetyped) {
  const Schema s = Replayed(R"(
CREATE TYPE mood AS ENUM ('ok');
CREATE TABLE t (a int, b int, m mood, CONSTRAINT t_b_key UNIQUE (b));
CREATE INDEX t_a_idx ON t (a);
CREATE TABLE u (a int);
CREATE INDEX u_a_idx ON u (a);
ALTER TABLE t DROP CONSTRAINT t_b_key;
ALTER TABLE t DROP COLUMN a;
DROP TABLE u;
CREATE TABLE u (a int);
ALTER TABLE legacy.ledger ADD CONSTRAINT ledger_c_not_null CHECK (c IS NOT NULL) NOT VALID;
ALTER TABLE legacy.ledger VALIDATE CONSTRAINT ledger_c_not_null;
ALTER TYPE mood RENAME TO mood_old;
CREATE TABLE bookings (room int, during tstzrange, EXCLUDE USING gist (room WITH =, during WITH &&));
)");
  EXPECT_TRUE(s.Gone("index", "public.t_b_key"));
  EXPECT_TRUE(s.Gone("index", "public.t_a_idx"));
  EXPECT_TRUE(s.Gone("column", "public.t.a"));
  EXPECT_FALSE(s.Gone("column", "public.t.b"));
  EXPECT_TRUE(s.Gone("index", "public.u_a_idx"));
  EXPECT_FALSE(s.Gone("table", "public.u"));  // created again
  EXPECT_FALSE(s.Gone("index", "public.never_made"));
  EXPECT_EQ(s.FindTable("legacy.ledger"), nullptr);
  const Table& ledger = s.altered_outside.at("legacy.ledger");
  ASSERT_EQ(ledger.constraints.size(), 1u);
  EXPECT_TRUE(ledger.constraints[0].validated);
  EXPECT_EQ(ledger.constraints[0].not_null_column, "c");
  EXPECT_EQ(s.FindTable("public.t")->FindColumn("m")->type.name, "mood_old");
  ASSERT_TRUE(s.indexes.count("public.bookings_room_during_excl"));
  EXPECT_EQ(s.indexes.at("public.bookings_room_during_excl").columns,
            (std::vector<std::string>{"room", "during"}));
}

TEST(Model, UnparsedCreateIsAssumed) {
  model::Replay replay(Config{}, Layout::kNumbered);
  replay.AssumeCreated("CREATE TABLE IF NOT EXISTS \"App\".Things AS SELECT FROM (SELECT 1)",
                       Origin{0, 0, 1});
  replay.AssumeCreated("create or replace function util.f() returns int", Origin{0, 0, 1});
  EXPECT_TRUE(replay.schema().HasRelation("App.things"));
  EXPECT_FALSE(replay.schema().FindTable("App.things")->columns_known);
  EXPECT_TRUE(replay.schema().HasFunction("util.f"));
}

}  // namespace
}  // namespace migralint
