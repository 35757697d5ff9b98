// plpgsql.cc: walk of libpg_query's PL/pgSQL JSON; each embedded SQL statement is parsed again.
#include "parse/plpgsql.h"

#include <simdjson.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <optional>
#include <string>

#include "parse/json_tree.h"
#include "parse/lexer.h"
#include "parse/pg_parser.h"
#include "parse/statements.h"

namespace migralint::parse {
namespace {

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

// Null-safe lookups (libpg_query omits empty fields): a missing member or a value of another
// type is nullopt, and walks as an empty list.
using Json = std::optional<simdjson::dom::element>;

Json Get(const Json& j, const char* key) {
  simdjson::dom::object object;
  simdjson::dom::element value;
  if (!j || j->get_object().get(object) || object.at_key(key).get(value)) return std::nullopt;
  return value;
}

template <typename Visit>
void ForEach(const Json& list, Visit visit) {
  simdjson::dom::array items;
  if (!list || list->get_array().get(items)) return;
  for (simdjson::dom::element item : items) visit(Json(item));
}

bool IsList(const Json& j) { return j && j->is_array(); }

std::string Text(const Json& j, const char* key) {
  std::string_view text;
  const Json v = Get(j, key);
  return v && !v->get_string().get(text) ? std::string(text) : std::string();
}

class Walker {
 public:
  Walker(FileUnit& unit, std::string_view text, int parent, Body body, std::vector<Statement>& out)
      : unit_(unit), text_(text), parent_(parent), body_(body), out_(out) {}

  /// The function's or DO block's action (its outer block).
  void Walk(const Json& action) { Statement(action); }

 private:
  void Statements(const Json& list) {
    ForEach(list, [&](const Json& item) { Statement(item); });
  }

  void With(Enclosure enclosure, const Json& list) {
    stack_.push_back(std::move(enclosure));
    Statements(list);
    stack_.pop_back();
  }

  static std::string Query(const Json& expr) { return Text(Get(expr, "PLpgSQL_expr"), "query"); }

  void Statement(const Json& item) {
    simdjson::dom::object object;
    if (!item || item->get_object().get(object) || object.size() == 0) return;
    const simdjson::dom::key_value_pair first = *object.begin();
    const std::string_view kind = first.key;
    const Json s = first.value;
    if (kind == "PLpgSQL_stmt_block") {
      const Json handlers = Get(Get(Get(s, "exceptions"), "PLpgSQL_exception_block"), "exc_list");
      std::vector<std::vector<std::string>> conditions;
      std::vector<std::string> handled;
      ForEach(handlers, [&](const Json& exc) {
        conditions.emplace_back();
        ForEach(Get(Get(exc, "PLpgSQL_exception"), "conditions"), [&](const Json& c) {
          conditions.back().push_back(Text(Get(c, "PLpgSQL_condition"), "condname"));
          handled.push_back(conditions.back().back());
        });
      });
      if (conditions.empty()) {
        Statements(Get(s, "body"));
        return;
      }
      With({Enclosure::Kind::kBlock, "", handled}, Get(s, "body"));
      std::size_t i = 0;
      ForEach(handlers, [&](const Json& exc) {
        With({Enclosure::Kind::kExceptionHandler, "", conditions[i++]},
             Get(Get(exc, "PLpgSQL_exception"), "action"));
      });
    } else if (kind == "PLpgSQL_stmt_if") {
      With({Enclosure::Kind::kIf, Query(Get(s, "cond")), {}}, Get(s, "then_body"));
      ForEach(Get(s, "elsif_list"), [&](const Json& elsif) {
        const Json e = Get(elsif, "PLpgSQL_if_elsif");
        With({Enclosure::Kind::kElsIf, Query(Get(e, "cond")), {}}, Get(e, "stmts"));
      });
      With({Enclosure::Kind::kElse, "", {}}, Get(s, "else_body"));
    } else if (kind == "PLpgSQL_stmt_case") {
      ForEach(Get(s, "case_when_list"), [&](const Json& when) {
        const Json w = Get(when, "PLpgSQL_case_when");
        With({Enclosure::Kind::kIf, Query(Get(w, "expr")), {}}, Get(w, "stmts"));
      });
      With({Enclosure::Kind::kElse, "", {}}, Get(s, "else_stmts"));
    } else if (kind.rfind("PLpgSQL_stmt_", 0) == 0 && IsList(Get(s, "body"))) {
      With({Enclosure::Kind::kLoop, "", {}}, Get(s, "body"));  // loop, while, for*, foreach
    } else if (kind == "PLpgSQL_stmt_execsql") {
      std::int64_t lineno = 1;
      if (const Json l = Get(s, "lineno"); !l || l->get_int64().get(lineno)) lineno = 1;
      Embedded(Query(Get(s, "sqlstmt")), static_cast<int>(lineno));
    }
  }

  // Finds `query` in the body, starting at its line, and parses it.
  void Embedded(const std::string& query, int lineno) {
    if (query.empty()) return;
    const std::string_view text = text_;
    const Position body_start = unit_.source.At(body_.begin);
    const std::uint32_t line =
        body_start.line + static_cast<std::uint32_t>(lineno > 0 ? lineno - 1 : 0);
    std::uint32_t from = line <= unit_.source.lines().LineCount()
                             ? unit_.source.lines().LineStart(line)
                             : body_.begin;
    if (from < body_.begin) from = body_.begin;
    std::size_t at = text.substr(0, body_.end).find(query, from);
    if (at == std::string_view::npos) at = text.substr(0, body_.end).find(query, body_.begin);
    if (at == std::string_view::npos) at = body_.begin;  // a body written as a '' string
    PgParse parsed = ParseSql(query.c_str());
    if (!parsed.tree) return;  // PostgreSQL only checks these when the body runs
    AppendStatements(unit_, text_, std::move(parsed.tree), static_cast<std::uint32_t>(at),
                     static_cast<std::uint32_t>(at + query.size()), parent_, stack_, out_);
  }

  FileUnit& unit_;
  std::string_view text_;
  int parent_;
  Body body_;
  std::vector<migralint::Statement>& out_;
  std::vector<Enclosure> stack_;
};

constexpr int kMaxBlockDepth = 1000;

// How deep the blocks of a PL/pgSQL body nest: BEGIN, IF, LOOP and CASE open one, END closes
// one (the IF of END IF, and IF [NOT] EXISTS, open none). Words in strings and comments count
// too: an estimate, high only for bodies no one writes.
int BlockDepth(std::string_view body) {
  int depth = 0, deepest = 0;
  std::string previous;
  for (std::size_t i = 0; i < body.size();) {
    if (!std::isalpha(static_cast<unsigned char>(body[i]))) {
      ++i;
      continue;
    }
    std::size_t j = i;
    std::string word;
    while (j < body.size() && (std::isalnum(static_cast<unsigned char>(body[j])) || body[j] == '_'))
      word += static_cast<char>(std::toupper(static_cast<unsigned char>(body[j++])));
    if (word == "END") {
      --depth;
    } else if ((word == "BEGIN" || word == "LOOP" || word == "CASE" || word == "IF") &&
               previous != "END") {
      std::size_t k = j;
      while (k < body.size() && std::isspace(static_cast<unsigned char>(body[k]))) ++k;
      const bool exists_test =
          word == "IF" && (body.substr(k, 3) == "NOT" || body.substr(k, 3) == "not" ||
                           body.substr(k, 6) == "EXISTS" || body.substr(k, 6) == "exists");
      if (!exists_test) deepest = std::max(deepest, ++depth);
    }
    previous = std::move(word);
    i = j;
  }
  return deepest;
}

}  // namespace

std::vector<Statement> NestedStatements(FileUnit& unit, std::string_view text, const Statement& top,
                                        int parent, std::vector<Diagnostic>& out) {
  std::vector<Statement> nested;
  if (!top.node) return nested;
  const auto location = PlpgsqlBodyLocation(top.node);
  if (!location) return nested;

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
  // Refused before the parser sees it: libpg_query's grammar recurses per level, which is slow
  // (quadratic under the sanitizers) long before its stack gives out.
  if (BlockDepth(text.substr(body.begin, body.end - body.begin)) > kMaxBlockDepth) {
    Diagnostic d = SyntaxError(unit.source, body.begin,
                               "PL/pgSQL body nested too deeply: its statements are not checked");
    d.lesser = true;
    d.help = "move the innermost blocks into functions of their own";
    out.push_back(std::move(d));
    return nested;
  }
  PgQueryPlpgsqlParseResult result = pg_query_parse_plpgsql(statement.c_str());
  std::unique_ptr<PgQueryPlpgsqlParseResult, void (*)(PgQueryPlpgsqlParseResult*)> guard(
      &result, [](PgQueryPlpgsqlParseResult* r) { pg_query_free_plpgsql_parse_result(*r); });
  // A body too deep to walk, or for the PL/pgSQL parser's own stack.
  auto too_deep = [&] {
    Diagnostic d = SyntaxError(unit.source, body.begin,
                               "PL/pgSQL body nested too deeply: its statements are not checked");
    d.lesser = true;
    d.help = "move the innermost blocks into functions of their own";
    out.push_back(std::move(d));
    return nested;
  };
  if (result.error) {
    // Without the catalog, libpg_query's PL/pgSQL parser misjudges what depends on context
    // (RETURN NEXT with OUT parameters, unknown variables): only grammar errors are reported.
    const std::string message = result.error->message ? result.error->message : "";
    if (message.rfind("memory exhausted", 0) == 0 ||
        message.rfind("stack depth limit exceeded", 0) == 0)
      return too_deep();
    if (message.rfind("syntax error", 0) != 0 && message.rfind("unterminated", 0) != 0)
      return nested;
    const std::uint32_t at = result.error->cursorpos > 0
                                 ? top.begin + CursorToOffset(statement, result.error->cursorpos)
                                 : body.begin;
    out.push_back(SyntaxError(unit.source, at, std::string("PL/pgSQL: ") + result.error->message));
    return nested;
  }
  // Its own parser: the DOM must outlive the walk, which parses SQL (through another parser).
  // Bounded as JsonParser is: the walk below recurses once per level.
  thread_local simdjson::dom::parser parser = BoundedJsonParser();
  simdjson::dom::element functions;
  if (const auto error =
          parser.parse(result.plpgsql_funcs, std::strlen(result.plpgsql_funcs)).get(functions)) {
    return error == simdjson::DEPTH_ERROR ? too_deep() : nested;
  }
  ForEach(functions, [&](const Json& function) {
    Walker walker(unit, text, parent, body, nested);
    walker.Walk(Get(Get(function, "PLpgSQL_function"), "action"));
  });
  return nested;
}

}  // namespace migralint::parse
