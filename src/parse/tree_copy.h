// tree_copy.h: a statement's tree copied out of its file's arena, so that it can outlive it.
#pragma once

#include <pg_query/pg_query.pb-c.h>

#include "parse/arena.h"

namespace migralint::parse {

enum class Rows { kKeep, kDrop };

/// A deep copy of `node` in `arena`. With Rows::kDrop, the rows of VALUES lists
/// (SelectStmt.values_lists) are left out: the bulk of a seed INSERT.
const PgQuery__Node* CopyNode(const PgQuery__Node* node, Arena& arena, Rows rows = Rows::kKeep);

}  // namespace migralint::parse
