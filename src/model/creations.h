// creations.h: which migration first creates each object — so that a reference to something a
// later migration creates can say so.
#pragma once

#include <map>
#include <string>

#include "migralint/rule.h"

namespace migralint::model {

/// "schema.name" -> index of the first migration of the set that creates it (tables, views,
/// sequences, functions, types, indexes).
std::map<std::string, int> FindCreations(const SetUnit& set);

}  // namespace migralint::model
