// registry.h: every rule, with the documentation and examples that live beside it.
#pragma once

#include <string_view>
#include <vector>

#include "config/load_config.h"
#include "migralint/rule.h"

namespace migralint::lint {

/// A file of a set example (rules/<id>/bad/… or good/…): its path from the rule's folder
/// ("bad/migrations/001_tags.sql") and its bytes.
struct ExampleFile {
  std::string_view path;
  std::string_view text;
};

struct RuleEntry {
  const Rule* rule = nullptr;
  std::string_view docs;               // rules/<id>/rule.md
  std::string_view bad;                // rules/<id>/bad.sql; for a set example, its file names
  std::string_view good;               // rules/<id>/good.sql; for a set example, its file names
  std::vector<ExampleFile> bad_files;  // a set example's files, in name order (else empty)
  std::vector<ExampleFile> good_files;
};

/// All rules, sorted by id (generated from rules/rules.def).
const std::vector<RuleEntry>& Registry();
const RuleEntry* FindRule(std::string_view id);
/// Rule ids and the option keys each accepts, for config validation.
config::KnownRules KnownRuleOptions();

}  // namespace migralint::lint
