// connection.h: a libpq connection owned by RAII, and query results reduced to what the
// executor needs (ok, SQLSTATE, message, error position).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

struct pg_conn;

namespace migralint::apply {

struct QueryResult {
  bool ok = false;
  std::string sqlstate;  // "42P01", empty on success
  std::string message;   // PostgreSQL's primary message
  int position = 0;      // 1-based character position of the error in the query, 0 if none
  std::vector<std::vector<std::optional<std::string>>> rows;
};

class Connection {
 public:
  /// Connects, giving up after `connect_timeout` seconds (0: never; a timeout in `conninfo`
  /// itself wins); on failure `error` holds libpq's whole message on one line, without the
  /// password. A malformed `conninfo` is refused before libpq connects.
  static std::unique_ptr<Connection> Open(const std::string& conninfo, std::string& error,
                                          int connect_timeout = 10);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  /// Runs one or more statements (simple query protocol).
  QueryResult Exec(const std::string& sql);
  /// Runs one statement with text parameters $1, $2, ... (extended protocol).
  QueryResult ExecParams(const std::string& sql,
                         const std::vector<std::optional<std::string>>& params);
  bool Alive() const;

 private:
  explicit Connection(pg_conn* conn) : conn_(conn) {}
  pg_conn* conn_;
};

/// `conninfo` (a URL of any case, well-formed or not, or key=value pairs) with every password
/// replaced by "***" (for messages). Errs towards hiding more.
std::string RedactPassword(const std::string& conninfo);

/// libpq's `message` about `conninfo`, on one line ("; " between its lines), with every quoted
/// token that is not in RedactPassword(conninfo), and the password itself, replaced by "***".
std::string RedactMessage(const std::string& message, const std::string& conninfo,
                          const std::string& password = "");

}  // namespace migralint::apply
