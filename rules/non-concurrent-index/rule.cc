// non-concurrent-index: CREATE INDEX, DROP INDEX or REINDEX without CONCURRENTLY on a table that
// exists before this file.
#include "migralint/rule.h"

#include <string>

#include "migralint/pg_nodes.h"

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
  Report(ctx, s,
         std::string("CREATE ") + (stmt.unique ? "UNIQUE " : "") + "INDEX" + index +
             " without CONCURRENTLY takes a SHARE lock on " + Quoted(table) +
             ": every INSERT, UPDATE and DELETE waits until the index is built",
         kCreateHelp);
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
    const std::string on = it != s.before.indexes.end() ? Quoted(it->second.table) : "its table";
    Report(ctx, s,
           "DROP INDEX " + Quoted(index) +
               " without CONCURRENTLY takes an ACCESS EXCLUSIVE lock on " + on +
               ": all reads and writes wait",
           kDropHelp);
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
