// run.cc: every set through the pipeline at once: the files of all sets are prepared on the
// worker threads in one stream, and consumed (replayed) in order on this thread, each set
// finished as its last file is consumed — so the next set's files are parsed meanwhile.
#include "lint/run.h"

#include <algorithm>
#include <memory>

#include "lint/in_order.h"
#include "lint/set_run.h"

namespace migralint::lint {
namespace {

// Files parsed ahead of the replay, per thread: enough to keep every thread busy, few enough
// that memory does not grow with the set.
constexpr std::size_t kAheadPerJob = 32;

}  // namespace

bool Finalize(Diagnostic& finding, const Config& config, const Options& options) {
  const std::vector<std::string> enabled = EnabledRules(config, options, DefaultRunner());
  if (std::find(enabled.begin(), enabled.end(), finding.rule) == enabled.end()) return false;
  SetSeverity(finding, config);
  return true;
}

LintResult Run(const std::vector<MigrationSet>& sets, const Options& options) {
  LintResult result;
  std::vector<std::unique_ptr<SetRun>> runs;
  std::vector<std::size_t> first;  // global index of each set's first file; then the total
  std::size_t total = 0;
  for (const MigrationSet& set : sets) {
    runs.push_back(std::make_unique<SetRun>(set, options, result));
    first.push_back(total);
    total += runs.back()->files();
  }
  first.push_back(total);
  // The set holding global index i: the last one starting at or before it (sets may be empty).
  auto set_of = [&](std::size_t i) {
    return static_cast<std::size_t>(std::upper_bound(first.begin(), first.end() - 1, i) -
                                    first.begin()) -
           1;
  };
  std::size_t finished = 0;
  auto finish_before = [&](std::size_t set) {
    for (; finished < set; ++finished) runs[finished]->Finish(finished + 1 == runs.size());
  };
  InOrder(
      total, options.jobs, kAheadPerJob * std::max(1u, options.jobs),
      [&](std::size_t i) {
        const std::size_t s = set_of(i);
        runs[s]->Prepare(i - first[s]);
      },
      [&](std::size_t i) {
        const std::size_t s = set_of(i);
        finish_before(s);
        runs[s]->Consume(i - first[s]);
      });
  finish_before(runs.size());
  result.storage = std::make_shared<std::vector<std::unique_ptr<SetRun>>>(std::move(runs));

  std::sort(result.diagnostics.begin(), result.diagnostics.end(), DiagnosticLess);
  result.diagnostics.erase(std::unique(result.diagnostics.begin(), result.diagnostics.end(),
                                       [](const Diagnostic& a, const Diagnostic& b) {
                                         return !DiagnosticLess(a, b) && !DiagnosticLess(b, a);
                                       }),
                           result.diagnostics.end());
  return result;
}

}  // namespace migralint::lint
