// file_name.cc: migration file name patterns of every layout in spec §2.
#include "discover/file_name.h"

#include <array>
#include <regex>

namespace migralint::discover {
namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool StripSuffix(std::string& s, std::string_view suffix) {
  if (!EndsWith(s, suffix)) return false;
  s.resize(s.size() - suffix.size());
  return true;
}

constexpr std::array<std::string_view, 7> kDialects = {
    "postgres", "postgresql", "sqlite", "sqlite3", "mysql", "cockroach", "mssql"};

// "<version>[_<name>]" where the version is digits, or YYYYMMDD_NNN (a date then a sequence):
// the regex ^(\d{8}_\d{1,6}|\d+)(?:[_-](.+))?$ written out (every file name goes through it).
bool SplitVersionName(const std::string& base, NameInfo& info) {
  auto digits_from = [&](std::size_t i) {
    while (i < base.size() && base[i] >= '0' && base[i] <= '9') ++i;
    return i;
  };
  // The version ends at `end`: then nothing, or [_-] and a name of one character or more
  // (without line breaks, which `.` does not match).
  auto split_at = [&](std::size_t end) {
    if (end < base.size()) {
      if ((base[end] != '_' && base[end] != '-') || end + 1 == base.size() ||
          base.find_first_of("\r\n", end + 1) != std::string::npos)
        return false;
      info.name = base.substr(end + 1);
    } else {
      info.name.clear();
    }
    info.version = base.substr(0, end);
    return true;
  };
  const std::size_t lead = digits_from(0);
  if (lead == 0) return false;
  if (lead == 8 && base.size() > 9 && base[8] == '_') {
    const std::size_t sequence = digits_from(9);
    if (sequence > 9 && sequence - 9 <= 6 && split_at(sequence)) return true;
  }
  return split_at(lead);
}

}  // namespace

NameInfo ClassifyFileName(std::string_view file_name) {
  NameInfo info;
  std::string base(file_name);
  if (!StripSuffix(base, ".sql")) return info;

  static const std::regex rollback(R"(^rollback[-_](\d+)(?:[-_].*)?$)", std::regex::icase);
  static const std::regex flyway(R"(^([VU])(\d+(?:[._]\d+)*)__(.+)$)");
  static const std::regex repeatable(R"(^R__(.+)$)");
  std::smatch m;
  if (std::regex_match(base, m, rollback)) {
    info.role = FileRole::kRollback;
    info.version = m[1];
    return info;
  }
  if (std::regex_match(base, m, flyway)) {
    info.role = m[1] == "U" ? FileRole::kRollback : FileRole::kMigration;
    info.version = m[2];
    info.name = m[3];
    return info;
  }
  if (std::regex_match(base, m, repeatable)) {
    info.role = FileRole::kMigration;
    info.flyway_repeatable = true;
    info.name = m[1];
    return info;
  }

  bool down = false;
  if (StripSuffix(base, ".up") || StripSuffix(base, "_up")) {
    info.up_down = true;
  } else if (StripSuffix(base, ".down") || StripSuffix(base, "_down")) {
    info.up_down = true;
    down = true;
  }
  if (info.up_down) {
    // pop / kratos: <version>_<name>[.<dialect>][.autocommit].{up,down}.sql, in either order.
    for (bool changed = true; changed;) {
      changed = false;
      if (StripSuffix(base, ".autocommit")) info.autocommit = changed = true;
      for (std::string_view dialect : kDialects) {
        std::string suffix = "." + std::string(dialect);
        if (StripSuffix(base, suffix)) {
          info.dialect = dialect == "postgresql" ? "postgres" : std::string(dialect);
          changed = true;
        }
      }
    }
  }
  if (!SplitVersionName(base, info)) {
    info.role = FileRole::kUnrecognised;
    return info;
  }
  info.role = down ? FileRole::kRollback : FileRole::kMigration;
  return info;
}

std::optional<NameInfo> ClassifyMigrationFolder(std::string_view folder_name) {
  static const std::regex pattern(R"(^(\d+(?:-\d+)*)_(.+)$)");
  std::string name(folder_name);
  std::smatch m;
  if (!std::regex_match(name, m, pattern)) return std::nullopt;
  NameInfo info;
  info.role = FileRole::kMigration;
  info.version = m[1];
  info.name = m[2];
  return info;
}

}  // namespace migralint::discover
