// parse_file.h: stage 3 — every statement of a file, positioned, with recovery after errors.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "migralint/diagnostic.h"
#include "migralint/rule.h"

namespace migralint::parse {

/// Fills unit.statements and unit.comments from unit.source. Syntax errors, psql
/// meta-commands and unterminated literals are reported to `out`; the statements around an
/// error are still parsed.
void ParseFile(FileUnit& unit, std::vector<Diagnostic>& out);

/// `text` as the runner hands it to PostgreSQL: each placeholder (`${name}`, `{{ .Name }}`,
/// `$%name%$`) replaced by its value from `values` when that fits in its place (padded with
/// blanks), else by an identifier of its own length ("${schema}" -> "_schema__"). Every offset
/// still matches the file; the same placeholder always gets the same stand-in, so an object
/// created under one is found under it later.
std::string WithPlaceholders(std::string_view text,
                             const std::map<std::string, std::string>& values);

}  // namespace migralint::parse
