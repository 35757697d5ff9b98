// load_config.h: stage 0 — read migralint.toml into a Config, or say file:line what is wrong.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "migralint/config.h"

namespace migralint::config {

/// Rule ids the config may name, with the option keys each accepts.
using KnownRules = std::map<std::string, std::vector<std::string>, std::less<>>;

struct LoadResult {
  std::optional<Config> config;     // empty when the file is invalid
  std::vector<std::string> errors;  // "path:line:col: message"
};

/// Parses TOML text; `path` is used in messages and stored in Config::path.
LoadResult ParseConfig(std::string_view text, const std::string& path, const KnownRules& rules);
/// Reads and parses a file.
LoadResult LoadConfigFile(const std::filesystem::path& path, const KnownRules& rules);

/// `[api] schemas` of a Supabase project's supabase/config.toml (the schemas its Data API
/// serves), if the file exists and says; a file that does not parse says nothing.
std::optional<std::vector<std::string>> SupabaseApiSchemas(const std::filesystem::path& file);

/// The nearest migralint.toml in `dir` or a folder above it, if any.
std::optional<std::filesystem::path> FindConfigUpward(const std::filesystem::path& dir);

/// Hands out the config in effect for a folder: the one given with --config, else the nearest
/// migralint.toml upward, else defaults. Each file is read once; errors are collected.
class ConfigResolver {
 public:
  ConfigResolver(const KnownRules& rules, std::optional<std::filesystem::path> explicit_path);
  /// The config of the sets in `dir` (thread-safe: discovery scans folders in parallel).
  std::shared_ptr<const Config> For(const std::filesystem::path& dir);
  const std::vector<std::string>& errors() const { return errors_; }
  /// Command-line settings applied over every config handed out (--runner, --pg-version).
  /// Before the first For.
  void Override(std::function<void(Config&)> apply) { override_ = std::move(apply); }

 private:
  std::shared_ptr<const Config> Load(const std::filesystem::path& file);

  const KnownRules& rules_;
  std::optional<std::filesystem::path> explicit_path_;
  std::map<std::filesystem::path, std::shared_ptr<const Config>> loaded_;
  std::vector<std::string> errors_;
  std::function<void(Config&)> override_;
  std::shared_ptr<const Config> defaults_;
  std::mutex mutex_;
};

}  // namespace migralint::config
