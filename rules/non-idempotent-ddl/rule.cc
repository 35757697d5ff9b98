// non-idempotent-ddl: DDL that fails when the file runs a second time.
#include "migralint/rule.h"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "migralint/pg_nodes.h"
#include "migralint/sql_words.h"

namespace migralint::rules {
namespace {

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

// Inside a DO block: an IF that tests for existence, or a block that catches the error.
bool Guarded(const Statement& s) {
  for (const Enclosure& e : s.enclosures) {
    if ((e.kind == Enclosure::Kind::kIf || e.kind == Enclosure::Kind::kElsIf) &&
        Lower(e.condition).find("exists") != std::string::npos) {
      return true;
    }
    for (const std::string& condition : e.handled) {
      const std::string c = Lower(condition);
      if (c.rfind("duplicate_", 0) == 0 || c.rfind("undefined_", 0) == 0 || c == "others")
        return true;
    }
  }
  return false;
}

// Objects dropped so far in this file: "policy public.t.name", "function public.f", ...
class Dropped {
 public:
  void Record(const PgQuery__Node* node) {
    if (node->node_case == PG_QUERY__NODE__NODE_DROP_STMT) {
      const PgQuery__DropStmt& d = *node->drop_stmt;
      for (std::size_t i = 0; i < d.n_objects; ++i) names_.insert(Key(d.remove_type, d.objects[i]));
    } else if (node->node_case == PG_QUERY__NODE__NODE_ALTER_TABLE_STMT) {
      const PgQuery__AlterTableStmt& a = *node->alter_table_stmt;
      for (std::size_t i = 0; i < a.n_cmds; ++i) {
        const PgQuery__Node* c = a.cmds[i];
        if (c->node_case == PG_QUERY__NODE__NODE_ALTER_TABLE_CMD &&
            c->alter_table_cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_DropConstraint) {
          names_.insert("constraint " + pg::Qualified(a.relation) + "." + c->alter_table_cmd->name);
        }
      }
    }
  }
  bool Has(const std::string& key) const { return names_.count(key) > 0; }

  static std::string Key(int type, const PgQuery__Node* object) {
    std::string name;
    if (object->node_case == PG_QUERY__NODE__NODE_LIST) {
      const auto* l = object->list;
      if (type == PG_QUERY__OBJECT_TYPE__OBJECT_TRIGGER ||
          type == PG_QUERY__OBJECT_TYPE__OBJECT_POLICY) {
        if (l->n_items < 2) return {};
        name = pg::Qualified(l->items, l->n_items - 1) + "." +
               std::string(pg::Str(l->items[l->n_items - 1]));
      } else {
        name = pg::Qualified(l->items, l->n_items);
      }
    } else if (object->node_case == PG_QUERY__NODE__NODE_OBJECT_WITH_ARGS) {
      name = pg::Qualified(object->object_with_args->objname, object->object_with_args->n_objname);
    } else if (object->node_case == PG_QUERY__NODE__NODE_TYPE_NAME) {
      name = pg::TypeOf(object->type_name).name;
      if (name.find('.') == std::string::npos) name = "public." + name;
    }
    return Kind(type) + " " + name;
  }
  static std::string Kind(int type) {
    switch (type) {
      case PG_QUERY__OBJECT_TYPE__OBJECT_TRIGGER:
        return "trigger";
      case PG_QUERY__OBJECT_TYPE__OBJECT_POLICY:
        return "policy";
      case PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION:
      case PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE:
        return "function";
      case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE:
      case PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN:
        return "type";
      default:
        return "other";
    }
  }

 private:
  std::set<std::string> names_;
};

// CREATE TEMP TABLE … ON COMMIT DROP: gone when the transaction (or, outside one, the
// statement) ends, so a second run creates it afresh.
bool DroppedAtCommit(const PgQuery__CreateStmt& stmt) {
  return pg::Temporary(stmt.relation) && stmt.oncommit == PG_QUERY__ON_COMMIT_ACTION__ONCOMMIT_DROP;
}
bool DroppedAtCommit(const PgQuery__IntoClause* into) {
  return into && into->rel && pg::Temporary(into->rel) &&
         into->on_commit == PG_QUERY__ON_COMMIT_ACTION__ONCOMMIT_DROP;
}

// Why the statement fails on a second run, or "".
std::string Problem(const PgQuery__Node* node, const Dropped& dropped) {
  switch (node->node_case) {
    case PG_QUERY__NODE__NODE_CREATE_STMT:
      return node->create_stmt->if_not_exists || DroppedAtCommit(*node->create_stmt)
                 ? ""
                 : "CREATE TABLE without IF NOT EXISTS";
    case PG_QUERY__NODE__NODE_INDEX_STMT:  // unnamed, PostgreSQL picks a free name: no failure
      return node->index_stmt->if_not_exists || !node->index_stmt->idxname ||
                     !*node->index_stmt->idxname
                 ? ""
                 : "CREATE INDEX without IF NOT EXISTS";
    case PG_QUERY__NODE__NODE_CREATE_SCHEMA_STMT:
      return node->create_schema_stmt->if_not_exists ? "" : "CREATE SCHEMA without IF NOT EXISTS";
    case PG_QUERY__NODE__NODE_CREATE_SEQ_STMT:
      return node->create_seq_stmt->if_not_exists ? "" : "CREATE SEQUENCE without IF NOT EXISTS";
    case PG_QUERY__NODE__NODE_CREATE_EXTENSION_STMT:
      return node->create_extension_stmt->if_not_exists ? ""
                                                        : "CREATE EXTENSION without IF NOT EXISTS";
    case PG_QUERY__NODE__NODE_VIEW_STMT:
      return node->view_stmt->replace ? "" : "CREATE VIEW without OR REPLACE";
    case PG_QUERY__NODE__NODE_CREATE_TABLE_AS_STMT:
      return node->create_table_as_stmt->if_not_exists ||
                     DroppedAtCommit(node->create_table_as_stmt->into)
                 ? ""
             : node->create_table_as_stmt->objtype == PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW
                 ? "CREATE MATERIALIZED VIEW without IF NOT EXISTS"
                 : "CREATE TABLE AS without IF NOT EXISTS";
    case PG_QUERY__NODE__NODE_CREATE_FUNCTION_STMT: {
      const auto& f = *node->create_function_stmt;
      if (f.replace || dropped.Has("function " + pg::Qualified(f.funcname, f.n_funcname)))
        return "";
      return f.is_procedure ? "CREATE PROCEDURE without OR REPLACE"
                            : "CREATE FUNCTION without OR REPLACE";
    }
    case PG_QUERY__NODE__NODE_CREATE_TRIG_STMT: {
      const auto& t = *node->create_trig_stmt;
      if (t.replace || dropped.Has("trigger " + pg::Qualified(t.relation) + "." + t.trigname))
        return "";
      return "CREATE TRIGGER without OR REPLACE or a DROP TRIGGER IF EXISTS before it";
    }
    case PG_QUERY__NODE__NODE_CREATE_POLICY_STMT: {
      const auto& p = *node->create_policy_stmt;
      if (dropped.Has("policy " + pg::Qualified(p.table) + "." + p.policy_name)) return "";
      return "CREATE POLICY without a DROP POLICY IF EXISTS before it";
    }
    case PG_QUERY__NODE__NODE_CREATE_ENUM_STMT:
    case PG_QUERY__NODE__NODE_COMPOSITE_TYPE_STMT:
    case PG_QUERY__NODE__NODE_CREATE_RANGE_STMT:
    case PG_QUERY__NODE__NODE_CREATE_DOMAIN_STMT: {
      std::string name;
      if (node->node_case == PG_QUERY__NODE__NODE_CREATE_ENUM_STMT)
        name =
            pg::Qualified(node->create_enum_stmt->type_name, node->create_enum_stmt->n_type_name);
      if (node->node_case == PG_QUERY__NODE__NODE_COMPOSITE_TYPE_STMT)
        name = pg::Qualified(node->composite_type_stmt->typevar);
      if (node->node_case == PG_QUERY__NODE__NODE_CREATE_RANGE_STMT)
        name =
            pg::Qualified(node->create_range_stmt->type_name, node->create_range_stmt->n_type_name);
      if (node->node_case == PG_QUERY__NODE__NODE_CREATE_DOMAIN_STMT)
        name = pg::Qualified(node->create_domain_stmt->domainname,
                             node->create_domain_stmt->n_domainname);
      const bool domain = node->node_case == PG_QUERY__NODE__NODE_CREATE_DOMAIN_STMT;
      if (dropped.Has("type " + name)) return "";
      return std::string(domain ? "CREATE DOMAIN" : "CREATE TYPE") +
             " outside a guard and without a DROP … IF EXISTS before it";
    }
    case PG_QUERY__NODE__NODE_ALTER_ENUM_STMT:
      return node->alter_enum_stmt->new_val && *node->alter_enum_stmt->new_val &&
                     (!node->alter_enum_stmt->old_val || !*node->alter_enum_stmt->old_val) &&
                     !node->alter_enum_stmt->skip_if_new_val_exists
                 ? "ALTER TYPE … ADD VALUE without IF NOT EXISTS"
                 : "";
    case PG_QUERY__NODE__NODE_CREATE_ROLE_STMT:
      return "CREATE ROLE (it has no IF NOT EXISTS: guard it in a DO block)";
    case PG_QUERY__NODE__NODE_DROP_STMT:
      return node->drop_stmt->missing_ok ? "" : "DROP without IF EXISTS";
    case PG_QUERY__NODE__NODE_RENAME_STMT:
      return "RENAME (the old name is gone on a second run)";
    case PG_QUERY__NODE__NODE_ALTER_TABLE_STMT: {
      const auto& a = *node->alter_table_stmt;
      for (std::size_t i = 0; i < a.n_cmds; ++i) {
        if (a.cmds[i]->node_case != PG_QUERY__NODE__NODE_ALTER_TABLE_CMD) continue;
        const PgQuery__AlterTableCmd& c = *a.cmds[i]->alter_table_cmd;
        if (c.subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn && !c.missing_ok)
          return "ADD COLUMN without IF NOT EXISTS";
        if (c.subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn && !c.missing_ok)
          return "DROP COLUMN without IF EXISTS";
        if (c.subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_DropConstraint && !c.missing_ok)
          return "DROP CONSTRAINT without IF EXISTS";
        if (c.subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraint && c.def &&
            c.def->node_case == PG_QUERY__NODE__NODE_CONSTRAINT) {
          const PgQuery__Constraint& k = *c.def->constraint;
          // Unnamed CHECK / UNIQUE / FOREIGN KEY get a fresh name each time; a named one or a
          // second primary key fail.
          const bool named = k.conname && *k.conname;
          if ((named &&
               !dropped.Has("constraint " + pg::Qualified(a.relation) + "." + k.conname)) ||
              k.contype == PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY) {
            return "ADD CONSTRAINT without a DROP CONSTRAINT IF EXISTS before it";
          }
        }
      }
      return "";
    }
    default:
      return "";
  }
}

const char* Help(const std::string& problem) {
  if (problem.find("IF NOT EXISTS") != std::string::npos) return "add IF NOT EXISTS";
  if (problem.find("OR REPLACE") != std::string::npos &&
      problem.find("TRIGGER") == std::string::npos)
    return "use CREATE OR REPLACE";
  if (problem.rfind("DROP", 0) == 0) return "add IF EXISTS";
  return "drop it IF EXISTS first, or guard it: DO $$ BEGIN IF NOT EXISTS (SELECT FROM "
         "pg_catalog…) THEN … END IF; END $$";
}

// The fix of `problem` in the statement's own text, when it is one edit that keeps what the
// statement does on its first run: a clause inserted after a keyword, or a DROP … IF EXISTS
// inserted before it. Nothing for what needs a guard (types, roles, renames, constraints).
std::optional<Fix> FixFor(const FileUnit& unit, const Statement& s, const std::string& problem,
                          int pg_version) {
  const std::string_view text = unit.source.text();
  const std::vector<Word> words = Words(text, s.begin, s.end, 64);
  if (words.empty() || !words[0].plain) return std::nullopt;
  // " <clause>" right after the first `word` among the first `within` tokens.
  auto after = [&](std::string_view word, std::string_view clause,
                   std::size_t within = 6) -> std::optional<Fix> {
    const std::size_t i = FindWord(text, words, word);
    if (i >= words.size() || i >= within) return std::nullopt;
    return Fix{"add " + std::string(clause),
               {{words[i].end, words[i].end, " " + InCaseOf(text, words[i], std::string(clause))}}};
  };
  // " <clause>" right after token `i`, in its letter case.
  auto at = [&](std::size_t i, const std::string& clause) {
    return Fix{"add " + clause,
               {{words[i].end, words[i].end, " " + InCaseOf(text, words[i], clause)}}};
  };
  const PgQuery__Node* node = s.node;
  switch (node->node_case) {
    case PG_QUERY__NODE__NODE_CREATE_STMT:
      return after("table", "IF NOT EXISTS");
    case PG_QUERY__NODE__NODE_CREATE_TABLE_AS_STMT:
      return node->create_table_as_stmt->objtype == PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW
                 ? after("view", "IF NOT EXISTS")
                 : after("table", "IF NOT EXISTS");
    case PG_QUERY__NODE__NODE_INDEX_STMT:
      return node->index_stmt->concurrent ? after("concurrently", "IF NOT EXISTS")
                                          : after("index", "IF NOT EXISTS");
    case PG_QUERY__NODE__NODE_CREATE_SCHEMA_STMT:
      return after("schema", "IF NOT EXISTS", 2);
    case PG_QUERY__NODE__NODE_CREATE_SEQ_STMT:
      return after("sequence", "IF NOT EXISTS");
    case PG_QUERY__NODE__NODE_CREATE_EXTENSION_STMT:
      return after("extension", "IF NOT EXISTS", 2);
    case PG_QUERY__NODE__NODE_ALTER_ENUM_STMT:
      return after("value", "IF NOT EXISTS", 8);
    case PG_QUERY__NODE__NODE_VIEW_STMT:
    case PG_QUERY__NODE__NODE_CREATE_FUNCTION_STMT:
      return after("create", "OR REPLACE", 1);
    case PG_QUERY__NODE__NODE_CREATE_TRIG_STMT:  // OR REPLACE TRIGGER: PostgreSQL 14 on
      if (pg_version < 14 || node->create_trig_stmt->isconstraint) return std::nullopt;
      return after("create", "OR REPLACE", 1);
    case PG_QUERY__NODE__NODE_CREATE_POLICY_STMT: {
      // DROP POLICY IF EXISTS <name> ON <table>; before it, both as written.
      const std::size_t policy = FindWord(text, words, "policy");
      const std::size_t on = FindWord(text, words, "on", policy + 2);
      if (policy != 1 || on != policy + 2 || on + 1 >= words.size()) return std::nullopt;
      std::size_t last = on + 1;
      while (last + 1 < words.size() && !words[last + 1].Is(text, "as") &&
             !words[last + 1].Is(text, "for") && !words[last + 1].Is(text, "to") &&
             !words[last + 1].Is(text, "using") && !words[last + 1].Is(text, "with"))
        ++last;
      const auto span = [&](std::size_t a, std::size_t b) {
        return std::string(text.substr(words[a].begin, words[b].end - words[a].begin));
      };
      return Fix{
          "drop the policy IF EXISTS first",
          {{s.begin, s.begin,
            InCaseOf(text, words[0], "DROP POLICY IF EXISTS ") + span(policy + 1, policy + 1) +
                InCaseOf(text, words[0], " ON ") + span(on + 1, last) + ";\n"}}};
    }
    case PG_QUERY__NODE__NODE_DROP_STMT: {
      // After the object kind's words: DROP [MATERIALIZED] VIEW, DROP INDEX [CONCURRENTLY], …
      static constexpr std::string_view kKinds[] = {
          "table",     "index",   "concurrently", "view",      "materialized", "function",
          "procedure", "routine", "type",         "domain",    "sequence",     "schema",
          "extension", "trigger", "policy",       "aggregate", "collation",    "statistics",
          "server",    "rule",    "publication"};
      std::size_t i = 1;
      if (words.size() > 2 && words[1].Is(text, "foreign") && words[2].Is(text, "table")) i = 2;
      while (i < words.size() &&
             std::any_of(std::begin(kKinds), std::end(kKinds),
                         [&](std::string_view k) { return words[i].Is(text, k); }))
        ++i;
      if (i == 1 || i >= words.size()) return std::nullopt;
      return at(i - 1, "IF EXISTS");
    }
    case PG_QUERY__NODE__NODE_ALTER_TABLE_STMT: {
      if (node->alter_table_stmt->n_cmds != 1) return std::nullopt;
      const bool add = problem.rfind("ADD COLUMN", 0) == 0;
      const bool drop_column = problem.rfind("DROP COLUMN", 0) == 0;
      if (!add && !drop_column && problem.rfind("DROP CONSTRAINT", 0) != 0) return std::nullopt;
      const std::size_t verb = FindWord(text, words, add ? "add" : "drop", 3);
      if (verb + 1 >= words.size()) return std::nullopt;
      const std::string clause = add ? "IF NOT EXISTS" : "IF EXISTS";
      if (!add && !drop_column) {
        if (!words[verb + 1].Is(text, "constraint")) return std::nullopt;
        return at(verb + 1, clause);
      }
      if (words[verb + 1].Is(text, "column")) return at(verb + 1, clause);
      Fix fix = at(verb, "COLUMN " + clause);
      fix.title = "add " + clause;
      return fix;
    }
    default:
      return std::nullopt;
  }
}

// Constraints the file drops, "schema.table.name" -> offset of the first drop.
std::map<std::string, std::uint32_t> ConstraintsDropped(const FileUnit& unit) {
  std::map<std::string, std::uint32_t> out;
  for (const Statement& s : unit.statements) {
    if (!s.node || s.node->node_case != PG_QUERY__NODE__NODE_ALTER_TABLE_STMT) continue;
    const auto& a = *s.node->alter_table_stmt;
    for (std::size_t i = 0; i < a.n_cmds; ++i) {
      const PgQuery__Node* c = a.cmds[i];
      if (c->node_case == PG_QUERY__NODE__NODE_ALTER_TABLE_CMD &&
          c->alter_table_cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_DropConstraint) {
        out.emplace(pg::Qualified(a.relation) + "." + c->alter_table_cmd->name, s.begin);
      }
    }
  }
  return out;
}

// VALIDATE CONSTRAINT of a constraint that a later statement of the file drops.
std::string ValidatesDropped(const Statement& s,
                             const std::map<std::string, std::uint32_t>& dropped_later) {
  if (s.node->node_case != PG_QUERY__NODE__NODE_ALTER_TABLE_STMT) return "";
  const auto& a = *s.node->alter_table_stmt;
  for (std::size_t i = 0; i < a.n_cmds; ++i) {
    const PgQuery__Node* c = a.cmds[i];
    if (c->node_case != PG_QUERY__NODE__NODE_ALTER_TABLE_CMD ||
        c->alter_table_cmd->subtype != PG_QUERY__ALTER_TABLE_TYPE__AT_ValidateConstraint) {
      continue;
    }
    auto it = dropped_later.find(pg::Qualified(a.relation) + "." + c->alter_table_cmd->name);
    if (it != dropped_later.end() && it->second > s.begin) {
      return "VALIDATE CONSTRAINT of \"" + std::string(c->alter_table_cmd->name) +
             "\", which this file drops further down (so a second run finds it gone)";
    }
  }
  return "";
}

// A file a tool generated from a schema diff or dump runs once, as generated.
bool Generated(const FileUnit& unit) {
  const std::uint32_t first = unit.statements.empty() ? UINT32_MAX : unit.statements.front().begin;
  for (const Comment& c : unit.comments) {
    if (c.begin >= first) break;
    for (const char* tool : {"supabase db diff", "generated by migra", "Dumped from database",
                             "pg_dump", "Generated by", "generated by"}) {
      if (c.text.find(tool) != std::string::npos) return true;
    }
  }
  return false;
}

// Runners that keep a history run each file once; only where files are meant to be run again
// (psql by hand, seed 000's runner, the Supabase CLI's habits) is a second run a concern.
bool OnForRunner(const Runner& runner) { return runner.rerunnable; }

// The key (as Dropped keys it) of a policy, trigger or function a statement creates, or "".
std::string CreatedKey(const PgQuery__Node* node) {
  switch (node->node_case) {
    case PG_QUERY__NODE__NODE_CREATE_POLICY_STMT:
      return "policy " + pg::Qualified(node->create_policy_stmt->table) + "." +
             node->create_policy_stmt->policy_name;
    case PG_QUERY__NODE__NODE_CREATE_TRIG_STMT:
      return "trigger " + pg::Qualified(node->create_trig_stmt->relation) + "." +
             node->create_trig_stmt->trigname;
    case PG_QUERY__NODE__NODE_CREATE_FUNCTION_STMT:
      return "function " + pg::Qualified(node->create_function_stmt->funcname,
                                         node->create_function_stmt->n_funcname);
    default:
      return "";
  }
}

// What the file leaves behind decides a second run: a policy, trigger or function it creates
// and drops further down is gone when the file starts again (its CREATE succeeds), and a DROP
// of one it created further up finds it re-created (the DROP succeeds). For each key, the
// statement indexes of its creates and drops.
struct Lifetimes {
  std::map<std::string, std::vector<std::size_t>> creates, drops;

  explicit Lifetimes(const FileUnit& unit) {
    for (std::size_t i = 0; i < unit.statements.size(); ++i) {
      const Statement& s = unit.statements[i];
      if (!s.node || !unit.RunsWithMigration(s)) continue;
      if (std::string key = CreatedKey(s.node); !key.empty()) creates[key].push_back(i);
      if (s.node->node_case != PG_QUERY__NODE__NODE_DROP_STMT) continue;
      const PgQuery__DropStmt& d = *s.node->drop_stmt;
      for (std::size_t k = 0; k < d.n_objects; ++k)
        drops[Dropped::Key(d.remove_type, d.objects[k])].push_back(i);
    }
  }
  // The object created at statement `i` does not exist when the file ends.
  bool GoneAtEnd(const std::string& key, std::size_t i) const {
    const auto d = drops.find(key);
    if (d == drops.end() || d->second.back() < i) return false;
    const auto c = creates.find(key);
    return c == creates.end() || c->second.back() < d->second.back();
  }
  // Every object the DROP at statement `i` names was created earlier in the file.
  bool CreatedBefore(const PgQuery__DropStmt& d, std::size_t i) const {
    for (std::size_t k = 0; k < d.n_objects; ++k) {
      const auto c = creates.find(Dropped::Key(d.remove_type, d.objects[k]));
      if (c == creates.end() || c->second.front() > i) return false;
    }
    return d.n_objects > 0;
  }
};

void Check(RuleContext& ctx, const FileUnit& unit) {
  if (Generated(unit)) return;
  Dropped dropped;
  const auto dropped_later = ConstraintsDropped(unit);
  const Lifetimes lifetimes(unit);
  for (const Statement& s : unit.statements) {
    if (!s.node) continue;
    if (!unit.RunsWithMigration(s)) continue;
    if (s.IsNested()) {
      if (Guarded(s)) {
        dropped.Record(s.node);
        continue;
      }
    }
    std::string problem = Problem(s.node, dropped);
    if (problem.empty()) problem = ValidatesDropped(s, dropped_later);
    dropped.Record(s.node);
    if (problem.empty()) continue;
    const std::size_t index = StatementContext::StatementIndex(unit, s);
    if (const std::string key = CreatedKey(s.node); !key.empty() && lifetimes.GoneAtEnd(key, index))
      continue;
    if (s.node->node_case == PG_QUERY__NODE__NODE_DROP_STMT &&
        lifetimes.CreatedBefore(*s.node->drop_stmt, index))
      continue;
    std::string message = problem + ": it fails when the file runs a second time";
    if (std::optional<Fix> fix = FixFor(unit, s, problem, ctx.config().pg_version)) {
      ctx.ReportWithFix(unit, s.begin, s.end, std::move(message), Help(problem), std::move(*fix));
    } else {
      ctx.Report(unit, s.begin, s.end, std::move(message), Help(problem));
    }
  }
}

}  // namespace

const Rule& non_idempotent_ddl() {
  static const Rule rule{
      .id = "non-idempotent-ddl",
      .severity = Severity::kWarning,
      .category = "idempotency",
      .summary =
          "DDL that fails when the file runs twice (no IF [NOT] EXISTS, OR REPLACE or guard)",
      .on_for_runner = OnForRunner,
      .check_file = Check,
  };
  return rule;
}

}  // namespace migralint::rules
