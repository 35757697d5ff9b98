// pg_parser.cc: one call into libpg_query; its C results are freed on every path.
#include "parse/pg_parser.h"

namespace migralint::parse {

void ParseTreeDeleter::operator()(PgQuery__ParseResult* tree) const {
  pg_query__parse_result__free_unpacked(tree, nullptr);
}

PgParse ParseSql(const char* sql) {
  PgParse out;
  PgQueryProtobufParseResult result = pg_query_parse_protobuf(sql);
  std::unique_ptr<PgQueryProtobufParseResult, void (*)(PgQueryProtobufParseResult*)> guard(
      &result, [](PgQueryProtobufParseResult* r) { pg_query_free_protobuf_parse_result(*r); });
  if (result.error) {
    out.error = PgError{result.error->message ? result.error->message : "syntax error",
                        result.error->cursorpos};
    return out;
  }
  out.tree.reset(pg_query__parse_result__unpack(
      nullptr, result.parse_tree.len, reinterpret_cast<const uint8_t*>(result.parse_tree.data)));
  if (!out.tree) out.error = PgError{"libpg_query returned an unreadable parse tree", 0};
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
