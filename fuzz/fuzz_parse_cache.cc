// fuzz_parse_cache.cc: libFuzzer target — a parse-cache entry (or a damaged one) restored and
// walked. The entry point lives in targets.cc, where tests/regressions_test.cc replays saved
// inputs.
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "targets.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto problems = migralint::fuzz::RestoreCacheEntry(
      std::string_view(reinterpret_cast<const char*>(data), size));
  for (const auto& problem : problems)
    std::fprintf(stderr, "fuzz_parse_cache: %s\n", problem.c_str());
  if (!problems.empty()) std::abort();
  return 0;
}
