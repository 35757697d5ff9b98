// pg_parser.h: libpg_query behind RAII — PostgreSQL's own grammar, its tree as protobuf structs.
#pragma once

#include <pg_query.h>
#include <pg_query/pg_query.pb-c.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "parse/arena.h"

namespace migralint::parse {

/// A parse tree and the arena every node of it lives in.
class ParseTree {
 public:
  ParseTree() = default;
  ParseTree(std::unique_ptr<Arena> arena, const PgQuery__ParseResult* root)
      : arena_(std::move(arena)), root_(root) {}
  explicit operator bool() const { return root_ != nullptr; }
  const PgQuery__ParseResult* operator->() const { return root_; }
  /// Hands the nodes' memory over (the tree's pointers stay valid while it lives).
  std::shared_ptr<const void> Release() && {
    return std::shared_ptr<const void>(std::move(arena_));
  }

 private:
  std::unique_ptr<Arena> arena_;
  const PgQuery__ParseResult* root_ = nullptr;
};

struct PgError {
  std::string message;
  int cursor = 0;         // 1-based character position in the input, 0 when unknown
  bool too_deep = false;  // parsed, but nested beyond kMaxJsonDepth: refused, not read
};

/// The error for a statement nested too deeply to be walked.
PgError TooDeepError();

struct PgParse {
  ParseTree tree;                // set on success
  std::optional<PgError> error;  // set on failure
};

/// Parses `sql` (NUL-terminated) with PostgreSQL's raw parser.
PgParse ParseSql(const char* sql);

/// Byte offset of the 1-based character position `cursor` in `text`.
std::uint32_t CursorToOffset(std::string_view text, int cursor);

}  // namespace migralint::parse
