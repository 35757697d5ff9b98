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
  /// Connects; on failure `error` holds one line without the password.
  static std::unique_ptr<Connection> Open(const std::string& conninfo, std::string& error);
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

/// `url` with its password replaced by "***" (for messages).
std::string RedactPassword(const std::string& url);

}  // namespace migralint::apply
