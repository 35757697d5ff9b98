// statement.h: one parsed SQL statement of a file, with its exact span and PostgreSQL's tree.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

struct PgQuery__Node;

namespace migralint {

/// A PL/pgSQL construct around a statement found inside a DO block or function body.
struct Enclosure {
  enum class Kind { kIf, kElsIf, kElse, kLoop, kBlock, kExceptionHandler };
  Kind kind = Kind::kBlock;
  std::string condition;             // kIf / kElsIf: the condition's SQL text
  std::vector<std::string> handled;  // kBlock with EXCEPTION: condition names ("duplicate_object")
};

struct Statement {
  std::uint32_t begin = 0;  // byte offset of its first token in SourceFile::text
  std::uint32_t end = 0;    // one past its last token (the ';' excluded)
  /// PostgreSQL's parse tree (libpg_query protobuf), or null when it did not parse. Freed with
  /// the statement once its file has been replayed: rules that look at a set's earlier files or
  /// run at its end see the facts the schema model recorded.
  const PgQuery__Node* node = nullptr;
  int kind = 0;  // the tree's node_case (PgQuery__Node__NodeCase); 0 when it did not parse
  /// Offset in the file of the text the tree was parsed from: a node's `location` field is
  /// relative to it (file offset = parse_base + location).
  std::uint32_t parse_base = 0;
  /// For statements inside a PL/pgSQL body: index of the top-level statement holding it,
  /// and the constructs around it, outermost first. -1 for top-level statements.
  int parent = -1;
  std::vector<Enclosure> enclosures;

  bool IsNested() const { return parent >= 0; }
};

/// A comment of the file (line or block), for directives and suppressions.
struct Comment {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  std::string text;       // without the "--" or "/* */" markers, trimmed
  bool own_line = false;  // nothing but whitespace before it on its line
};

}  // namespace migralint
