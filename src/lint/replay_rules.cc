// replay_rules.cc: the single replay pass shared by all model rules.
#include "lint/replay_rules.h"

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

ModelRules::ModelRules(const SetUnit& set, const Config& config, std::vector<ModelRule> rules)
    : set_(set), rules_(std::move(rules)), replay_(config, set.set->layout) {}

void ModelRules::Migration(std::size_t index, bool check) {
  const FileUnit& unit = *set_.migrations[index];
  const int file_index = static_cast<int>(index);
  for (const Statement& statement : unit.statements) {
    if (!statement.node && !statement.IsNested()) {
      // A statement PostgreSQL rejects (already a syntax-error): assume what it meant to
      // create, so that later statements are not reported for its failure as well.
      replay_.AssumeCreated(std::string_view(unit.source.text())
                                .substr(statement.begin, statement.end - statement.begin),
                            Origin{file_index, statement.begin, statement.end});
      continue;
    }
    if (!Runs(unit, statement)) continue;
    if (check) {
      const StatementContext ctx{set_, unit, file_index, statement, replay_.schema()};
      for (const ModelRule& r : rules_) {
        if (r.rule->check_statement) r.rule->check_statement(*r.context, ctx);
      }
    }
    replay_.Apply(statement.node,
                  Origin{file_index, statement.begin, statement.end, statement.parse_base});
  }
}

void ModelRules::Finish() {
  for (const ModelRule& r : rules_) {
    if (r.rule->check_schema) r.rule->check_schema(*r.context, set_, replay_.schema());
  }
}

}  // namespace migralint::lint
