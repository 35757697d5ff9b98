// plpgsql.h: the SQL statements inside DO blocks and PL/pgSQL function bodies, with the
// IF / EXCEPTION / loop structure around each, through libpg_query's PL/pgSQL parser.
#pragma once

#include <vector>

#include "migralint/diagnostic.h"
#include "migralint/rule.h"

namespace migralint::parse {

/// Statements found in the body of `top` (a DO block or a PL/pgSQL function), positioned in
/// the file, with `parent` as their parent index; empty for any other statement. Parse trees
/// they point into are added to `unit.trees`. A body PL/pgSQL rejects is a syntax error.
/// `text`: the file as it was parsed (placeholders stood in for), offsets as in the file.
std::vector<Statement> NestedStatements(FileUnit& unit, std::string_view text, const Statement& top,
                                        int parent, std::vector<Diagnostic>& out);

}  // namespace migralint::parse
