// Flyway: `V<version>__<desc>.sql` by version compared part by part, then `R__` repeatables;
// one transaction per migration, statements one by one. A script whose statements all refuse a
// transaction block runs without one; a mix is refused (unless its script config says
// `executeInTransaction`). runners.md §2.
#include <pg_query/pg_query.pb-c.h>

#include <filesystem>

#include "migralint/rule.h"
#include "migralint/runner.h"
#include "runners/markers.h"

namespace migralint::runners {
namespace {

// V1__x.sql.conf holding executeInTransaction=false.
bool ConfSaysNoTransaction(const std::string& fs_path) {
  const std::string conf = Head(fs_path + ".conf");
  return ContainsNoCase(conf, "executeInTransaction=false") ||
         ContainsNoCase(conf, "executeInTransaction = false");
}

bool OptsOut(const FileUnit& unit, std::uint32_t) {
  return OncePerFile(unit, ConfSaysNoTransaction);
}

// Flyway's PostgreSQL parser (detectCanExecuteInTransaction): what it runs outside a
// transaction. Not REINDEX … CONCURRENTLY: Flyway wraps that, and PostgreSQL refuses it.
bool NonTransactional(const Statement& s) {
  const PgQuery__Node* n = s.node;
  if (!n) return false;
  switch (n->node_case) {
    case PG_QUERY__NODE__NODE_INDEX_STMT:
      return n->index_stmt->concurrent;
    case PG_QUERY__NODE__NODE_DROP_STMT:
      return n->drop_stmt->concurrent;
    case PG_QUERY__NODE__NODE_CREATEDB_STMT:
    case PG_QUERY__NODE__NODE_DROPDB_STMT:
    case PG_QUERY__NODE__NODE_CREATE_TABLE_SPACE_STMT:
    case PG_QUERY__NODE__NODE_DROP_TABLE_SPACE_STMT:
    case PG_QUERY__NODE__NODE_CREATE_SUBSCRIPTION_STMT:
    case PG_QUERY__NODE__NODE_DROP_SUBSCRIPTION_STMT:
    case PG_QUERY__NODE__NODE_ALTER_SYSTEM_STMT:
      return true;
    case PG_QUERY__NODE__NODE_VACUUM_STMT:
      return n->vacuum_stmt->is_vacuumcmd;
    case PG_QUERY__NODE__NODE_REINDEX_STMT:
      return n->reindex_stmt->kind != PG_QUERY__REINDEX_OBJECT_TYPE__REINDEX_OBJECT_TABLE &&
             n->reindex_stmt->kind != PG_QUERY__REINDEX_OBJECT_TYPE__REINDEX_OBJECT_INDEX;
    case PG_QUERY__NODE__NODE_DISCARD_STMT:
      return n->discard_stmt->target == PG_QUERY__DISCARD_MODE__DISCARD_ALL;
    default:
      return false;
  }
}

bool Detect(const MigrationSet& set) {
  if (set.layout != Layout::kNumbered || set.migrations.empty()) return false;
  for (const MigrationFile& file : set.migrations) {
    const std::string name = file.FileName();
    if (!(name.size() > 1 && (name[0] == 'V' || name[0] == 'R') &&
          name.find("__") != std::string::npos))
      return false;
  }
  return true;
}

}  // namespace

const Runner& flyway() {
  static const Runner runner{
      .name = "flyway",
      .summary = "Flyway: V<version>__<desc>.sql by version part by part, then R__ repeatables",
      .history_table = "flyway_schema_history",
      .placeholders = "${name}",
      .non_transactional = NonTransactional,
      .sends = Sends::kOneByOne,
      .sends_opted_out = Sends::kOneByOne,
      .opt_out = "`executeInTransaction=false` in the script's .conf file",
      .opts_out = OptsOut,
      .detect = Detect,
  };
  return runner;
}

}  // namespace migralint::runners
