// parse_file.h: stage 3 — every statement of a file, positioned, with recovery after errors.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "migralint/diagnostic.h"
#include "migralint/rule.h"

namespace migralint::parse {

/// Text over this size goes to PostgreSQL's parser a chunk of statements at a time (the same
/// statements as in one call, in a fraction of the memory).
inline constexpr std::size_t kParseChunkBytes = 256 * 1024;

/// Fills unit.statements and unit.comments from unit.source. Syntax errors, psql
/// meta-commands and unterminated literals are reported to `out`; the statements around an
/// error are still parsed. `chunk_bytes`: see kParseChunkBytes (tests make it small).
void ParseFile(FileUnit& unit, std::vector<Diagnostic>& out,
               std::size_t chunk_bytes = kParseChunkBytes);

/// `text` as the runner hands it to PostgreSQL: each placeholder (`${name}`, `{{ .Name }}`,
/// `$%name%$`) replaced by its value from `values` when that fits in its place (padded with
/// blanks), else by an identifier of its own length ("${schema}" -> "_schema__"). Every offset
/// still matches the file; the same placeholder always gets the same stand-in, so an object
/// created under one is found under it later.
std::string WithPlaceholders(std::string_view text,
                             const std::map<std::string, std::string>& values);

}  // namespace migralint::parse
