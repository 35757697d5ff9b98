// cli.h: stage 7 — command-line wiring. Returns the process exit code (spec §1).
#pragma once

#include <iosfwd>

namespace migralint::cli {

/// Exit codes of spec §1.
enum ExitCode : int { kClean = 0, kFindings = 1, kUsage = 2, kDatabase = 3 };

int Main(int argc, char** argv);

}  // namespace migralint::cli
