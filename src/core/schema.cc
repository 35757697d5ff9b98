// schema.cc: lookups on the schema model.
#include "migralint/schema.h"

#include <algorithm>
#include <cstdint>
#include <string>

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

bool Privileges::Allows(const std::string& role, std::uint16_t bits) const {
  for (const std::string& grantee : {role, std::string("public")}) {
    auto it = grants.find(grantee);
    if (it != grants.end() && (it->second & bits)) return true;
  }
  return false;
}

bool Privileges::AllowsColumn(const std::string& role, const std::string& column,
                              std::uint16_t bits) const {
  if (Allows(role, bits)) return true;
  for (const std::string& grantee : {role, std::string("public")}) {
    auto it = columns.find({grantee, column});
    if (it != columns.end() && (it->second & bits)) return true;
  }
  return false;
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

bool In(const std::string_view* names, std::size_t n, std::string_view name) {
  return names && std::binary_search(names, names + n, name);
}

// A qualified name of PostgreSQL's own: pg_catalog is searched first, so an unqualified name
// (here "public.x") finds pg_catalog.x.
bool Provided(const std::string_view* names, std::size_t n, const std::string& qualified) {
  if (In(names, n, qualified)) return true;
  return qualified.rfind("public.", 0) == 0 && In(names, n, "pg_catalog." + qualified.substr(7));
}

}  // namespace

bool Schema::HasRelation(const std::string& q) const {
  return tables.count(q) || views.count(q) || relations.count(q) || sequences.count(q) ||
         externals.count(q) || InCatalog(q) ||
         (builtins && Provided(builtins->relations, builtins->n_relations, q));
}

bool Schema::HasFunction(const std::string& q) const {
  return functions.count(q) || externals.count(q) || externals.count("*") || InCatalog(q) ||
         (builtins && Provided(builtins->functions, builtins->n_functions, q));
}

bool Schema::Gone(std::string_view kind, const std::string& name) const {
  if (!dropped.count(std::string(kind) + " " + name)) return false;
  if (kind == "index") return !indexes.count(name);
  if (kind == "table") return !tables.count(name) && !views.count(name);
  if (kind == "schema") return !schemas.count(name);
  if (kind == "column") {
    const std::size_t dot = name.rfind('.');
    const Table* table = dot == std::string::npos ? nullptr : FindTable(name.substr(0, dot));
    return table && table->columns_known && !table->FindColumn(name.substr(dot + 1));
  }
  return false;
}

bool Schema::HasType(const std::string& name) const {
  // Built-in names are unqualified (pg_catalog stripped); user types may be either. The
  // catalog (Schema::builtins) has every type PostgreSQL provides; these are the spellings the
  // parser leaves as written that are not in it (serial pseudo-types, SQL keywords).
  static const std::set<std::string> kBuiltin = {
      "bigint",  "bigserial",        "bit varying", "boolean", "character", "character varying",
      "decimal", "double precision", "float",       "int",     "integer",   "real",
      "serial",  "serial2",          "serial4",     "serial8", "smallint",  "smallserial"};
  if (kBuiltin.count(name) || InCatalog(name)) return true;
  if (builtins && In(builtins->types, builtins->n_types, name)) return true;
  const std::string qualified = name.find('.') == std::string::npos ? "public." + name : name;
  return types.count(qualified) || externals.count(qualified) || externals.count("*") ||
         tables.count(qualified);
}

}  // namespace migralint
