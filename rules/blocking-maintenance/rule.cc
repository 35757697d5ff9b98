// blocking-maintenance: VACUUM FULL, CLUSTER, REFRESH MATERIALIZED VIEW without CONCURRENTLY,
// DETACH PARTITION without CONCURRENTLY, SET TABLESPACE, SET LOGGED / UNLOGGED and LOCK TABLE in
// ACCESS EXCLUSIVE mode, on relations that exist before this file.
#include "migralint/rule.h"

#include <string>
#include <string_view>
#include <utility>

#include "migralint/pg_nodes.h"

namespace migralint::rules {
namespace {

constexpr int kAccessExclusiveLock = 8;  // PostgreSQL's lock mode number (lockdefs.h)

std::string Quoted(const std::string& name) { return "\"" + name + "\""; }

// True unless the relation (table or materialized view) was created earlier in this file.
bool Live(const StatementContext& s, const std::string& relation) {
  if (const Table* t = s.before.FindTable(relation)) return !s.SameFile(t->origin);
  if (auto it = s.before.views.find(relation); it != s.before.views.end())
    return !s.SameFile(it->second);
  return true;
}

void Report(RuleContext& ctx, const StatementContext& s, std::string message, std::string help) {
  ctx.Report(s.file, s.statement.begin, s.statement.end, std::move(message), std::move(help));
}

// An option that is on: `FULL`, `FULL true`, `FULL 1` (not `FULL false` / `FULL off` / `FULL 0`).
bool On(const PgQuery__DefElem* option) {
  if (!option) return false;
  const PgQuery__Node* arg = option->arg;
  if (!arg) return true;
  if (arg->node_case == PG_QUERY__NODE__NODE_BOOLEAN) return arg->boolean->boolval;
  if (arg->node_case == PG_QUERY__NODE__NODE_INTEGER) return arg->integer->ival != 0;
  const std::string_view word = pg::Str(arg);
  return word != "false" && word != "off" && word != "0";
}

constexpr const char* kRewriteHelp =
    "plain VACUUM makes the space reusable without blocking; to shrink or reorder a large "
    "table online use pg_repack (or pg_squeeze), or run this in a maintenance window";

void Vacuum(RuleContext& ctx, const StatementContext& s, const PgQuery__VacuumStmt& stmt) {
  if (!stmt.is_vacuumcmd || !On(pg::Option(stmt.options, stmt.n_options, "full"))) return;
  if (stmt.n_rels == 0) {
    Report(ctx, s,
           "VACUUM FULL rewrites every table of the database, each under an ACCESS EXCLUSIVE "
           "lock: its reads and writes wait until it is copied",
           kRewriteHelp);
  }
  for (std::size_t i = 0; i < stmt.n_rels; ++i) {
    const PgQuery__Node* rel = stmt.rels[i];
    if (rel->node_case != PG_QUERY__NODE__NODE_VACUUM_RELATION || !rel->vacuum_relation->relation)
      continue;
    const std::string table = pg::Qualified(rel->vacuum_relation->relation);
    if (!Live(s, table)) continue;
    Report(ctx, s,
           "VACUUM FULL rewrites " + Quoted(table) +
               " under an ACCESS EXCLUSIVE lock: all reads and writes wait until it is copied",
           kRewriteHelp);
  }
}

void Cluster(RuleContext& ctx, const StatementContext& s, const PgQuery__ClusterStmt& stmt) {
  if (stmt.relation && !Live(s, pg::Qualified(stmt.relation))) return;
  const std::string what =
      stmt.relation ? Quoted(pg::Qualified(stmt.relation)) : "every table clustered before, each";
  Report(ctx, s,
         "CLUSTER rewrites " + what +
             " in index order under an ACCESS EXCLUSIVE lock: all reads and writes wait until it "
             "is copied",
         kRewriteHelp);
}

void Refresh(RuleContext& ctx, const StatementContext& s, const PgQuery__RefreshMatViewStmt& stmt) {
  if (stmt.concurrent || stmt.skip_data || !stmt.relation) return;
  const std::string view = pg::Qualified(stmt.relation);
  if (!Live(s, view) || s.before.unpopulated_views.count(view)) return;  // CONCURRENTLY impossible
  Report(ctx, s,
         "REFRESH MATERIALIZED VIEW " + Quoted(view) +
             " without CONCURRENTLY takes an ACCESS EXCLUSIVE lock on it: every read of the view "
             "waits until its query has run again",
         "use REFRESH MATERIALIZED VIEW CONCURRENTLY (reads go on; it needs a unique index on "
         "the view)");
}

void AlterTable(RuleContext& ctx, const StatementContext& s, const PgQuery__AlterTableStmt& stmt) {
  if (!stmt.relation) return;
  const std::string relation = pg::Qualified(stmt.relation);
  if (stmt.objtype != PG_QUERY__OBJECT_TYPE__OBJECT_TABLE &&
      stmt.objtype != PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW)
    return;
  if (!Live(s, relation)) return;
  const int pg_version = ctx.config().pg_version;
  for (std::size_t i = 0; i < stmt.n_cmds; ++i) {
    if (stmt.cmds[i]->node_case != PG_QUERY__NODE__NODE_ALTER_TABLE_CMD) continue;
    const PgQuery__AlterTableCmd& cmd = *stmt.cmds[i]->alter_table_cmd;
    switch (cmd.subtype) {
      case PG_QUERY__ALTER_TABLE_TYPE__AT_DetachPartition: {
        const PgQuery__PartitionCmd* part =
            cmd.def && cmd.def->node_case == PG_QUERY__NODE__NODE_PARTITION_CMD
                ? cmd.def->partition_cmd
                : nullptr;
        if (part && part->concurrent) break;
        const std::string partition =
            part && part->name ? Quoted(pg::Qualified(part->name)) : "a partition";
        Report(ctx, s,
               "DETACH PARTITION " + partition +
                   " without CONCURRENTLY takes an ACCESS EXCLUSIVE lock on " + Quoted(relation) +
                   ": all reads and writes of the partitioned table wait",
               pg_version >= 14
                   ? "use DETACH PARTITION … CONCURRENTLY (SHARE UPDATE EXCLUSIVE: reads and "
                     "writes go on), in a migration not run in a transaction"
                   : "PostgreSQL " + std::to_string(pg_version) +
                         " has no DETACH PARTITION … CONCURRENTLY (it comes with 14): detach "
                         "when the table is quiet, with a short lock_timeout");
        break;
      }
      case PG_QUERY__ALTER_TABLE_TYPE__AT_SetTableSpace:
        Report(ctx, s,
               "SET TABLESPACE copies " + Quoted(relation) + " to " +
                   Quoted(cmd.name ? cmd.name : "") +
                   " under an ACCESS EXCLUSIVE lock: all reads and writes wait until it is copied",
               "move it online with pg_repack --tablespace, or in a maintenance window");
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_SetLogged:
      case PG_QUERY__ALTER_TABLE_TYPE__AT_SetUnLogged: {
        const bool logged = cmd.subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_SetLogged;
        Report(ctx, s,
               std::string(logged ? "SET LOGGED" : "SET UNLOGGED") + " rewrites " +
                   Quoted(relation) +
                   " under an ACCESS EXCLUSIVE lock: all reads and writes wait until it is copied",
               logged ? "create the table LOGGED and copy the rows over in batches, or run this "
                        "in a maintenance window"
                      : "run this in a maintenance window");
        break;
      }
      default:
        break;
    }
  }
}

void Lock(RuleContext& ctx, const StatementContext& s, const PgQuery__LockStmt& stmt) {
  if (stmt.mode != kAccessExclusiveLock) return;
  for (std::size_t i = 0; i < stmt.n_relations; ++i) {
    const PgQuery__Node* rel = stmt.relations[i];
    if (rel->node_case != PG_QUERY__NODE__NODE_RANGE_VAR) continue;
    const std::string table = pg::Qualified(rel->range_var);
    if (!Live(s, table)) continue;
    Report(ctx, s,
           "LOCK TABLE " + Quoted(table) +
               " in ACCESS EXCLUSIVE mode (LOCK TABLE's default) blocks every read and write of "
               "it until the transaction ends",
           "take the weakest mode that serves (EXCLUSIVE or SHARE ROW EXCLUSIVE let reads go "
           "on), keep the transaction short, and set lock_timeout first");
  }
}

void Check(RuleContext& ctx, const StatementContext& s) {
  const PgQuery__Node* node = s.statement.node;
  switch (node->node_case) {
    case PG_QUERY__NODE__NODE_VACUUM_STMT:
      Vacuum(ctx, s, *node->vacuum_stmt);
      break;
    case PG_QUERY__NODE__NODE_CLUSTER_STMT:
      Cluster(ctx, s, *node->cluster_stmt);
      break;
    case PG_QUERY__NODE__NODE_REFRESH_MAT_VIEW_STMT:
      Refresh(ctx, s, *node->refresh_mat_view_stmt);
      break;
    case PG_QUERY__NODE__NODE_ALTER_TABLE_STMT:
      AlterTable(ctx, s, *node->alter_table_stmt);
      break;
    case PG_QUERY__NODE__NODE_LOCK_STMT:
      Lock(ctx, s, *node->lock_stmt);
      break;
    default:
      break;
  }
}

}  // namespace

const Rule& blocking_maintenance() {
  static const Rule rule{
      .id = "blocking-maintenance",
      .severity = Severity::kWarning,
      .category = "safety",
      .summary =
          "VACUUM FULL, CLUSTER, REFRESH MATERIALIZED VIEW, DETACH PARTITION, SET "
          "TABLESPACE, SET LOGGED/UNLOGGED or LOCK TABLE blocking a live table",
      .check_statement = Check,
  };
  return rule;
}

}  // namespace migralint::rules
