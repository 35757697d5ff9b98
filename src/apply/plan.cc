// plan.cc: checksums of the files now, compared with what the history recorded.
#include "apply/plan.h"

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "lock/hashing.h"
#include "migralint/display_path.h"

namespace fs = std::filesystem;

namespace migralint::apply {
namespace {

std::string ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

void Checksums(const std::string& text, std::string& raw, std::string& sem) {
  raw = lock::Sha256Hex(text);
  sem = lock::SemanticHash(
      text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? std::string_view(text).substr(3) : text);
}

// SQL text literal.
std::string Literal(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

}  // namespace

std::string SetIdentity(const MigrationSet& set) {
  std::error_code ec;
  const fs::path root = fs::weakly_canonical(fs::absolute(set.root), ec).lexically_normal();
  fs::path repository;
  for (fs::path at = root; !at.empty(); at = at.parent_path()) {
    if (fs::exists(at / ".git", ec)) {
      repository = at;
      break;
    }
    if (at == at.parent_path()) break;
  }
  if (repository.empty() && set.config && !set.config->path.empty())
    repository = fs::weakly_canonical(fs::absolute(set.config->path), ec).parent_path();
  if (repository.empty()) return "";
  const fs::path relative = root.lexically_relative(repository);
  if (relative.empty() || relative == "." || *relative.begin() == "..") return "";
  return relative.generic_string();
}

std::vector<std::vector<const HistoryRow*>> HistoryBySet(
    const std::vector<const MigrationSet*>& sets, const std::vector<std::string>& ids,
    const std::vector<HistoryRow>& rows) {
  std::vector<std::vector<const HistoryRow*>> out(sets.size());
  for (const HistoryRow& row : rows) {
    if (row.set_root) {
      for (std::size_t i = 0; i < sets.size(); ++i) {
        if (ids[i] == *row.set_root) out[i].push_back(&row);
      }
      continue;
    }
    std::vector<std::size_t> holders;  // sets with a file at the row's path
    const MigrationFile* same = nullptr;
    std::size_t owner = 0;
    for (std::size_t i = 0; i < sets.size() && !same; ++i) {
      for (const MigrationFile& f : sets[i]->migrations) {
        if (f.relative != row.path) continue;
        holders.push_back(i);
        if (lock::Sha256Hex(ReadBytes(f.fs_path)) == row.checksum_raw) {
          same = &f;
          owner = i;
        }
        break;
      }
    }
    if (!same && !holders.empty()) owner = holders.front();
    if (!sets.empty()) out[owner].push_back(&row);
  }
  return out;
}

std::vector<MigrationState> PlanSet(const MigrationSet& set,
                                    const std::vector<const HistoryRow*>& history,
                                    const std::set<std::string>& foreign) {
  std::map<std::string, const HistoryRow*> by_path;
  for (const HistoryRow* row : history) {
    // A row of this set's identity wins over one written before sets were told apart.
    auto [it, fresh] = by_path.emplace(row->path, row);
    if (!fresh && row->set_root) it->second = row;
  }
  std::vector<MigrationState> plan;
  std::set<std::string> present;
  for (const MigrationFile& file : set.migrations) {
    MigrationState s;
    s.file = &file;
    s.relative = file.relative;
    s.display = file.path;
    present.insert(file.relative);
    std::string bytes = ReadBytes(file.fs_path);
    Checksums(bytes, s.raw, s.sem);
    auto it = by_path.find(file.relative);
    if (it != by_path.end()) s.row = it->second;
    if (s.row && s.row->status == "started") {
      s.state = "started";
    } else if (s.row && (s.row->status == "applied" || s.row->status == "adopted")) {
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
    if (s.state == "pending" || s.state == "failed") s.bytes = std::move(bytes);
    plan.push_back(std::move(s));
  }
  for (const auto& [path, row] : by_path) {
    if (present.count(path) || row->status == "failed") continue;
    MigrationState s;
    s.relative = path;
    s.display = DisplayPath(set.root / path);
    s.state = row->status == "started" ? "started" : "missing";
    s.row = row;
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

std::string StartedHelp(const MigrationState& state, const std::string& set_root) {
  const std::string where = "FROM " + std::string(kHistoryTable) +
                            " WHERE set_root = " + Literal(set_root) +
                            " AND path = " + Literal(state.relative);
  std::string text =
      state.display + " was started (" + state.row->applied_at + ") and never recorded as finished";
  if (!state.row->error.empty()) text += " (" + state.row->error + ")";
  text +=
      ": it runs outside migralint's transaction (no-transaction, or its own BEGIN/COMMIT), so "
      "part of it may be committed. Check which of its statements took effect in the database, "
      "then either finish it by hand and record it with `UPDATE " +
      std::string(kHistoryTable) + " SET status = 'applied' " + where.substr(where.find("WHERE")) +
      "`, or undo what took effect and let the next apply run it again with `DELETE " + where + "`";
  return text;
}

}  // namespace migralint::apply
