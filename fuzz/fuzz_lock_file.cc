// fuzz_lock_file.cc: libFuzzer target —
// migralint.lock text through lock::ParseLockFile, and back through FormatLockFile.
// The entry point lives in targets.cc, where tests/regressions_test.cc replays saved inputs.
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "targets.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto problems =
      migralint::fuzz::ParseLockText(std::string_view(reinterpret_cast<const char*>(data), size));
  for (const auto& problem : problems)
    std::fprintf(stderr, "fuzz_lock_file: %s\n", problem.c_str());
  if (!problems.empty()) std::abort();
  return 0;
}
