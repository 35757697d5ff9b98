// parse_file.h: stage 3 — every statement of a file, positioned, with recovery after errors.
#pragma once

#include <vector>

#include "migralint/diagnostic.h"
#include "migralint/rule.h"

namespace migralint::parse {

/// Fills unit.statements and unit.comments from unit.source. Syntax errors, psql
/// meta-commands and unterminated literals are reported to `out`; the statements around an
/// error are still parsed.
void ParseFile(FileUnit& unit, std::vector<Diagnostic>& out);

}  // namespace migralint::parse
