// connection.cc: libpq calls; every PGresult is cleared on every path.
#include "apply/connection.h"

#include <algorithm>
#include <cctype>
#include <string_view>

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

namespace {

using Range = std::pair<std::size_t, std::size_t>;  // [begin, end) of a password

// True when `s` is a URL: blanks, a scheme of any case, "://".
bool IsUrl(const std::string& s) {
  std::size_t i = 0;
  while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
  if (i >= s.size() || !std::isalpha(static_cast<unsigned char>(s[i]))) return false;
  while (i < s.size() && (std::isalnum(static_cast<unsigned char>(s[i])) || s[i] == '+' ||
                          s[i] == '.' || s[i] == '-'))
    ++i;
  return s.compare(i, 3, "://") == 0;
}

// The next "password" at or after `from`, in any letter case.
std::size_t FindKey(const std::string& s, std::size_t from) {
  static constexpr std::string_view kKey = "password";
  for (std::size_t i = from; i + kKey.size() <= s.size(); ++i) {
    std::size_t k = 0;
    while (k < kKey.size() && std::tolower(static_cast<unsigned char>(s[i + k])) == kKey[k]) ++k;
    if (k == kKey.size()) return i;
  }
  return std::string::npos;
}

// True when a URL parameter ("name=") starts at `at`.
bool StartsParameter(const std::string& s, std::size_t at) {
  std::size_t i = at;
  while (i < s.size() && (std::isalpha(static_cast<unsigned char>(s[i])) || s[i] == '_')) ++i;
  return i > at && i < s.size() && s[i] == '=';
}

// Where the passwords of `conninfo` are.
std::vector<Range> PasswordRanges(const std::string& s) {
  std::vector<Range> ranges;
  // Every URL in it (the whole string, or a dbname=… value): from the first ':' of its user
  // information to the last '@' — a password holding '@', '/', '?' or a bad '%' escape is
  // hidden whole, as libpq might read it.
  // A string that is a URL is one to its end, blanks included (libpq reads it whole); a URL in
  // key=value pairs ends at a blank or a quote.
  const bool url = IsUrl(s);
  for (std::size_t at = s.find("://"); at != std::string::npos; at = s.find("://", at + 3)) {
    const std::size_t start = at + 3;
    std::size_t end = start;
    const bool whole = url && s.find("://") == at;
    while (end < s.size() &&
           (whole || (!std::isspace(static_cast<unsigned char>(s[end])) && s[end] != '\'')))
      ++end;
    std::size_t last_at = end;
    while (last_at > start && s[last_at - 1] != '@') --last_at;
    std::size_t colon = start;
    while (colon + 1 < last_at && s[colon] != ':') ++colon;
    if (last_at > start && colon + 1 < last_at && s[colon] == ':')
      ranges.emplace_back(colon + 1, last_at - 1);
    at = std::max(at, end > 3 ? end - 3 : 0);  // the next URL starts after this one
  }
  // password=… as a URL parameter (to the next "&name=") or a keyword (quoted, or to the next
  // blank), in any letter case. (Scanned by hand: std::regex recurses once per character.)
  std::size_t next = 0;  // a value found is not searched again
  for (std::size_t at = FindKey(s, 0); at != std::string::npos; at = FindKey(s, next)) {
    next = at + 1;
    std::size_t value = at + 8;  // after "password"
    if (url) {
      if (at == 0 || (s[at - 1] != '?' && s[at - 1] != '&') || value >= s.size() || s[value] != '=')
        continue;
      std::size_t end = ++value;
      while (end < s.size() && !(s[end] == '&' && StartsParameter(s, end + 1))) ++end;
      ranges.emplace_back(value, end);
      next = std::max(next, end);
      continue;
    }
    if (at > 0 && !std::isspace(static_cast<unsigned char>(s[at - 1]))) continue;
    while (value < s.size() && std::isspace(static_cast<unsigned char>(s[value]))) ++value;
    if (value >= s.size() || s[value] != '=') continue;
    ++value;
    while (value < s.size() && std::isspace(static_cast<unsigned char>(s[value]))) ++value;
    std::size_t end = value;
    if (end < s.size() && s[end] == '\'') {
      for (++end; end < s.size() && s[end] != '\''; ++end) {
        if (s[end] == '\\') ++end;
      }
      end = std::min(end + 1, s.size());
    } else {
      while (end < s.size() && !std::isspace(static_cast<unsigned char>(s[end]))) ++end;
    }
    ranges.emplace_back(value, end);
    next = std::max(next, end);
  }
  std::sort(ranges.begin(), ranges.end());
  std::vector<Range> merged;
  for (const Range& r : ranges) {
    if (!merged.empty() && r.first <= merged.back().second)
      merged.back().second = std::max(merged.back().second, r.second);
    else
      merged.push_back(r);
  }
  return merged;
}

}  // namespace

std::string RedactPassword(const std::string& conninfo) {
  std::string out;
  std::size_t from = 0;
  for (const auto& [begin, end] : PasswordRanges(conninfo)) {
    out += conninfo.substr(from, begin - from) + "***";
    from = end;
  }
  return out + conninfo.substr(from);
}

std::string RedactMessage(const std::string& message, const std::string& conninfo,
                          const std::string& password) {
  const std::vector<Range> hidden = PasswordRanges(conninfo);
  // A token is secret when some place of it in the string overlaps a password.
  auto is_secret = [&](const std::string& token) {
    for (std::size_t at = conninfo.find(token); at != std::string::npos;
         at = conninfo.find(token, at + 1)) {
      for (const auto& [begin, end] : hidden) {
        if (at < end && begin < at + token.size()) return true;
      }
    }
    return false;
  };
  // The passwords themselves first (they may hold quotes), longest first.
  std::vector<std::string> secrets;
  if (password.size() >= 2) secrets.push_back(password);
  for (const auto& [begin, end] : hidden) {
    if (end - begin >= 3) secrets.push_back(conninfo.substr(begin, end - begin));
  }
  std::sort(secrets.begin(), secrets.end(),
            [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  std::string text = message;
  for (const std::string& secret : secrets) {
    for (std::size_t at = text.find(secret); at != std::string::npos;
         at = text.find(secret, at + 3))
      text.replace(at, secret.size(), "***");
  }
  // One line: libpq writes one line per address tried, and hints on lines of their own.
  std::string line;
  std::size_t from = 0;
  while (from <= text.size()) {
    std::size_t nl = text.find('\n', from);
    if (nl == std::string::npos) nl = text.size();
    std::string part = text.substr(from, nl - from);
    const std::size_t first = part.find_first_not_of(" \t\r");
    const std::size_t last = part.find_last_not_of(" \t\r");
    if (first != std::string::npos) {
      part = part.substr(first, last - first + 1);
      if (line.find(part) == std::string::npos) line += (line.empty() ? "" : "; ") + part;
    }
    from = nl + 1;
  }
  // Quoted tokens: libpq quotes what it could not read, which may be (part of) the password.
  std::string out;
  for (std::size_t i = 0; i < line.size();) {
    const std::size_t open = line.find('"', i);
    const std::size_t close = open == std::string::npos ? open : line.find('"', open + 1);
    if (close == std::string::npos) {
      out += line.substr(i);
      break;
    }
    const std::string token = line.substr(open + 1, close - open - 1);
    out += line.substr(i, open - i) + '"';
    if (token.find("://") != std::string::npos || token.find('=') != std::string::npos)
      out += RedactPassword(token);
    else
      out += is_secret(token) ? "***" : token;
    out += '"';
    i = close + 1;
  }
  for (const std::string& secret : secrets) {
    for (std::size_t at = out.find(secret); at != std::string::npos; at = out.find(secret, at + 3))
      out.replace(at, secret.size(), "***");
  }
  return out;
}

std::unique_ptr<Connection> Connection::Open(const std::string& conninfo, std::string& error,
                                             int connect_timeout) {
  pq = LoadLibpq(error);
  if (!pq) return nullptr;
  // Read first: libpq's complaints about a malformed string quote pieces of it.
  char* parse_error = nullptr;
  PQconninfoOption* options = pq->conninfo_parse(conninfo.c_str(), &parse_error);
  if (!options) {
    error = "invalid connection string" +
            (parse_error ? ": " + RedactMessage(parse_error, conninfo) : std::string());
    if (parse_error) pq->freemem(parse_error);
    return nullptr;
  }
  std::string password;
  for (const PQconninfoOption* o = options; o->keyword; ++o) {
    if (std::string_view(o->keyword) == "password" && o->val) password = o->val;
  }
  pq->conninfo_free(options);
  const std::string timeout = std::to_string(connect_timeout);
  // The timeout first: one that the string names itself overrides it.
  const char* keywords[] = {"connect_timeout", "dbname", nullptr};
  const char* values[] = {timeout.c_str(), conninfo.c_str(), nullptr};
  pg_conn* conn = pq->connectdb_params(keywords, values, 1);
  if (!conn || pq->status(conn) != CONNECTION_OK) {
    error = RedactMessage(conn ? pq->error_message(conn) : "out of memory", conninfo, password);
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
