// config.cc: lookups on the settings in effect.
#include "migralint/config.h"

#include <algorithm>
#include <cctype>
#include <string>

namespace migralint {

const RuleSettings* Config::Rule(std::string_view id) const {
  auto it = rules.find(id);
  return it == rules.end() ? nullptr : &it->second;
}

bool Config::SessionInUtc(std::string_view runner_default) const {
  std::string zone(timezone.empty() ? runner_default : std::string_view(timezone));
  std::transform(zone.begin(), zone.end(), zone.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  if (zone.rfind("etc/", 0) == 0) zone.erase(0, 4);
  // PostgreSQL's names for a zone at offset zero without daylight saving.
  for (const char* utc : {"utc", "uct", "gmt", "gmt0", "gmt+0", "gmt-0", "greenwich", "universal",
                          "zulu", "z", "+00", "+00:00", "0"}) {
    if (zone == utc) return true;
  }
  return false;
}

}  // namespace migralint
