// non-concurrent-index: CREATE INDEX, DROP INDEX or REINDEX without CONCURRENTLY on a table that
// exists before this file. CREATE / DROP INDEX get a fix (CONCURRENTLY, and the runner's
// no-transaction marker when the file needs one) where the fixed statement runs outside any
// transaction block as the set's runner executes the file.
#include "migralint/rule.h"

#include <pg_query/pg_query.pb-c.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "migralint/pg_nodes.h"
#include "migralint/runner.h"
#include "migralint/sql_words.h"
#include "migralint/transactions.h"

namespace migralint::rules {
namespace {

// True unless the relation (table or materialized view) was created earlier in this file.
// A relation the model does not know counts as live.
bool Live(const StatementContext& s, const std::string& relation) {
  if (const Table* t = s.before.FindTable(relation)) return !s.SameFile(t->origin);
  if (auto it = s.before.views.find(relation); it != s.before.views.end())
    return !s.SameFile(it->second);
  return true;
}

std::string Quoted(const std::string& name) { return "\"" + name + "\""; }

void Report(RuleContext& ctx, const StatementContext& s, std::string message, const char* help) {
  ctx.Report(s.file, s.statement.begin, s.statement.end, std::move(message), help);
}

// ---- The fix -------------------------------------------------------------------------------

// True unless `relation` is a table or materialized view the set creates, and not with
// PARTITION BY: PostgreSQL builds or drops no index of a partitioned table concurrently (a table
// the set does not create might be one).
bool MaybePartitioned(const StatementContext& s, const std::string& relation) {
  Origin origin;
  if (const Table* t = s.before.FindTable(relation)) {
    if (t->temporary) return true;  // gone with its session: not this file's to fix
    origin = t->origin;
  } else if (auto it = s.before.views.find(relation); it != s.before.views.end()) {
    return false;  // a materialized view (an index on a plain view fails either way)
  } else {
    return true;
  }
  if (origin.external() || static_cast<std::size_t>(origin.file) >= s.set.migrations.size())
    return true;
  const FileUnit& creator = *s.set.migrations[static_cast<std::size_t>(origin.file)];
  const std::string& text = creator.source.text();  // read again when released
  bool partitioned = origin.end > text.size();
  if (!partitioned) {
    const std::vector<Word> words = Words(text, origin.begin, origin.end);
    for (std::size_t i = 0; i + 1 < words.size() && !partitioned; ++i)
      partitioned = words[i].Is(text, "partition") && words[i + 1].Is(text, "by");
  }
  if (&creator != &s.file && creator.source.released()) creator.source.Unload();
  return partitioned;
}

// Statements that may share a file the runner does not wrap with the fixed one: each runs (and
// commits) on its own there, and none of them needs the others' transaction — index builds and
// drops, session settings (not SET LOCAL: it does nothing outside a transaction), and what
// refuses a transaction block anyway.
bool RunsAlone(const Statement& st) {
  const PgQuery__Node* n = st.node;
  if (!n) return false;
  switch (n->node_case) {
    case PG_QUERY__NODE__NODE_INDEX_STMT:
      return true;
    case PG_QUERY__NODE__NODE_DROP_STMT:
      return n->drop_stmt->remove_type == PG_QUERY__OBJECT_TYPE__OBJECT_INDEX;
    case PG_QUERY__NODE__NODE_VARIABLE_SET_STMT:
      return !n->variable_set_stmt->is_local;
    default:
      return !RefusesTransactionBlock(n).empty();
  }
}

// The line end the file uses.
std::string_view LineEnd(std::string_view text) {
  const std::size_t nl = text.find('\n');
  return nl != std::string_view::npos && nl > 0 && text[nl - 1] == '\r' ? "\r\n" : "\n";
}

// The last own-line comment before `offset` whose text starts with `prefix`, or null.
const Comment* LastMarker(const FileUnit& file, std::uint32_t offset, std::string_view prefix) {
  const Comment* found = nullptr;
  for (const Comment& c : file.comments) {
    if (c.begin >= offset) break;
    if (c.text.rfind(prefix, 0) == 0) found = &c;
  }
  return found;
}

// The edit that opts the part of the file holding `at` out of the runner's transaction, in the
// runner's own form and place, and the statements it covers ([from, to) byte range); nullopt
// when the runner has no marker inside the file (Flyway's .conf, Diesel's metadata.toml) or the
// file cannot carry it.
struct Marker {
  Edit edit;
  std::uint32_t from = 0, to = UINT32_MAX;
};

std::optional<Marker> MarkerFor(const FileUnit& file, const Runner& runner, std::uint32_t at) {
  const std::string_view text = file.source.text();
  const std::string eol(LineEnd(text));
  const std::string_view name = runner.name;
  // A first line of its own (sqlx reads its marker only at byte 0: not after a BOM; with a BOM
  // the line would not be the one the runner starts with).
  const auto first_line = [&](std::string_view marker) -> std::optional<Marker> {
    if (file.source.had_bom) return std::nullopt;
    return Marker{{0, 0, std::string(marker) + eol}};
  };
  if (name == "goose") return first_line("-- +goose NO TRANSACTION");
  if (name == "migralint" || name == "seed000") return first_line("-- migralint:no-transaction");
  if (name == "sqlx") return first_line("-- no-transaction");
  if (name == "dbmate" || name == "liquibase") {
    // An option of the section's `-- migrate:up` line, or of the `--changeset` line.
    const bool dbmate = name == "dbmate";
    const Comment* line = LastMarker(file, at, dbmate ? "migrate:up" : "changeset");
    // (A changeset that is not split on `;` is sent as one string of several statements.)
    if (!line || !line->own_line ||
        line->text.find(dbmate ? "transaction:" : "runInTransaction") != std::string::npos ||
        (!dbmate && line->text.find("splitStatements") != std::string::npos))
      return std::nullopt;
    std::uint32_t end = line->begin;
    while (end < text.size() && text[end] != '\n' && text[end] != '\r') ++end;
    std::uint32_t insert = end;
    if (dbmate) {  // right after "migrate:up"
      const std::size_t directive = text.substr(line->begin, end - line->begin).find("migrate:up");
      if (directive == std::string_view::npos) return std::nullopt;
      insert = line->begin + static_cast<std::uint32_t>(directive + 10);
    }
    Marker marker{{insert, insert, dbmate ? " transaction:false" : " runInTransaction:false"}};
    marker.from = line->end;
    for (const Comment& c : file.comments) {  // up to the next section or changeset
      if (c.begin > line->begin && c.own_line &&
          (c.text.rfind(dbmate ? "migrate:" : "changeset", 0) == 0)) {
        marker.to = c.begin;
        break;
      }
    }
    return marker;
  }
  return std::nullopt;
}

// True when `statement` sits in a goose StatementBegin … StatementEnd block: goose sends the block
// as one string, with whatever else it holds.
bool InGooseBlock(const FileUnit& file, const Statement& statement) {
  bool open = false;
  for (const Comment& c : file.comments) {
    if (c.begin >= statement.begin) break;
    if (c.text.find("goose") == std::string::npos) continue;
    if (c.text.find("StatementBegin") != std::string::npos) open = true;
    if (c.text.find("StatementEnd") != std::string::npos) open = false;
  }
  return open;
}

// Whether the statement with CONCURRENTLY runs outside any transaction block as its runner
// executes the fixed file (the decisions of FileExecution, runner.h, taken for that file), and
// the runner's marker to add for it, if any.
struct Plan {
  bool possible = false;
  std::optional<Marker> marker;
};

Plan PlanFor(const StatementContext& s, const Config& config) {
  const FileUnit& file = s.file;
  const Runner& r = file.runner ? *file.runner : DefaultRunner();
  std::vector<const Statement*> top;
  std::size_t k = 0, outside = 1, transaction_statements = 0;  // outside: this one, once fixed
  for (const Statement& st : file.statements) {
    if (st.IsNested()) continue;
    if (&st == &s.statement) k = top.size();
    top.push_back(&st);
    if (&st != &s.statement && r.non_transactional && r.non_transactional(st)) ++outside;
    transaction_statements += TransactionKind(st) != 0 ? 1 : 0;
  }
  bool wraps = config.transaction_set ? config.per_file_transaction : r.wraps;
  if (r.own_transaction_unwrapped && ManagesOwnTransaction(file)) wraps = false;
  bool mixed = false;  // Flyway: a script of such statements only runs without a transaction
  if (r.non_transactional) {
    if (outside + transaction_statements == top.size())
      wraps = false;
    else
      mixed = true;
  }
  bool own_open = false, runner_open = true;
  for (std::size_t i = 0; i < k; ++i) {
    switch (TransactionKind(*top[i])) {
      case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_BEGIN:
      case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_START:
        own_open = true;
        break;
      case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_COMMIT:
      case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_ROLLBACK:
        own_open = false;
        runner_open = false;
        break;
      default:
        break;
    }
  }
  if (own_open || InGooseBlock(file, s.statement)) return {};
  bool opted = r.opts_out && r.opts_out(file, s.statement.begin);
  if (mixed && !opted) return {};
  Plan plan{true, std::nullopt};
  if (wraps && !opted && runner_open) {
    plan.marker = MarkerFor(file, r, s.statement.begin);
    if (!plan.marker) return {};
    // Everything the marker takes out of the transaction must be able to run on its own.
    for (const Statement* st : top) {
      if (st != &s.statement && st->begin >= plan.marker->from && st->begin < plan.marker->to &&
          !RunsAlone(*st))
        return {};
    }
    opted = true;
  }
  const Sends sends = opted ? r.sends_opted_out : r.sends;
  if (sends == Sends::kPipeline && k > 0) return {};
  if (sends == Sends::kSimpleQuery) {
    // One query of several statements is one implicit transaction: it must be alone in what the
    // runner sends (its dbmate section, else its file).
    std::uint32_t from = 0, to = UINT32_MAX;
    if (r.name == "dbmate") {
      const Comment* up = LastMarker(file, s.statement.begin, "migrate:up");
      from = up ? up->end : 0;
      for (const Comment& c : file.comments) {
        if (c.begin > from && c.own_line && c.text.rfind("migrate:", 0) == 0) {
          to = c.begin;
          break;
        }
      }
    }
    for (const Statement* st : top) {
      if (st != &s.statement && st->begin >= from && st->begin < to) return {};
    }
  }
  return plan;
}

// CONCURRENTLY after `CREATE [UNIQUE] INDEX` or `DROP INDEX`, in the letter case of INDEX as
// written, plus the runner's marker when the file needs one; nullopt where the fixed statement
// would not run (partitioned table, DROP of several indexes or CASCADE, a transaction block the
// file cannot leave).
std::optional<Fix> ConcurrentlyFix(RuleContext& ctx, const StatementContext& s,
                                   const std::string& relation) {
  if (s.statement.IsNested() || s.Conditional() || MaybePartitioned(s, relation)) return {};
  const std::string_view text = s.file.source.text();
  const std::vector<Word> words = Words(text, s.statement.begin, s.statement.end, 4);
  std::size_t index = words.size();
  for (std::size_t i = 1; i < words.size() && i < 3; ++i) {
    if (words[i].Is(text, "index")) {
      index = i;
      break;
    }
  }
  if (index == words.size() || !(words[0].Is(text, "create") || words[0].Is(text, "drop")))
    return {};
  const Plan plan = PlanFor(s, ctx.config());
  if (!plan.possible) return {};
  Fix fix{
      "add CONCURRENTLY",
      {{words[index].end, words[index].end, " " + InCaseOf(text, words[index], "CONCURRENTLY")}}};
  if (plan.marker) {
    fix.title += " and " + std::string(s.file.runner ? s.file.runner->name : "migralint") +
                 "'s no-transaction marker";
    fix.edits.insert(fix.edits.begin(), plan.marker->edit);
  }
  return fix;
}

// Where a CONCURRENTLY statement goes when the fix cannot put it there in its own file: a new
// migration, in the form the set's runner runs outside a transaction (runner.h, runners.md).
std::string NewMigration(const Runner& r) {
  const std::string name(r.name);
  if (r.non_transactional)
    return "in a new migration of its own (" + name +
           " runs a script of nothing but such statements outside a transaction)";
  if (r.sends == Sends::kPipeline)
    return "as the first statement of a new migration (" + name +
           " sends a file as one pipeline: one transaction after its first statement)";
  if (!r.wraps && r.sends == Sends::kOneByOne)
    return "outside the file's own BEGIN … COMMIT, or in a new migration without them";
  const bool alone = (r.opt_out.empty() ? r.sends : r.sends_opted_out) == Sends::kSimpleQuery;
  std::string where = std::string(alone ? "alone " : "") +
                      (name == "liquibase" ? "in a changeset of its own" : "in a new migration");
  if (r.wraps && !r.opt_out.empty()) where += " that says " + std::string(r.opt_out);
  if (alone) where += " (" + name + " runs a file of several statements as one transaction)";
  return where;
}

void ReportFixable(RuleContext& ctx, const StatementContext& s, std::string message,
                   const char* help, const std::string& relation) {
  if (std::optional<Fix> fix = ConcurrentlyFix(ctx, s, relation)) {
    ctx.ReportWithFix(s.file, s.statement.begin, s.statement.end, std::move(message), help,
                      std::move(*fix));
    return;
  }
  // No fix: say where the statement runs, for this runner (`migralint new` starts the file).
  const bool create = s.statement.node->node_case == PG_QUERY__NODE__NODE_INDEX_STMT;
  const Runner& runner = s.file.runner ? *s.file.runner : DefaultRunner();
  ctx.Report(s.file, s.statement.begin, s.statement.end, std::move(message),
             std::string(create ? "use CREATE INDEX CONCURRENTLY (reads and writes continue), "
                                : "use DROP INDEX CONCURRENTLY, ") +
                 NewMigration(runner) +
                 (create ? "; if it fails, drop the INVALID index it leaves and retry" : ""));
}

constexpr const char* kCreateHelp =
    "use CREATE INDEX CONCURRENTLY (reads and writes continue), in a migration that is not run "
    "inside a "
    "transaction; if it fails, drop the INVALID index it leaves and retry";
constexpr const char* kDropHelp =
    "use DROP INDEX CONCURRENTLY, in a migration that is not run inside a transaction";
constexpr const char* kReindexHelp =
    "use REINDEX … CONCURRENTLY (PostgreSQL 12+), outside a transaction";
constexpr const char* kReindexBefore12Help =
    "before PostgreSQL 12 REINDEX cannot run concurrently: build a replacement with CREATE INDEX "
    "CONCURRENTLY, then DROP INDEX CONCURRENTLY the old one and rename the new one";
constexpr int kReindexConcurrentlySince = 12;

void CreateIndex(RuleContext& ctx, const StatementContext& s, const PgQuery__IndexStmt& stmt) {
  if (stmt.concurrent || !stmt.relation) return;
  const std::string table = pg::Qualified(stmt.relation);
  if (!Live(s, table)) return;
  const std::string existing =
      table.substr(0, table.find('.') + 1) + (stmt.idxname ? stmt.idxname : "");
  if (stmt.if_not_exists && s.before.indexes.count(existing))
    return;  // IF NOT EXISTS of an existing index: a no-op
  const std::string index = stmt.idxname && *stmt.idxname ? " " + Quoted(stmt.idxname) : "";
  ReportFixable(ctx, s,
                std::string("CREATE ") + (stmt.unique ? "UNIQUE " : "") + "INDEX" + index +
                    " without CONCURRENTLY takes a SHARE lock on " + Quoted(table) +
                    ": every INSERT, UPDATE and DELETE waits until the index is built",
                kCreateHelp, table);
}

// True when this file creates index `qualified` further down (under any schema when the name
// came unqualified: an index lives in its table's schema), or a later file does.
bool CreatedHereOrLater(const StatementContext& s, const std::string& qualified) {
  if (s.set.CreatedAfter(qualified, s.file_index)) return true;
  const std::string name = qualified.substr(qualified.find('.') + 1);
  for (std::size_t i = StatementContext::StatementIndex(s.file, s.statement) + 1;
       i < s.file.statements.size(); ++i) {
    const PgQuery__Node* node = s.file.statements[i].node;
    if (node && node->node_case == PG_QUERY__NODE__NODE_INDEX_STMT && node->index_stmt->idxname &&
        name == node->index_stmt->idxname)
      return true;
  }
  return false;
}

void DropIndex(RuleContext& ctx, const StatementContext& s, const PgQuery__DropStmt& stmt) {
  if (stmt.concurrent || stmt.remove_type != PG_QUERY__OBJECT_TYPE__OBJECT_INDEX) return;
  for (std::size_t i = 0; i < stmt.n_objects; ++i) {
    const PgQuery__Node* object = stmt.objects[i];
    if (object->node_case != PG_QUERY__NODE__NODE_LIST) continue;
    const std::string index = pg::Qualified(object->list->items, object->list->n_items);
    if (stmt.missing_ok && s.before.Gone("index", index)) continue;  // dropped already: a no-op
    auto it = s.before.indexes.find(index);
    if (it != s.before.indexes.end() && !Live(s, it->second.table)) continue;
    // IF EXISTS of an index the set has not made yet (this file or a later one creates it), or
    // in a schema that does not exist: a no-op that locks nothing.
    if (stmt.missing_ok && it == s.before.indexes.end()) {
      const std::string schema = index.substr(0, index.find('.'));
      if (!s.before.schemas.count(schema) || CreatedHereOrLater(s, index)) continue;
    }
    const bool known = it != s.before.indexes.end();
    std::string message =
        "DROP INDEX " + Quoted(index) + " without CONCURRENTLY takes an ACCESS EXCLUSIVE lock on " +
        (known ? Quoted(it->second.table) : "its table") + ": all reads and writes wait";
    // DROP INDEX CONCURRENTLY takes one index, without CASCADE; of an index the set does not
    // define, the table is unknown (maybe partitioned).
    if (known && stmt.n_objects == 1 && stmt.behavior != PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE)
      ReportFixable(ctx, s, std::move(message), kDropHelp, it->second.table);
    else
      Report(ctx, s, std::move(message), kDropHelp);
  }
}

// REINDEX (CONCURRENTLY) or REINDEX … CONCURRENTLY, not turned off by (CONCURRENTLY false).
bool Concurrent(const PgQuery__ReindexStmt& stmt) {
  const auto* option = pg::Option(stmt.params, stmt.n_params, "concurrently");
  if (!option) return false;
  const PgQuery__Node* arg = option->arg;  // (CONCURRENTLY false) arrives as a string or a boolean
  const std::string_view word = pg::Str(arg);
  return !(arg && ((arg->node_case == PG_QUERY__NODE__NODE_BOOLEAN && !arg->boolean->boolval) ||
                   word == "false" || word == "off" || word == "0"));
}

void Reindex(RuleContext& ctx, const StatementContext& s, const PgQuery__ReindexStmt& stmt) {
  const int version = ctx.config().pg_version;
  if (Concurrent(stmt)) {
    if (version < kReindexConcurrentlySince) {
      Report(ctx, s,
             "REINDEX … CONCURRENTLY needs PostgreSQL 12; the target is PostgreSQL " +
                 std::to_string(version) + " (pg_version), which rejects it",
             kReindexBefore12Help);
    }
    return;
  }
  std::string what;
  switch (stmt.kind) {
    case PG_QUERY__REINDEX_OBJECT_TYPE__REINDEX_OBJECT_INDEX: {
      const std::string index = pg::Qualified(stmt.relation);
      auto it = s.before.indexes.find(index);
      if (it != s.before.indexes.end() && !Live(s, it->second.table)) return;
      what = "index " + Quoted(index) +
             (it != s.before.indexes.end() ? " blocks writes to " + Quoted(it->second.table)
                                           : " blocks writes to its table");
      break;
    }
    case PG_QUERY__REINDEX_OBJECT_TYPE__REINDEX_OBJECT_TABLE: {
      const std::string table = pg::Qualified(stmt.relation);
      if (!Live(s, table)) return;
      what = "table " + Quoted(table) + " blocks writes to it";
      break;
    }
    case PG_QUERY__REINDEX_OBJECT_TYPE__REINDEX_OBJECT_SCHEMA: {
      auto it = s.before.schemas.find(stmt.name ? stmt.name : "");
      if (it != s.before.schemas.end() && s.SameFile(it->second)) return;
      what = std::string("schema ") + Quoted(stmt.name ? stmt.name : "") +
             " blocks writes to each of its tables";
      break;
    }
    case PG_QUERY__REINDEX_OBJECT_TYPE__REINDEX_OBJECT_DATABASE:
      what = "database blocks writes to each of its tables";
      break;
    default:  // REINDEX SYSTEM: catalogs cannot be reindexed concurrently
      return;
  }
  Report(ctx, s,
         "REINDEX " + what +
             " while it rebuilds, and reads that use the index (ACCESS EXCLUSIVE on the index)",
         version < kReindexConcurrentlySince ? kReindexBefore12Help : kReindexHelp);
}

void Check(RuleContext& ctx, const StatementContext& s) {
  const PgQuery__Node* node = s.statement.node;
  switch (node->node_case) {
    case PG_QUERY__NODE__NODE_INDEX_STMT:
      CreateIndex(ctx, s, *node->index_stmt);
      break;
    case PG_QUERY__NODE__NODE_DROP_STMT:
      DropIndex(ctx, s, *node->drop_stmt);
      break;
    case PG_QUERY__NODE__NODE_REINDEX_STMT:
      Reindex(ctx, s, *node->reindex_stmt);
      break;
    default:
      break;
  }
}

}  // namespace

const Rule& non_concurrent_index() {
  static const Rule rule{
      .id = "non-concurrent-index",
      .severity = Severity::kWarning,
      .category = "safety",
      .summary =
          "CREATE INDEX, DROP INDEX or REINDEX without CONCURRENTLY on a table that already exists",
      .check_statement = Check,
  };
  return rule;
}

}  // namespace migralint::rules
