// redact_test.cc: passwords hidden in every form of connection string, well-formed or not, and in
// libpq's messages about them (apply::RedactPassword, apply::RedactMessage).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "apply/connection.h"

namespace migralint::apply {
namespace {

// Each holds the password "Zq7s3cr3t" (or pieces of it around a stray character).
const std::vector<std::pair<std::string, std::string>> kForms = {
    {"postgresql://user:Zq7s3cr3t@db.example:5432/app",
     "postgresql://user:***@db.example:5432/app"},
    {"postgres://user:Zq7s3cr3t@db.example/app", "postgres://user:***@db.example/app"},
    {"POSTGRESQL://user:Zq7s3cr3t@db.example/app", "POSTGRESQL://user:***@db.example/app"},
    {"PostgreS://user:Zq7s3cr3t@db.example/app", "PostgreS://user:***@db.example/app"},
    {"postgresql://user:Zq7s3@cr3t@db.example/app", "postgresql://user:***@db.example/app"},
    {"postgresql://user:Zq7s3%zzcr3t@db.example/app", "postgresql://user:***@db.example/app"},
    {"postgresql://user:Zq7s3cr3t%@db.example/app", "postgresql://user:***@db.example/app"},
    {"postgresql://user:Zq7s3/cr3t@db.example/app", "postgresql://user:***@db.example/app"},
    {"postgresql://user:Zq7s3?cr3t@db.example/app", "postgresql://user:***@db.example/app"},
    {"postgresql://user:Zq7s3cr3t@[::1/app", "postgresql://user:***@[::1/app"},
    {"postgresql://user:Zq7s3cr3t@[::1]:5432/app", "postgresql://user:***@[::1]:5432/app"},
    {"postgresql://user:Zq7s3cr3t@db.example/app?options=a@b", ""},  // hidden up to the last @
    {"postgresql:///app?host=/tmp&password=Zq7s3cr3t", "postgresql:///app?host=/tmp&password=***"},
    {"postgresql:///app?password=Zq7s3cr3t&sslmode=disable",
     "postgresql:///app?password=***&sslmode=disable"},
    {"postgresql:///app?password=Zq7s3&cr3t", "postgresql:///app?password=***"},
    {"postgresql:///app?PASSWORD=Zq7s3cr3t", "postgresql:///app?PASSWORD=***"},
    {"host=db port=5432 password=Zq7s3cr3t dbname=app",
     "host=db port=5432 password=*** dbname=app"},
    {"host=db password = 'Zq7s3 cr3t' dbname=app", "host=db password = *** dbname=app"},
    {"host=db password='Zq7s3\\'cr3t' dbname=app", "host=db password=*** dbname=app"},
    {"host=db password='Zq7s3cr3t", "host=db password=***"},
    {"host=db PASSWORD=Zq7s3cr3t", "host=db PASSWORD=***"},
    {"dbname=postgresql://user:Zq7s3cr3t@db/app host=x",
     "dbname=postgresql://user:***@db/app host=x"},
    {"  postgresql://user:Zq7s3cr3t@db/app", "  postgresql://user:***@db/app"},
};

bool Shows(const std::string& text) {
  for (const char* piece : {"Zq7", "s3cr3t", "cr3t", "s3%", "zz"})
    if (text.find(piece) != std::string::npos) return true;
  return false;
}

TEST(RedactPassword, EveryForm) {
  for (const auto& [form, expected] : kForms) {
    const std::string shown = RedactPassword(form);
    EXPECT_FALSE(Shows(shown)) << form << " -> " << shown;
    if (!expected.empty()) {
      EXPECT_EQ(shown, expected) << form;
    }
  }
}

TEST(RedactPassword, LeavesTheRestAlone) {
  EXPECT_EQ(RedactPassword("postgresql://user@db/app"), "postgresql://user@db/app");
  EXPECT_EQ(RedactPassword("postgresql://db:5432/app"), "postgresql://db:5432/app");
  EXPECT_EQ(RedactPassword("host=/tmp/x port=5432 user=postgres dbname=app"),
            "host=/tmp/x port=5432 user=postgres dbname=app");
  EXPECT_EQ(RedactPassword(""), "");
}

TEST(RedactMessage, QuotedPiecesOfThePasswordAndThePasswordItself) {
  const std::string url = "postgresql://user:Zq7s3%zzcr3t@db/app";
  EXPECT_EQ(RedactMessage("invalid percent-encoded token: \"Zq7s3%zzcr3t\"\n", url),
            "invalid percent-encoded token: \"***\"");
  EXPECT_EQ(RedactMessage("invalid percent-encoded token: \"%zz\"\n", url),
            "invalid percent-encoded token: \"***\"");
  const std::string ipv6 = "postgresql://user:Zq7s3cr3t@[::1/app";
  EXPECT_EQ(RedactMessage("end of string reached when looking for matching \"]\" in IPv6 host "
                          "address in URI: \"" +
                              ipv6 + "\"\n",
                          ipv6),
            "end of string reached when looking for matching \"]\" in IPv6 host address in URI: "
            "\"postgresql://user:***@[::1/app\"");
  const std::string amp = "postgresql:///app?password=Zq7s3&cr3t";
  EXPECT_EQ(RedactMessage("invalid URI query parameter: \"cr3t\"\n", amp),
            "invalid URI query parameter: \"***\"");
  // What is not secret stays, every line of it, on one line.
  const std::string refused = "postgresql://user:Zq7s3cr3t@localhost:1/app";
  EXPECT_EQ(RedactMessage("connection to server at \"localhost\" (::1), port 1 failed: Connection "
                          "refused\n\tIs the server running on that host and accepting TCP/IP "
                          "connections?\nconnection to server at \"localhost\" (127.0.0.1), port 1 "
                          "failed: Connection refused\n\tIs the server running on that host and "
                          "accepting TCP/IP connections?\n",
                          refused),
            "connection to server at \"localhost\" (::1), port 1 failed: Connection refused; Is "
            "the server running on that host and accepting TCP/IP connections?; connection to "
            "server at \"localhost\" (127.0.0.1), port 1 failed: Connection refused");
  EXPECT_EQ(RedactMessage("password authentication failed for user \"user\" (Zq7s3cr3t)", refused,
                          "Zq7s3cr3t"),
            "password authentication failed for user \"user\" (***)");
}

}  // namespace
}  // namespace migralint::apply
