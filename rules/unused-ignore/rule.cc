// unused-ignore: reported by the suppression pass of the lint stage; this is its identity.
#include "migralint/rule.h"

namespace migralint::rules {

const Rule& unused_ignore() {
  static const Rule rule{
      .id = "unused-ignore",
      .severity = Severity::kWarning,
      .category = "suppression",
      .summary = "a migralint-ignore comment that names an unknown rule or suppresses nothing",
  };
  return rule;
}

}  // namespace migralint::rules
