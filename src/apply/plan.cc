// plan.cc: checksums of the files now, compared with what the history recorded.
#include "apply/plan.h"

#include <fstream>
#include <sstream>

#include "lock/hashing.h"
#include "migralint/display_path.h"

namespace migralint::apply {
namespace {

void Checksums(const MigrationFile& file, std::string& raw, std::string& sem) {
  std::ifstream in(file.fs_path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  const std::string text = bytes.str();
  raw = lock::Sha256Hex(text);
  sem = lock::SemanticHash(
      text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? std::string_view(text).substr(3) : text);
}

}  // namespace

std::vector<MigrationState> PlanSet(const MigrationSet& set,
                                    const std::map<std::string, HistoryRow>& history,
                                    const std::set<std::string>& foreign) {
  std::vector<MigrationState> plan;
  std::set<std::string> present;
  for (const MigrationFile& file : set.migrations) {
    MigrationState s;
    s.file = &file;
    s.relative = file.relative;
    s.display = file.path;
    present.insert(file.relative);
    Checksums(file, s.raw, s.sem);
    auto it = history.find(file.relative);
    if (it != history.end()) s.row = &it->second;
    if (s.row && (s.row->status == "applied" || s.row->status == "adopted")) {
      const bool same = s.row->checksum_raw == s.raw;
      s.state = same ? "applied" : "modified";
      s.semantic = !same && s.row->checksum_sem != s.sem;
    } else if (s.row && s.row->status == "failed") {
      s.state = "failed";
    } else if (foreign.count(file.relative)) {
      s.state = "applied";
      s.by_other_runner = true;
    } else {
      s.state = "pending";
    }
    plan.push_back(std::move(s));
  }
  for (const auto& [path, row] : history) {
    if (present.count(path) || row.status == "failed") continue;
    MigrationState s;
    s.relative = path;
    s.display = DisplayPath(set.root / path);
    s.state = "missing";
    s.row = &row;
    plan.push_back(std::move(s));
  }
  return plan;
}

std::vector<Diagnostic> DriftFindings(const std::vector<MigrationState>& plan) {
  std::vector<Diagnostic> out;
  for (const MigrationState& s : plan) {
    if (s.state != "modified" && s.state != "missing") continue;
    Diagnostic d;
    d.path = s.display;
    d.end = {1, 2};
    if (s.state == "modified") {
      d.rule = "modified-migration";
      d.lesser = !s.semantic;
      d.message = "\"" + s.relative + "\" changed after it was applied to the database (" +
                  s.row->applied_at + "): " +
                  (s.semantic ? "semantic change: the database does not have what the file now says"
                              : "cosmetic change (comments or whitespace only)");
      d.help = s.semantic ? "revert the edit and put the change in a new migration"
                          : "revert the edit; the database already has what the file says";
    } else {
      d.rule = "missing-migration";
      d.message = "\"" + s.relative + "\" was applied to the database (" + s.row->applied_at +
                  ") but its file no longer exists";
      d.help = "restore the file: the database keeps its changes whatever the set now says";
    }
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace migralint::apply
