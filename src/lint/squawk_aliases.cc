// squawk_aliases.cc: squawk's rule names that mean one of ours, so that existing
// `-- squawk-ignore` comments keep working after a team switches.
#include <array>
#include <string_view>
#include <utility>

#include "lint/suppressions.h"

namespace migralint::lint {

std::string_view SquawkAlias(std::string_view squawk_rule) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 14> kAliases{{
      {"adding-not-nullable-field", "unsafe-not-null"},
      {"adding-required-field", "unsafe-not-null"},
      {"ban-concurrent-index-creation-in-transaction", "concurrently-in-transaction"},
      {"ban-drop-column", "destructive-change"},
      {"ban-drop-database", "destructive-change"},
      {"ban-drop-table", "destructive-change"},
      {"ban-truncate-cascade", "destructive-change"},
      {"changing-column-type", "unsafe-type-change"},
      {"prefer-robust-stmts", "non-idempotent-ddl"},
      {"require-concurrent-index-creation", "non-concurrent-index"},
      {"require-concurrent-index-deletion", "non-concurrent-index"},
      {"syntax-error", "syntax-error"},
      {"transaction-nesting", "transaction-nesting"},
      {"unused-ignore", "unused-ignore"},
  }};
  for (const auto& [from, to] : kAliases) {
    if (from == squawk_rule) return to;
  }
  return {};
}

}  // namespace migralint::lint
