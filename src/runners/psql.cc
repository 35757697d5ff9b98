// psql: a folder of numbered files run one by one with `psql -f` (seed 002): no wrapping, each
// statement commits on its own unless the file says BEGIN; files are written to be run again.
#include "migralint/rule.h"
#include "migralint/runner.h"

namespace migralint::runners {

const Runner& psql() {
  static const Runner runner{
      .name = "psql",
      .summary = "psql -f per file: numbered files by version, no transaction but the file's own",
      .history_table = "",
      .wraps = false,
      .rerunnable = true,
  };
  return runner;
}

}  // namespace migralint::runners
