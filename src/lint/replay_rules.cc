// replay_rules.cc: the single replay pass shared by all model rules.
#include "lint/replay_rules.h"

#include "model/replay.h"

namespace migralint::lint {
namespace {

// Statements in a function body run when the function is called, not when the migration runs;
// statements in an exception handler run only after an error.
bool Runs(const FileUnit& unit, const Statement& statement) {
  if (!statement.node || !unit.RunsWithMigration(statement)) return false;
  for (const Enclosure& e : statement.enclosures) {
    if (e.kind == Enclosure::Kind::kExceptionHandler) return false;
  }
  return true;
}

}  // namespace

void RunModelRules(const SetUnit& set, const Config& config, const std::vector<ModelRule>& rules) {
  model::Replay replay(config, set.set->layout);
  for (std::size_t i = 0; i < set.migrations.size(); ++i) {
    const FileUnit& unit = *set.migrations[i];
    const int file_index = static_cast<int>(i);
    for (const Statement& statement : unit.statements) {
      if (!statement.node && !statement.IsNested()) {
        // A statement PostgreSQL rejects (already a syntax-error): assume what it meant to
        // create, so that later statements are not reported for its failure as well.
        replay.AssumeCreated(std::string_view(unit.source.text)
                                 .substr(statement.begin, statement.end - statement.begin),
                             Origin{file_index, statement.begin, statement.end});
        continue;
      }
      if (!Runs(unit, statement)) continue;
      const StatementContext ctx{set, unit, file_index, statement, replay.schema()};
      for (const ModelRule& r : rules) {
        if (r.rule->check_statement) r.rule->check_statement(*r.context, ctx);
      }
      replay.Apply(statement.node, Origin{file_index, statement.begin, statement.end});
    }
  }
  for (const ModelRule& r : rules) {
    if (r.rule->check_schema) r.rule->check_schema(*r.context, set, replay.schema());
  }
}

}  // namespace migralint::lint
