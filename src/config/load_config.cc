// load_config.cc: migralint.toml (spec §5) through toml++; every unknown key is an error.
#include "config/load_config.h"

#include <re2/re2.h>
#include <toml++/toml.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "migralint/migration_set.h"
#include "migralint/runner.h"

namespace fs = std::filesystem;

namespace migralint::config {
namespace {

// Why a pattern is refused before RE2 compiles it, if so: a file name pattern has no need of
// a thousand characters or of huge counts (RE2 then bounds its own work: it never backtracks).
std::string TooComplex(std::string_view pattern) {
  constexpr std::size_t kMaxLength = 1000, kMaxNumber = 100000;
  if (pattern.size() > kMaxLength) return "over " + std::to_string(kMaxLength) + " characters";
  std::size_t number = 0;
  bool in_number = false;  // digits of a {count} or of a \back-reference
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (in_number && c >= '0' && c <= '9') {
      number = std::min(number * 10 + static_cast<std::size_t>(c - '0'), kMaxNumber + 1);
      if (number > kMaxNumber) return "a number over " + std::to_string(kMaxNumber);
      continue;
    }
    number = 0;
    in_number = c == '{' || (in_number && c == ',');
    if (c == '\\' && i + 1 < pattern.size()) {
      in_number = pattern[++i] >= '0' && pattern[i] <= '9';
      if (in_number) number = static_cast<std::size_t>(pattern[i] - '0');
    }
  }
  return "";
}

class Reader {
 public:
  Reader(std::string path, LoadResult& out) : path_(std::move(path)), out_(out) {}

  void Error(const toml::node& node, const std::string& message) {
    const auto& src = node.source();
    out_.errors.push_back(path_ + ":" + std::to_string(src.begin.line) + ":" +
                          std::to_string(src.begin.column) + ": " + message);
  }

  std::optional<std::string> String(const toml::node& node, const std::string& key) {
    if (auto v = node.value<std::string>()) return *v;
    Error(node, "`" + key + "` must be a string");
    return std::nullopt;
  }

  // An integer in [lo, hi]. Only an integer node is read: toml++'s float-to-int conversion
  // casts before it range-checks, which is undefined for floats like 1e300.
  std::optional<int> Integer(const toml::node& node, int64_t lo, int64_t hi,
                             const std::string& message) {
    const toml::value<int64_t>* integer = node.as_integer();
    if (!integer || integer->get() < lo || integer->get() > hi) {
      Error(node, message);
      return std::nullopt;
    }
    return static_cast<int>(integer->get());
  }

  std::optional<std::vector<std::string>> Strings(const toml::node& node, const std::string& key) {
    const toml::array* array = node.as_array();
    if (!array) {
      Error(node, "`" + key + "` must be an array of strings");
      return std::nullopt;
    }
    std::vector<std::string> values;
    for (const auto& item : *array) {
      auto v = item.value<std::string>();
      if (!v) {
        Error(item, "`" + key + "` must contain only strings");
        return std::nullopt;
      }
      values.push_back(*v);
    }
    return values;
  }

  void RuleValue(const std::string& id, const toml::node& node, const KnownRules& rules,
                 Config& config) {
    auto known = rules.find(id);
    if (known == rules.end()) {
      Error(node, "unknown rule `" + id + "` in [rules]");
      return;
    }
    RuleSettings& settings = config.rules[id];
    auto set_level = [&](const toml::node& level_node, const std::string& key) {
      auto level = String(level_node, key);
      if (!level) return;
      if (*level == "off") {
        settings.off = true;
      } else if (auto severity = ParseSeverity(*level)) {
        settings.severity = severity;
      } else {
        Error(level_node,
              "`" + key + "` must be one of off, info, warning, error (got \"" + *level + "\")");
      }
    };
    if (node.is_string()) {
      set_level(node, "rules." + id);
      return;
    }
    const toml::table* table = node.as_table();
    if (!table) {
      Error(node, "`rules." + id + "` must be a severity string or a table");
      return;
    }
    for (const auto& [key, value] : *table) {
      const std::string k(key.str());
      const std::string full = "rules." + id + "." + k;
      if (k == "severity") {
        set_level(value, full);
      } else if (std::find(known->second.begin(), known->second.end(), k) != known->second.end()) {
        if (value.is_string())
          settings.options[k] = {*value.value<std::string>()};
        else if (value.is_boolean())  // a switch such as `strict = true`
          settings.options[k] = {*value.value<bool>() ? "true" : "false"};
        else if (auto list = Strings(value, full))
          settings.options[k] = *list;
      } else {
        Error(value, "unknown option `" + k + "` for rule `" + id + "`");
      }
    }
  }

  void Sets(const toml::node& node, Config& config) {
    const toml::array* array = node.as_array();
    if (!array) {
      Error(node, "`sets` must be an array of tables ([[sets]])");
      return;
    }
    for (const auto& item : *array) {
      const toml::table* table = item.as_table();
      if (!table) {
        Error(item, "each [[sets]] entry must be a table");
        continue;
      }
      DeclaredSet declared;
      for (const auto& [key, value] : *table) {
        const std::string k(key.str());
        std::optional<std::string> v;
        if (k == "recursive") {
          if (auto b = value.value<bool>(); value.is_boolean() && b)
            declared.recursive = *b;
          else
            Error(value, "`sets.recursive` must be true or false");
          continue;
        }
        if (k == "path" || k == "pattern" || k == "layout" || k == "order")
          v = String(value, "sets." + k);
        else
          Error(value, "unknown key `sets." + k + "`");
        if (!v) continue;
        if (k == "path") declared.path = *v;
        if (k == "order") {
          if (*v == "version" || *v == "path")
            declared.order = *v;
          else
            Error(value, "`sets.order` must be \"version\" or \"path\" (got \"" + *v + "\")");
        }
        if (k == "pattern") {
          declared.pattern = *v;
          if (const std::string why = TooComplex(*v); !why.empty()) {
            Error(value, "`sets.pattern` is too complex for a file name pattern: " + why);
          } else if (const RE2 check(*v, RE2::Quiet); !check.ok()) {
            Error(value, "`sets.pattern` is not a valid regular expression (RE2 syntax): " +
                             check.error());
          }
        }
        if (k == "layout") {
          declared.layout = *v;
          std::string names;
          bool known = false;
          for (Layout layout : {Layout::kNumbered, Layout::kUpDown, Layout::kFolderPerMigration,
                                Layout::kDbmate, Layout::kSupabase, Layout::kThreeTier,
                                Layout::kSqitch, Layout::kLiquibase, Layout::kDeclared}) {
            known |= LayoutName(layout) == *v;
            names += (names.empty() ? "" : ", ") + std::string(LayoutName(layout));
          }
          if (!known)
            Error(value, "`sets.layout` must be one of " + names + " (got \"" + *v + "\")");
        }
      }
      if (declared.path.empty()) Error(item, "[[sets]] entry needs a `path`");
      config.sets.push_back(declared);
    }
  }

 private:
  std::string path_;
  LoadResult& out_;
};

}  // namespace

LoadResult ParseConfig(std::string_view text, const std::string& path, const KnownRules& rules) {
  LoadResult result;
  toml::table root;
  try {
    root = toml::parse(text, path);
  } catch (const toml::parse_error& e) {
    const auto& src = e.source();
    result.errors.push_back(path + ":" + std::to_string(src.begin.line) + ":" +
                            std::to_string(src.begin.column) + ": " + std::string(e.description()));
    return result;
  }
  Reader reader(path, result);
  Config config;
  config.path = path;
  for (const auto& [key, value] : root) {
    const std::string k(key.str());
    if (k == "pg_version") {
      if (auto v = reader.Integer(value, 10, 18, "`pg_version` must be an integer from 10 to 18")) {
        config.pg_version = *v;
        config.pg_version_set = true;
      }
    } else if (k == "transaction") {
      if (auto v = reader.String(value, k)) {
        config.transaction_set = true;
        if (*v == "per-file")
          config.per_file_transaction = true;
        else if (*v == "none")
          config.per_file_transaction = false;
        else
          reader.Error(value,
                       "`transaction` must be \"per-file\" or \"none\" (got \"" + *v + "\")");
      }
    } else if (k == "exposed_schemas") {
      if (auto v = reader.Strings(value, k)) {
        config.exposed_schemas = *v;
        config.exposed_schemas_set = true;
      }
    } else if (k == "external") {
      if (auto v = reader.Strings(value, k)) config.external = *v;
    } else if (k == "fail_on") {
      if (auto v = reader.String(value, k)) {
        if (*v == "error")
          config.fail_on = FailOn::kError;
        else if (*v == "warning")
          config.fail_on = FailOn::kWarning;
        else if (*v == "info")
          config.fail_on = FailOn::kInfo;
        else if (*v == "never")
          config.fail_on = FailOn::kNever;
        else
          reader.Error(value,
                       "`fail_on` must be error, warning, info or never (got \"" + *v + "\")");
      }
    } else if (k == "runner") {
      if (auto v = reader.String(value, k)) {
        if (FindRunner(*v)) {
          config.runner = *v;
        } else {
          std::string names;
          for (const Runner* r : AllRunners())
            names += (names.empty() ? "" : ", ") + std::string(r->name);
          reader.Error(value, "`runner` must be one of " + names + " (got \"" + *v + "\")");
        }
      }
    } else if (k == "placeholders") {
      if (const toml::table* table = value.as_table()) {
        for (const auto& [name, v] : *table) {
          if (auto replacement = reader.String(v, "placeholders." + std::string(name.str())))
            config.placeholders[std::string(name.str())] = *replacement;
        }
      } else {
        reader.Error(value, "`placeholders` must be a table of strings");
      }
    } else if (k == "active_theme") {
      if (auto v = reader.String(value, k)) config.active_theme = *v;
    } else if (k == "statement_timeout") {
      if (auto v = reader.String(value, k)) config.statement_timeout = *v;
    } else if (k == "timezone") {
      if (auto v = reader.String(value, k)) {
        if (v->empty())
          reader.Error(value, "`timezone` must name a time zone, as PostgreSQL's TimeZone does");
        else
          config.timezone = *v;
      }
    } else if (k == "lock_timeout") {
      if (auto v = reader.String(value, k)) config.lock_timeout = *v;
    } else if (k == "connect_timeout") {
      if (auto v = reader.Integer(value, 0, 86400,
                                  "`connect_timeout` must be a number of seconds from 0 to 86400"))
        config.connect_timeout = *v;
    } else if (k == "rules") {
      if (const toml::table* table = value.as_table()) {
        for (const auto& [id, rule_value] : *table) {
          reader.RuleValue(std::string(id.str()), rule_value, rules, config);
        }
      } else {
        reader.Error(value, "`rules` must be a table");
      }
    } else if (k == "sets") {
      reader.Sets(value, config);
    } else {
      reader.Error(value, "unknown key `" + k + "`");
    }
  }
  if (result.errors.empty()) result.config = std::move(config);
  return result;
}

LoadResult LoadConfigFile(const fs::path& path, const KnownRules& rules) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    LoadResult result;
    result.errors.push_back(path.string() + ": cannot read config file");
    return result;
  }
  std::ostringstream text;
  text << in.rdbuf();
  return ParseConfig(text.str(), path.string(), rules);
}

std::optional<fs::path> FindConfigUpward(const fs::path& dir) {
  std::error_code ec;
  fs::path current = fs::absolute(dir, ec).lexically_normal();
  while (true) {
    fs::path candidate = current / "migralint.toml";
    if (fs::is_regular_file(candidate, ec)) return candidate;
    if (current == current.parent_path() || current.empty()) return std::nullopt;
    current = current.parent_path();
  }
}

ConfigResolver::ConfigResolver(const KnownRules& rules, std::optional<fs::path> explicit_path)
    : rules_(rules), explicit_path_(std::move(explicit_path)) {}

std::shared_ptr<const Config> ConfigResolver::Load(const fs::path& file) {
  auto it = loaded_.find(file);
  if (it != loaded_.end()) return it->second;
  LoadResult result = LoadConfigFile(file, rules_);
  for (auto& e : result.errors) errors_.push_back(e);
  Config loaded = result.config ? std::move(*result.config) : Config{};
  if (override_) override_(loaded);
  auto config = std::make_shared<const Config>(std::move(loaded));
  loaded_.emplace(file, config);
  return config;
}

std::shared_ptr<const Config> ConfigResolver::For(const fs::path& dir) {
  std::lock_guard lock(mutex_);
  if (explicit_path_) return Load(*explicit_path_);
  if (auto found = FindConfigUpward(dir)) return Load(*found);
  if (!defaults_) {
    Config defaults;
    if (override_) override_(defaults);
    defaults_ = std::make_shared<const Config>(std::move(defaults));
  }
  return defaults_;
}

std::optional<std::vector<std::string>> SupabaseApiSchemas(const fs::path& file) {
  std::error_code ec;
  if (!fs::is_regular_file(file, ec)) return std::nullopt;
  toml::table root;
  try {
    root = toml::parse_file(file.string());
  } catch (const toml::parse_error&) {
    return std::nullopt;
  }
  const toml::array* schemas = root["api"]["schemas"].as_array();
  if (!schemas) return std::nullopt;
  std::vector<std::string> out;
  for (const toml::node& item : *schemas)
    if (const auto* name = item.as_string()) out.push_back(name->get());
  return out;
}

}  // namespace migralint::config
