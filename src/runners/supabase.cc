// Supabase CLI: `supabase/migrations/<version>_<name>.sql` by file name; each file's statements
// and its schema_migrations insert go in one pipeline, which runs as one transaction — only its
// first statement may be one that refuses a transaction block. Nothing opts out. runners.md §2.
#include "migralint/rule.h"
#include "migralint/runner.h"
#include "runners/markers.h"

namespace migralint::runners {
namespace {

bool Detect(const MigrationSet& set) { return set.layout == Layout::kSupabase; }

}  // namespace

const Runner& supabase() {
  static const Runner runner{
      .name = "supabase",
      .summary = "Supabase CLI: supabase/migrations/<version>_<name>.sql by file name",
      .history_table = "supabase_migrations.schema_migrations",
      .wraps = false,
      .sends = Sends::kPipeline,
      .sends_opted_out = Sends::kPipeline,
      .rerunnable = true,
      .detect = Detect,
      .session_timezone = "UTC",  // the platform's database runs in UTC
  };
  return runner;
}

}  // namespace migralint::runners
