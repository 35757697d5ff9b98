// fingerprint.h: a parse tree written out as text without its locations, so that two trees
// compare equal when they say the same thing wherever they were written.
#pragma once

#include <pg_query/pg_query.pb-c.h>

#include <string>
#include <vector>

namespace migralint::model {

/// `node` as text: every field but `location`, recursively. "" for null.
std::string Fingerprint(const PgQuery__Node* node);

/// An index key as Index::definition writes it: the plain column name for a column with no
/// collation, operator class or order; else the fingerprint of the whole element.
std::string IndexKey(const PgQuery__IndexElem& elem);

/// Index::definition from its parts (`where` the predicate's fingerprint, or "").
std::string IndexDefinition(const std::string& method, const std::vector<std::string>& keys,
                            const std::vector<std::string>& include, const std::string& where);

}  // namespace migralint::model
