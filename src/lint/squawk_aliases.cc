// squawk_aliases.cc: squawk's rule names that mean one of ours, so that existing
// `-- squawk-ignore` comments keep working after a team switches, and `migralint rules` can say
// which of squawk's rules each one covers.
#include <array>
#include <string_view>
#include <utility>
#include <vector>

#include "lint/suppressions.h"

namespace migralint::lint {
namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 35> kAliases{{
    {"adding-field-with-default", "volatile-default"},
    {"adding-foreign-key-constraint", "constraint-not-valid"},
    {"adding-not-nullable-field", "unsafe-not-null"},
    {"adding-required-field", "unsafe-not-null"},
    {"adding-serial-primary-key-field", "constraint-builds-index"},
    {"ban-char-field", "no-char-type"},
    {"ban-concurrent-index-creation-in-transaction", "concurrently-in-transaction"},
    {"ban-drop-column", "destructive-change"},
    {"ban-drop-database", "destructive-change"},
    {"ban-drop-table", "destructive-change"},
    {"ban-duplicate-column-assignments", "duplicate-column"},
    {"ban-truncate-cascade", "destructive-change"},
    {"ban-uncommitted-transaction", "transaction-nesting"},
    {"changing-column-type", "unsafe-type-change"},
    {"constraint-missing-not-valid", "constraint-not-valid"},
    {"disallowed-unique-constraint", "constraint-builds-index"},
    {"identifier-too-long", "identifier-too-long"},
    {"prefer-bigint-over-int", "prefer-bigint"},
    {"prefer-bigint-over-smallint", "prefer-bigint"},
    {"prefer-identity", "prefer-identity"},
    {"prefer-repack", "blocking-maintenance"},
    {"prefer-robust-stmts", "non-idempotent-ddl"},
    {"prefer-text-field", "prefer-text"},
    {"prefer-timestamp-tz", "prefer-timestamptz"},
    {"prefer-timestamptz", "prefer-timestamptz"},  // squawk's older name, still accepted
    {"renaming-column", "breaking-change"},
    {"renaming-table", "breaking-change"},
    {"require-concurrent-index-creation", "non-concurrent-index"},
    {"require-concurrent-index-deletion", "non-concurrent-index"},
    {"require-concurrent-partition-detach", "blocking-maintenance"},
    {"require-concurrent-reindex", "non-concurrent-index"},
    {"require-timeout-settings", "lock-timeout"},  // its lock_timeout part
    {"syntax-error", "syntax-error"},
    {"transaction-nesting", "transaction-nesting"},
    {"unused-ignore", "unused-ignore"},
}};

}  // namespace

std::string_view SquawkAlias(std::string_view squawk_rule) {
  for (const auto& [from, to] : kAliases) {
    if (from == squawk_rule) return to;
  }
  return {};
}

std::vector<std::string_view> SquawkRulesCovered(std::string_view rule) {
  std::vector<std::string_view> covered;
  for (const auto& [from, to] : kAliases) {
    if (to == rule && from != "prefer-timestamptz") covered.push_back(from);  // not the old name
  }
  return covered;
}

}  // namespace migralint::lint
