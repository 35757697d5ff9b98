// git_changes.h: `lint --changed-since REF` — which files git says were added, modified or
// deleted since REF, and the findings that concern them.
#pragma once

#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "lint/run.h"
#include "migralint/migration_set.h"

namespace migralint::cli {

/// What changed since a ref, in every repository holding a set: canonical absolute paths.
struct GitChanges {
  std::set<std::filesystem::path> changed;  // added (tracked or untracked) or modified
  std::set<std::filesystem::path> deleted;
};

/// Asks git (the `git` on PATH, run as a process) what changed since `ref` in the repositories
/// holding `folders`: the difference between `ref` and the working tree, and between `ref` and
/// the index, plus untracked files that are not ignored. In a repository without commits, `HEAD`
/// means "everything is new". Nullopt with `error` set when git is missing, a folder is not in a
/// repository or `ref` names no commit.
std::optional<GitChanges> ChangedSince(const std::vector<std::filesystem::path>& folders,
                                       const std::string& ref, std::string& error);

/// Keeps the findings located in changed files, and the set-level findings (category "set")
/// that name a changed or deleted file of their set in their message. `always` (the file of
/// --stdin-filename) counts as changed. Returns how many findings were dropped.
std::size_t KeepChanged(lint::LintResult& result, const std::vector<MigrationSet>& sets,
                        const GitChanges& changes,
                        const std::optional<std::filesystem::path>& always);

}  // namespace migralint::cli
