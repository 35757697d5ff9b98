// registry.h: every rule, with the documentation and examples that live beside it.
#pragma once

#include <string_view>
#include <vector>

#include "config/load_config.h"
#include "migralint/rule.h"

namespace migralint::lint {

struct RuleEntry {
  const Rule* rule = nullptr;
  std::string_view docs;  // rules/<id>/rule.md
  std::string_view bad;   // rules/<id>/bad.sql
  std::string_view good;  // rules/<id>/good.sql
};

/// All rules, sorted by id (generated from rules/rules.def).
const std::vector<RuleEntry>& Registry();
const RuleEntry* FindRule(std::string_view id);
/// Rule ids and the option keys each accepts, for config validation.
config::KnownRules KnownRuleOptions();

}  // namespace migralint::lint
