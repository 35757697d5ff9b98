// pg_parser.h: libpg_query behind RAII — PostgreSQL's own grammar, its tree as protobuf structs.
#pragma once

#include <pg_query.h>
#include <pg_query/pg_query.pb-c.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace migralint::parse {

struct ParseTreeDeleter {
  void operator()(PgQuery__ParseResult* tree) const;
};
using ParseTree = std::unique_ptr<PgQuery__ParseResult, ParseTreeDeleter>;

struct PgError {
  std::string message;
  int cursor = 0;  // 1-based character position in the input, 0 when unknown
};

struct PgParse {
  ParseTree tree;                // set on success
  std::optional<PgError> error;  // set on failure
};

/// Parses `sql` (NUL-terminated) with PostgreSQL's raw parser.
PgParse ParseSql(const char* sql);

/// Byte offset of the 1-based character position `cursor` in `text`.
std::uint32_t CursorToOffset(std::string_view text, int cursor);

}  // namespace migralint::parse
