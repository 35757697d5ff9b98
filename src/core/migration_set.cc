// migration_set.cc: layout names and numeric version comparison.
#include "migralint/migration_set.h"

#include <algorithm>
#include <cctype>

namespace migralint {

std::string_view LayoutName(Layout layout) {
  switch (layout) {
    case Layout::kThreeTier:
      return "three-tier";
    case Layout::kSupabase:
      return "supabase";
    case Layout::kNumbered:
      return "numbered";
    case Layout::kUpDown:
      return "up-down";
    case Layout::kFolderPerMigration:
      return "folder-per-migration";
    case Layout::kDbmate:
      return "dbmate";
    case Layout::kSqitch:
      return "sqitch";
    case Layout::kLiquibase:
      return "liquibase";
    case Layout::kDeclared:
      return "declared";
    case Layout::kSingleFile:
      return "single-file";
  }
  return "numbered";
}

std::string_view FileRoleName(FileRole role) {
  switch (role) {
    case FileRole::kMigration:
      return "migration";
    case FileRole::kRollback:
      return "rollback";
    case FileRole::kVerify:
      return "verify";
    case FileRole::kSeedData:
      return "seed-data";
    case FileRole::kUnrecognised:
      return "unrecognised";
    case FileRole::kOtherDialect:
      return "other-dialect";
    case FileRole::kInactive:
      return "inactive";
  }
  return "migration";
}

Version Version::FromText(std::string_view text) {
  Version version{std::string(text), {}};
  std::size_t i = 0;
  while (i < text.size()) {
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < text.size() && std::isdigit(static_cast<unsigned char>(text[j]))) ++j;
    std::size_t first = i;
    while (first < j && text[first] == '0') ++first;
    version.groups.emplace_back(text.substr(first, j - first));
    i = j;
  }
  return version;
}

bool Version::IsTimestamp() const {
  // The first group as written (leading zeros included) has 8+ digits: YYYYMMDD[HHMMSS...]
  // or a date with dashes (YYYY-MM-DD-...), which FromText splits into several groups.
  std::size_t digits = 0;
  for (char c : text) {
    if (!std::isdigit(static_cast<unsigned char>(c))) break;
    ++digits;
  }
  return digits >= 8 || (digits == 4 && text.size() > 4 && text[4] == '-');
}

int Version::Compare(const Version& other) const {
  const std::size_t n = std::min(groups.size(), other.groups.size());
  for (std::size_t i = 0; i < n; ++i) {
    const std::string& a = groups[i];
    const std::string& b = other.groups[i];
    if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
    if (int c = a.compare(b); c != 0) return c < 0 ? -1 : 1;
  }
  if (groups.size() != other.groups.size()) return groups.size() < other.groups.size() ? -1 : 1;
  return 0;
}

}  // namespace migralint
