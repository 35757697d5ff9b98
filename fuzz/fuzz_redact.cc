// fuzz_redact.cc: libFuzzer target — a password in every form of connection string
// (apply::RedactPassword, apply::RedactMessage): never shown, whatever surrounds it; any bytes
// at all redact without a crash or a hang. Apply-stage only, so its entry point is here rather
// than in targets.cc (whose library stops at the report stage).
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "apply/connection.h"

namespace {

// The input: a form number, then the password up to the first '\n', then the other parts
// (user, host) separated by '\n'.
struct Parts {
  unsigned form = 0;
  std::string password, user, host;
};

Parts Split(std::string_view bytes) {
  Parts p;
  if (bytes.empty()) return p;
  p.form = static_cast<unsigned char>(bytes[0]) % 5;
  bytes.remove_prefix(1);
  std::string* fields[] = {&p.password, &p.user, &p.host};
  for (std::string* field : fields) {
    const std::size_t nl = bytes.find('\n');
    *field = std::string(bytes.substr(0, nl));
    bytes = nl == std::string_view::npos ? std::string_view() : bytes.substr(nl + 1);
  }
  return p;
}

bool Has(const std::string& s, std::string_view any) {
  return s.find_first_of(any) != std::string::npos;
}

// The string with the password in it, or "" when the password cannot be one in that form (libpq
// would read it otherwise).
std::string Form(const Parts& p) {
  const std::string& pw = p.password;
  switch (p.form) {
    case 0:  // userinfo of a URL: anything but a blank or quote around it
      if (Has(p.user, ":@/?#") || Has(p.host, "@ \t\n'")) return "";
      return "postgresql://" + p.user + ":" + pw + "@" + p.host + "/db";
    case 1:  // upper-case scheme
      if (Has(p.user, ":@/?#") || Has(p.host, "@ \t\n'")) return "";
      return "POSTGRESQL://" + p.user + ":" + pw + "@" + p.host;
    case 2:  // URL parameter: up to the next &name=
      if (Has(pw, "&") || Has(p.host, "&?#=")) return "";
      return "postgresql:///db?host=" + p.host + "&password=" + pw;
    case 3:  // keyword, bare
      if (Has(pw, " \t\n\r\f\v'\\") || pw.empty() || Has(p.host, " \t\n\r\f\v'=")) return "";
      return "host=" + p.host + " password=" + pw + " dbname=db";
    default: {  // keyword, quoted
      if (Has(p.host, " \t\n\r\f\v'=")) return "";
      std::string quoted;
      for (char c : pw) {
        if (c == '\'' || c == '\\') quoted += '\\';
        quoted += c;
      }
      return "host=" + p.host + " password = '" + quoted + "' dbname=db";
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  // Any bytes: no crash, no hang.
  const std::string any(bytes);
  migralint::apply::RedactMessage("x \"" + any + "\"\n" + any, any, any);

  const Parts parts = Split(bytes);
  Parts other = parts;
  other.password = "PW__";
  const std::string form = Form(parts), other_form = Form(other);
  const std::string& pw = parts.password;
  if (form.empty() || other_form.empty() || pw.size() < 4) return 0;
  // No piece of the password shows (six bytes or more that the string without it does not
  // hold: hiding more than the password is fine).
  const std::string shown = migralint::apply::RedactPassword(form);
  bool bad = false;
  const std::size_t piece = std::min<std::size_t>(6, pw.size());
  for (std::size_t at = 0; pw.size() <= 256 && at + piece <= pw.size() && !bad; ++at) {
    const std::string_view window = std::string_view(pw).substr(at, piece);
    if (shown.find(window) != std::string::npos && other_form.find(window) == std::string::npos &&
        window.find('*') == std::string_view::npos) {
      std::fprintf(stderr, "fuzz_redact: RedactPassword shows a piece of the password: %s\n",
                   shown.c_str());
      bad = true;
    }
  }
  // Nor in a message quoting it (when it is nowhere else, and not of asterisks, which is what a
  // hidden one looks like).
  const std::string message = migralint::apply::RedactMessage(
      "could not read \"" + pw + "\" in \"" + form + "\"", form, pw);
  if (parts.user.find(pw) == std::string::npos && parts.host.find(pw) == std::string::npos &&
      !Has(pw, "*") && message.find(pw) != std::string::npos) {
    std::fprintf(stderr, "fuzz_redact: RedactMessage shows the password: %s\n", message.c_str());
    bad = true;
  }
  if (bad) std::abort();
  return 0;
}
