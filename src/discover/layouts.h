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

/// A Sqitch project (sqitch.plan in `dir`): its changes in plan order, a project it requires
/// (in a folder beside the plan) first. Plan lines naming no script go to `errors`.
std::optional<MigrationSet> SqitchAt(const std::filesystem::path& dir,
                                     std::vector<std::string>& errors);

/// A folder of Liquibase formatted SQL: every .sql below it, in path order (includeAll).
std::optional<MigrationSet> LiquibaseAt(const std::filesystem::path& dir);

/// Adds `file` (not on disk yet) to `set` where its name puts it, when it would be a migration
/// of it (in the folder of the set's migrations, with a name of its layout); false otherwise.
bool AddUnsavedFile(MigrationSet& set, const std::filesystem::path& file);

/// A lone file that belongs to no set.
MigrationSet SingleFileSet(const std::filesystem::path& file, std::shared_ptr<const Config> config);

}  // namespace migralint::discover
