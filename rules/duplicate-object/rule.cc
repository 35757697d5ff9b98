// duplicate-object: a CREATE (or ADD) of a name the replayed schema says exists at that point,
// without IF NOT EXISTS / OR REPLACE / a guard — PostgreSQL rejects it. The mirror of
// unknown-object, and as careful: it speaks only where the model is sure the object is there.
#include "migralint/rule.h"

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "migralint/pg_nodes.h"

namespace migralint::rules {
namespace {

constexpr std::size_t kMaxIdentifier = 63;  // NAMEDATALEN - 1: PostgreSQL cuts longer names

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool IdentifierChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$' ||
         (static_cast<unsigned char>(c) & 0x80);
}

// Calls `visit(word)` for each identifier of text[begin, end) (plain ones folded to lower
// case, quoted ones as written) until it returns true; whether one did.
template <typename Visit>
bool AnyWord(std::string_view text, std::uint32_t begin, std::uint32_t end, Visit visit) {
  end = std::min<std::uint32_t>(end, static_cast<std::uint32_t>(text.size()));
  std::uint32_t i = begin;
  while (i < end) {
    std::string word;
    if (text[i] == '"') {
      std::uint32_t j = i + 1;
      for (; j < end; ++j) {
        if (text[j] != '"') {
          word += text[j];
        } else if (j + 1 < end && text[j + 1] == '"') {
          word += '"';
          ++j;
        } else {
          break;
        }
      }
      i = j + 1;
    } else if (IdentifierChar(text[i]) && !std::isdigit(static_cast<unsigned char>(text[i]))) {
      std::uint32_t j = i;
      while (j < end && IdentifierChar(text[j])) ++j;
      word = Lower(text.substr(i, j - i));
      i = j;
    } else {
      ++i;
      continue;
    }
    if (visit(word)) return true;
  }
  return false;
}

// True when text[begin, end) writes `name` as an identifier, cut to 63 bytes as PostgreSQL
// does. A name the model made up (the generated name of an unnamed index or constraint, a
// trigger a helper function creates) is not written. `spelling`: how the new statement writes a
// name over 63 bytes ("" when it is not long): an earlier long name matches only when spelled
// the same — two long names that meet once cut are identifier-too-long's finding.
bool Writes(std::string_view text, std::uint32_t begin, std::uint32_t end, const std::string& name,
            const std::string& spelling = "") {
  return AnyWord(text, begin, end, [&](const std::string& word) {
    if (word.size() > kMaxIdentifier) return word == spelling;
    return word == name && spelling.empty();
  });
}

// True when text[begin, end) — the statement that made a constraint or index of `table` —
// names a column of `table` the set has dropped since: a CHECK, an expression or a partial
// index on it went with the column, which the model follows only for plain key columns.
bool NamesDroppedColumn(const Schema& db, std::string_view text, std::uint32_t begin,
                        std::uint32_t end, const std::string& table) {
  const Table* t = db.FindTable(table);
  return AnyWord(text, begin, end, [&](const std::string& word) {
    return db.dropped.count("column " + table + "." + word) > 0 && !(t && t->FindColumn(word));
  });
}

// The spelling over 63 bytes that text[begin, end) gives `name`, or "".
std::string LongSpelling(std::string_view text, std::uint32_t begin, std::uint32_t end,
                         const std::string& name) {
  if (name.size() < kMaxIdentifier) return {};
  end = std::min<std::uint32_t>(end, static_cast<std::uint32_t>(text.size()));
  std::string lower = Lower(text.substr(begin, end - begin));
  for (std::size_t at = lower.find(name); at != std::string::npos; at = lower.find(name, at + 1)) {
    if (at > 0 && IdentifierChar(lower[at - 1])) continue;
    std::size_t stop = at;
    while (stop < lower.size() && IdentifierChar(lower[stop])) ++stop;
    if (stop - at > kMaxIdentifier) return lower.substr(at, stop - at);
  }
  return {};
}

// True when `at` lies in a dollar-quoted body ($$ … $$, $tag$ … $tag$) of `text`: a statement
// of a DO block or function, which may be guarded in ways the model does not see (an early
// RETURN, a loop, a condition on data).
bool InDollarBody(std::string_view text, std::uint32_t at) {
  std::string open;  // the tag of the body we are in, or ""
  for (std::size_t i = 0; i < at && i < text.size(); ++i) {
    const char c = text[i];
    if (open.empty() && c == '-' && i + 1 < text.size() && text[i + 1] == '-') {
      i = text.find('\n', i);
      if (i == std::string_view::npos) return false;
    } else if (open.empty() && c == '\'') {
      i = text.find('\'', i + 1);
      if (i == std::string_view::npos) return false;
    } else if (c == '$') {
      std::size_t j = i + 1;
      while (j < text.size() &&
             (std::isalnum(static_cast<unsigned char>(text[j])) || text[j] == '_'))
        ++j;
      if (j >= text.size() || text[j] != '$') continue;
      const std::string_view tag = text.substr(i, j - i + 1);
      if (open.empty()) {
        if (i > 0 && IdentifierChar(text[i - 1])) continue;  // $1, a$b
        open = std::string(tag);
      } else if (tag == open) {
        open.clear();
      }
      i = j;
    }
  }
  return !open.empty();
}

// True when a top-level statement of text[0, end) sets search_path: unqualified names may then
// land in another schema than the model's "public".
bool SetsSearchPath(std::string_view text, std::uint32_t end) {
  const std::string lower = Lower(text.substr(0, std::min<std::size_t>(end, text.size())));
  for (std::size_t at = lower.find("search_path"); at != std::string::npos;
       at = lower.find("search_path", at + 1)) {
    std::size_t line = lower.rfind('\n', at);
    line = line == std::string::npos ? 0 : line + 1;
    std::string_view head = std::string_view(lower).substr(line, at - line);
    while (!head.empty() && std::isspace(static_cast<unsigned char>(head.front())))
      head.remove_prefix(1);
    if (head.rfind("set ", 0) == 0 || head.rfind("select", 0) == 0 ||
        head.find("set_config") != std::string_view::npos || head.rfind("perform", 0) == 0)
      return true;
  }
  return false;
}

// The canonical name of a type written in a parameter list ("integer" → "int4"), as
// pg::TypeOf gives it from a tree; modifiers dropped.
std::string CanonicalType(std::string written) {
  std::string t;
  bool array = false;
  int depth = 0;
  for (char c : Lower(written)) {
    if (c == '(') ++depth;
    if (depth == 0 && c != '"') t += c;
    if (c == ')') --depth;
  }
  if (const auto at = t.find('['); at != std::string::npos) {
    array = true;
    t.resize(at);
  }
  // Collapse blanks.
  std::string s;
  for (char c : t) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      if (!s.empty() && s.back() != ' ') s += ' ';
    } else {
      s += c;
    }
  }
  while (!s.empty() && s.back() == ' ') s.pop_back();
  if (s.rfind("pg_catalog.", 0) == 0) s = s.substr(11);
  if (s.rfind("public.", 0) == 0) s = s.substr(7);
  if (s.size() > 6 && s.compare(s.size() - 6, 6, " array") == 0) {
    array = true;
    s.resize(s.size() - 6);
  }
  static const std::map<std::string, std::string> aliases = {
      {"int", "int4"},
      {"integer", "int4"},
      {"smallint", "int2"},
      {"bigint", "int8"},
      {"real", "float4"},
      {"float", "float8"},
      {"double precision", "float8"},
      {"boolean", "bool"},
      {"character varying", "varchar"},
      {"char varying", "varchar"},
      {"character", "bpchar"},
      {"char", "bpchar"},
      {"decimal", "numeric"},
      {"dec", "numeric"},
      {"timestamp with time zone", "timestamptz"},
      {"timestamp without time zone", "timestamp"},
      {"time with time zone", "timetz"},
      {"time without time zone", "time"},
      {"bit varying", "varbit"},
  };
  if (auto it = aliases.find(s); it != aliases.end()) s = it->second;
  return s + (array ? "[]" : "");
}

std::string CanonicalType(const PgQuery__TypeName* type) {
  const ColumnType t = pg::TypeOf(type);
  std::string name = t.name;
  if (name.rfind("public.", 0) == 0) name = name.substr(7);
  return name + (t.array ? "[]" : "");
}

// The input argument types of `f`, canonical; nullopt when one cannot be told (%TYPE).
std::optional<std::vector<std::string>> ArgumentTypes(const PgQuery__CreateFunctionStmt& f) {
  std::vector<std::string> types;
  for (std::size_t i = 0; i < f.n_parameters; ++i) {
    const PgQuery__Node* n = f.parameters[i];
    if (n->node_case != PG_QUERY__NODE__NODE_FUNCTION_PARAMETER) return std::nullopt;
    const PgQuery__FunctionParameter& p = *n->function_parameter;
    if (p.mode == PG_QUERY__FUNCTION_PARAMETER_MODE__FUNC_PARAM_OUT ||
        p.mode == PG_QUERY__FUNCTION_PARAMETER_MODE__FUNC_PARAM_TABLE)
      continue;
    if (!p.arg_type || p.arg_type->pct_type) return std::nullopt;
    types.push_back(CanonicalType(p.arg_type));
  }
  return types;
}

// Whether the CREATE FUNCTION written in text[begin, end) (an earlier one, whose tree is gone)
// takes the argument types `types`: its parameter list read from the text, each parameter
// "[mode] [name] type [DEFAULT …]" — the type being either all of it or all but the first word.
bool SameArguments(std::string_view text, std::uint32_t begin, std::uint32_t end,
                   const std::string& name, const std::vector<std::string>& types) {
  end = std::min<std::uint32_t>(end, static_cast<std::uint32_t>(text.size()));
  const std::string lower = Lower(text.substr(begin, end - begin));
  std::size_t at = lower.find(name);
  if (at == std::string::npos) return false;
  at = lower.find('(', at + name.size());
  if (at == std::string::npos) return false;
  std::vector<std::string> params(1);
  int depth = 0;
  std::size_t i = at + 1;
  for (; i < lower.size(); ++i) {
    const char c = lower[i];
    if (c == '(') ++depth;
    if (c == ')' && depth-- == 0) break;
    if (c == ',' && depth == 0) {
      params.emplace_back();
    } else {
      params.back() += c;
    }
  }
  if (i >= lower.size()) return false;
  std::vector<std::string> words_of_all;
  std::vector<std::string> found;
  for (std::string p : params) {
    for (const char* stop : {" default ", "="}) {
      if (const auto cut = p.find(stop); cut != std::string::npos) p.resize(cut);
    }
    std::vector<std::string> words;
    std::string w;
    for (char c : p + " ") {
      if (std::isspace(static_cast<unsigned char>(c))) {
        if (!w.empty()) words.push_back(w);
        w.clear();
      } else {
        w += c;
      }
    }
    if (words.empty()) {
      if (params.size() == 1) break;  // "()"
      return false;
    }
    std::string mode = "in";
    if (words.size() > 1 &&
        (words[0] == "in" || words[0] == "out" || words[0] == "inout" || words[0] == "variadic")) {
      mode = words[0];
      words.erase(words.begin());
    }
    if (mode == "out") continue;
    auto join = [&](std::size_t from) {
      std::string s;
      for (std::size_t k = from; k < words.size(); ++k) s += (k > from ? " " : "") + words[k];
      return s;
    };
    const std::size_t k = found.size();
    if (k >= types.size()) return false;
    if (CanonicalType(join(0)) != types[k] &&
        (words.size() < 2 || CanonicalType(join(1)) != types[k]))
      return false;
    found.push_back(types[k]);
  }
  return found.size() == types.size();
}

// An object the statement would create again: what it is, and the origin of the existing one.
struct Clash {
  std::string what;   // "relation \"public.t\"", "column \"c\" of \"public.t\""
  std::string name;   // the unqualified name, as the creating statement must write it
  std::string state;  // SQLSTATE PostgreSQL answers with
  const Origin* origin = nullptr;
  bool function = false;       // compare the argument types too
  bool cascade_proof = false;  // a table or schema: no DROP … CASCADE of another object drops it
  std::string table;           // a constraint's or index's table, "schema.name"
};

std::string Unqualified(const std::string& qualified) {
  return qualified.substr(qualified.find('.') + 1);
}

// A relation (table, view, sequence, index) of `qualified`: they share one namespace.
Clash Relation(const Schema& db, const std::string& qualified) {
  const std::string what = "relation \"" + qualified + "\"";
  const std::string name = Unqualified(qualified);
  if (auto t = db.tables.find(qualified); t != db.tables.end() && !t->second.temporary)
    return {what, name, "42P07", &t->second.origin, false, true};
  if (auto v = db.views.find(qualified); v != db.views.end())
    return {what, name, "42P07", &v->second};
  if (auto q = db.sequences.find(qualified); q != db.sequences.end())
    return {what, name, "42P07", &q->second};
  // An index goes with its table or materialized view (the model drops only a table's).
  if (auto i = db.indexes.find(qualified);
      i != db.indexes.end() &&
      (db.tables.count(i->second.table) || db.views.count(i->second.table)))
    return {what, name, "42P07", &i->second.origin, false, false, i->second.table};
  return {};
}

// A type of `qualified`: types the set created, and the row types of its tables and views.
Clash Type(const Schema& db, const std::string& qualified) {
  const std::string name = Unqualified(qualified);
  if (auto t = db.types.find(qualified); t != db.types.end())
    return {"type \"" + qualified + "\"", name, "42710", &t->second.origin};
  Clash c = Relation(db, qualified);
  if (c.origin && !db.indexes.count(qualified)) {
    c.what = "type \"" + qualified + "\" (the row type of " + c.what + ")";
    c.state = "42710";
    return c;
  }
  return {};
}

// A new table, view or sequence: its name, and its row type's.
Clash RelationOrType(const Schema& db, const std::string& qualified) {
  if (Clash c = Relation(db, qualified); c.origin) return c;
  if (auto t = db.types.find(qualified); t != db.types.end())
    return {"type \"" + qualified + "\" (the row type of a new relation has its name)",
            Unqualified(qualified), "42710", &t->second.origin};
  return {};
}

std::string TypeName(PgQuery__Node* const* names, std::size_t n) { return pg::Qualified(names, n); }

// Tables of the set (not temporary), for what is added to them.
const Table* KnownTable(const Schema& db, const PgQuery__RangeVar* relation) {
  if (!relation || pg::Temporary(relation)) return nullptr;
  const Table* t = db.FindTable(pg::Qualified(relation));
  return t && !t->temporary ? t : nullptr;
}

std::vector<Clash> AlterTableClashes(const Schema& db, const PgQuery__AlterTableStmt& a) {
  std::vector<Clash> out;
  if (a.objtype != PG_QUERY__OBJECT_TYPE__OBJECT_TABLE) return out;
  const Table* table = KnownTable(db, a.relation);
  if (!table) return out;
  const std::string qualified = table->QualifiedName();
  // PostgreSQL runs the statement's drops before its additions, whatever their order
  // (`DROP CONSTRAINT x, ADD CONSTRAINT x …`, as schema-diff tools write).
  std::set<std::string> dropped_columns, dropped_constraints;
  for (std::size_t i = 0; i < a.n_cmds; ++i) {
    if (a.cmds[i]->node_case != PG_QUERY__NODE__NODE_ALTER_TABLE_CMD) continue;
    const PgQuery__AlterTableCmd& cmd = *a.cmds[i]->alter_table_cmd;
    if (!cmd.name) continue;
    if (cmd.subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn) dropped_columns.insert(cmd.name);
    if (cmd.subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_DropConstraint)
      dropped_constraints.insert(cmd.name);
  }
  auto gone = [&](const Constraint& c) {
    if (dropped_constraints.count(c.name)) return true;
    for (const std::string& column : c.columns)
      if (dropped_columns.count(column)) return true;
    return !c.not_null_column.empty() && dropped_columns.count(c.not_null_column) > 0;
  };
  for (std::size_t i = 0; i < a.n_cmds; ++i) {
    if (a.cmds[i]->node_case != PG_QUERY__NODE__NODE_ALTER_TABLE_CMD) continue;
    const PgQuery__AlterTableCmd& cmd = *a.cmds[i]->alter_table_cmd;
    if (!cmd.def) continue;
    if (cmd.subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn && !cmd.missing_ok &&
        cmd.def->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF) {
      const std::string column = cmd.def->column_def->colname;
      if (dropped_columns.count(column)) continue;
      if (const Column* c = table->FindColumn(column))
        out.push_back(
            {"column \"" + column + "\" of \"" + qualified + "\"", column, "42701", &c->origin});
    }
    if (cmd.subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraint &&
        cmd.def->node_case == PG_QUERY__NODE__NODE_CONSTRAINT) {
      const PgQuery__Constraint& c = *cmd.def->constraint;
      if (!c.conname || !*c.conname) continue;  // PostgreSQL picks a free name
      const std::string name = c.conname;
      if (dropped_constraints.count(name)) continue;  // its index goes with it
      const std::size_t before = out.size();
      for (const Constraint& existing : table->constraints) {
        if (existing.name == name && !gone(existing)) {
          out.push_back({"constraint \"" + name + "\" of \"" + qualified + "\"", name, "42710",
                         &existing.origin, false, false, qualified});
          break;
        }
      }
      // PRIMARY KEY, UNIQUE and EXCLUDE build an index named after the constraint.
      const bool indexed = c.contype == PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY ||
                           c.contype == PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE ||
                           c.contype == PG_QUERY__CONSTR_TYPE__CONSTR_EXCLUSION;
      if (out.size() == before && indexed && !(c.indexname && *c.indexname)) {
        if (Clash r = Relation(db, table->schema + "." + name); r.origin) out.push_back(r);
      }
    }
  }
  return out;
}

// What the statement creates that exists already.
std::vector<Clash> Clashes(const Schema& db, const PgQuery__Node* node) {
  switch (node->node_case) {
    case PG_QUERY__NODE__NODE_CREATE_STMT: {
      const PgQuery__CreateStmt& c = *node->create_stmt;
      if (c.if_not_exists || pg::Temporary(c.relation)) return {};
      return {RelationOrType(db, pg::Qualified(c.relation))};
    }
    case PG_QUERY__NODE__NODE_CREATE_TABLE_AS_STMT: {
      const PgQuery__CreateTableAsStmt& c = *node->create_table_as_stmt;
      if (c.if_not_exists || !c.into || !c.into->rel || pg::Temporary(c.into->rel)) return {};
      return {RelationOrType(db, pg::Qualified(c.into->rel))};
    }
    case PG_QUERY__NODE__NODE_VIEW_STMT: {
      const PgQuery__ViewStmt& v = *node->view_stmt;
      if (v.replace || pg::Temporary(v.view)) return {};
      return {RelationOrType(db, pg::Qualified(v.view))};
    }
    case PG_QUERY__NODE__NODE_CREATE_SEQ_STMT: {
      const PgQuery__CreateSeqStmt& q = *node->create_seq_stmt;
      if (q.if_not_exists || pg::Temporary(q.sequence)) return {};
      return {RelationOrType(db, pg::Qualified(q.sequence))};
    }
    case PG_QUERY__NODE__NODE_INDEX_STMT: {
      const PgQuery__IndexStmt& i = *node->index_stmt;
      if (i.if_not_exists || !i.idxname || !*i.idxname || !i.relation) return {};
      const std::string table = pg::Qualified(i.relation);
      return {Relation(db, table.substr(0, table.find('.')) + "." + i.idxname)};
    }
    case PG_QUERY__NODE__NODE_ALTER_TABLE_STMT:
      return AlterTableClashes(db, *node->alter_table_stmt);
    case PG_QUERY__NODE__NODE_CREATE_ENUM_STMT: {
      const auto& e = *node->create_enum_stmt;
      return {Type(db, TypeName(e.type_name, e.n_type_name))};
    }
    case PG_QUERY__NODE__NODE_CREATE_RANGE_STMT: {
      const auto& r = *node->create_range_stmt;
      return {Type(db, TypeName(r.type_name, r.n_type_name))};
    }
    case PG_QUERY__NODE__NODE_CREATE_DOMAIN_STMT: {
      const auto& d = *node->create_domain_stmt;
      return {Type(db, TypeName(d.domainname, d.n_domainname))};
    }
    case PG_QUERY__NODE__NODE_COMPOSITE_TYPE_STMT:
      return {Type(db, pg::Qualified(node->composite_type_stmt->typevar))};
    case PG_QUERY__NODE__NODE_CREATE_FUNCTION_STMT: {
      const auto& f = *node->create_function_stmt;
      if (f.replace) return {};
      const std::string name = pg::Qualified(f.funcname, f.n_funcname);
      auto it = db.functions.find(name);
      if (it == db.functions.end()) return {};
      return {{std::string(f.is_procedure ? "procedure" : "function") + " \"" + name + "\"",
               Unqualified(name), "42723", &it->second.origin, true}};
    }
    case PG_QUERY__NODE__NODE_CREATE_TRIG_STMT: {
      const auto& t = *node->create_trig_stmt;
      const Table* table = t.replace ? nullptr : KnownTable(db, t.relation);
      if (!table || !t.trigname) return {};
      for (const Trigger& existing : table->triggers) {
        if (existing.name == t.trigname)
          return {{"trigger \"" + existing.name + "\" on \"" + table->QualifiedName() + "\"",
                   existing.name, "42710", &existing.origin}};
      }
      return {};
    }
    case PG_QUERY__NODE__NODE_CREATE_POLICY_STMT: {
      const auto& p = *node->create_policy_stmt;
      const Table* table = KnownTable(db, p.table);
      if (!table || !p.policy_name) return {};
      for (const Policy& existing : table->policies) {
        if (existing.name == p.policy_name)
          return {{"policy \"" + existing.name + "\" on \"" + table->QualifiedName() + "\"",
                   existing.name, "42710", &existing.origin}};
      }
      return {};
    }
    case PG_QUERY__NODE__NODE_CREATE_SCHEMA_STMT: {
      const auto& s = *node->create_schema_stmt;
      if (s.if_not_exists || !s.schemaname || !*s.schemaname) return {};
      auto it = db.schemas.find(s.schemaname);
      if (it == db.schemas.end()) return {};
      return {{"schema \"" + it->first + "\"", it->first, "42P06", &it->second, false, true}};
    }
    default:
      return {};
  }
}

// True when the name is written unqualified in the statement (search_path decides its schema).
bool WrittenUnqualified(const PgQuery__Node* node) {
  const PgQuery__RangeVar* rel = nullptr;
  PgQuery__Node* const* names = nullptr;
  std::size_t n = 0;
  switch (node->node_case) {
    case PG_QUERY__NODE__NODE_CREATE_STMT:
      rel = node->create_stmt->relation;
      break;
    case PG_QUERY__NODE__NODE_CREATE_TABLE_AS_STMT:
      rel = node->create_table_as_stmt->into ? node->create_table_as_stmt->into->rel : nullptr;
      break;
    case PG_QUERY__NODE__NODE_VIEW_STMT:
      rel = node->view_stmt->view;
      break;
    case PG_QUERY__NODE__NODE_CREATE_SEQ_STMT:
      rel = node->create_seq_stmt->sequence;
      break;
    case PG_QUERY__NODE__NODE_INDEX_STMT:
      rel = node->index_stmt->relation;
      break;
    case PG_QUERY__NODE__NODE_ALTER_TABLE_STMT:
      rel = node->alter_table_stmt->relation;
      break;
    case PG_QUERY__NODE__NODE_CREATE_TRIG_STMT:
      rel = node->create_trig_stmt->relation;
      break;
    case PG_QUERY__NODE__NODE_CREATE_POLICY_STMT:
      rel = node->create_policy_stmt->table;
      break;
    case PG_QUERY__NODE__NODE_COMPOSITE_TYPE_STMT:
      rel = node->composite_type_stmt->typevar;
      break;
    case PG_QUERY__NODE__NODE_CREATE_ENUM_STMT:
      names = node->create_enum_stmt->type_name;
      n = node->create_enum_stmt->n_type_name;
      break;
    case PG_QUERY__NODE__NODE_CREATE_RANGE_STMT:
      names = node->create_range_stmt->type_name;
      n = node->create_range_stmt->n_type_name;
      break;
    case PG_QUERY__NODE__NODE_CREATE_DOMAIN_STMT:
      names = node->create_domain_stmt->domainname;
      n = node->create_domain_stmt->n_domainname;
      break;
    case PG_QUERY__NODE__NODE_CREATE_FUNCTION_STMT:
      names = node->create_function_stmt->funcname;
      n = node->create_function_stmt->n_funcname;
      break;
    default:
      return false;
  }
  if (rel) return !rel->schemaname || !*rel->schemaname;
  return names && n < 2;
}

// True when text[begin, end) holds a DROP … CASCADE (or a DROP COLUMN … CASCADE): it takes
// with it what depends on the dropped object — views, their indexes, constraints, columns of a
// type, triggers of a function — which the model does not follow.
bool DropsCascade(std::string_view text, std::size_t begin, std::size_t end) {
  end = std::min(end, text.size());
  if (begin >= end) return false;
  const std::string lower = Lower(text.substr(begin, end - begin));
  for (std::size_t at = lower.find("cascade"); at != std::string::npos;
       at = lower.find("cascade", at + 7)) {
    std::size_t word = at;  // the word before: ON DELETE / ON UPDATE CASCADE is an FK action
    while (word > 0 && std::isspace(static_cast<unsigned char>(lower[word - 1]))) --word;
    const std::string_view head = std::string_view(lower).substr(0, word);
    if (head.ends_with("delete") || head.ends_with("update")) continue;
    std::size_t start = lower.rfind(';', at);
    start = start == std::string::npos ? 0 : start + 1;
    const std::string_view statement = std::string_view(lower).substr(start, at - start);
    if (statement.find("drop ") != std::string_view::npos ||
        statement.find("drop\n") != std::string_view::npos)
      return true;
  }
  return false;
}

// True when a DROP … CASCADE runs between `o` and the statement, in any file. The files
// between are read again (their text is released once replayed): past kMaxScan of them the
// answer is "maybe", so that a huge set with many far-apart duplicates stays linear.
constexpr int kMaxScan = 2000;
bool CascadeSince(const StatementContext& s, const Origin& o) {
  if (s.file_index - o.file > kMaxScan) return true;
  for (int f = o.file; f <= s.file_index; ++f) {
    const SourceFile& source = s.set.migrations[static_cast<std::size_t>(f)]->source;
    const std::string_view text = source.text();
    const std::size_t from = f == o.file ? o.end : 0;
    const std::size_t to = f == s.file_index ? s.statement.begin : text.size();
    const bool found = DropsCascade(text, from, to);
    if (f != s.file_index && source.released()) source.Unload();
    if (found) return true;
  }
  return false;
}

// The model keeps the last overload of a name only: an earlier top-level CREATE FUNCTION of
// this file with the same name and argument types (its tree is still there).
bool SameFileOverload(const StatementContext& s, const std::vector<std::string>& types) {
  const auto& f = *s.statement.node->create_function_stmt;
  const std::string name = pg::Qualified(f.funcname, f.n_funcname);
  bool found = false;
  for (const Statement& st : s.file.statements) {
    if (&st == &s.statement) break;
    if (!st.node) continue;
    if (st.node->node_case == PG_QUERY__NODE__NODE_DROP_STMT) {  // any DROP of the name resets
      const PgQuery__DropStmt& d = *st.node->drop_stmt;
      for (std::size_t i = 0; i < d.n_objects; ++i) {
        const PgQuery__Node* o = d.objects[i];
        if (o->node_case == PG_QUERY__NODE__NODE_OBJECT_WITH_ARGS &&
            pg::Qualified(o->object_with_args->objname, o->object_with_args->n_objname) == name)
          found = false;
      }
      continue;
    }
    if (st.IsNested() || st.node->node_case != PG_QUERY__NODE__NODE_CREATE_FUNCTION_STMT) continue;
    const auto& earlier = *st.node->create_function_stmt;
    if (pg::Qualified(earlier.funcname, earlier.n_funcname) != name) continue;
    const auto earlier_types = ArgumentTypes(earlier);
    if (earlier_types && *earlier_types == types) found = true;
  }
  return found;
}

// The statement of this file that created `origin`, or null.
const Statement* StatementAt(const FileUnit& file, const Origin& origin) {
  for (const Statement& st : file.statements) {
    if (st.begin == origin.begin && st.end == origin.end) return &st;
  }
  return nullptr;
}

// True when the model is sure `clash` exists as the statement runs: created by a plain
// statement of the set (not one in a DO block or function, not one it assumed from a statement
// that did not parse) that writes its name, in the schema the statement means.
bool Certain(const StatementContext& s, const Clash& clash) {
  const Origin& o = *clash.origin;
  if (o.external() || o.file > s.file_index) return false;
  const FileUnit& origin_file = *s.set.migrations[static_cast<std::size_t>(o.file)];
  if (o.file == s.file_index) {
    const Statement* st = StatementAt(s.file, o);
    if (!st || st->IsNested() || !st->node) return false;
  }
  const SourceFile& source = origin_file.source;
  const std::string_view text = source.text();
  bool sure =
      o.end > o.begin &&
      Writes(text, o.begin, o.end, clash.name,
             LongSpelling(s.file.source.text(), s.statement.begin, s.statement.end, clash.name)) &&
      !InDollarBody(text, o.begin);
  if (sure && WrittenUnqualified(s.statement.node))
    sure =
        !SetsSearchPath(text, o.begin) && !SetsSearchPath(s.file.source.text(), s.statement.begin);
  if (sure && clash.function) {
    const auto& f = *s.statement.node->create_function_stmt;
    const auto types = ArgumentTypes(f);
    sure = types &&
           (SameArguments(text, o.begin, o.end, clash.name, *types) || SameFileOverload(s, *types));
  }
  if (sure && !clash.table.empty())
    sure = !NamesDroppedColumn(s.before, text, o.begin, o.end, clash.table);
  if (o.file != s.file_index && source.released()) source.Unload();
  // Only a table (or a schema) survives any DROP … CASCADE of something else.
  if (sure && !clash.cascade_proof) sure = !CascadeSince(s, o);
  return sure;
}

std::string Where(const StatementContext& s, const Origin& o) {
  const FileUnit& file = *s.set.migrations[static_cast<std::size_t>(o.file)];
  const Position at = file.source.At(o.begin);
  if (o.file != s.file_index && file.source.released()) file.source.Unload();
  if (o.file == s.file_index) return "line " + std::to_string(at.line);
  return "\"" + file.file->relative + "\" line " + std::to_string(at.line);
}

std::string Guard(const PgQuery__Node* node) {
  switch (node->node_case) {
    case PG_QUERY__NODE__NODE_VIEW_STMT:
    case PG_QUERY__NODE__NODE_CREATE_FUNCTION_STMT:
    case PG_QUERY__NODE__NODE_CREATE_TRIG_STMT:
      return "use CREATE OR REPLACE, or DROP it first";
    case PG_QUERY__NODE__NODE_CREATE_ENUM_STMT:
    case PG_QUERY__NODE__NODE_CREATE_RANGE_STMT:
    case PG_QUERY__NODE__NODE_CREATE_DOMAIN_STMT:
    case PG_QUERY__NODE__NODE_COMPOSITE_TYPE_STMT:
    case PG_QUERY__NODE__NODE_CREATE_POLICY_STMT:
      return "DROP it first (… IF EXISTS), or create it in a DO block that checks for it";
    case PG_QUERY__NODE__NODE_ALTER_TABLE_STMT:
      return "use ADD COLUMN IF NOT EXISTS, or DROP CONSTRAINT IF EXISTS first, or pick another "
             "name";
    default:
      return "add IF NOT EXISTS, DROP it first, or pick another name";
  }
}

void Check(RuleContext& ctx, const StatementContext& s) {
  // Statements in DO blocks may be guarded in ways not seen (an IF, an early RETURN, an
  // exception handler): left alone, like the objects they create.
  if (s.statement.IsNested() || s.Conditional() || !s.statement.node) return;
  for (const Clash& clash : Clashes(s.before, s.statement.node)) {
    if (!clash.origin || !Certain(s, clash)) continue;
    const auto [begin, end] = s.NameSpan(clash.name, s.statement.begin);
    ctx.Report(s.file, begin, end,
               clash.what + " already exists (created at " + Where(s, *clash.origin) +
                   "): PostgreSQL rejects this statement (SQLSTATE " + clash.state + ")",
               "remove the duplicate, or " + Guard(s.statement.node));
  }
}

}  // namespace

const Rule& duplicate_object() {
  static const Rule rule{
      .id = "duplicate-object",
      .severity = Severity::kError,
      .category = "correctness",
      .summary =
          "a CREATE or ADD of a name that already exists at that point: PostgreSQL rejects it",
      .check_statement = Check,
  };
  return rule;
}

}  // namespace migralint::rules
