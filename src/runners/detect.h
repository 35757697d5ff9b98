// detect.h: the runner of a discovered set — the config's `runner`, else the first profile
// whose markers the set carries, else the layout's usual runner.
#pragma once

#include "migralint/migration_set.h"

namespace migralint::runners {

const Runner& Detect(const MigrationSet& set);

}  // namespace migralint::runners
