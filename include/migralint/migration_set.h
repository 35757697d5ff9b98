// migration_set.h: what discovery finds — sets of migration files in execution order.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "migralint/config.h"
#include "migralint/runner.h"

namespace migralint {

enum class Layout {
  kThreeTier,
  kSupabase,
  kNumbered,
  kUpDown,
  kFolderPerMigration,
  kDbmate,
  kSqitch,      // sqitch.plan: deploy/<change>.sql in plan order
  kLiquibase,   // --liquibase formatted sql files, by path (includeAll)
  kDeclared,    // [[sets]] in migralint.toml
  kSingleFile,  // a lone .sql file given on the command line
};

std::string_view LayoutName(Layout layout);

enum class FileRole {
  kMigration,     // part of the forward set
  kRollback,      // rollback-NNN.sql, *.down.sql, down.sql, Sqitch revert/: linted, not replayed
  kVerify,        // Sqitch verify/: checks run after a deploy, not migrations
  kSeedData,      // supabase/seed.sql
  kUnrecognised,  // in a migrations folder but matching no pattern (file-naming)
  kOtherDialect,  // a pop/kratos variant for another database, or a generic one superseded
  kInactive,      // a three-tier theme that is not the active one
};

std::string_view FileRoleName(FileRole role);

/// A migration version: the leading number groups of a name ("001", "20240101_002",
/// "2019-02-26-002946"). Compared group by group, numerically.
struct Version {
  std::string text;                 // as written
  std::vector<std::string> groups;  // digits with leading zeros removed ("" for zero)

  static Version FromText(std::string_view text);
  bool IsTimestamp() const;  // a first group of 8 or more digits (dates and date-times)
  int Compare(const Version& other) const;
};

struct MigrationFile {
  /// Its path for the file system. A string, not a std::filesystem::path: that keeps a list of
  /// its components beside it, as much again as the rest of this struct.
  std::string fs_path;
  std::string path;      // display path, as the user would type it
  std::string relative;  // relative to the set root, '/'-separated (lock file key)
  Version version;
  std::string name;
  std::string tier;    // three-tier: "core", "theme", "plugin", "entity"; else empty
  std::string source;  // three-tier: theme, plugin or "theme/entity" name
  FileRole role = FileRole::kMigration;
  bool no_transaction = false;  // said by its name (.autocommit) — directives are read later

  /// The numbering sequence it belongs to: three-tier numbers each tier and source on its own
  /// ("plugin billing"); other layouts have one sequence per set ("").
  std::string Sequence() const { return tier.empty() ? std::string() : tier + " " + source; }
  /// Its file name, and the folder it is in (as in fs_path).
  std::string FileName() const { return fs_path.substr(fs_path.rfind('/') + 1); }
  std::string Folder() const {
    const std::size_t slash = fs_path.rfind('/');
    return slash == std::string::npos ? std::string() : fs_path.substr(0, slash);
  }
};

struct MigrationSet {
  std::filesystem::path root;
  std::string root_display;
  Layout layout = Layout::kNumbered;
  std::vector<MigrationFile> migrations;  // the forward set, in execution order
  std::vector<MigrationFile> others;      // rollbacks, seed data, unrecognised names...
  std::shared_ptr<const Config> config;   // the migralint.toml in effect for this set
  const Runner* runner = nullptr;         // how the set is executed (runner.h); never null once
                                          // discovered
};

}  // namespace migralint
