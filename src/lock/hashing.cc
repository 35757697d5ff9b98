// hashing.cc: libpg_query's scanner, for the normalised checksum.
#include "lock/hashing.h"

#include <pg_query.h>
#include <pg_query/pg_query.pb-c.h>

#include <array>
#include <cctype>
#include <memory>

namespace migralint::lock {

std::string NormalisedText(std::string_view sql) {
  const std::string input(sql);  // NUL-terminated for libpg_query
  PgQueryScanResult scan = pg_query_scan(input.c_str());
  std::unique_ptr<PgQueryScanResult, void (*)(PgQueryScanResult*)> guard(
      &scan, [](PgQueryScanResult* r) { pg_query_free_scan_result(*r); });
  if (scan.error) return input;
  std::unique_ptr<PgQuery__ScanResult, void (*)(PgQuery__ScanResult*)> tokens(
      pg_query__scan_result__unpack(nullptr, scan.pbuf.len,
                                    reinterpret_cast<const uint8_t*>(scan.pbuf.data)),
      [](PgQuery__ScanResult* r) { pg_query__scan_result__free_unpacked(r, nullptr); });
  if (!tokens) return input;
  std::string out;
  out.reserve(input.size());
  for (std::size_t i = 0; i < tokens->n_tokens; ++i) {
    const PgQuery__ScanToken* token = tokens->tokens[i];
    if (token->token == PG_QUERY__TOKEN__SQL_COMMENT ||
        token->token == PG_QUERY__TOKEN__C_COMMENT) {
      continue;
    }
    std::string_view text(input.data() + token->start,
                          static_cast<std::size_t>(token->end - token->start));
    if (!out.empty()) out.push_back(' ');
    const char first = text.empty() ? '\0' : text.front();
    const bool exact =
        first == '\'' || first == '"' || first == '$' || token->token == PG_QUERY__TOKEN__SCONST ||
        token->token == PG_QUERY__TOKEN__USCONST || token->token == PG_QUERY__TOKEN__UIDENT ||
        token->token == PG_QUERY__TOKEN__BCONST || token->token == PG_QUERY__TOKEN__XCONST;
    for (char c : text) {
      out.push_back(exact ? c : static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
  }
  return out;
}

std::string SemanticHash(std::string_view sql) { return Sha256Hex(NormalisedText(sql)); }

}  // namespace migralint::lock
