// fuzz_lint_stdin.cc: libFuzzer target — a migration's bytes on standard input, linted with the set
// around it (--stdin-filename). The entry point lives in targets.cc, where
// tests/regressions_test.cc replays saved inputs.
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "targets.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto problems =
      migralint::fuzz::LintStdin(std::string_view(reinterpret_cast<const char*>(data), size));
  for (const auto& problem : problems)
    std::fprintf(stderr, "fuzz_lint_stdin: %s\n", problem.c_str());
  if (!problems.empty()) std::abort();
  return 0;
}
