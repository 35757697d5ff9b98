// config.h: the settings in effect (migralint.toml merged with command-line options).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
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
  /// Files in sub-folders too: the pattern then matches the path below `path` ("main/delta/
  /// 12/a.sql").
  bool recursive = false;
  /// "version" (then the name: group 2, else the file name) or "path".
  std::string order = "version";
};

enum class FailOn { kInfo, kWarning, kError, kNever };

struct Config {
  std::string path;  // the config file read, empty if none
  int pg_version = 15;
  bool pg_version_set = false;       // said in the config or with --pg-version (else assumed)
  bool per_file_transaction = true;  // transaction = "per-file" | "none"
  bool transaction_set = false;      // ... said in the config: overrides the runner's habit
  std::string runner;                // runner = "…" (or --runner): overrides detection
  /// [placeholders]: values for ${name}-style placeholders, replaced before parsing.
  std::map<std::string, std::string> placeholders;
  std::vector<std::string> exposed_schemas{"public"};
  bool exposed_schemas_set =
      false;  // the config file sets exposed_schemas (the set is API-exposed)
  std::vector<std::string> external;
  FailOn fail_on = FailOn::kError;
  std::string active_theme;
  std::string statement_timeout;  // executor: PostgreSQL's statement_timeout for migrations ("30s")
  /// The session time zone the runner uses (`timezone`), as PostgreSQL names it; "" when the
  /// config does not say.
  std::string timezone;
  std::string lock_timeout;  // executor: PostgreSQL's lock_timeout for migrations ("2s")
  int connect_timeout = 10;  // executor: seconds a connection attempt may take (0: no limit)
  std::map<std::string, RuleSettings, std::less<>> rules;
  std::vector<DeclaredSet> sets;

  /// Options of one rule (empty when none are set).
  const RuleSettings* Rule(std::string_view id) const;
  /// Whether the runner's sessions use UTC: `timezone` when the config says, else
  /// `runner_default`, the time zone the set's runner is known to use ("" when unknown).
  bool SessionInUtc(std::string_view runner_default) const;
};

}  // namespace migralint
