// layouts.h: recognising one folder as a set of a given layout (spec §2).
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "migralint/config.h"
#include "migralint/migration_set.h"

namespace migralint::discover {

/// The set rooted at `dir`, if `dir` is one: a three-tier root, a Supabase project or its
/// supabase/migrations folder, or a folder of migration files or migration folders.
/// Problems that stop detection (several themes, none active) go to `errors`.
std::optional<MigrationSet> DetectSetAt(const std::filesystem::path& dir,
                                        std::shared_ptr<const Config> config,
                                        std::vector<std::string>& errors);

/// A set declared in migralint.toml ([[sets]] path + pattern).
std::optional<MigrationSet> DeclaredSetAt(const std::filesystem::path& dir,
                                          const DeclaredSet& declared,
                                          std::shared_ptr<const Config> config, std::string& error);

/// A lone file that belongs to no set.
MigrationSet SingleFileSet(const std::filesystem::path& file, std::shared_ptr<const Config> config);

}  // namespace migralint::discover
