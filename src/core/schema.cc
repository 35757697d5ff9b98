// schema.cc: lookups on the schema model.
#include "migralint/schema.h"

#include <algorithm>

namespace migralint {

std::string ColumnType::Display() const {
  std::string out = name;
  if (!modifiers.empty()) {
    out += "(";
    for (std::size_t i = 0; i < modifiers.size(); ++i)
      out += (i ? "," : "") + std::to_string(modifiers[i]);
    out += ")";
  }
  return array ? out + "[]" : out;
}

const Column* Table::FindColumn(const std::string& column) const {
  if (!column_index.empty() && column_index.size() == columns.size()) {
    auto at = column_index.find(column);
    if (at == column_index.end()) return nullptr;
    if (at->second < columns.size() && columns[at->second].name == column)
      return &columns[at->second];
  }
  auto it = std::find_if(columns.begin(), columns.end(),
                         [&](const Column& c) { return c.name == column; });
  return it == columns.end() ? nullptr : &*it;
}

Column* Table::FindColumn(const std::string& column) {
  return const_cast<Column*>(static_cast<const Table*>(this)->FindColumn(column));
}

void Table::IndexColumns() {
  constexpr std::size_t kScanned = 32;
  column_index.clear();
  if (columns.size() <= kScanned) return;
  column_index.reserve(columns.size());
  for (std::size_t i = 0; i < columns.size(); ++i) column_index.emplace(columns[i].name, i);
}

const Table* Schema::FindTable(const std::string& qualified) const {
  auto it = tables.find(qualified);
  return it == tables.end() ? nullptr : &it->second;
}

Table* Schema::FindTable(const std::string& qualified) {
  auto it = tables.find(qualified);
  return it == tables.end() ? nullptr : &it->second;
}

std::map<std::string, std::vector<const Index*>> Schema::IndexesByTable() const {
  std::map<std::string, std::vector<const Index*>> out;
  for (const auto& [name, index] : indexes) out[index.table].push_back(&index);
  return out;
}

}  // namespace migralint

namespace migralint {
namespace {

bool InCatalog(const std::string& qualified) {
  return qualified.rfind("pg_catalog.", 0) == 0 || qualified.rfind("information_schema.", 0) == 0 ||
         qualified.rfind("public.pg_", 0) == 0;  // unqualified pg_class etc. resolve to pg_catalog
}

}  // namespace

bool Schema::HasRelation(const std::string& q) const {
  return tables.count(q) || views.count(q) || sequences.count(q) || externals.count(q) ||
         InCatalog(q);
}

bool Schema::HasFunction(const std::string& q) const {
  return functions.count(q) || externals.count(q) || externals.count("*") || InCatalog(q);
}

bool Schema::HasType(const std::string& name) const {
  // Built-in names are unqualified (pg_catalog stripped); user types may be either.
  static const std::set<std::string> kBuiltin = {
      "bigint",        "bigserial",     "bit",       "bool",
      "boolean",       "box",           "bpchar",    "bytea",
      "char",          "cidr",          "circle",    "date",
      "daterange",     "decimal",       "float4",    "float8",
      "inet",          "int2",          "int4",      "int8",
      "int4range",     "int8range",     "integer",   "interval",
      "json",          "jsonb",         "jsonpath",  "line",
      "lseg",          "macaddr",       "macaddr8",  "money",
      "numeric",       "numrange",      "oid",       "path",
      "pg_lsn",        "point",         "polygon",   "real",
      "record",        "regclass",      "regproc",   "regtype",
      "serial",        "serial2",       "serial4",   "serial8",
      "smallint",      "smallserial",   "text",      "time",
      "timestamp",     "timestamptz",   "timetz",    "tsquery",
      "tsrange",       "tstzrange",     "tsvector",  "txid_snapshot",
      "uuid",          "varbit",        "varchar",   "xml",
      "name",          "void",          "trigger",   "anyelement",
      "anyarray",      "event_trigger", "character", "double precision",
      "bit varying",   "int",           "float",     "datemultirange",
      "int4multirange"};
  if (kBuiltin.count(name) || InCatalog(name)) return true;
  const std::string qualified = name.find('.') == std::string::npos ? "public." + name : name;
  return types.count(qualified) || externals.count(qualified) || externals.count("*") ||
         tables.count(qualified);
}

}  // namespace migralint
