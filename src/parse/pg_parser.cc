// pg_parser.cc: one call into libpg_query; its C results are freed on every path.
#include "parse/pg_parser.h"

#include <string>

#include "parse/json_tree.h"

namespace migralint::parse {
namespace {

template <typename Result, void (*Free)(Result)>
struct Freed {
  Result result;
  ~Freed() { Free(result); }
};

PgError ErrorOf(const PgQueryError& error) {
  return PgError{error.message ? error.message : "syntax error", error.cursorpos};
}

// Through pg_query_parse_protobuf and unpack: for what the JSON loses (see ReadJsonTree).
PgParse ParseSqlProtobuf(const char* sql) {
  PgParse out;
  const Freed<PgQueryProtobufParseResult, pg_query_free_protobuf_parse_result> parsed{
      pg_query_parse_protobuf(sql)};
  if (parsed.result.error) {
    out.error = ErrorOf(*parsed.result.error);
    return out;
  }
  auto arena = std::make_unique<Arena>();
  const PgQuery__ParseResult* root = pg_query__parse_result__unpack(
      arena->protobuf(), parsed.result.parse_tree.len,
      reinterpret_cast<const uint8_t*>(parsed.result.parse_tree.data));
  if (!root) {
    out.error = PgError{"libpg_query returned an unreadable parse tree", 0};
    return out;
  }
  out.tree = ParseTree(std::move(arena), root);
  return out;
}

}  // namespace

PgError TooDeepError() {
  return PgError{"statement nested more than " + std::to_string(kMaxJsonDepth / 2) +
                     " levels deep: migralint does not check it",
                 0, true};
}

PgParse ParseSql(const char* sql) {
  PgParse out;
  const Freed<PgQueryParseResult, pg_query_free_parse_result> parsed{pg_query_parse(sql)};
  if (parsed.result.error) {
    out.error = ErrorOf(*parsed.result.error);
    return out;
  }
  auto arena = std::make_unique<Arena>();
  bool too_deep = false;
  const PgQuery__ParseResult* root = ReadJsonTree(parsed.result.parse_tree, sql, *arena, &too_deep);
  if (too_deep) {
    out.error = TooDeepError();
    return out;
  }
  if (!root) return ParseSqlProtobuf(sql);
  out.tree = ParseTree(std::move(arena), root);
  return out;
}

std::uint32_t CursorToOffset(std::string_view text, int cursor) {
  if (cursor <= 1) return 0;
  int chars = 0;
  for (std::uint32_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      if (++chars == cursor) return i;
    }
  }
  return static_cast<std::uint32_t>(text.size());
}

}  // namespace migralint::parse
