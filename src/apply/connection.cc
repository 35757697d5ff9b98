// connection.cc: libpq calls; every PGresult is cleared on every path.
#include "apply/connection.h"

#include <regex>

#include "apply/libpq.h"

namespace migralint::apply {
namespace {

// Set by Connection::Open before any connection exists.
const Libpq* pq = nullptr;

struct ResultDeleter {
  void operator()(PGresult* r) const { pq->clear(r); }
};
using Result = std::unique_ptr<PGresult, ResultDeleter>;

std::string Field(const PGresult* r, int code) {
  const char* value = pq->result_error_field(r, code);
  return value ? value : "";
}

QueryResult Collect(pg_conn* conn, Result result) {
  QueryResult out;
  if (!result) {
    out.message = pq->error_message(conn);
    out.sqlstate = "08006";
    return out;
  }
  const ExecStatusType status = pq->result_status(result.get());
  out.ok = status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_EMPTY_QUERY;
  if (!out.ok) {
    out.sqlstate = Field(result.get(), PG_DIAG_SQLSTATE);
    out.message = Field(result.get(), PG_DIAG_MESSAGE_PRIMARY);
    if (out.message.empty()) out.message = pq->result_error_message(result.get());
    const std::string position = Field(result.get(), PG_DIAG_STATEMENT_POSITION);
    out.position = position.empty() ? 0 : std::stoi(position);
    if (out.sqlstate.empty()) out.sqlstate = "08006";  // the connection broke
    return out;
  }
  for (int row = 0; row < pq->ntuples(result.get()); ++row) {
    std::vector<std::optional<std::string>> values;
    for (int col = 0; col < pq->nfields(result.get()); ++col) {
      if (pq->getisnull(result.get(), row, col))
        values.emplace_back(std::nullopt);
      else
        values.emplace_back(pq->getvalue(result.get(), row, col));
    }
    out.rows.push_back(std::move(values));
  }
  return out;
}

}  // namespace

std::string RedactPassword(const std::string& url) {
  // postgres://user:secret@host -> postgres://user:***@host; password=secret -> password=***
  static const std::regex in_url(R"(^([a-z]+://[^:/@]*):[^@]*@)");
  static const std::regex in_keywords(R"((password\s*=\s*)('([^'\\]|\\.)*'|\S+))");
  std::string out = std::regex_replace(url, in_url, "$1:***@");
  out = std::regex_replace(out, in_keywords, "$1***");
  static const std::regex in_query(R"(([?&]password=)[^&]*)");
  return std::regex_replace(out, in_query, "$1***");
}

std::unique_ptr<Connection> Connection::Open(const std::string& conninfo, std::string& error) {
  pq = LoadLibpq(error);
  if (!pq) return nullptr;
  pg_conn* conn = pq->connectdb(conninfo.c_str());
  if (!conn || pq->status(conn) != CONNECTION_OK) {
    std::string message = conn ? pq->error_message(conn) : "out of memory";
    while (!message.empty() && (message.back() == '\n' || message.back() == ' '))
      message.pop_back();
    // libpq may print several lines (one per address tried): keep the last, without the password.
    if (const std::size_t nl = message.rfind('\n'); nl != std::string::npos)
      message = message.substr(nl + 1);
    error = RedactPassword(message);
    if (conn) pq->finish(conn);
    return nullptr;
  }
  pq->set_notice_processor(
      conn, [](void*, const char*) {}, nullptr);  // NOTICEs are not errors
  return std::unique_ptr<Connection>(new Connection(conn));
}

Connection::~Connection() { pq->finish(conn_); }

QueryResult Connection::Exec(const std::string& sql) {
  // With several statements, PQexec returns the last result, or the first error.
  return Collect(conn_, Result(pq->exec(conn_, sql.c_str())));
}

QueryResult Connection::ExecParams(const std::string& sql,
                                   const std::vector<std::optional<std::string>>& params) {
  std::vector<const char*> values;
  for (const auto& p : params) values.push_back(p ? p->c_str() : nullptr);
  return Collect(conn_, Result(pq->exec_params(conn_, sql.c_str(), static_cast<int>(values.size()),
                                               nullptr, values.data(), nullptr, nullptr, 0)));
}

bool Connection::Alive() const { return pq->status(conn_) == CONNECTION_OK; }

}  // namespace migralint::apply
