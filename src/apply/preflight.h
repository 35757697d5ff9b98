// preflight.h: what migralint's executor cannot run, found before anything runs — COPY from the
// client's standard input or to its standard output, which need a client that streams data
// (psql's inline `\.` data) and leave a libpq connection waiting for it.
#pragma once

#include <vector>

#include "migralint/diagnostic.h"
#include "migralint/rule.h"

namespace migralint::apply {

/// One finding (rule "apply", at the statement) per top-level statement of `unit` that the
/// executor cannot send.
std::vector<Diagnostic> Unrunnable(const FileUnit& unit);

}  // namespace migralint::apply
