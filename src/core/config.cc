// config.cc: lookups on the settings in effect.
#include "migralint/config.h"

namespace migralint {

const RuleSettings* Config::Rule(std::string_view id) const {
  auto it = rules.find(id);
  return it == rules.end() ? nullptr : &it->second;
}

}  // namespace migralint
