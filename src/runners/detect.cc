// detect.cc: choosing a set's runner profile.
#include "runners/detect.h"

namespace migralint::runners {

const Runner& psql();

const Runner& Detect(const MigrationSet& set) {
  if (set.config && !set.config->runner.empty()) {
    if (const Runner* chosen = FindRunner(set.config->runner)) return *chosen;
  }
  for (const Runner* runner : AllRunners()) {
    if (runner->detect && runner->detect(set)) return *runner;
  }
  // A plain numbered folder with no runner's marker is run file by file, as seed 002 does.
  return set.layout == Layout::kNumbered ? psql() : DefaultRunner();
}

}  // namespace migralint::runners
