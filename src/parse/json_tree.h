// json_tree.h: libpg_query's JSON parse tree read straight into its protobuf-c structs.
//
// pg_query_parse_protobuf serialises the tree (protobuf-c sizes every sub-message again at each
// level of nesting), and unpacking and freeing it allocates node by node: together ~70% of a
// lint run. pg_query_parse's JSON is produced in a single pass; simdjson reads it at GB/s, and
// the descriptors protobuf-c generated for pg_query.proto say where each field goes.
#pragma once

#include <pg_query/pg_query.pb-c.h>
#include <simdjson.h>

#include <cstddef>
#include <string_view>

#include "parse/arena.h"

namespace migralint::parse {

/// How deep a parse tree may nest, in JSON levels (two per node: a Node and its message). Deeper
/// statements are refused (TreeTooDeep): every walk over a tree recurses, and this bounds it.
constexpr std::size_t kMaxJsonDepth = 2048;

/// A parser for libpg_query's JSON that refuses documents nested deeper than kMaxJsonDepth
/// (simdjson::DEPTH_ERROR).
simdjson::dom::parser BoundedJsonParser();

/// The tree of `json` (pg_query_parse's parse_tree for `sql`), allocated in `arena`: the
/// structs pg_query__parse_result__unpack would give for the same statements. Null when the
/// JSON does not fit pg_query.proto, or loses a value (a negative number outside a literal):
/// the caller then takes the protobuf path — unless `too_deep` is set: the tree nests deeper than
/// kMaxJsonDepth, and must not be read at all.
PgQuery__ParseResult* ReadJsonTree(std::string_view json, std::string_view sql, Arena& arena,
                                   bool* too_deep = nullptr);

}  // namespace migralint::parse
