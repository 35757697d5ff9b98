// fault_point.h: the steps of an apply where the executor fault test kills the process
// (tests/pg/executor_faults_test.cc). Inert unless MIGRALINT_FAULT_AT is set.
#pragma once

namespace migralint::apply {

/// Counts the steps of this run; at step N of MIGRALINT_FAULT_AT=N, says so on standard error and
/// dies of SIGKILL as a killed runner would (nothing cleaned up, the connection dropped).
void FaultPoint(const char* step);

}  // namespace migralint::apply
