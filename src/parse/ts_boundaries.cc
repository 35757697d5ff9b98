// ts_boundaries.cc: walks tree-sitter's tree for ';' leaves, ERROR nodes included.
#include "parse/ts_boundaries.h"

#include <tree_sitter/api.h>
#include <tree_sitter/tree-sitter-sql.h>

#include <cstring>
#include <memory>

namespace migralint::parse {
namespace {

struct ParserDeleter {
  void operator()(TSParser* p) const { ts_parser_delete(p); }
};
struct TreeDeleter {
  void operator()(TSTree* t) const { ts_tree_delete(t); }
};

}  // namespace

std::vector<std::uint32_t> StatementSemicolons(std::string_view text) {
  std::vector<std::uint32_t> out;
  std::unique_ptr<TSParser, ParserDeleter> parser(ts_parser_new());
  if (!ts_parser_set_language(parser.get(), tree_sitter_sql())) return out;
  std::unique_ptr<TSTree, TreeDeleter> tree(ts_parser_parse_string(
      parser.get(), nullptr, text.data(), static_cast<std::uint32_t>(text.size())));
  if (!tree) return out;

  TSTreeCursor cursor = ts_tree_cursor_new(ts_tree_root_node(tree.get()));
  std::unique_ptr<TSTreeCursor, void (*)(TSTreeCursor*)> cursor_guard(&cursor,
                                                                      ts_tree_cursor_delete);
  // Depth-first over every node; a ';' is always a leaf.
  bool descending = true;
  while (true) {
    const TSNode node = ts_tree_cursor_current_node(&cursor);
    // Error recovery inserts zero-width MISSING tokens: those are tree-sitter's guesses, not
    // semicolons of the file.
    if (descending && ts_node_child_count(node) == 0 && !ts_node_is_missing(node) &&
        std::strcmp(ts_node_type(node), ";") == 0) {
      out.push_back(ts_node_start_byte(node));
    }
    if (descending && ts_tree_cursor_goto_first_child(&cursor)) continue;
    if (ts_tree_cursor_goto_next_sibling(&cursor)) {
      descending = true;
      continue;
    }
    if (!ts_tree_cursor_goto_parent(&cursor)) break;
    descending = false;
  }
  return out;
}

}  // namespace migralint::parse
