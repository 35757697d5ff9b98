// config.h: the settings in effect (migralint.toml merged with command-line options).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "migralint/diagnostic.h"

namespace migralint {

/// A rule's settings: severity override (nullopt = default), "off", and options (string lists).
struct RuleSettings {
  bool off = false;
  std::optional<Severity> severity;
  std::map<std::string, std::vector<std::string>> options;
};

struct DeclaredSet {
  std::string path;     // relative to the config file's folder
  std::string pattern;  // RE2 syntax, matching the whole name; group 1 the version, 2 the name
  std::string layout;   // optional layout name
};

enum class FailOn { kInfo, kWarning, kError, kNever };

struct Config {
  std::string path;  // the config file read, empty if none
  int pg_version = 15;
  bool per_file_transaction = true;  // transaction = "per-file" | "none"
  std::vector<std::string> exposed_schemas{"public"};
  bool exposed_schemas_set =
      false;  // the config file sets exposed_schemas (the set is API-exposed)
  std::vector<std::string> external;
  FailOn fail_on = FailOn::kError;
  std::string active_theme;
  std::string statement_timeout;  // executor: PostgreSQL's statement_timeout for migrations ("30s")
  std::map<std::string, RuleSettings, std::less<>> rules;
  std::vector<DeclaredSet> sets;

  /// Options of one rule (empty when none are set).
  const RuleSettings* Rule(std::string_view id) const;
};

}  // namespace migralint
