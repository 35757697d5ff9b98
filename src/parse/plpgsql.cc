// plpgsql.cc: walk of libpg_query's PL/pgSQL JSON; each embedded SQL statement is parsed again.
#include "parse/plpgsql.h"

#include <cstring>
#include <nlohmann/json.hpp>
#include <string>

#include "parse/lexer.h"
#include "parse/pg_parser.h"
#include "parse/statements.h"

namespace migralint::parse {
namespace {

using nlohmann::json;

struct Body {
  std::uint32_t begin = 0;  // first byte of the body's text in the file
  std::uint32_t end = 0;
};

// The "as" option of a DO or CREATE FUNCTION: the body literal's position, if the language is
// PL/pgSQL (DO's default).
std::optional<std::uint32_t> PlpgsqlBodyLocation(const PgQuery__Node* node) {
  PgQuery__Node** options = nullptr;
  std::size_t n_options = 0;
  bool plpgsql = false;
  if (node->node_case == PG_QUERY__NODE__NODE_DO_STMT) {
    options = node->do_stmt->args;
    n_options = node->do_stmt->n_args;
    plpgsql = true;
  } else if (node->node_case == PG_QUERY__NODE__NODE_CREATE_FUNCTION_STMT) {
    options = node->create_function_stmt->options;
    n_options = node->create_function_stmt->n_options;
  } else {
    return std::nullopt;
  }
  std::optional<std::uint32_t> location;
  for (std::size_t i = 0; i < n_options; ++i) {
    if (options[i]->node_case != PG_QUERY__NODE__NODE_DEF_ELEM) continue;
    const PgQuery__DefElem* def = options[i]->def_elem;
    if (std::strcmp(def->defname, "language") == 0 && def->arg &&
        def->arg->node_case == PG_QUERY__NODE__NODE_STRING) {
      plpgsql = strcasecmp(def->arg->string->sval, "plpgsql") == 0;
    } else if (std::strcmp(def->defname, "as") == 0) {
      location = static_cast<std::uint32_t>(def->location);
    }
  }
  if (!plpgsql) return std::nullopt;
  return location;
}

class Walker {
 public:
  Walker(FileUnit& unit, int parent, Body body, std::vector<Statement>& out)
      : unit_(unit), parent_(parent), body_(body), out_(out) {}

  void Statements(const json& list) {
    if (!list.is_array()) return;
    for (const json& item : list) Statement(item);
  }

 private:
  void With(Enclosure enclosure, const json& list) {
    stack_.push_back(std::move(enclosure));
    Statements(list);
    stack_.pop_back();
  }

  static std::string Query(const json& expr) {
    if (expr.contains("PLpgSQL_expr")) return expr["PLpgSQL_expr"].value("query", "");
    return {};
  }

  void Statement(const json& item) {
    if (!item.is_object() || item.empty()) return;
    const std::string& kind = item.begin().key();
    const json& s = item.begin().value();
    if (kind == "PLpgSQL_stmt_block") {
      if (s.contains("exceptions")) {
        std::vector<std::string> handled;
        std::vector<std::pair<std::vector<std::string>, const json*>> handlers;
        for (const json& exc : s["exceptions"]["PLpgSQL_exception_block"].value("exc_list", json::array())) {
          std::vector<std::string> conditions;
          for (const json& c : exc["PLpgSQL_exception"].value("conditions", json::array())) {
            conditions.push_back(c["PLpgSQL_condition"].value("condname", ""));
          }
          handled.insert(handled.end(), conditions.begin(), conditions.end());
          handlers.emplace_back(conditions, &exc["PLpgSQL_exception"]);
        }
        With({Enclosure::Kind::kBlock, "", handled}, s.value("body", json::array()));
        for (const auto& [conditions, handler] : handlers) {
          With({Enclosure::Kind::kExceptionHandler, "", conditions},
               handler->value("action", json::array()));
        }
      } else {
        Statements(s.value("body", json::array()));
      }
    } else if (kind == "PLpgSQL_stmt_if") {
      With({Enclosure::Kind::kIf, Query(s.value("cond", json::object())), {}},
           s.value("then_body", json::array()));
      for (const json& elsif : s.value("elsif_list", json::array())) {
        const json& e = elsif["PLpgSQL_if_elsif"];
        With({Enclosure::Kind::kElsIf, Query(e.value("cond", json::object())), {}},
             e.value("stmts", json::array()));
      }
      With({Enclosure::Kind::kElse, "", {}}, s.value("else_body", json::array()));
    } else if (kind == "PLpgSQL_stmt_case") {
      for (const json& when : s.value("case_when_list", json::array())) {
        const json& w = when["PLpgSQL_case_when"];
        With({Enclosure::Kind::kIf, Query(w.value("expr", json::object())), {}},
             w.value("stmts", json::array()));
      }
      With({Enclosure::Kind::kElse, "", {}}, s.value("else_stmts", json::array()));
    } else if (kind.rfind("PLpgSQL_stmt_", 0) == 0 && s.contains("body")) {
      With({Enclosure::Kind::kLoop, "", {}}, s["body"]);  // loop, while, for*, foreach
    } else if (kind == "PLpgSQL_stmt_execsql") {
      Embedded(Query(s.value("sqlstmt", json::object())), s.value("lineno", 1));
    }
  }

  // Finds `query` in the body, starting at its line, and parses it.
  void Embedded(const std::string& query, int lineno) {
    if (query.empty()) return;
    const std::string_view text = unit_.source.text;
    const Position body_start = unit_.source.At(body_.begin);
    const std::uint32_t line = body_start.line + static_cast<std::uint32_t>(lineno > 0 ? lineno - 1 : 0);
    std::uint32_t from = line <= unit_.source.lines.LineCount() ? unit_.source.lines.LineStart(line) : body_.begin;
    if (from < body_.begin) from = body_.begin;
    std::size_t at = text.substr(0, body_.end).find(query, from);
    if (at == std::string_view::npos) at = text.substr(0, body_.end).find(query, body_.begin);
    if (at == std::string_view::npos) at = body_.begin;  // a body written as a '' string
    PgParse parsed = ParseSql(query.c_str());
    if (!parsed.tree) return;  // PostgreSQL only checks these when the body runs
    AppendStatements(unit_, std::move(parsed.tree), static_cast<std::uint32_t>(at),
                     static_cast<std::uint32_t>(at + query.size()), parent_, stack_, out_);
  }

  FileUnit& unit_;
  int parent_;
  Body body_;
  std::vector<migralint::Statement>& out_;
  std::vector<Enclosure> stack_;
};

}  // namespace

std::vector<Statement> NestedStatements(FileUnit& unit, const Statement& top, int parent,
                                        std::vector<Diagnostic>& out) {
  std::vector<Statement> nested;
  if (!top.node) return nested;
  const auto location = PlpgsqlBodyLocation(top.node);
  if (!location) return nested;

  const std::string_view text = unit.source.text;
  // DefElem locations are relative to the text the statement was parsed from; the statement's
  // own offset in that text is recorded as parse_base.
  Body body;
  const std::uint32_t literal = top.parse_base + *location;
  if (literal >= top.end) return nested;
  if (const std::uint32_t tag = DollarTagLength(text, literal); tag > 0) {
    body.begin = literal + tag;
    const std::size_t close = text.find(text.substr(literal, tag), body.begin);
    body.end = close == std::string_view::npos ? top.end : static_cast<std::uint32_t>(close);
  } else {
    body.begin = literal + 1;
    body.end = top.end;
  }

  const std::string statement(text.substr(top.begin, top.end - top.begin));
  PgQueryPlpgsqlParseResult result = pg_query_parse_plpgsql(statement.c_str());
  std::unique_ptr<PgQueryPlpgsqlParseResult, void (*)(PgQueryPlpgsqlParseResult*)> guard(
      &result, [](PgQueryPlpgsqlParseResult* r) { pg_query_free_plpgsql_parse_result(*r); });
  if (result.error) {
    const std::uint32_t at =
        result.error->cursorpos > 0 ? top.begin + CursorToOffset(statement, result.error->cursorpos)
                                    : body.begin;
    out.push_back(SyntaxError(unit.source, at, std::string("PL/pgSQL: ") + result.error->message));
    return nested;
  }
  const json functions = json::parse(result.plpgsql_funcs, nullptr, false);
  if (!functions.is_array()) return nested;
  for (const json& function : functions) {
    if (!function.contains("PLpgSQL_function")) continue;
    Walker walker(unit, parent, body, nested);
    const json& action = function["PLpgSQL_function"].value("action", json::object());
    walker.Statements(json::array({action}));
  }
  return nested;
}

}  // namespace migralint::parse
