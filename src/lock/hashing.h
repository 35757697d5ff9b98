// hashing.h: the two checksums of a migration — its bytes, and its statements normalised so
// that comments, whitespace and the letter case of keywords and plain identifiers do not count.
#pragma once

#include <string>
#include <string_view>

#include "migralint/sha256.h"

namespace migralint::lock {

using migralint::Sha256Hex;  // (the checksum of the bytes)

/// The statements as PostgreSQL's scanner sees them: comments dropped, tokens joined by one
/// space, keywords and unquoted identifiers lower-cased (PostgreSQL folds them), literals and
/// quoted identifiers exact. Falls back to the raw text when the scanner rejects it.
std::string NormalisedText(std::string_view sql);

/// Sha256Hex(NormalisedText(sql)).
std::string SemanticHash(std::string_view sql);

}  // namespace migralint::lock
