// file_name.h: what a file's name says — version, name, role, dialect — in each layout.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "migralint/migration_set.h"

namespace migralint::discover {

struct NameInfo {
  FileRole role = FileRole::kUnrecognised;
  std::string version;  // as written
  std::string name;
  std::string dialect;      // pop/kratos: "postgres", "sqlite", ...; empty = every dialect
  bool up_down = false;     // named <version>_<name>.up.sql / _up.sql
  bool autocommit = false;  // pop/kratos ".autocommit": runs outside a transaction
  bool flyway_repeatable = false;
};

/// Classifies a .sql file name found in a migrations folder.
NameInfo ClassifyFileName(std::string_view file_name);

/// A folder-per-migration folder name ("20240101000000_init", "2019-02-26-002946_create_user"):
/// its version and name, or nullopt.
std::optional<NameInfo> ClassifyMigrationFolder(std::string_view folder_name);

}  // namespace migralint::discover
