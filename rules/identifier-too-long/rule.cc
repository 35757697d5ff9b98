// identifier-too-long: a name over 63 bytes, which PostgreSQL cuts to 63; graver when the cut name
// is already taken by another object of the same namespace (PostgreSQL then rejects it).
#include "migralint/rule.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "migralint/pg_nodes.h"

namespace migralint::rules {
namespace {

constexpr std::size_t kMaxIdentifier = 63;  // NAMEDATALEN - 1

// The name PostgreSQL keeps: at most 63 bytes, not cut inside a UTF-8 character.
std::string Truncated(std::string name) {
  if (name.size() <= kMaxIdentifier) return name;
  std::size_t cut = kMaxIdentifier;
  while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut;
  name.resize(cut);
  return name;
}

struct LongName {
  std::string name;  // as PostgreSQL reads it: unquoted folded to lower case, quotes removed
  std::uint32_t begin, end;
};

bool IdentStart(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
}
bool IdentChar(unsigned char c) { return IdentStart(c) || (c >= '0' && c <= '9') || c == '$'; }

// Whether text[begin, end) may hold a name over 63 bytes: a run of more than 63 name characters,
// or a double quote. LongNames below is exact but reads byte by byte with its lexer's care;
// nearly every statement fails this quick test.
bool MayHoldLongName(std::string_view text, std::uint32_t begin, std::uint32_t end) {
  static const auto kNameChar = [] {
    std::array<bool, 256> table{};
    for (int c = 0; c < 256; ++c) table[c] = IdentChar(static_cast<unsigned char>(c));
    return table;
  }();
  std::size_t run = 0;
  for (std::uint32_t i = begin; i < end; ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '"') return true;
    run = kNameChar[c] ? run + 1 : 0;
    if (run > kMaxIdentifier) return true;
  }
  return false;
}

// The identifiers over 63 bytes written in text[begin, end): a small scanner that skips
// comments, string constants and dollar-quoted bodies (their statements are checked on their own).
std::vector<LongName> LongNames(std::string_view text, std::uint32_t begin, std::uint32_t end) {
  std::vector<LongName> found;
  std::uint32_t i = begin;
  auto at = [&](std::uint32_t k) -> unsigned char {
    return k < end ? static_cast<unsigned char>(text[k]) : 0;
  };
  while (i < end) {
    const unsigned char c = at(i);
    if (c == '-' && at(i + 1) == '-') {
      while (i < end && at(i) != '\n') ++i;
    } else if (c == '/' && at(i + 1) == '*') {
      int depth = 1;
      for (i += 2; i < end && depth > 0; ++i) {
        if (at(i) == '/' && at(i + 1) == '*')
          depth++, ++i;
        else if (at(i) == '*' && at(i + 1) == '/')
          depth--, ++i;
      }
    } else if (c == '\'') {
      const bool escapes = i > begin && (at(i - 1) == 'e' || at(i - 1) == 'E');
      for (++i; i < end; ++i) {
        if (escapes && at(i) == '\\') {
          ++i;
        } else if (at(i) == '\'') {
          if (at(i + 1) != '\'') break;
          ++i;
        }
      }
      ++i;
    } else if (c == '$' && (at(i + 1) == '$' || IdentStart(at(i + 1)))) {
      std::uint32_t k = i + 1;
      while (k < end && IdentChar(at(k)) && at(k) != '$') ++k;
      if (at(k) != '$') {
        i = k;
        continue;
      }
      const std::string_view tag = text.substr(i, k + 1 - i);
      const std::size_t close = text.find(tag, k + 1);
      i = close == std::string_view::npos || close >= end
              ? end
              : static_cast<std::uint32_t>(close + tag.size());
    } else if (c == '"') {
      // Measured first, spelled out only when too long: almost every name is short.
      const std::uint32_t start = i;
      std::size_t length = 0;
      for (++i; i < end; ++i, ++length) {
        if (at(i) == '"') {
          if (at(i + 1) != '"') break;
          ++i;
        }
      }
      const std::uint32_t close = i;  // end when unterminated
      ++i;
      if (length > kMaxIdentifier) {
        std::string name;
        for (std::uint32_t k = start + 1; k < close; ++k) {
          name += static_cast<char>(at(k));
          if (at(k) == '"') ++k;  // "" stands for one "
        }
        found.push_back({name, start, std::min(i, end)});
      }
    } else if (IdentStart(c) && !(i > begin && IdentChar(at(i - 1)))) {
      const std::uint32_t start = i;
      while (i < end && IdentChar(at(i))) ++i;
      if (i - start > kMaxIdentifier) {
        std::string name(text.substr(start, i - start));
        for (char& ch : name) {
          if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
        }
        found.push_back({name, start, i});
      }
    } else {
      ++i;
    }
  }
  return found;
}

const Origin& OriginOf(const Origin& o) { return o; }
template <typename Object>
const Origin& OriginOf(const Object& o) {
  return o.origin;
}

// An existing object whose name, cut to 63 bytes, is `name` cut: what PostgreSQL will take the
// new name for.
struct Existing {
  std::string what, name;  // what: "relation", "column", "constraint"; name: qualified if need be
  const Origin* origin = nullptr;
};

template <typename Map>
Existing Taken(const Map& names, const std::string& prefix, const std::string& name) {
  const std::string cut = Truncated(name);
  for (const auto& [key, object] : names) {
    if (key.size() > prefix.size() && key.compare(0, prefix.size(), prefix) == 0 &&
        Truncated(key.substr(prefix.size())) == cut)
      return {"relation", key, &OriginOf(object)};
  }
  return {};
}

// The object this statement creates under the long `name`, when its cut name is taken.
Existing Collides(const StatementContext& s, const std::string& name) {
  const PgQuery__Node* node = s.statement.node;
  const Schema& db = s.before;
  auto relation = [&](const PgQuery__RangeVar* rel, const char* relname) -> Existing {
    if (!rel || !relname || std::string(relname) != Truncated(name)) return {};
    const std::string q = pg::Qualified(rel);
    const std::string prefix = q.substr(0, q.find('.') + 1);
    for (Existing e : {Taken(db.tables, prefix, name), Taken(db.indexes, prefix, name),
                       Taken(db.views, prefix, name), Taken(db.sequences, prefix, name)}) {
      if (e.origin) return e;
    }
    return {};
  };
  switch (node->node_case) {
    case PG_QUERY__NODE__NODE_CREATE_STMT:
      return relation(node->create_stmt->relation, node->create_stmt->relation->relname);
    case PG_QUERY__NODE__NODE_INDEX_STMT:
      return relation(node->index_stmt->relation, node->index_stmt->idxname);
    case PG_QUERY__NODE__NODE_VIEW_STMT:
      return relation(node->view_stmt->view, node->view_stmt->view->relname);
    case PG_QUERY__NODE__NODE_CREATE_TABLE_AS_STMT: {
      const auto* into = node->create_table_as_stmt->into;
      return into && into->rel ? relation(into->rel, into->rel->relname) : Existing{};
    }
    case PG_QUERY__NODE__NODE_CREATE_SEQ_STMT:
      return relation(node->create_seq_stmt->sequence, node->create_seq_stmt->sequence->relname);
    case PG_QUERY__NODE__NODE_ALTER_TABLE_STMT: {
      const PgQuery__AlterTableStmt& a = *node->alter_table_stmt;
      const Table* table = a.relation ? db.FindTable(pg::Qualified(a.relation)) : nullptr;
      if (!table) return {};
      for (std::size_t i = 0; i < a.n_cmds; ++i) {
        if (a.cmds[i]->node_case != PG_QUERY__NODE__NODE_ALTER_TABLE_CMD) continue;
        const PgQuery__AlterTableCmd& cmd = *a.cmds[i]->alter_table_cmd;
        if (!cmd.def) continue;
        if (cmd.subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn &&
            cmd.def->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF && !cmd.missing_ok &&
            cmd.def->column_def->colname == Truncated(name)) {
          if (const Column* c = table->FindColumn(Truncated(name))) {
            return {"column", c->name, &c->origin};
          }
        }
        if (cmd.subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraint &&
            cmd.def->node_case == PG_QUERY__NODE__NODE_CONSTRAINT && cmd.def->constraint->conname &&
            cmd.def->constraint->conname == Truncated(name)) {
          for (const Constraint& c : table->constraints) {
            if (c.name == Truncated(name)) return {"constraint", c.name, &c.origin};
          }
        }
      }
      return {};
    }
    default:
      return {};
  }
}

// True when the statement that created `existing` wrote the same long name (so both mean one
// object: not a collision of cut names).
bool SameLongName(const StatementContext& s, const Existing& existing, const std::string& name) {
  const Origin& o = *existing.origin;
  if (o.external() || o.file >= static_cast<int>(s.set.migrations.size())) return false;
  const SourceFile& source = s.set.migrations[static_cast<std::size_t>(o.file)]->source;
  bool same = false;
  for (const LongName& n : LongNames(source.text(), o.begin, o.end)) same = same || n.name == name;
  if (source.released()) source.Unload();
  return same;
}

void Check(RuleContext& ctx, const StatementContext& s) {
  const std::string& text = s.file.source.text();
  if (!MayHoldLongName(text, s.statement.begin, s.statement.end)) return;
  std::map<std::string, bool> reported;
  for (const LongName& n : LongNames(text, s.statement.begin, s.statement.end)) {
    if (!reported.emplace(n.name, true).second) continue;
    const std::string cut = Truncated(n.name);
    const std::string size = std::to_string(n.name.size());
    const Existing existing = Collides(s, n.name);
    if (existing.origin && !SameLongName(s, existing, n.name)) {
      ctx.ReportGraver(
          s.file, n.begin, n.end,
          "name of " + size + " bytes, cut by PostgreSQL to \"" + cut +
              "\", which is already the name of the " + existing.what + " \"" + existing.name +
              "\": PostgreSQL rejects the statement (with IF NOT EXISTS, skips it)",
          "give it a name of at most 63 bytes that differs from \"" + existing.name + "\"");
      continue;
    }
    ctx.Report(s.file, n.begin, n.end,
               "name of " + size + " bytes: PostgreSQL cuts it to 63, \"" + cut + "\"",
               "use a name of at most 63 bytes: code and tools that look it up as written "
               "(pg_indexes, information_schema, an ORM) will not find the cut one");
  }
}

}  // namespace

const Rule& identifier_too_long() {
  static const Rule rule{
      .id = "identifier-too-long",
      .severity = Severity::kWarning,
      .category = "correctness",
      .summary =
          "a name over 63 bytes, which PostgreSQL cuts short (an error when the cut name "
          "collides with another)",
      .check_statement = Check,
  };
  return rule;
}

}  // namespace migralint::rules
