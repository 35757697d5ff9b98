// replay_rules.h: runs the rules that need the schema model, during one replay of the set.
#pragma once

#include <vector>

#include "migralint/config.h"
#include "migralint/rule.h"

namespace migralint::lint {

struct ModelRule {
  const Rule* rule;
  RuleContext* context;
};

/// Replays the set's migrations in execution order; before each statement that runs (top level
/// or in a DO block, never in a function body or an exception handler) every check_statement
/// hook sees the schema as it is; at the end every check_schema hook sees the final schema.
void RunModelRules(const SetUnit& set, const Config& config, const std::vector<ModelRule>& rules);

}  // namespace migralint::lint
