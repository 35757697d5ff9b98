// actions.h: what the editor's requests ask of a document's text: where an ignore comment goes,
// which rule a migralint-ignore comment names under the cursor, a rule's explanation.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace migralint::lsp {

/// An insertion: `text` at the start of line `line` (0-based).
struct LineInsert {
  std::uint32_t line = 0;
  std::string text;
};

/// The comment that suppresses `rule`'s finding starting on line `line` (0-based) at byte
/// `byte` of that line: `-- migralint-ignore <rule>: <reason>` on its own line before the
/// statement holding the finding (spec: it covers every line of that statement), indented as
/// that statement; `-- migralint-ignore-file …` on the first line for a finding before the first
/// statement (file-wide findings: names, headers).
LineInsert IgnoreComment(std::string_view text, std::string_view rule, std::uint32_t line,
                         std::size_t byte);

/// The rule id a `-- migralint-ignore` (or squawk-ignore) comment of `line` names at byte `byte`
/// (squawk names mapped onto migralint's), or empty.
std::string IgnoredRuleAt(std::string_view line, std::size_t byte);

/// What `migralint explain` prints of a rule, as markdown; empty for an unknown rule.
std::string Explanation(std::string_view rule);

}  // namespace migralint::lsp
