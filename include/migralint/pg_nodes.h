// pg_nodes.h: small helpers over libpg_query's parse tree (protobuf-c structs), for the model
// and for rules.
#pragma once

#include <pg_query/pg_query.pb-c.h>

#include <string>
#include <string_view>
#include <vector>

#include "migralint/schema.h"

namespace migralint::pg {

/// A String node's text; "" for any other node.
std::string_view Str(const PgQuery__Node* node);
/// The strings of a list of String nodes.
std::vector<std::string> Strings(PgQuery__Node* const* items, std::size_t n);
/// "schema.name" of a relation; unqualified names are in "public".
std::string Qualified(const PgQuery__RangeVar* relation);
/// "schema.name" from a name list (["s", "t"] or ["t"]).
std::string Qualified(PgQuery__Node* const* names, std::size_t n);
/// The object a DROP, RENAME or SET SCHEMA names, as the model keys it: "schema.name" for a
/// name list, an ObjectWithArgs or a TypeName (unqualified: "public"); an extension's or
/// schema's own name for a String; "" for anything else.
std::string ObjectName(const PgQuery__Node* object);
/// True for a TEMPORARY relation (relpersistence 't').
bool Temporary(const PgQuery__RangeVar* relation);
/// The type a TypeName denotes, pg_catalog names without their schema.
ColumnType TypeOf(const PgQuery__TypeName* type);
/// The column a ColumnRef names (its last field), or "".
std::string ColumnName(const PgQuery__Node* node);
/// The DefElem named `name` in an option list, or null.
const PgQuery__DefElem* Option(PgQuery__Node* const* options, std::size_t n, std::string_view name);
/// For a CHECK expression `col IS NOT NULL`: the column, else "".
std::string NotNullCheckColumn(const PgQuery__Node* expr);

/// A column a statement gives a type: one of CREATE TABLE, ADD COLUMN or ALTER COLUMN … TYPE.
struct TypedColumn {
  std::string table;  // "schema.name"
  std::string name;
  const PgQuery__TypeName* type = nullptr;
  const PgQuery__ColumnDef* def = nullptr;  // its constraints; ALTER COLUMN TYPE: none
  bool new_column = true;                   // false for ALTER COLUMN … TYPE
  int location = -1;  // of the column definition, relative to the statement's parse base
};
/// The columns `statement` (CREATE TABLE or ALTER TABLE) declares a type for, in order.
std::vector<TypedColumn> TypedColumns(const PgQuery__Node* statement);

}  // namespace migralint::pg
