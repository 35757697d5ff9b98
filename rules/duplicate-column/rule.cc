// duplicate-column: a column named twice in one INSERT column list, UPDATE … SET, CREATE TABLE,
// ALTER TABLE … ADD COLUMN list, or PRIMARY KEY / UNIQUE column list: PostgreSQL rejects it.
#include "migralint/rule.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <string>
#include <utility>

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

// Collects names in order; reports the second and later occurrences of one.
class Names {
 public:
  /// `from`: where in the file the list starts.
  Names(RuleContext& ctx, const StatementContext& s, std::string where, std::uint32_t from)
      : ctx_(ctx), s_(s), where_(std::move(where)), from_(from) {}
  Names(RuleContext& ctx, const StatementContext& s, std::string where)
      : Names(ctx, s, std::move(where), s.statement.begin) {}

  /// `location`: where the name is written, relative to the statement's parse base (-1: after
  /// the previous name). `whole`: assigned as a whole (not a subfield or an array element).
  void Add(const std::string& name, int location, bool whole = true) {
    added_.emplace_back(name, location);
    auto [it, first] = seen_.emplace(Truncated(name), whole);
    if (first) return;
    const bool clash = whole || it->second;  // a[1] and a[2] are two parts of one column
    it->second = it->second || whole;
    if (!clash) return;
    const auto span = SpanOfLast();
    ctx_.Report(s_.file, span.first, span.second,
                "column \"" + name + "\" is named twice in " + where_ +
                    ": PostgreSQL rejects the statement",
                "name each column once");
  }

 private:
  // Where the name added last is written: each name is looked for after the one before it, or
  // at its own location. (Only asked for a clash: finding every name in the text is slow.)
  std::pair<std::uint32_t, std::uint32_t> SpanOfLast() const {
    std::uint32_t cursor = from_;
    std::pair<std::uint32_t, std::uint32_t> span{s_.statement.begin, s_.statement.end};
    for (const auto& [name, location] : added_) {
      if (location >= 0) cursor = s_.statement.parse_base + static_cast<std::uint32_t>(location);
      span = s_.NameSpan(name, cursor);
      if (span.first != s_.statement.begin || span.second != s_.statement.end) cursor = span.second;
    }
    return span;
  }

  RuleContext& ctx_;
  const StatementContext& s_;
  std::string where_;
  std::uint32_t from_;
  std::vector<std::pair<std::string, int>> added_;  // in order: name, location
  std::map<std::string, bool> seen_;                // name -> assigned as a whole
};

void Targets(Names& names, PgQuery__Node* const* targets, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) {
    if (targets[i]->node_case != PG_QUERY__NODE__NODE_RES_TARGET) continue;
    const PgQuery__ResTarget& t = *targets[i]->res_target;
    if (t.name && *t.name) names.Add(t.name, t.location, t.n_indirection == 0);
  }
}

// PRIMARY KEY (a, a) / UNIQUE (a, a).
void Keys(RuleContext& ctx, const StatementContext& s, const PgQuery__Constraint& c) {
  if (c.contype != PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY &&
      c.contype != PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE)
    return;
  Names names(ctx, s,
              c.contype == PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY ? "the PRIMARY KEY"
                                                                 : "the UNIQUE constraint",
              s.statement.parse_base + static_cast<std::uint32_t>(std::max(c.location, 0)));
  for (std::size_t i = 0; i < c.n_keys; ++i) names.Add(std::string(pg::Str(c.keys[i])), -1);
}

void CreateTable(RuleContext& ctx, const StatementContext& s, const PgQuery__CreateStmt& stmt) {
  Names columns(ctx, s, "CREATE TABLE");
  for (std::size_t i = 0; i < stmt.n_table_elts; ++i) {
    const PgQuery__Node* e = stmt.table_elts[i];
    if (e->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF) {
      columns.Add(e->column_def->colname, e->column_def->location);
      for (std::size_t k = 0; k < e->column_def->n_constraints; ++k) {
        const PgQuery__Node* c = e->column_def->constraints[k];
        if (c->node_case == PG_QUERY__NODE__NODE_CONSTRAINT) Keys(ctx, s, *c->constraint);
      }
    } else if (e->node_case == PG_QUERY__NODE__NODE_CONSTRAINT) {
      Keys(ctx, s, *e->constraint);
    }
  }
}

void AlterTable(RuleContext& ctx, const StatementContext& s, const PgQuery__AlterTableStmt& stmt) {
  Names added(ctx, s, "one ALTER TABLE");
  for (std::size_t i = 0; i < stmt.n_cmds; ++i) {
    if (stmt.cmds[i]->node_case != PG_QUERY__NODE__NODE_ALTER_TABLE_CMD) continue;
    const PgQuery__AlterTableCmd& cmd = *stmt.cmds[i]->alter_table_cmd;
    if (!cmd.def) continue;
    if (cmd.subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn &&
        cmd.def->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF && !cmd.missing_ok) {
      added.Add(cmd.def->column_def->colname, cmd.def->column_def->location);
    } else if (cmd.subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraint &&
               cmd.def->node_case == PG_QUERY__NODE__NODE_CONSTRAINT) {
      Keys(ctx, s, *cmd.def->constraint);
    }
  }
}

void Check(RuleContext& ctx, const StatementContext& s) {
  const PgQuery__Node* node = s.statement.node;
  switch (node->node_case) {
    case PG_QUERY__NODE__NODE_INSERT_STMT: {
      const PgQuery__InsertStmt& stmt = *node->insert_stmt;
      Names names(ctx, s, "the INSERT column list");
      Targets(names, stmt.cols, stmt.n_cols);
      if (stmt.on_conflict_clause) {
        Names set(ctx, s, "ON CONFLICT … DO UPDATE SET");
        Targets(set, stmt.on_conflict_clause->target_list, stmt.on_conflict_clause->n_target_list);
      }
      break;
    }
    case PG_QUERY__NODE__NODE_UPDATE_STMT: {
      Names names(ctx, s, "UPDATE … SET");
      Targets(names, node->update_stmt->target_list, node->update_stmt->n_target_list);
      break;
    }
    case PG_QUERY__NODE__NODE_CREATE_STMT:
      CreateTable(ctx, s, *node->create_stmt);
      break;
    case PG_QUERY__NODE__NODE_ALTER_TABLE_STMT:
      AlterTable(ctx, s, *node->alter_table_stmt);
      break;
    default:
      break;
  }
}

}  // namespace

const Rule& duplicate_column() {
  static const Rule rule{
      .id = "duplicate-column",
      .severity = Severity::kError,
      .category = "correctness",
      .summary =
          "a column named twice in one INSERT column list, UPDATE … SET, CREATE TABLE or "
          "key column list: PostgreSQL rejects the statement",
      .check_statement = Check,
  };
  return rule;
}

}  // namespace migralint::rules
