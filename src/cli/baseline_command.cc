// baseline_command.cc: `migralint baseline` — every set's findings of today written to its
// migralint.baseline.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <system_error>
#include <vector>

#include "cli/baseline.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/linting.h"
#include "migralint/display_path.h"

namespace fs = std::filesystem;

namespace migralint::cli {

int Baseline(const CommonOptions& given) {
  CommonOptions o = given;
  o.no_baseline = true;  // every finding, the ones an older baseline lists too
  o.changed_since.clear();
  o.format = "json";                      // no excerpts needed
  static const Linted* linted = nullptr;  // freed at exit, as lint's (commands.cc)
  linted = DiscoverAndLint(o).release();
  if (!linted) return kUsage;
  for (const std::string& e : linted->result.io_errors) std::cerr << "migralint: " << e << "\n";
  if (!linted->result.io_errors.empty()) return kUsage;
  const std::vector<MigrationSet>& sets = linted->discovery.sets;
  std::vector<std::vector<BaselineEntry>> entries(sets.size());
  for (auto& [set, entry] : KeysOf(linted->result, sets, linted->options)) {
    if (set < sets.size()) entries[set].push_back(std::move(entry));
  }
  int status = kClean;
  for (std::size_t s = 0; s < sets.size(); ++s) {
    const fs::path path = sets[s].root / kBaselineFileName;
    const fs::path temporary = sets[s].root / (std::string(kBaselineFileName) + ".tmp");
    const std::size_t count = entries[s].size();
    {
      std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
      out << FormatBaseline(std::move(entries[s]));
      out.close();
      std::error_code ec;
      if (out.fail() || (fs::rename(temporary, path, ec), ec)) {
        fs::remove(temporary, ec);
        std::cerr << "migralint: " << DisplayPath(path) << ": cannot write the baseline\n";
        status = kUsage;
        continue;
      }
    }
    std::cout << "wrote " << DisplayPath(path) << " (" << count
              << (count == 1 ? " finding" : " findings") << ")\n";
  }
  return status;
}

}  // namespace migralint::cli
