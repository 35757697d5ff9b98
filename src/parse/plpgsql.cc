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

// Null-safe lookups: libpg_query omits empty fields.
const json& Get(const json& j, const char* key) {
  static const json kNull;
  if (!j.is_object()) return kNull;
  auto it = j.find(key);
  return it == j.end() ? kNull : *it;
}

const json& List(const json& j, const char* key) {
  static const json kEmpty = json::array();
  const json& v = Get(j, key);
  return v.is_array() ? v : kEmpty;
}

std::string Text(const json& j, const char* key) {
  const json& v = Get(j, key);
  return v.is_string() ? v.get<std::string>() : std::string();
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

  static std::string Query(const json& expr) { return Text(Get(expr, "PLpgSQL_expr"), "query"); }

  void Statement(const json& item) {
    if (!item.is_object() || item.empty()) return;
    const std::string& kind = item.begin().key();
    const json& s = item.begin().value();
    if (kind == "PLpgSQL_stmt_block") {
      const json& handlers = List(Get(Get(s, "exceptions"), "PLpgSQL_exception_block"), "exc_list");
      if (handlers.empty()) {
        Statements(List(s, "body"));
        return;
      }
      std::vector<std::vector<std::string>> conditions;
      std::vector<std::string> handled;
      for (const json& exc : handlers) {
        conditions.emplace_back();
        for (const json& c : List(Get(exc, "PLpgSQL_exception"), "conditions")) {
          conditions.back().push_back(Text(Get(c, "PLpgSQL_condition"), "condname"));
          handled.push_back(conditions.back().back());
        }
      }
      With({Enclosure::Kind::kBlock, "", handled}, List(s, "body"));
      for (std::size_t i = 0; i < handlers.size(); ++i) {
        With({Enclosure::Kind::kExceptionHandler, "", conditions[i]},
             List(Get(handlers[i], "PLpgSQL_exception"), "action"));
      }
    } else if (kind == "PLpgSQL_stmt_if") {
      With({Enclosure::Kind::kIf, Query(Get(s, "cond")), {}}, List(s, "then_body"));
      for (const json& elsif : List(s, "elsif_list")) {
        const json& e = Get(elsif, "PLpgSQL_if_elsif");
        With({Enclosure::Kind::kElsIf, Query(Get(e, "cond")), {}}, List(e, "stmts"));
      }
      With({Enclosure::Kind::kElse, "", {}}, List(s, "else_body"));
    } else if (kind == "PLpgSQL_stmt_case") {
      for (const json& when : List(s, "case_when_list")) {
        const json& w = Get(when, "PLpgSQL_case_when");
        With({Enclosure::Kind::kIf, Query(Get(w, "expr")), {}}, List(w, "stmts"));
      }
      With({Enclosure::Kind::kElse, "", {}}, List(s, "else_stmts"));
    } else if (kind.rfind("PLpgSQL_stmt_", 0) == 0 && Get(s, "body").is_array()) {
      With({Enclosure::Kind::kLoop, "", {}}, List(s, "body"));  // loop, while, for*, foreach
    } else if (kind == "PLpgSQL_stmt_execsql") {
      const json& lineno = Get(s, "lineno");
      Embedded(Query(Get(s, "sqlstmt")), lineno.is_number() ? lineno.get<int>() : 1);
    }
  }

  // Finds `query` in the body, starting at its line, and parses it.
  void Embedded(const std::string& query, int lineno) {
    if (query.empty()) return;
    const std::string_view text = unit_.source.text;
    const Position body_start = unit_.source.At(body_.begin);
    const std::uint32_t line =
        body_start.line + static_cast<std::uint32_t>(lineno > 0 ? lineno - 1 : 0);
    std::uint32_t from =
        line <= unit_.source.lines.LineCount() ? unit_.source.lines.LineStart(line) : body_.begin;
    if (from < body_.begin) from = body_.begin;
    std::size_t at = text.substr(0, body_.end).find(query, from);
    if (at == std::string_view::npos) at = text.substr(0, body_.end).find(query, body_.begin);
    if (at == std::string_view::npos) at = body_.begin;  // a body written as a '' string
    PgParse parsed = ParseSql(query.c_str());
    if (!parsed.tree) return;  // PostgreSQL only checks these when the body runs
    AppendStatements(unit_, unit_.source.text, std::move(parsed.tree),
                     static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(at + query.size()),
                     parent_, stack_, out_);
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
    // Without the catalog, libpg_query's PL/pgSQL parser misjudges what depends on context
    // (RETURN NEXT with OUT parameters, unknown variables): only grammar errors are reported.
    const std::string message = result.error->message ? result.error->message : "";
    if (message.rfind("syntax error", 0) != 0 && message.rfind("unterminated", 0) != 0)
      return nested;
    const std::uint32_t at = result.error->cursorpos > 0
                                 ? top.begin + CursorToOffset(statement, result.error->cursorpos)
                                 : body.begin;
    out.push_back(SyntaxError(unit.source, at, std::string("PL/pgSQL: ") + result.error->message));
    return nested;
  }
  const json functions = json::parse(result.plpgsql_funcs, nullptr, false);
  if (!functions.is_array()) return nested;
  for (const json& function : functions) {
    Walker walker(unit, parent, body, nested);
    walker.Statements(json::array({Get(Get(function, "PLpgSQL_function"), "action")}));
  }
  return nested;
}

}  // namespace migralint::parse
