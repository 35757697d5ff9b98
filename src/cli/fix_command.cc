// fix_command.cc: `migralint fix` — the mechanical fixes of the findings written into the files
// they are in (or shown as a diff), never into a migration recorded as applied.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/linting.h"
#include "fix/edits.h"
#include "lint/registry.h"
#include "lock/lock_file.h"
#include "parse/parse_file.h"
#include "read/read_file.h"

namespace migralint::cli {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// A file some finding has a fix for, and where it stands.
struct Target {
  const MigrationFile* file = nullptr;
  bool recorded = false;  // in its set's migralint.lock: applied somewhere, never edited
  std::vector<const Diagnostic*> findings;
};

std::map<std::string, Target> Targets(const Linted& linted, const FixOptions& f,
                                      const std::set<std::string>& in_database) {
  std::map<std::string, const MigrationFile*> files;
  std::map<std::string, bool> recorded;
  for (const MigrationSet& set : linted.discovery.sets) {
    std::set<std::string> locked;
    if (const auto lock = lock::ReadLockFile(set.root)) {
      for (const LockEntry& entry : lock->entries) locked.insert(entry.relative);
    }
    for (const auto* list : {&set.migrations, &set.others}) {
      for (const MigrationFile& file : *list) {
        files[file.path] = &file;
        recorded[file.path] = locked.count(file.relative) > 0;
      }
    }
  }
  std::map<std::string, Target> out;
  for (const Diagnostic& d : linted.result.diagnostics) {
    if (!d.fix || d.fix->edits.empty()) continue;
    if (!f.rules.empty() && std::find(f.rules.begin(), f.rules.end(), d.rule) == f.rules.end())
      continue;
    const auto file = files.find(d.path);
    if (file == files.end()) continue;  // standard input, or not a file of a set
    Target& target = out[d.path];
    target.file = file->second;
    target.recorded = recorded[d.path] || in_database.count(d.path) > 0;
    target.findings.push_back(&d);
  }
  return out;
}

std::size_t SyntaxErrors(std::string text, const std::string& path) {
  read::ReadResult read = read::ReadText(std::move(text), path);
  std::vector<Diagnostic> found = std::move(read.diagnostics);
  if (read.parseable) {
    FileUnit unit;
    unit.source = std::move(read.source);
    unit.read_ok = true;
    parse::ParseFile(unit, found);
  }
  return static_cast<std::size_t>(std::count_if(
      found.begin(), found.end(), [](const Diagnostic& d) { return d.rule == "syntax-error"; }));
}

// Written beside the file, then renamed over it: a failure leaves the file as it was.
bool WriteOver(const fs::path& path, const std::string& bytes, std::string& error) {
  const fs::path temporary = path.string() + ".migralint-fix";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << bytes;
    out.close();
    if (!out) {
      error = "cannot write " + temporary.string();
      std::error_code ignored;
      fs::remove(temporary, ignored);
      return false;
    }
  }
  std::error_code ec;
  fs::permissions(temporary, fs::status(path, ec).permissions(), ec);
  fs::rename(temporary, path, ec);
  if (ec) {
    error = "cannot replace " + path.string() + ": " + ec.message();
    fs::remove(temporary, ec);
    return false;
  }
  return true;
}

}  // namespace

int Fix(const CommonOptions& o, const FixOptions& f) {
  for (const std::string& rule : f.rules) {
    if (!lint::FindRule(rule)) return UsageError("unknown rule \"" + rule + "\" (--rule)");
  }
  auto linted = DiscoverAndLint(o);
  if (!linted) return kUsage;
  for (const std::string& e : linted->result.io_errors) std::cerr << "migralint: " << e << "\n";
  if (!linted->result.io_errors.empty()) return kUsage;

  int exit_code = kClean;
  const std::optional<std::set<std::string>> in_database =
      RecordedInDatabase(o, *linted, exit_code);
  if (!in_database) return exit_code;

  std::size_t fixed = 0, files = 0, recorded = 0;
  for (auto& [path, target] : Targets(*linted, f, *in_database)) {
    if (target.recorded) {
      ++recorded;
      std::cerr << path << ": not fixed: recorded "
                << (in_database->count(path) ? "in the database's history" : "in migralint.lock")
                << " (an applied migration is never edited; fix it in a new migration)\n";
      continue;
    }
    std::ifstream in(target.file->fs_path, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), {});
    if (!in.good() && !in.eof()) {
      std::cerr << "migralint: " << path << ": cannot read\n";
      exit_code = kUsage;
      continue;
    }
    const bool bom = bytes.compare(0, kBom.size(), kBom) == 0;
    const std::string text = bom ? bytes.substr(kBom.size()) : bytes;
    std::vector<Edit> edits;
    std::vector<std::string> rules;
    for (const Diagnostic* d : target.findings) {
      edits.insert(edits.end(), d->fix->edits.begin(), d->fix->edits.end());
      rules.push_back(d->rule);
    }
    std::size_t left_out = 0;
    edits = fix::Compatible(std::move(edits), left_out);
    if (std::any_of(edits.begin(), edits.end(),
                    [&](const Edit& e) { return e.end > text.size(); })) {
      std::cerr << path << ": not fixed: the file changed while it was linted\n";
      continue;
    }
    const std::string changed = fix::Applied(text, edits);
    if (SyntaxErrors(changed, path) > SyntaxErrors(text, path)) {
      std::cerr << path << ": not fixed: the fixed text would not parse (a migralint bug: please "
                << "report it with the file)\n";
      continue;
    }
    const std::size_t count = target.findings.size() - left_out;
    fixed += count;
    ++files;
    if (f.diff) {
      std::cout << fix::UnifiedDiff(path, text, edits);
      continue;
    }
    std::sort(rules.begin(), rules.end());
    rules.erase(std::unique(rules.begin(), rules.end()), rules.end());
    std::ostringstream which;
    for (std::size_t i = 0; i < rules.size(); ++i) which << (i ? ", " : "") << rules[i];
    std::string error;
    if (!f.dry_run &&
        !WriteOver(target.file->fs_path, bom ? std::string(kBom) + changed : changed, error)) {
      std::cerr << "migralint: " << error << "\n";
      exit_code = kUsage;
      continue;
    }
    std::cout << path << ": " << (f.dry_run ? "would fix " : "fixed ") << count << " finding"
              << (count == 1 ? "" : "s") << " (" << which.str() << ")"
              << (left_out ? "; run fix again for " + std::to_string(left_out) + " more" : "")
              << "\n";
  }
  if (!f.diff) {
    std::cout << (f.dry_run ? "would fix " : "fixed ") << fixed << " finding"
              << (fixed == 1 ? "" : "s") << " in " << files << " file" << (files == 1 ? "" : "s");
    if (recorded)
      std::cout << "; " << recorded << " applied file" << (recorded == 1 ? "" : "s")
                << " left as they are";
    std::cout << "\n";
  }
  return exit_code;
}

}  // namespace migralint::cli
