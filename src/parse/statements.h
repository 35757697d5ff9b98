// statements.h: turning libpg_query's raw statements into positioned Statements.
#pragma once

#include <vector>

#include "migralint/rule.h"
#include "parse/pg_parser.h"

namespace migralint::parse {

/// Appends the statements of `tree`, parsed from [base, chunk_end) of `text` (the file's text,
/// or the same with psql lines blanked), to `out`, with spans trimmed to their first and last
/// tokens. The tree is kept alive in `unit.trees`.
void AppendStatements(FileUnit& unit, std::string_view text, ParseTree tree, std::uint32_t base,
                      std::uint32_t chunk_end, int parent, const std::vector<Enclosure>& enclosures,
                      std::vector<Statement>& out);

/// A syntax-error diagnostic at byte `at`, underlining the token there.
Diagnostic SyntaxError(const SourceFile& source, std::uint32_t at, std::string message);

}  // namespace migralint::parse
