// registry.cc: the runner profiles of runners.def, in detection order.
#include <algorithm>

#include "migralint/runner.h"

namespace migralint {
namespace runners {
#define MIGRALINT_RUNNER(name) const Runner& name();
#include "runners/runners.def"
#undef MIGRALINT_RUNNER
}  // namespace runners

const std::vector<const Runner*>& AllRunners() {
  static const std::vector<const Runner*> all{
#define MIGRALINT_RUNNER(name) &runners::name(),
#include "runners/runners.def"
#undef MIGRALINT_RUNNER
  };
  return all;
}

const Runner* FindRunner(std::string_view name) {
  for (const Runner* runner : AllRunners()) {
    if (runner->name == name) return runner;
  }
  return nullptr;
}

const Runner& DefaultRunner() { return runners::migralint(); }

}  // namespace migralint
