// creations.h: which migration first creates each object — so that a reference to something a
// later migration creates can say so.
#pragma once

#include <string>
#include <vector>

#include "migralint/rule.h"

namespace migralint::model {

/// The objects ("schema.name") the statements of `unit` create: tables, views, sequences,
/// functions, types, indexes. (SetUnit::creations: the first migration creating each.)
std::vector<std::string> CreatedBy(const FileUnit& unit);

}  // namespace migralint::model
