// self-recording: a migration that writes the history table its runner keeps (seed 004's
// template ends with INSERT INTO schema_migrations): the runner records the file as well.
#include "migralint/rule.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "migralint/pg_nodes.h"

namespace migralint::rules {
namespace {

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// "schema.name" as PostgreSQL resolves the runner's table name: unqualified means public.
std::string Qualify(std::string_view name) {
  std::string n = Lower(std::string(name));
  return n.find('.') == std::string::npos ? "public." + n : n;
}

// The tables `runner` writes its history to: its profile's, and the companions some keep
// beside it (seed 000's other tiers, Liquibase's lock, Sqitch's registry).
std::vector<std::string> HistoryTables(const Runner& runner) {
  std::vector<std::string> tables;
  if (runner.history_table.empty()) return tables;  // psql: no history of its own
  tables.push_back(Qualify(runner.history_table));
  if (runner.name == "seed000") {
    tables.push_back("public._content_migrations");
    tables.push_back("public._entity_migrations");
  } else if (runner.name == "liquibase") {
    tables.push_back("public.databasechangeloglock");
  } else if (runner.name == "sqitch") {
    for (const char* t : {"sqitch.tags", "sqitch.events", "sqitch.dependencies"})
      tables.push_back(t);
  }
  return tables;
}

// The verb and the relations a data-changing statement writes.
struct Write {
  const char* verb = nullptr;
  std::vector<const PgQuery__RangeVar*> relations;
};

Write Writes(const PgQuery__Node* node) {
  Write w;
  switch (node->node_case) {
    case PG_QUERY__NODE__NODE_INSERT_STMT:
      w.verb = "INSERT INTO";
      w.relations.push_back(node->insert_stmt->relation);
      break;
    case PG_QUERY__NODE__NODE_UPDATE_STMT:
      w.verb = "UPDATE";
      w.relations.push_back(node->update_stmt->relation);
      break;
    case PG_QUERY__NODE__NODE_DELETE_STMT:
      w.verb = "DELETE FROM";
      w.relations.push_back(node->delete_stmt->relation);
      break;
    case PG_QUERY__NODE__NODE_COPY_STMT:  // COPY … TO only reads
      if (node->copy_stmt->is_from) {
        w.verb = "COPY";
        w.relations.push_back(node->copy_stmt->relation);
      }
      break;
    case PG_QUERY__NODE__NODE_TRUNCATE_STMT:
      w.verb = "TRUNCATE";
      for (std::size_t i = 0; i < node->truncate_stmt->n_relations; ++i) {
        const PgQuery__Node* r = node->truncate_stmt->relations[i];
        if (r->node_case == PG_QUERY__NODE__NODE_RANGE_VAR) w.relations.push_back(r->range_var);
      }
      break;
    default:
      break;
  }
  return w;
}

void Check(RuleContext& ctx, const StatementContext& sc) {
  const Statement& s = sc.statement;
  if (!s.node || !sc.file.runner) return;
  const Write w = Writes(s.node);
  if (!w.verb) return;
  const Runner& runner = *sc.file.runner;
  const std::vector<std::string> history = HistoryTables(runner);
  for (const PgQuery__RangeVar* relation : w.relations) {
    if (!relation || pg::Temporary(relation)) continue;
    const std::string target = Lower(pg::Qualified(relation));
    if (std::find(history.begin(), history.end(), target) == history.end()) continue;
    const bool adds =
        w.verb == std::string_view("INSERT INTO") || w.verb == std::string_view("COPY");
    ctx.Report(sc.file, s.begin, s.end,
               std::string(w.verb) + " " + target + ": that is the history table " +
                   std::string(runner.name) + " keeps itself" +
                   (adds ? ", and it records this file too, so the row is written twice (or the "
                           "runner's own insert fails on its unique key and the migration is "
                           "rolled back)"
                         : ": changing its rows changes what the runner believes is applied, so "
                           "its next run applies a migration again or skips one"),
               "remove the statement: " + std::string(runner.name) +
                   " records every file it applies; keep extra notes (a description) in a "
                   "table of your own, and repair the history with the runner's own command");
    return;
  }
}

}  // namespace

const Rule& self_recording() {
  static const Rule rule{
      .id = "self-recording",
      .severity = Severity::kWarning,
      .category = "set",
      .summary = "a migration that writes the history table its runner keeps itself",
      .check_statement = Check,
  };
  return rule;
}

}  // namespace migralint::rules
