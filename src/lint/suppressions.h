// suppressions.h: `-- migralint-ignore` / `-- squawk-ignore` comments, and which findings
// they cover (spec §3).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "migralint/diagnostic.h"
#include "migralint/rule.h"

namespace migralint::lint {

struct Ignore {
  std::vector<std::string> rules;               // migralint ids (squawk names already mapped)
  std::vector<std::string> unknown;             // names that map to no rule
  std::uint32_t first_line = 0, last_line = 0;  // lines covered; whole file when file_wide
  bool file_wide = false;
  bool from_squawk = false;
  Position comment_start, comment_end;
};

/// The ignore comments of a file with the lines each covers.
std::vector<Ignore> FindIgnores(const FileUnit& unit);

/// The migralint id a squawk rule name maps onto, or empty.
std::string_view SquawkAlias(std::string_view squawk_rule);
/// The squawk rules that migralint rule `rule` covers (their current names), sorted.
std::vector<std::string_view> SquawkRulesCovered(std::string_view rule);

/// Removes suppressed diagnostics of `path` from `diagnostics` and adds unused-ignore findings
/// for ignores that name an unknown rule or suppress nothing. `enabled` says which rules ran.
void ApplyIgnores(const std::vector<Ignore>& ignores, const std::string& path,
                  const std::vector<std::string>& enabled, std::vector<Diagnostic>& diagnostics);

}  // namespace migralint::lint
