// replay_rules.h: runs the rules that need the schema model, during one replay of the set.
#pragma once

#include <vector>

#include "migralint/config.h"
#include "migralint/rule.h"
#include "model/replay.h"

namespace migralint::lint {

struct ModelRule {
  const Rule* rule;
  RuleContext* context;
};

/// Replays the set's migrations in execution order, one at a time as they become ready; before
/// each statement that runs (top level or in a DO block, never in a function body or an
/// exception handler) every check_statement hook sees the schema as it is; at the end every
/// check_schema hook sees the final schema.
class ModelRules {
 public:
  ModelRules(const SetUnit& set, const Config& config, std::vector<ModelRule> rules);
  /// Replays migration `index` (the ones before it replayed already); with `check`, its
  /// statements are checked too (without: a file whose findings nobody asked for).
  void Migration(std::size_t index, bool check = true);
  /// After the last migration.
  void Finish();

 private:
  const SetUnit& set_;
  std::vector<ModelRule> rules_;
  model::Replay replay_;
};

}  // namespace migralint::lint
