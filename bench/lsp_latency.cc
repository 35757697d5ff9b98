// lsp_latency.cc: edit -> diagnostics latency of `migralint lsp` (ci/bench.sh). Opens FILE, then
// RUNS times replaces its buffer with its text plus a new statement (didChange) and times until
// the diagnostics of that version arrive, which must hold a finding on the new statement's line.
//
//   migralint_lsp_latency MIGRALINT FILE RUNS
// prints "open_ms median_ms p90_ms max_ms" (the server runs with --debounce-ms 0: the debounce
// is a wait chosen on purpose, not work; an editor adds it on top).
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace {

using json = nlohmann::json;
using Clock = std::chrono::steady_clock;

int to_server = -1, from_server = -1;
std::string pending;

void Send(const json& message) {
  const std::string body = message.dump();
  const std::string bytes = "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
  for (std::size_t at = 0; at < bytes.size();) {
    const ssize_t n = ::write(to_server, bytes.data() + at, bytes.size() - at);
    if (n <= 0) {
      std::fprintf(stderr, "lsp_latency: the server stopped reading\n");
      std::exit(1);
    }
    at += static_cast<std::size_t>(n);
  }
}

// The next message, or nothing after 60 s or at the end of the output.
std::optional<json> Receive() {
  for (;;) {
    const std::size_t end = pending.find("\r\n\r\n");
    if (end != std::string::npos) {
      const std::size_t length = std::stoul(pending.substr(16, end - 16));
      if (pending.size() >= end + 4 + length) {
        json message = json::parse(pending.substr(end + 4, length));
        pending.erase(0, end + 4 + length);
        return message;
      }
    }
    pollfd fd{from_server, POLLIN, 0};
    if (::poll(&fd, 1, 60'000) <= 0) return std::nullopt;
    char chunk[1 << 16];
    const ssize_t n = ::read(from_server, chunk, sizeof chunk);
    if (n <= 0) return std::nullopt;
    pending.append(chunk, static_cast<std::size_t>(n));
  }
}

// Waits for the diagnostics of `uri` at `version`; false if they never come.
bool AwaitDiagnostics(const std::string& uri, int version, json& diagnostics) {
  while (auto message = Receive()) {
    if (message->value("method", "") != "textDocument/publishDiagnostics") continue;
    const json& params = (*message)["params"];
    if (params["uri"] == uri && params.value("version", -1) == version) {
      diagnostics = params["diagnostics"];
      return true;
    }
  }
  return false;
}

double Ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: migralint_lsp_latency MIGRALINT FILE RUNS\n");
    return 2;
  }
  const std::string binary = argv[1];
  const std::filesystem::path file = std::filesystem::absolute(argv[2]);
  const int runs = std::atoi(argv[3]);
  std::ifstream in(file, std::ios::binary);
  const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  const auto lines = static_cast<int>(std::count(text.begin(), text.end(), '\n'));

  int to[2], from[2];
  if (::pipe(to) != 0 || ::pipe(from) != 0) return 1;
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::dup2(to[0], 0);
    ::dup2(from[1], 1);
    for (int fd : {to[0], to[1], from[0], from[1]}) ::close(fd);
    ::execl(binary.c_str(), "migralint", "lsp", "--debounce-ms", "0", nullptr);
    ::_exit(127);
  }
  ::close(to[0]);
  ::close(from[1]);
  to_server = to[1];
  from_server = from[0];
  ::signal(SIGPIPE, SIG_IGN);

  const std::string uri = "file://" + file.string();
  Send({{"jsonrpc", "2.0"}, {"id", 1}, {"method", "initialize"}, {"params", json::object()}});
  Send({{"jsonrpc", "2.0"}, {"method", "initialized"}, {"params", json::object()}});
  json diagnostics;
  const auto open_start = Clock::now();
  Send({{"jsonrpc", "2.0"},
        {"method", "textDocument/didOpen"},
        {"params",
         {{"textDocument",
           {{"uri", uri}, {"languageId", "sql"}, {"version", 1}, {"text", text}}}}}});
  if (!AwaitDiagnostics(uri, 1, diagnostics)) {
    std::fprintf(stderr, "lsp_latency: no diagnostics after didOpen\n");
    return 1;
  }
  const double open_ms = Ms(Clock::now() - open_start);

  std::vector<double> samples;
  for (int i = 0; i < runs; ++i) {
    const int version = i + 2;
    // A statement of its own on a new last line: a finding there proves the buffer was linted.
    const std::string edited = text + "\nALTER TABLE bench_no_such_table ADD COLUMN bench_col_" +
                               std::to_string(i) + " int;\n";
    const auto start = Clock::now();
    Send({{"jsonrpc", "2.0"},
          {"method", "textDocument/didChange"},
          {"params",
           {{"textDocument", {{"uri", uri}, {"version", version}}},
            {"contentChanges", json::array({{{"text", edited}}})}}}});
    if (!AwaitDiagnostics(uri, version, diagnostics)) {
      std::fprintf(stderr, "lsp_latency: no diagnostics for version %d\n", version);
      return 1;
    }
    samples.push_back(Ms(Clock::now() - start));
    const bool on_line = std::any_of(diagnostics.begin(), diagnostics.end(), [&](const json& d) {
      return d["range"]["start"]["line"] == lines + 1;
    });
    if (!on_line) {
      std::fprintf(stderr, "lsp_latency: no finding on the new statement: buffer not linted\n");
      return 1;
    }
  }
  Send({{"jsonrpc", "2.0"}, {"id", 2}, {"method", "shutdown"}, {"params", nullptr}});
  Send({{"jsonrpc", "2.0"}, {"method", "exit"}, {"params", nullptr}});
  ::close(to_server);
  int status = 0;
  ::waitpid(pid, &status, 0);

  std::sort(samples.begin(), samples.end());
  auto at = [&](double q) {
    return samples[std::min(samples.size() - 1, static_cast<std::size_t>(q * samples.size()))];
  };
  std::ostringstream out;
  out.precision(1);
  out << std::fixed << open_ms << " " << at(0.5) << " " << at(0.9) << " " << samples.back();
  std::printf("%s\n", out.str().c_str());
  return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : 1;
}
