// ts_boundaries.h: statement boundaries from tree-sitter's error-tolerant SQL tree, used to
// recover after a syntax error, where PostgreSQL's parser (and its splitter) stop.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace migralint::parse {

/// Offsets of the ';' tokens that end statements, in order.
std::vector<std::uint32_t> StatementSemicolons(std::string_view text);

}  // namespace migralint::parse
