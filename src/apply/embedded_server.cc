// embedded_server.cc: fork/exec of initdb and pg_ctl, cleanup on exit and on signals.
#include "apply/embedded_server.h"

#include <fcntl.h>
#include <pwd.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <vector>

namespace fs = std::filesystem;

namespace migralint::apply {
namespace {

constexpr int kPort = 5432;  // in the socket's file name only: no TCP listener

// Where initdb and pg_ctl are: MIGRALINT_PG_BINDIR, else the newest /usr/lib/postgresql/N/bin.
std::string FindBinaries() {
  if (const char* dir = std::getenv("MIGRALINT_PG_BINDIR")) return dir;
  std::string best;
  int best_version = 0;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator("/usr/lib/postgresql", ec)) {
    const int version = std::atoi(entry.path().filename().c_str());
    if (version > best_version && fs::exists(entry.path() / "bin" / "initdb")) {
      best_version = version;
      best = (entry.path() / "bin").string();
    }
  }
  return best;
}

// Runs a program (as uid/gid when running as root), output to `log`; returns its exit status.
int Run(const std::vector<std::string>& argv, uid_t uid, gid_t gid, const std::string& log) {
  const pid_t child = fork();
  if (child < 0) return -1;
  if (child == 0) {
    const int fd = open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
    if (fd >= 0) {
      dup2(fd, STDOUT_FILENO);
      dup2(fd, STDERR_FILENO);
      close(fd);
    }
    const int null = open("/dev/null", O_RDONLY);
    if (null >= 0) dup2(null, STDIN_FILENO);
    if (geteuid() == 0 && (setgid(gid) != 0 || setuid(uid) != 0)) _exit(126);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execv(args[0], args.data());
    _exit(127);
  }
  int status = 0;
  while (waitpid(child, &status, 0) < 0 && errno == EINTR) {
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string LastLines(const std::string& path) {
  std::ifstream in(path);
  std::string line, last;
  while (std::getline(in, line)) {
    if (!line.empty()) last = line;
  }
  return last;
}

// Servers alive in this process, for the signal handler. Fixed-size, set up before any signal.
struct Live {
  pid_t pid = 0;
  std::array<char, 256> folder{};
};
std::array<Live, 8> g_live;
std::mutex g_live_mutex;

void Register(pid_t pid, const std::string& folder) {
  std::lock_guard<std::mutex> lock(g_live_mutex);
  for (Live& l : g_live) {
    if (l.pid == 0) {
      l.pid = pid;
      std::snprintf(l.folder.data(), l.folder.size(), "%s", folder.c_str());
      return;
    }
  }
}

void Unregister(pid_t pid) {
  std::lock_guard<std::mutex> lock(g_live_mutex);
  for (Live& l : g_live) {
    if (l.pid == pid) l.pid = 0;
  }
}

// Only async-signal-safe calls: stop each server at once (SIGQUIT: immediate shutdown), wait
// for it, remove its folder with rm(1), then die of the same signal.
void OnSignal(int signal_number) {
  for (Live& l : g_live) {
    if (l.pid == 0) continue;
    kill(l.pid, SIGQUIT);
    for (int i = 0; i < 100 && kill(l.pid, 0) == 0; ++i) {
      const timespec pause{0, 50'000'000};
      nanosleep(&pause, nullptr);
    }
    const pid_t rm = fork();
    if (rm == 0) {
      char rm_path[] = "/bin/rm";
      char flag[] = "-rf";
      char* const args[] = {rm_path, flag, l.folder.data(), nullptr};
      execv(rm_path, args);
      _exit(127);
    }
    if (rm > 0) waitpid(rm, nullptr, 0);
    l.pid = 0;
  }
  signal(signal_number, SIG_DFL);
  raise(signal_number);
}

void InstallHandlers() {
  static std::once_flag once;
  std::call_once(once, [] {
    struct sigaction action {};
    action.sa_handler = OnSignal;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
  });
}

}  // namespace

std::unique_ptr<EmbeddedServer> EmbeddedServer::Start(std::string& error) {
  std::unique_ptr<EmbeddedServer> server(new EmbeddedServer);
  server->bin_ = FindBinaries();
  if (server->bin_.empty()) {
    error =
        "no PostgreSQL server binaries found (install postgresql-15, or set MIGRALINT_PG_BINDIR)";
    return nullptr;
  }
  char pattern[] = "/tmp/migralint-pg-XXXXXX";
  if (!mkdtemp(pattern)) {
    error = "cannot create a temporary folder for PostgreSQL: " + std::string(std::strerror(errno));
    return nullptr;
  }
  server->folder_ = pattern;
  server->uid_ = geteuid();
  server->gid_ = getegid();
  if (geteuid() == 0) {
    // initdb refuses to run as root: the server runs as the postgres user (or nobody).
    const passwd* user = getpwnam("postgres");
    if (!user) user = getpwnam("nobody");
    if (!user) {
      error = "running as root, and no postgres or nobody user to run PostgreSQL as";
      return nullptr;
    }
    server->uid_ = user->pw_uid;
    server->gid_ = user->pw_gid;
    if (chown(server->folder_.c_str(), server->uid_, server->gid_) != 0) {
      error = "cannot hand " + server->folder_ + " to the postgres user";
      return nullptr;
    }
  }
  const std::string log = server->folder_ + "/setup.log";
  const int status = Run({server->bin_ + "/initdb", "-D", server->folder_ + "/data", "-U",
                          "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"},
                         server->uid_, server->gid_, log);
  if (status != 0) {
    error = "initdb failed: " + LastLines(log);
    return nullptr;
  }
  if (!server->StartServer(error)) return nullptr;
  return server;
}

bool EmbeddedServer::StartServer(std::string& error) {
  const std::string log = folder_ + "/server.log";
  // fsync=off: the data dies with the folder anyway, and a killed server loses nothing that the
  // OS already has. Commits stay synchronous, so what a migration committed survives a crash.
  const std::string options =
      "-k " + folder_ + " -c listen_addresses='' -p " + std::to_string(kPort) + " -c fsync=off";
  if (Run({bin_ + "/pg_ctl", "-D", folder_ + "/data", "-l", log, "-o", options, "-w", "-t", "60",
           "start"},
          uid_, gid_, folder_ + "/setup.log") != 0) {
    error = "PostgreSQL did not start: " + LastLines(log);
    return false;
  }
  std::ifstream pid_file(folder_ + "/data/postmaster.pid");
  pid_file >> pid_;
  InstallHandlers();
  Register(pid_, folder_);
  return true;
}

bool EmbeddedServer::Restart(std::string& error) {
  Unregister(pid_);
  Run({bin_ + "/pg_ctl", "-D", folder_ + "/data", "-m", "immediate", "-w", "stop"}, uid_, gid_,
      folder_ + "/setup.log");
  return StartServer(error);
}

EmbeddedServer::~EmbeddedServer() {
  if (pid_ > 0) {
    Unregister(pid_);
    Run({bin_ + "/pg_ctl", "-D", folder_ + "/data", "-m", "immediate", "-w", "stop"}, uid_, gid_,
        folder_ + "/setup.log");
  }
  std::error_code ec;
  if (!folder_.empty()) fs::remove_all(folder_, ec);
}

std::string EmbeddedServer::ConnInfo(const std::string& database) const {
  return "host=" + folder_ + " port=" + std::to_string(kPort) + " user=postgres dbname=" + database;
}

}  // namespace migralint::apply
