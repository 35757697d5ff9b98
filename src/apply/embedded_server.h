// embedded_server.h: a throwaway PostgreSQL started from the local server binaries (initdb +
// pg_ctl in a temporary folder, unix socket only), as a non-root user when run as root, and
// removed again — also when the process is interrupted (SIGINT, SIGTERM, SIGHUP, SIGQUIT,
// SIGPIPE), during initdb too; folders left by killed runs are removed on the next start.
#pragma once

#include <sys/types.h>

#include <memory>
#include <string>

namespace migralint::apply {

struct Live;  // its entry in the signal handler's table

class EmbeddedServer {
 public:
  /// Starts a server; on failure returns null with one line in `error`.
  static std::unique_ptr<EmbeddedServer> Start(std::string& error);
  ~EmbeddedServer();  // stops it and removes its folder
  EmbeddedServer(const EmbeddedServer&) = delete;
  EmbeddedServer& operator=(const EmbeddedServer&) = delete;

  /// libpq connection string for `database`.
  std::string ConnInfo(const std::string& database = "postgres") const;
  /// The postmaster's process id.
  pid_t pid() const { return pid_; }
  const std::string& folder() const { return folder_; }
  /// Starts the stopped (or killed) server again on the same data.
  bool Restart(std::string& error);

 private:
  EmbeddedServer() = default;
  bool StartServer(std::string& error);

  std::string folder_;
  std::string bin_;
  uid_t uid_ = 0;
  gid_t gid_ = 0;
  pid_t pid_ = 0;
  Live* live_ = nullptr;
};

}  // namespace migralint::apply
