// set_commands.cc: `lock` and `new` — commands that write into a set.
#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <iostream>

#include "cli/cli.h"
#include "cli/commands.h"
#include "config/load_config.h"
#include "discover/discover.h"
#include "lint/registry.h"
#include "lock/lock_file.h"
#include "lock/write_lock.h"
#include "migralint/display_path.h"

namespace fs = std::filesystem;

namespace migralint::cli {
namespace {

int UsageError(const std::string& message) {
  std::cerr << "migralint: " << message << "\n";
  return kUsage;
}

std::string Utc(const char* format) {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, format, &tm);
  return buffer;
}

std::string Slug(const std::string& name) {
  std::string slug;
  for (unsigned char c : name) {
    if (std::isalnum(c))
      slug.push_back(static_cast<char>(std::tolower(c)));
    else if (!slug.empty() && slug.back() != '_')
      slug.push_back('_');
  }
  while (!slug.empty() && slug.back() == '_') slug.pop_back();
  return slug;
}

std::string Padded(unsigned long long n, std::size_t width) {
  std::string s = std::to_string(n);
  return s.size() < width ? std::string(width - s.size(), '0') + s : s;
}

// The next version in the set's convention, after `last` (nullptr for an empty set).
std::string NextVersion(const MigrationFile* last) {
  if (!last) return "001";
  const Version& v = last->version;
  if (v.IsTimestamp()) {
    if (v.groups.size() == 2 && v.text.size() > 9 && v.text[8] == '_') {  // YYYYMMDD_NNN
      const std::string today = Utc("%Y%m%d");
      const std::size_t width = v.text.size() - 9;
      const unsigned long long next =
          v.text.substr(0, 8) == today ? std::stoull("0" + v.groups[1]) + 1 : 1;
      return today + "_" + Padded(next, width);
    }
    std::string now = Utc("%Y%m%d%H%M%S");
    // A second file in the same second (or a clock behind the last version): the next number.
    if (v.text.size() == now.size() &&
        v.text.find_first_not_of("0123456789") == std::string::npos && v.text >= now)
      now = Padded(std::stoull(v.text) + 1, now.size());
    return now;
  }
  return Padded(std::stoull("0" + (v.groups.empty() ? std::string() : v.groups.back())) + 1,
                v.text.size());
}

}  // namespace

int Lock(const CommonOptions& o) {
  const config::KnownRules known = lint::KnownRuleOptions();
  config::ConfigResolver configs(
      known, o.config.empty() ? std::nullopt : std::optional<fs::path>(o.config));
  discover::Discovery discovery =
      discover::Discover(o.paths.empty() ? std::vector<std::string>{"."} : o.paths, configs);
  for (const std::string& e : configs.errors()) std::cerr << e << "\n";
  for (const std::string& e : discovery.errors) std::cerr << "migralint: " << e << "\n";
  if (!configs.errors().empty() || !discovery.errors.empty()) return kUsage;
  int status = kClean;
  for (const MigrationSet& set : discovery.sets) {
    std::vector<std::string> errors;
    const auto entries = lock::ComputeEntries(set, errors);
    std::string error;
    if (errors.empty() && lock::WriteLockFile(set, entries, error)) {
      std::cout << "wrote " << DisplayPath(set.root / lock::kLockFileName) << " (" << entries.size()
                << " migrations)\n";
      continue;
    }
    if (!error.empty()) errors.push_back(error);
    for (const auto& e : errors) std::cerr << "migralint: " << e << "\n";
    status = kUsage;
  }
  return status;
}

int New(const std::string& name, const std::string& set_dir) {
  if (Slug(name).empty()) return UsageError("the migration needs a name of letters or digits");
  const config::KnownRules known = lint::KnownRuleOptions();
  config::ConfigResolver configs(known, std::nullopt);
  discover::Discovery discovery = discover::Discover({set_dir.empty() ? "." : set_dir}, configs);
  for (const std::string& e : discovery.errors) std::cerr << "migralint: " << e << "\n";
  if (!discovery.errors.empty()) return kUsage;
  if (discovery.sets.size() != 1) {
    std::string roots;
    for (const auto& s : discovery.sets) roots += "\n  " + s.root_display;
    return UsageError("several sets here; choose one with --set DIR:" + roots);
  }
  const MigrationSet& set = discovery.sets.front();
  // A three-tier set grows in core unless --set points into a tier.
  const MigrationFile* last = nullptr;
  for (const MigrationFile& f : set.migrations) {
    if (set.layout != Layout::kThreeTier || f.tier == "core") last = &f;
  }
  const std::string version = NextVersion(last);
  const std::string slug = Slug(name);
  fs::path folder = last ? fs::path(last->fs_path).parent_path() : set.root;
  if (set.layout == Layout::kThreeTier && !last) folder = set.root / "core" / "migrations";
  std::vector<fs::path> files;
  if (set.layout == Layout::kFolderPerMigration) {
    folder = set.root / (version + "_" + slug);
    files.push_back(folder /
                    (last && last->FileName() == "migration.sql" ? "migration.sql" : "up.sql"));
  } else if (set.layout == Layout::kUpDown) {
    files.push_back(folder / (version + "_" + slug + ".up.sql"));
    files.push_back(folder / (version + "_" + slug + ".down.sql"));
  } else {
    files.push_back(folder / (version + "_" + slug + ".sql"));
  }
  for (const fs::path& file : files) {
    if (fs::exists(file)) return UsageError(DisplayPath(file) + " already exists; nothing written");
  }
  for (const fs::path& file : files) {
    fs::create_directories(file.parent_path());
    std::ofstream out(file, std::ios::binary);
    const bool down = file.filename().string().find(".down.") != std::string::npos;
    out << "-- Migration: " << file.filename().string() << "\n"
        << "-- Description: " << (down ? "Rollback of " : "") << name << "\n"
        << "-- Date: " << Utc("%Y-%m-%d") << "\n\n";
    if (!out.flush()) return UsageError(DisplayPath(file) + ": cannot write");
    std::cout << "created " << DisplayPath(file) << "\n";
  }
  return kClean;
}

}  // namespace migralint::cli
