// schema.h: the replayed schema model — what exists before a statement runs, and where each
// object came from. Rules read it; only the model stage writes it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace migralint {

/// Where an object was created: a statement of a migration of the set, or outside the set.
struct Origin {
  int file = -1;  // index in SetUnit::migrations; -1: exists before the set (external, built-in)
  std::uint32_t begin = 0, end = 0;  // span of the creating statement (or clause) in that file
  std::uint32_t base = 0;  // the statement's parse base: its nodes' locations are relative to it
  bool external() const { return file < 0; }
};

/// A column type with its modifiers: "varchar" [255], "numeric" [10, 2], "timestamptz" [3].
struct ColumnType {
  std::string name;  // canonical: pg_catalog names ("int4", "varchar", "timestamptz"), else as
                     // written (schema-qualified when given)
  std::vector<int> modifiers;
  bool array = false;
  std::string Display() const;  // "varchar(255)", "numeric(10,2)[]"
};

/// Who may do what on an object, as PostgreSQL's defaults, the platform's default privileges and
/// the set's GRANT and REVOKE leave it: grantee ("public" for PUBLIC, else a role name) ->
/// privilege bits. The owner's implicit rights are not kept.
struct Privileges {
  enum Bit : std::uint16_t {
    kSelect = 1 << 0,
    kInsert = 1 << 1,
    kUpdate = 1 << 2,
    kDelete = 1 << 3,
    kTruncate = 1 << 4,
    kReferences = 1 << 5,
    kTrigger = 1 << 6,
    kExecute = 1 << 7,
    kUsage = 1 << 8,
    kCreate = 1 << 9,
  };
  std::map<std::string, std::uint16_t> grants;
  /// The part of `grants` a GRANT of the set gave that grantee by name (not defaults, not
  /// PUBLIC): exposure someone decided on rather than inherited.
  std::map<std::string, std::uint16_t> named;
  /// Column privileges (GRANT SELECT (col) ON t): (grantee, column) -> bits.
  std::map<std::pair<std::string, std::string>, std::uint16_t> columns;
  /// Whether `role` holds one of `bits` on the whole object, itself or through PUBLIC.
  bool Allows(const std::string& role, std::uint16_t bits) const;
  /// ... or on `column` (a column grant, or one on the whole object).
  bool AllowsColumn(const std::string& role, const std::string& column, std::uint16_t bits) const;
};

struct Column {
  std::string name;
  ColumnType type;
  bool not_null = false;
  bool has_default = false;  // DEFAULT, identity or generated: existing rows get a value
  bool generated = false;
  Origin origin;
  std::int64_t declared_at = -1;  // byte offset of its definition in its file; -1 unknown
};

struct Constraint {
  enum class Kind { kPrimaryKey, kUnique, kForeignKey, kCheck, kExclusion };
  Kind kind = Kind::kCheck;
  std::string name;
  std::vector<std::string> columns;  // key columns; FK: referencing columns
  std::string ref_table;             // FK: referenced table, "schema.name"
  std::vector<std::string> ref_columns;
  char on_delete = 'a', on_update = 'a';  // FK actions as PostgreSQL writes them (a, r, c, n, d)
  bool validated = true;                  // false while NOT VALID and not yet validated
  std::string not_null_column;            // CHECK (col IS NOT NULL): that column
  Origin origin;
  /// Byte offset in its file where it is declared (the constraint clause, or the column that
  /// carries it); -1 when unknown.
  std::int64_t declared_at = -1;
};

struct Index {
  std::string name;  // "schema.name"
  std::string table;
  std::vector<std::string> columns;  // key columns in order; "" for an expression
  bool unique = false;
  bool partial = false;
  /// A partial index whose WHERE is nothing but (ANDed) `col IS NOT NULL` tests: those columns.
  std::vector<std::string> where_not_null;
  /// What it indexes, written so that two indexes with equal strings index the same thing: the
  /// access method, each key (column, or expression) with its collation, operator class and
  /// order, the INCLUDE columns and the predicate (locations left out). "" when not known
  /// (exclusion constraints).
  std::string definition;
  Origin origin;
};

struct Policy {
  std::string name;
  std::string command = "all";     // all, select, insert, update, delete
  std::vector<std::string> roles;  // "public" when the policy names none
  bool permissive = true;          // false: AS RESTRICTIVE
  bool has_using = false, has_check = false;
  Origin origin;
};

struct Trigger {
  std::string name;
  bool before = false, after = false, instead = false;
  bool on_insert = false, on_update = false, on_delete = false, on_truncate = false;
  bool for_each_row = false;
  std::string function;  // "schema.name"
  Origin origin;
};

struct Table {
  std::string schema, name;
  std::vector<Column> columns;
  std::vector<Constraint> constraints;
  std::vector<Policy> policies;
  std::vector<Trigger> triggers;
  bool columns_known = true;  // false for LIKE, INHERITS, CREATE TABLE AS: columns not tracked
  bool temporary = false;     // CREATE TEMPORARY TABLE: gone with the session
  bool rls_enabled = false, rls_forced = false;
  Origin rls_origin;  // where RLS was last enabled
  Privileges privileges;
  Origin origin;

  /// Positions in `columns` by name, for a table of many columns (a scan is quicker for few):
  /// the model keeps it (IndexColumns after a change other than an append). FindColumn trusts it
  /// only while it has one entry per column.
  std::unordered_map<std::string, std::size_t> column_index;

  std::string QualifiedName() const { return schema + "." + name; }
  const Column* FindColumn(const std::string& column) const;
  Column* FindColumn(const std::string& column);
  /// Builds column_index again (or drops it, for few columns).
  void IndexColumns();
};

struct Function {
  std::string schema, name;
  std::string language;
  bool security_definer = false;
  bool sets_search_path = false;
  bool returns_trigger = false;
  /// As pg_proc.provolatile: 'i' immutable, 's' stable, 'v' volatile (CREATE FUNCTION's default).
  /// Overloads are folded: the last one created decides.
  char volatility = 'v';
  Origin origin;
  /// Each overload by its argument types as written in a signature, schemas left out
  /// ("uuid,text"; "" for none): GRANT, REVOKE, ALTER and DROP name one of them.
  struct Overload {
    bool security_definer = false;
    bool returns_trigger = false;  // trigger or event_trigger: not callable by a client
    Privileges privileges;
    Origin origin;
  };
  std::map<std::string, Overload> overloads;
};

/// A view, materialized view or foreign table: what the exposure rules need of it (tables keep
/// their privileges in Table).
struct Relation {
  enum class Kind { kView, kMaterializedView, kForeignTable };
  Kind kind = Kind::kView;
  /// WITH (security_invoker = true): reads with the caller's rights and row level security.
  /// Without it a view reads with its owner's: policies of what it reads do not apply.
  bool security_invoker = false;
  std::vector<std::string> reads;  // relations its query names, "schema.name", sorted
  Privileges privileges;
  Origin origin;
};

struct UserType {
  std::string schema, name;
  enum class Kind { kEnum, kComposite, kDomain, kRange, kOther } kind = Kind::kOther;
  std::vector<std::string> labels;  // enum values
  Origin origin;
};

/// Names PostgreSQL provides before anything is created, each list sorted: types
/// (pg_catalog's, unqualified), functions and relations (pg_catalog's and information_schema's,
/// qualified).
struct BuiltinCatalog {
  const std::string_view* types;
  std::size_t n_types;
  const std::string_view* functions;
  std::size_t n_functions;
  const std::string_view* relations;
  std::size_t n_relations;
};

/// The schema at one point of the replay.
class Schema {
 public:
  std::map<std::string, Table> tables;  // "schema.name" -> table (views too: see views)
  std::map<std::string, Index> indexes;
  std::map<std::string, Function> functions;  // "schema.name", overloads folded
  std::map<std::string, UserType> types;
  std::map<std::string, Origin> schemas;
  std::map<std::string, Origin> extensions;
  std::map<std::string, Origin> views;  // views and materialized views
  /// Materialized views created (or last refreshed) WITH NO DATA: not yet populated.
  std::set<std::string> unpopulated_views;
  std::map<std::string, Origin> sequences;
  /// Views and materialized views (as in `views`) and foreign tables: kind, options, privileges.
  std::map<std::string, Relation> relations;
  /// Roles that exist: the platform's (Supabase: anon, authenticated, service_role, …) and
  /// those the set creates.
  std::set<std::string> roles;
  /// Privileges on schemas (USAGE, CREATE), for the schemas GRANT or the defaults name.
  std::map<std::string, Privileges> schema_privileges;
  /// What objects created from now on are granted (PostgreSQL's defaults, the platform's,
  /// ALTER DEFAULT PRIVILEGES): "<kind> <schema>" ("functions public"), or "<kind> " for every
  /// schema; kind: tables (every relation but sequences, as in PostgreSQL), functions, sequences.
  std::map<std::string, Privileges> default_privileges;
  /// Objects that exist before the set runs (config `external`, the layout's built-ins):
  /// "schema.name" (functions without parentheses).
  std::set<std::string> externals;
  /// Tables the set alters without having created them (external, or created before the set):
  /// what its statements added to them (constraints, columns), for rules that look for an
  /// earlier step of a recipe. Not part of `tables`: their columns are not known.
  std::map<std::string, Table> altered_outside;
  /// Objects the set dropped, by a DROP or with their table, column, constraint or schema:
  /// "index public.t_key", "table public.t", "column public.t.c", "schema s".
  std::set<std::string> dropped;
  /// What PostgreSQL itself provides (src/model/builtins_pg15.inc), when the model set it.
  const BuiltinCatalog* builtins = nullptr;

  /// A relation (table, view, sequence) of the set, external, or in PostgreSQL's own catalog.
  bool HasRelation(const std::string& qualified) const;
  bool HasFunction(const std::string& qualified) const;
  bool HasType(const std::string& name) const;  // a ColumnType::name

  /// True when the set dropped `kind` ("index", "table", "column", "schema") `name` and nothing
  /// made it again: a DROP … IF EXISTS of it does nothing.
  bool Gone(std::string_view kind, const std::string& name) const;

  const Table* FindTable(const std::string& qualified) const;
  Table* FindTable(const std::string& qualified);
  /// Every index, grouped by its table ("schema.name"), each group in name order. One pass over
  /// the indexes: build it once, not per table.
  std::map<std::string, std::vector<const Index*>> IndexesByTable() const;
};

}  // namespace migralint
