// fault_point.cc: a step counter and SIGKILL; nothing happens without the variable.
#include "apply/fault_point.h"

#include <signal.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>

namespace migralint::apply {

void FaultPoint(const char* step) {
  static const long target = [] {
    const char* at = std::getenv("MIGRALINT_FAULT_AT");
    return at ? std::strtol(at, nullptr, 10) : 0L;
  }();
  static long reached = 0;
  if (target <= 0 || ++reached != target) return;
  std::fprintf(stderr, "migralint: fault injected at step %ld: %s\n", reached, step);
  std::fflush(stderr);
  kill(getpid(), SIGKILL);
}

}  // namespace migralint::apply
