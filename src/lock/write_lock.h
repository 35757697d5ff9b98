// write_lock.h: `migralint lock` — record every forward migration of a set.
#pragma once

#include <string>
#include <vector>

#include "migralint/lock.h"
#include "migralint/migration_set.h"

namespace migralint::lock {

/// The lock entries of a set's forward migrations, in execution order. Files that cannot be
/// read are named in `errors`.
std::vector<LockEntry> ComputeEntries(const MigrationSet& set, std::vector<std::string>& errors);

/// Writes <set root>/migralint.lock; returns false (with `error`) when it cannot.
bool WriteLockFile(const MigrationSet& set, const std::vector<LockEntry>& entries,
                   std::string& error);

}  // namespace migralint::lock
