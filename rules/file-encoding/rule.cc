// file-encoding: reported by the read stage; this is its identity.
#include "migralint/rule.h"

namespace migralint::rules {

const Rule& file_encoding() {
  static const Rule rule{
      .id = "file-encoding",
      .severity = Severity::kError,
      .category = "correctness",
      .summary = "a file that is not valid UTF-8 text (a BOM and CRLF line ends are fine)",
  };
  return rule;
}

}  // namespace migralint::rules
