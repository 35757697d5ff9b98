// edits.h: stage fix — the edits of findings applied to a file's text, or shown as a diff.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "migralint/diagnostic.h"

namespace migralint::fix {

/// The edits that can be applied together, in file order: an edit given twice (two findings
/// with the same fix) once, and one that overlaps an earlier one left out (counted in
/// `left_out`; it is applied by the next run, against the new text).
std::vector<Edit> Compatible(std::vector<Edit> edits, std::size_t& left_out);

/// `text` with `edits` (as Compatible gives them) applied.
std::string Applied(std::string_view text, const std::vector<Edit>& edits);

/// The change of `edits` to `text` as a unified diff of `path` (3 lines of context), as
/// `diff -u` prints it; "" when there is no edit.
std::string UnifiedDiff(const std::string& path, std::string_view text,
                        const std::vector<Edit>& edits);

}  // namespace migralint::fix
