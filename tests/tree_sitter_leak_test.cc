// Regression test for the memory leaks in @derekstride/tree-sitter-sql's external
// scanner (see cmake/tree-sitter-sql-scanner.patch). The leak itself is caught by
// LeakSanitizer when the suite runs under ASan; this test makes the scanner
// serialize/deserialize dollar-quote tags many times so that LSan has a leak to
// find if the patch is ever lost.
#include <gtest/gtest.h>
#include <tree_sitter/api.h>
#include <tree_sitter/tree-sitter-sql.h>

#include <cstring>
#include <memory>
#include <string>
#include <vector>

namespace {

struct ParserDeleter {
  void operator()(TSParser* p) const { ts_parser_delete(p); }
};
struct TreeDeleter {
  void operator()(TSTree* t) const { ts_tree_delete(t); }
};
using ParserPtr = std::unique_ptr<TSParser, ParserDeleter>;
using TreePtr = std::unique_ptr<TSTree, TreeDeleter>;

std::vector<std::string> DollarQuoteInputs() {
  std::vector<std::string> inputs = {
      "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql;",
      "CREATE FUNCTION g() RETURNS void AS $body$\nBEGIN\n  PERFORM 1;\nEND\n$body$ LANGUAGE "
      "plpgsql;",
      // Nested quotes with different tags, and an inner $$ that must not close $fn$.
      "SELECT 1;\nCREATE FUNCTION h() RETURNS text AS $fn$ SELECT $inner$ a $$ b $inner$ $fn$ "
      "LANGUAGE sql;",
      "SELECT 1;\nDO $$ BEGIN EXECUTE $q$SELECT $x$y$x$$q$; END $$;",
      // Unterminated and malformed quotes (error recovery runs the scanner with every symbol
      // valid).
      "SELECT 1;\nSELECT $x$ never closed",
      "SELECT 1;\nSELECT $a$ $b$ $$ $a $ $$$$ $b$;",
      "SELECT 1;\nCREATE FUNCTION k() RETURNS int AS $$ SELECT $$ $$ $$ LANGUAGE sql;",
  };
  // Control bytes and an embedded NUL, like the input libFuzzer found.
  inputs.push_back(std::string("SELECT 1;\n$\b$\b\0$$\b$ $\b$", 24));
  // A tag longer than the scanner's 1024-byte growth step and the serialization buffer.
  const std::string long_tag = "$" + std::string(3000, 't') + "$";
  inputs.push_back("SELECT 1;\nSELECT " + long_tag + " body " + long_tag + ";");
  return inputs;
}

void ParseAndCheck(TSParser* parser, const std::string& sql) {
  TreePtr tree(
      ts_parser_parse_string(parser, nullptr, sql.data(), static_cast<uint32_t>(sql.size())));
  ASSERT_NE(tree, nullptr);
  const TSNode root = ts_tree_root_node(tree.get());
  EXPECT_STREQ(ts_node_type(root), "program") << sql;
  EXPECT_GT(ts_node_child_count(root), 0u) << sql;
}

}  // namespace

TEST(TreeSitterSql, DollarQuotesDoNotLeak) {
  const std::vector<std::string> inputs = DollarQuoteInputs();
  for (int round = 0; round < 50; ++round) {
    // A fresh parser per round (scanner create/destroy) and a reused one per input
    // (scanner state carried across parses).
    ParserPtr parser(ts_parser_new());
    ASSERT_NE(parser, nullptr);
    ASSERT_TRUE(ts_parser_set_language(parser.get(), tree_sitter_sql()));
    for (const std::string& sql : inputs) {
      ParseAndCheck(parser.get(), sql);
      if (HasFatalFailure()) return;
    }
  }
}
