// embedded_server.cc: fork/exec of initdb and pg_ctl, cleanup on exit and on signals.
#include "apply/embedded_server.h"

#include <fcntl.h>
#include <pwd.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <vector>

namespace fs = std::filesystem;

namespace migralint::apply {

// Servers alive in this process, for the signal handler. Fixed-size, set up before any signal:
// the folder is registered as soon as it exists, the postmaster once it runs; `child` is the
// process group of initdb or pg_ctl while one runs.
struct Live {
  volatile pid_t pid = 0;
  volatile pid_t child = 0;
  volatile sig_atomic_t used = 0;
  std::array<char, 256> folder{};
};

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

std::array<Live, 8> g_live;
std::mutex g_live_mutex;

// Runs a program (as uid/gid when running as root) in a process group of its own, output to
// `log`; returns its exit status. `live` learns its pid while it runs.
int Run(const std::vector<std::string>& argv, uid_t uid, gid_t gid, const std::string& log,
        Live* live = nullptr) {
  const pid_t child = fork();
  if (child < 0) return -1;
  if (child == 0) {
    setpgid(0, 0);
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
  setpgid(child, child);  // (also here: the handler may need the group before the child runs)
  if (live) live->child = child;
  int status = 0;
  while (waitpid(child, &status, 0) < 0 && errno == EINTR) {
  }
  if (live) live->child = 0;
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

constexpr int kSignals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE};

// A slot for `folder` (null when all are taken).
Live* Register(const std::string& folder) {
  std::lock_guard<std::mutex> lock(g_live_mutex);
  for (Live& l : g_live) {
    if (!l.used) {
      std::snprintf(l.folder.data(), l.folder.size(), "%s", folder.c_str());
      l.pid = 0;
      l.child = 0;
      l.used = 1;
      return &l;
    }
  }
  return nullptr;
}

void Unregister(Live* live) {
  if (!live) return;
  std::lock_guard<std::mutex> lock(g_live_mutex);
  live->used = 0;
}

// The postmaster's pid from the first line of `data`/postmaster.pid, or 0 (async-signal-safe).
pid_t PostmasterOf(const char* folder) {
  char path[300];
  std::size_t n = 0;
  for (const char* p = folder; *p && n < 250; ++p) path[n++] = *p;
  for (const char* p = "/data/postmaster.pid"; *p; ++p) path[n++] = *p;
  path[n] = 0;
  const int fd = open(path, O_RDONLY);
  if (fd < 0) return 0;
  char buffer[32];
  const ssize_t got = read(fd, buffer, sizeof buffer - 1);
  close(fd);
  pid_t pid = 0;
  for (ssize_t i = 0; i < got && buffer[i] >= '0' && buffer[i] <= '9'; ++i)
    pid = pid * 10 + (buffer[i] - '0');
  return pid;
}

bool Alive(pid_t pid) { return pid > 0 && (kill(pid, 0) == 0 || errno == EPERM); }

void Pause() {
  const timespec pause{0, 50'000'000};
  nanosleep(&pause, nullptr);
}

// Only async-signal-safe calls: kill initdb or pg_ctl (their whole group), stop each server at
// once (SIGQUIT: immediate shutdown), wait for it, remove its folder with rm(1), then die of the
// same signal.
void OnSignal(int signal_number) {
  for (Live& l : g_live) {
    if (!l.used) continue;
    if (l.child > 0) {
      kill(-l.child, SIGKILL);
      waitpid(l.child, nullptr, 0);
    }
    pid_t server = l.pid > 0 ? l.pid : PostmasterOf(l.folder.data());
    if (server > 0) {
      kill(server, SIGQUIT);
      for (int i = 0; i < 100 && Alive(server); ++i) Pause();
    }
    for (int attempt = 0; attempt < 3 && access(l.folder.data(), F_OK) == 0; ++attempt) {
      const pid_t rm = fork();
      if (rm == 0) {
        char rm_path[] = "/bin/rm";
        char flag[] = "-rf";
        char* const args[] = {rm_path, flag, l.folder.data(), nullptr};
        execv(rm_path, args);
        _exit(127);
      }
      if (rm > 0) waitpid(rm, nullptr, 0);
      if (access(l.folder.data(), F_OK) == 0) Pause();
    }
    l.used = 0;
  }
  signal(signal_number, SIG_DFL);
  raise(signal_number);
}

// Installed once, before the first folder exists; a signal the process was started ignoring
// (nohup) stays ignored.
void InstallHandlers() {
  static std::once_flag once;
  std::call_once(once, [] {
    struct sigaction action {};
    action.sa_handler = OnSignal;
    sigemptyset(&action.sa_mask);
    for (int s : kSignals) sigaddset(&action.sa_mask, s);
    for (int s : kSignals) {
      struct sigaction old {};
      sigaction(s, nullptr, &old);
      if (old.sa_handler != SIG_IGN) sigaction(s, &action, nullptr);
    }
  });
}

// Blocks the handled signals for its life (while a folder is created and registered).
class BlockSignals {
 public:
  BlockSignals() {
    sigset_t set;
    sigemptyset(&set);
    for (int s : kSignals) sigaddset(&set, s);
    sigprocmask(SIG_BLOCK, &set, &old_);
  }
  ~BlockSignals() { sigprocmask(SIG_SETMASK, &old_, nullptr); }
  BlockSignals(const BlockSignals&) = delete;
  BlockSignals& operator=(const BlockSignals&) = delete;

 private:
  sigset_t old_;
};

constexpr const char* kOwnerFile = "/owner.pid";  // the migralint process that made the folder
constexpr auto kUnownedAge = std::chrono::minutes(10);

pid_t ReadPid(const std::string& path) {
  std::ifstream in(path);
  long pid = 0;
  return in >> pid ? static_cast<pid_t>(pid) : 0;
}

// Folders of earlier runs killed before they could remove them (kill -9, a crash): removed when
// the run that made them is gone — its server stopped first when it still runs. A folder without
// an owner file (an older migralint) goes only when it is old and its server is not running.
void RemoveStaleFolders() {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator("/tmp", ec)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("migralint-pg-", 0) != 0 || !entry.is_directory(ec)) continue;
    const std::string folder = entry.path().string();
    const pid_t owner = ReadPid(folder + kOwnerFile);
    const pid_t server = ReadPid(folder + "/data/postmaster.pid");
    if (owner > 0) {
      if (Alive(owner)) continue;
      if (Alive(server)) {
        kill(server, SIGQUIT);
        for (int i = 0; i < 100 && Alive(server); ++i) Pause();
      }
    } else {
      const auto written = fs::last_write_time(folder, ec);
      if (ec || fs::file_time_type::clock::now() - written < kUnownedAge || Alive(server)) continue;
    }
    fs::remove_all(folder, ec);
  }
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
  RemoveStaleFolders();
  InstallHandlers();
  {
    BlockSignals blocked;  // no signal between the folder's creation and its registration
    char pattern[] = "/tmp/migralint-pg-XXXXXX";
    if (!mkdtemp(pattern)) {
      error =
          "cannot create a temporary folder for PostgreSQL: " + std::string(std::strerror(errno));
      return nullptr;
    }
    server->folder_ = pattern;
    server->live_ = Register(server->folder_);
    std::ofstream(server->folder_ + kOwnerFile) << getpid() << "\n";
  }
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
                         server->uid_, server->gid_, log, server->live_);
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
          uid_, gid_, folder_ + "/setup.log", live_) != 0) {
    error = "PostgreSQL did not start: " + LastLines(log);
    return false;
  }
  pid_ = ReadPid(folder_ + "/data/postmaster.pid");
  if (live_) live_->pid = pid_;
  return true;
}

bool EmbeddedServer::Restart(std::string& error) {
  if (live_) live_->pid = 0;
  Run({bin_ + "/pg_ctl", "-D", folder_ + "/data", "-m", "immediate", "-w", "stop"}, uid_, gid_,
      folder_ + "/setup.log");
  return StartServer(error);
}

EmbeddedServer::~EmbeddedServer() {
  std::error_code ec;
  if (pid_ > 0 && fs::exists(folder_ + "/data", ec)) {
    Run({bin_ + "/pg_ctl", "-D", folder_ + "/data", "-m", "immediate", "-w", "stop"}, uid_, gid_,
        folder_ + "/setup.log");
  }
  if (!folder_.empty()) fs::remove_all(folder_, ec);
  Unregister(live_);
}

std::string EmbeddedServer::ConnInfo(const std::string& database) const {
  return "host=" + folder_ + " port=" + std::to_string(kPort) + " user=postgres dbname=" + database;
}

}  // namespace migralint::apply
