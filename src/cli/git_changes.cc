// git_changes.cc: git run as a process (no library: the user's git, config and hooks' environment
// are the truth), its -z output read into canonical paths.
#include "cli/git_changes.h"

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <map>
#include <string_view>
#include <system_error>

#include "cli/paths.h"
#include "lint/registry.h"

extern char** environ;

namespace fs = std::filesystem;

namespace migralint::cli {
namespace {

struct GitOutput {
  int exit_code = -1;  // -1: git could not be started
  std::string out;
  std::string err;
};

// The environment for git: the variables a git hook sets (GIT_DIR, GIT_INDEX_FILE …) may be
// relative to the directory migralint started in; git runs elsewhere (-C), so they are made
// absolute.
std::vector<std::string> GitEnvironment() {
  static const std::vector<std::string_view> kPaths = {"GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE",
                                                       "GIT_COMMON_DIR", "GIT_OBJECT_DIRECTORY"};
  std::vector<std::string> env;
  for (char** e = environ; *e; ++e) {
    std::string entry(*e);
    const std::size_t eq = entry.find('=');
    if (eq != std::string::npos &&
        std::find(kPaths.begin(), kPaths.end(), std::string_view(entry).substr(0, eq)) !=
            kPaths.end()) {
      const fs::path value = entry.substr(eq + 1);
      std::error_code ec;
      if (!value.empty() && value.is_relative())
        entry = entry.substr(0, eq + 1) + fs::absolute(value, ec).string();
    }
    env.push_back(std::move(entry));
  }
  return env;
}

GitOutput Git(const fs::path& dir, std::vector<std::string> args) {
  args.insert(args.begin(), {"git", "-C", dir.string()});
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  std::vector<std::string> env_strings = GitEnvironment();
  std::vector<char*> envp;
  for (std::string& e : env_strings) envp.push_back(e.data());
  envp.push_back(nullptr);

  GitOutput result;
  int out_pipe[2], err_pipe[2];
  if (::pipe2(out_pipe, O_CLOEXEC) != 0) return result;
  if (::pipe2(err_pipe, O_CLOEXEC) != 0) {
    ::close(out_pipe[0]);
    ::close(out_pipe[1]);
    return result;
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, out_pipe[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, err_pipe[1], STDERR_FILENO);
  pid_t pid = 0;
  const int spawned = ::posix_spawnp(&pid, "git", &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  ::close(out_pipe[1]);
  ::close(err_pipe[1]);
  if (spawned != 0) {
    ::close(out_pipe[0]);
    ::close(err_pipe[0]);
    return result;
  }
  // Both pipes read as they fill: git blocks on a full one otherwise.
  pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
  std::string* sinks[2] = {&result.out, &result.err};
  int open = 2;
  char buffer[1 << 14];
  while (open > 0) {
    if (::poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      const ssize_t n = ::read(fds[i].fd, buffer, sizeof buffer);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        ::close(fds[i].fd);
        fds[i].fd = -1;
        --open;
      } else {
        sinks[i]->append(buffer, static_cast<std::size_t>(n));
      }
    }
  }
  for (const pollfd& f : fds) {
    if (f.fd >= 0) ::close(f.fd);
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128;
  return result;
}

std::string FirstLine(const std::string& text) {
  std::string line = text.substr(0, text.find('\n'));
  if (line.rfind("fatal: ", 0) == 0) line.erase(0, 7);
  return line;
}

std::vector<std::string> SplitZ(const std::string& text) {
  std::vector<std::string> parts;
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t end = text.find('\0', at);
    parts.push_back(text.substr(at, end == std::string::npos ? std::string::npos : end - at));
    if (end == std::string::npos) break;
    at = end + 1;
  }
  return parts;
}

// Adds the paths of `git diff --name-status -z` output, relative to `top`.
void AddNameStatus(const fs::path& top, const std::string& output, GitChanges& changes) {
  const std::vector<std::string> parts = SplitZ(output);
  for (std::size_t i = 0; i + 1 < parts.size(); i += 2) {
    const fs::path path = Canonical(top / parts[i + 1]);
    (parts[i] == "D" ? changes.deleted : changes.changed).insert(path);
  }
}

// What changed in the repository at `top`; empty on success, else why not.
std::string Collect(const fs::path& top, const std::string& ref, GitChanges& changes) {
  const GitOutput commit = Git(top, {"rev-parse", "--verify", "--quiet", ref + "^{commit}"});
  std::vector<std::string> tracked;  // a repository without commits: what the index holds
  if (commit.exit_code != 0) {
    const GitOutput head = Git(top, {"rev-parse", "--verify", "--quiet", "HEAD"});
    if (ref != "HEAD" || head.exit_code == 0)
      return "\"" + ref + "\" names no commit in the git repository " + top.string();
    const GitOutput index = Git(top, {"ls-files", "-z", "--cached", "--full-name"});
    if (index.exit_code != 0) return FirstLine(index.err);
    for (const std::string& path : SplitZ(index.out)) changes.changed.insert(Canonical(top / path));
  } else {
    const std::string base = commit.out.substr(0, commit.out.find('\n'));
    for (const bool cached : {false, true}) {
      std::vector<std::string> args = {"diff",         "--name-status", "-z",
                                       "--no-renames", "--no-relative", "--no-ext-diff",
                                       "--no-textconv"};
      if (cached) args.push_back("--cached");
      args.push_back(base);
      args.push_back("--");
      const GitOutput diff = Git(top, args);
      if (diff.exit_code != 0) return FirstLine(diff.err);
      AddNameStatus(top, diff.out, changes);
    }
  }
  const GitOutput untracked = Git(top, {"ls-files", "-z", "--others", "--exclude-standard"});
  if (untracked.exit_code != 0) return FirstLine(untracked.err);
  for (const std::string& path : SplitZ(untracked.out))
    changes.changed.insert(Canonical(top / path));
  return {};
}

}  // namespace

std::optional<GitChanges> ChangedSince(const std::vector<fs::path>& folders, const std::string& ref,
                                       std::string& error) {
  if (ref.empty() || ref.front() == '-') {
    error = "--changed-since: \"" + ref + "\" is not a git ref";
    return std::nullopt;
  }
  GitChanges changes;
  std::set<std::string> tops;
  for (const fs::path& folder : folders) {
    std::error_code ec;
    const fs::path dir = fs::is_directory(folder, ec) ? folder : folder.parent_path();
    const GitOutput top = Git(dir.empty() ? fs::path(".") : dir, {"rev-parse", "--show-toplevel"});
    if (top.exit_code < 0) {
      error = "--changed-since needs git, which could not be run (is it on PATH?)";
      return std::nullopt;
    }
    if (top.exit_code != 0 || top.out.empty()) {
      error = "--changed-since: " + folder.string() +
              " is not in a git repository (git: " + FirstLine(top.err) + ")";
      return std::nullopt;
    }
    const std::string path = top.out.substr(0, top.out.find('\n'));
    if (!tops.insert(path).second) continue;
    if (std::string why = Collect(path, ref, changes); !why.empty()) {
      error = "--changed-since: " + why;
      return std::nullopt;
    }
  }
  return changes;
}

std::size_t KeepChanged(lint::LintResult& result, const std::vector<MigrationSet>& sets,
                        const GitChanges& changes, const std::optional<fs::path>& always) {
  // Each set's root, and the quoted names (relative to it) of its changed and deleted files, as
  // set rules write them in their messages.
  std::vector<fs::path> roots;
  std::vector<std::vector<std::string>> quoted(sets.size());
  for (const MigrationSet& set : sets) roots.push_back(Canonical(set.root));
  for (std::size_t s = 0; s < sets.size(); ++s) {
    for (const auto* paths : {&changes.changed, &changes.deleted}) {
      for (const fs::path& path : *paths) {
        if (Under(path, roots[s]))
          quoted[s].push_back("\"" + path.lexically_relative(roots[s]).generic_string() + "\"");
      }
    }
  }
  const fs::path stdin_path = always ? Canonical(*always) : fs::path();
  std::map<std::string, fs::path> canonical;  // by display path
  const std::size_t before = result.diagnostics.size();
  std::erase_if(result.diagnostics, [&](const Diagnostic& d) {
    auto [it, added] = canonical.try_emplace(d.path);
    if (added) it->second = Canonical(d.path);
    const fs::path& path = it->second;
    if (changes.changed.count(path) || (always && path == stdin_path)) return false;
    const lint::RuleEntry* entry = lint::FindRule(d.rule);
    if (!entry || entry->rule->category != "set") return true;
    // The set holding the finding (the deepest root above it).
    std::size_t best = sets.size();
    for (std::size_t s = 0; s < sets.size(); ++s) {
      if (Under(path, roots[s]) &&
          (best == sets.size() || roots[s].string().size() > roots[best].string().size()))
        best = s;
    }
    if (best == sets.size()) return true;
    return std::none_of(quoted[best].begin(), quoted[best].end(), [&](const std::string& q) {
      return d.message.find(q) != std::string::npos;
    });
  });
  return before - result.diagnostics.size();
}

}  // namespace migralint::cli
