// syntax-error: reported by the parse stage (PostgreSQL's own grammar); this is its identity.
#include "migralint/rule.h"

namespace migralint::rules {

const Rule& syntax_error() {
  static const Rule rule{
      .id = "syntax-error",
      .severity = Severity::kError,
      .category = "correctness",
      .summary = "a statement PostgreSQL would reject; the rest of the file is still linted",
  };
  return rule;
}

}  // namespace migralint::rules
