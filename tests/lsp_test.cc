// lsp_test.cc: `migralint lsp` run as a process and driven by a scripted JSON-RPC client —
// a session (initialize, open, change, diagnostics, code action, hover, shutdown, exit), UTF-16
// columns, config changes, malformed messages and a client that vanishes mid-message.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "temp_folder.h"

namespace fs = std::filesystem;
using json = nlohmann::json;
using Clock = std::chrono::steady_clock;

namespace {

const fs::path kBinary = MIGRALINT_BINARY;
constexpr int kTimeoutMs = 20'000;  // generous: sanitizer builds on a busy machine

// The server as a child process, with pipes to its stdin and from its stdout.
class Client {
 public:
  explicit Client(const fs::path& dir) {
    int to[2], from[2];
    if (::pipe(to) != 0 || ::pipe(from) != 0) std::abort();
    pid_ = ::fork();
    if (pid_ == 0) {
      ::dup2(to[0], 0);
      ::dup2(from[1], 1);
      for (int fd : {to[0], to[1], from[0], from[1]}) ::close(fd);
      if (::chdir(dir.c_str()) != 0) ::_exit(127);
      ::setenv("MIGRALINT_CACHE_DIR", (dir / ".cache").c_str(), 1);
      ::execl(kBinary.c_str(), "migralint", "lsp", "--debounce-ms", "50", nullptr);
      ::_exit(127);
    }
    ::close(to[0]);
    ::close(from[1]);
    in_ = to[1];
    out_ = from[0];
    struct sigaction ignore {};
    ignore.sa_handler = SIG_IGN;
    ::sigaction(SIGPIPE, &ignore, nullptr);  // a server that died: a failed write, not death
  }
  ~Client() {
    CloseInput();
    if (out_ >= 0) ::close(out_);
    if (pid_ > 0 && !exit_status_) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
  }

  void SendRaw(const std::string& bytes) {
    for (std::size_t at = 0; at < bytes.size();) {
      const ssize_t n = ::write(in_, bytes.data() + at, bytes.size() - at);
      ASSERT_GT(n, 0) << "the server stopped reading";
      at += static_cast<std::size_t>(n);
    }
  }
  void Send(const json& message) {
    const std::string body = message.dump();
    SendRaw("Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body);
  }
  int Request(const std::string& method, json params) {
    Send({{"jsonrpc", "2.0"}, {"id", ++last_id_}, {"method", method}, {"params", params}});
    return last_id_;
  }
  void Notify(const std::string& method, json params) {
    Send({{"jsonrpc", "2.0"}, {"method", method}, {"params", params}});
  }
  void CloseInput() {
    if (in_ >= 0) ::close(in_);
    in_ = -1;
  }

  /// The next message that satisfies `wanted` (those before it are kept for later calls), or
  /// nothing after the timeout or the end of the output.
  std::optional<json> WaitFor(const std::function<bool(const json&)>& wanted,
                              int timeout_ms = kTimeoutMs) {
    const auto deadline = Clock::now() + std::chrono::milliseconds(timeout_ms);
    for (;;) {
      for (auto it = seen_.begin(); it != seen_.end(); ++it) {
        if (wanted(*it)) {
          json found = std::move(*it);
          seen_.erase(it);
          return found;
        }
      }
      const auto left =
          std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
      if (left <= 0 || !ReadMessage(static_cast<int>(left))) return std::nullopt;
    }
  }
  std::optional<json> Response(int id) {
    return WaitFor([id](const json& m) { return m.value("id", json()) == id; });
  }
  /// The next diagnostics published for the file whose URI ends in `name` (for its text of
  /// `version`, when given).
  std::optional<json> Diagnostics(const std::string& name, int version = -1) {
    return WaitFor([&](const json& m) {
      if (m.value("method", "") != "textDocument/publishDiagnostics") return false;
      if (version >= 0 && m["params"].value("version", -1) != version) return false;
      const std::string uri = m["params"]["uri"];
      return uri.size() >= name.size() &&
             uri.compare(uri.size() - name.size(), name.size(), name) == 0;
    });
  }

  /// The exit status once the server has ended (-1: killed by a signal), or nothing after the
  /// timeout.
  std::optional<int> WaitExit(int timeout_ms = kTimeoutMs) {
    const auto deadline = Clock::now() + std::chrono::milliseconds(timeout_ms);
    while (Clock::now() < deadline) {
      int status = 0;
      if (::waitpid(pid_, &status, WNOHANG) == pid_) {
        exit_status_ = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        return exit_status_;
      }
      ::usleep(10'000);
    }
    return std::nullopt;
  }

 private:
  // Reads one framed message into seen_; false on timeout or end of output.
  bool ReadMessage(int timeout_ms) {
    for (;;) {
      const std::size_t end = buffer_.find("\r\n\r\n");
      if (end != std::string::npos) {
        const std::size_t at = buffer_.find("Content-Length: ");
        EXPECT_EQ(at, 0u) << buffer_.substr(0, end);
        const std::size_t length = std::stoul(buffer_.substr(16, end - 16));
        if (buffer_.size() >= end + 4 + length) {
          seen_.push_back(json::parse(buffer_.substr(end + 4, length)));
          buffer_.erase(0, end + 4 + length);
          return true;
        }
      }
      pollfd fd{out_, POLLIN, 0};
      if (::poll(&fd, 1, timeout_ms) <= 0) return false;
      char chunk[65536];
      const ssize_t n = ::read(out_, chunk, sizeof chunk);
      if (n <= 0) return false;
      buffer_.append(chunk, static_cast<std::size_t>(n));
    }
  }

  pid_t pid_ = -1;
  int in_ = -1, out_ = -1;
  int last_id_ = 0;
  std::string buffer_;
  std::vector<json> seen_;
  std::optional<int> exit_status_;
};

class Lsp : public migralint::testing::TempFolderTest {
 protected:
  Lsp() : TempFolderTest("lsp") {}

  std::string Uri(const std::string& relative) { return "file://" + (dir_ / relative).string(); }

  void Initialize(Client& client) {
    const int id = client.Request(
        "initialize",
        {{"processId", nullptr}, {"rootUri", Uri("")}, {"capabilities", json::object()}});
    const auto response = client.Response(id);
    ASSERT_TRUE(response) << "no answer to initialize";
    const json& capabilities = (*response)["result"]["capabilities"];
    EXPECT_EQ(capabilities["textDocumentSync"]["change"], 1);
    EXPECT_EQ(capabilities["hoverProvider"], true);
    EXPECT_TRUE(capabilities.contains("codeActionProvider"));
    client.Notify("initialized", json::object());
  }
  void Open(Client& client, const std::string& relative, const std::string& text) {
    client.Notify(
        "textDocument/didOpen",
        {{"textDocument",
          {{"uri", Uri(relative)}, {"languageId", "sql"}, {"version", 1}, {"text", text}}}});
  }
  void Change(Client& client, const std::string& relative, int version, const std::string& text) {
    client.Notify("textDocument/didChange",
                  {{"textDocument", {{"uri", Uri(relative)}, {"version", version}}},
                   {"contentChanges", json::array({{{"text", text}}})}});
  }
  void ShutdownAndExit(Client& client) {
    const int id = client.Request("shutdown", nullptr);
    const auto response = client.Response(id);
    ASSERT_TRUE(response);
    EXPECT_TRUE((*response)["result"].is_null());
    client.Notify("exit", nullptr);
    EXPECT_EQ(client.WaitExit(), 0);
  }

  // Codes (rule ids) of a publishDiagnostics message.
  static std::vector<std::string> Codes(const json& message) {
    std::vector<std::string> codes;
    for (const json& d : message["params"]["diagnostics"]) codes.push_back(d["code"]);
    return codes;
  }
  static std::optional<json> WithCode(const json& message, const std::string& code) {
    for (const json& d : message["params"]["diagnostics"]) {
      if (d["code"] == code) return d;
    }
    return std::nullopt;
  }

  static constexpr const char* kTables =
      "CREATE TABLE IF NOT EXISTS a (id bigint PRIMARY KEY);\n"
      "CREATE TABLE IF NOT EXISTS b (id bigint PRIMARY KEY,\n"
      "  a_id bigint REFERENCES a (id));\n";
  static constexpr const char* kIndex = "CREATE INDEX IF NOT EXISTS b_a_id ON b (a_id);\n";
};

TEST_F(Lsp, SessionLintsBuffersWithinTheirSet) {
  Write("db/migrations/001_tables.sql", kTables);
  Write("db/migrations/002_more.sql", "SELECT 1;\n");
  Client client(dir_);
  Initialize(client);

  // The foreign key has no index in the set: a finding on the buffer, with its LSP range.
  Open(client, "db/migrations/001_tables.sql", kTables);
  auto first = client.Diagnostics("001_tables.sql");
  ASSERT_TRUE(first);
  const auto fk = WithCode(*first, "fk-missing-index");
  ASSERT_TRUE(fk) << first->dump();
  EXPECT_EQ((*fk)["source"], "migralint");
  EXPECT_EQ((*fk)["severity"], 2);
  EXPECT_EQ((*fk)["range"]["start"]["line"], 2);

  // The unsaved buffer of 002 adds the index: 002 is linted as typed (after the debounce), and
  // 001's finding, which the edit clears, is published again.
  Open(client, "db/migrations/002_more.sql", "SELECT 1;\n");
  ASSERT_TRUE(client.Diagnostics("002_more.sql"));
  Change(client, "db/migrations/002_more.sql", 2, kIndex);
  auto changed = client.Diagnostics("002_more.sql", 2);
  ASSERT_TRUE(changed);
  EXPECT_TRUE(WithCode(*changed, "non-concurrent-index")) << changed->dump();
  auto cleared = client.Diagnostics("001_tables.sql");
  ASSERT_TRUE(cleared) << "001 not republished";
  EXPECT_FALSE(WithCode(*cleared, "fk-missing-index")) << cleared->dump();
  // Nothing on disk changed: the index was only in the buffer.
  EXPECT_EQ(migralint::testing::Slurp(dir_ / "db/migrations/002_more.sql"), "SELECT 1;\n");

  // Back without the index: the finding returns.
  Change(client, "db/migrations/002_more.sql", 3, "SELECT 1;\n");
  auto again = client.Diagnostics("001_tables.sql");
  ASSERT_TRUE(again);
  ASSERT_TRUE(WithCode(*again, "fk-missing-index"));

  // "Ignore this finding": the comment goes before the statement holding the finding.
  int id = client.Request("textDocument/codeAction",
                          {{"textDocument", {{"uri", Uri("db/migrations/001_tables.sql")}}},
                           {"range", (*fk)["range"]},
                           {"context", {{"diagnostics", json::array({*fk})}}}});
  auto actions = client.Response(id);
  ASSERT_TRUE(actions);
  ASSERT_EQ((*actions)["result"].size(), 1u) << actions->dump();
  const json& action = (*actions)["result"][0];
  EXPECT_EQ(action["kind"], "quickfix");
  const json& edit = action["edit"]["changes"][Uri("db/migrations/001_tables.sql")][0];
  EXPECT_EQ(edit["range"]["start"]["line"], 1);
  EXPECT_EQ(edit["range"]["start"]["character"], 0);
  EXPECT_EQ(edit["newText"], "-- migralint-ignore fk-missing-index: <reason>\n");

  // Applied (as the editor would), the finding goes.
  std::string ignored = kTables;
  ignored.insert(ignored.find("CREATE TABLE IF NOT EXISTS b"),
                 "-- migralint-ignore fk-missing-index: small table\n");
  Change(client, "db/migrations/001_tables.sql", 2, ignored);
  auto suppressed = client.Diagnostics("001_tables.sql");
  ASSERT_TRUE(suppressed);
  EXPECT_TRUE(Codes(*suppressed).empty()) << suppressed->dump();

  // Hover on the rule name of the ignore comment: the rule's explanation.
  id = client.Request("textDocument/hover",
                      {{"textDocument", {{"uri", Uri("db/migrations/001_tables.sql")}}},
                       {"position", {{"line", 1}, {"character", 25}}}});
  auto hover = client.Response(id);
  ASSERT_TRUE(hover);
  const std::string text = (*hover)["result"]["contents"]["value"];
  EXPECT_EQ(text.rfind("# fk-missing-index", 0), 0u) << text;
  EXPECT_NE(text.find("## What it flags"), std::string::npos);

  // Hover on a diagnostic's range; and on plain text: null.
  Change(client, "db/migrations/002_more.sql", 4, kIndex);
  ASSERT_TRUE(client.Diagnostics("002_more.sql", 4));
  id = client.Request("textDocument/hover",
                      {{"textDocument", {{"uri", Uri("db/migrations/002_more.sql")}}},
                       {"position", {{"line", 0}, {"character", 3}}}});
  hover = client.Response(id);
  ASSERT_TRUE(hover);
  EXPECT_NE(
      (*hover)["result"]["contents"]["value"].get<std::string>().find("# non-concurrent-index"),
      std::string::npos);
  id = client.Request("textDocument/hover",
                      {{"textDocument", {{"uri", Uri("db/migrations/002_more.sql")}}},
                       {"position", {{"line", 5}, {"character", 0}}}});
  hover = client.Response(id);
  ASSERT_TRUE(hover);
  EXPECT_TRUE((*hover)["result"].is_null());

  // Closing a buffer clears its diagnostics.
  client.Notify("textDocument/didClose",
                {{"textDocument", {{"uri", Uri("db/migrations/002_more.sql")}}}});
  auto closed = client.Diagnostics("002_more.sql");
  ASSERT_TRUE(closed);
  EXPECT_TRUE(Codes(*closed).empty());

  ShutdownAndExit(client);
}

// A finding with a mechanical fix offers it first (the edits `migralint fix` makes), then the
// ignore comment.
TEST_F(Lsp, FindingsWithAFixOfferItAsTheQuickFix) {
  Write("migralint.toml", "runner = \"psql\"\n");  // files run again: idempotency counts
  Write("db/migrations/001_a.sql", "CREATE TABLE a (id bigint PRIMARY KEY);\n");
  Client client(dir_);
  Initialize(client);
  Open(client, "db/migrations/001_a.sql", "CREATE TABLE a (id bigint PRIMARY KEY);\n");
  auto published = client.Diagnostics("001_a.sql");
  ASSERT_TRUE(published);
  const auto finding = WithCode(*published, "non-idempotent-ddl");
  ASSERT_TRUE(finding) << published->dump();
  const int id = client.Request("textDocument/codeAction",
                                {{"textDocument", {{"uri", Uri("db/migrations/001_a.sql")}}},
                                 {"range", (*finding)["range"]},
                                 {"context", {{"diagnostics", json::array({*finding})}}}});
  auto actions = client.Response(id);
  ASSERT_TRUE(actions);
  ASSERT_EQ((*actions)["result"].size(), 2u) << actions->dump();
  const json& fix = (*actions)["result"][0];
  EXPECT_EQ(fix["title"], "Fix: add IF NOT EXISTS (non-idempotent-ddl)");
  EXPECT_EQ(fix["isPreferred"], true);
  const json& edit = fix["edit"]["changes"][Uri("db/migrations/001_a.sql")][0];
  EXPECT_EQ(edit["range"]["start"]["line"], 0);
  EXPECT_EQ(edit["range"]["start"]["character"], 12);
  EXPECT_EQ(edit["range"]["end"]["character"], 12);
  EXPECT_EQ(edit["newText"], " IF NOT EXISTS");
  ShutdownAndExit(client);
}

TEST_F(Lsp, ColumnsAreUtf16CodeUnits) {
  Write("db/migrations/001_a.sql", "SELECT 1;\n");
  Client client(dir_);
  Initialize(client);
  // Before "FROM": 2 code points beyond the BMP (2 UTF-16 units each, 4 UTF-8 bytes) and "é"
  // (1 unit, 2 bytes).
  Open(client, "db/migrations/001_a.sql",
       "SELECT '\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xC3\xA9' FROM FROM;\n");
  auto published = client.Diagnostics("001_a.sql");
  ASSERT_TRUE(published);
  const auto error = WithCode(*published, "syntax-error");
  ASSERT_TRUE(error) << published->dump();
  // SELECT '😀😀é' FROM FROM: the second FROM starts at UTF-16 unit 7 + 1 + 5 + 1 + 1 + 5 = 20.
  EXPECT_EQ((*error)["range"]["start"]["character"], 20) << error->dump();
  ShutdownAndExit(client);
}

TEST_F(Lsp, ConfigChangesCountWithoutRestart) {
  Write("db/migrations/001_tables.sql", kTables);
  Client client(dir_);
  Initialize(client);
  Open(client, "db/migrations/001_tables.sql", kTables);
  auto before = client.Diagnostics("001_tables.sql");
  ASSERT_TRUE(before);
  ASSERT_TRUE(WithCode(*before, "fk-missing-index"));
  Write("migralint.toml", "[rules]\nfk-missing-index = \"off\"\n");
  client.Notify("workspace/didChangeWatchedFiles",
                {{"changes", json::array({{{"uri", Uri("migralint.toml")}, {"type", 1}}})}});
  auto after = client.Diagnostics("001_tables.sql");
  ASSERT_TRUE(after);
  EXPECT_FALSE(WithCode(*after, "fk-missing-index")) << after->dump();
  // A broken config: said once, the defaults apply meanwhile.
  Write("migralint.toml", "[rules\n");
  client.Notify("textDocument/didSave",
                {{"textDocument", {{"uri", Uri("db/migrations/001_tables.sql")}}}});
  auto message =
      client.WaitFor([](const json& m) { return m.value("method", "") == "window/showMessage"; });
  ASSERT_TRUE(message);
  EXPECT_NE((*message)["params"]["message"].get<std::string>().find("migralint.toml"),
            std::string::npos);
  ShutdownAndExit(client);
}

TEST_F(Lsp, FilesAddedOnDiskJoinTheSetAtTheNextEdit) {
  Write("db/migrations/001_tables.sql", kTables);
  Client client(dir_);
  Initialize(client);
  Open(client, "db/migrations/001_tables.sql", kTables);
  auto before = client.Diagnostics("001_tables.sql", 1);
  ASSERT_TRUE(before);
  ASSERT_TRUE(WithCode(*before, "fk-missing-index"));
  // Another tool writes the next migration; no notification about it reaches the server.
  Write("db/migrations/002_index.sql", kIndex);
  Change(client, "db/migrations/001_tables.sql", 2, kTables);
  auto after = client.Diagnostics("001_tables.sql", 2);
  ASSERT_TRUE(after);
  EXPECT_FALSE(WithCode(*after, "fk-missing-index")) << after->dump();
  ShutdownAndExit(client);
}

TEST_F(Lsp, MalformedMessagesAreAnsweredOrSkipped) {
  Client client(dir_);
  // Before initialize: refused.
  int id = client.Request("textDocument/hover", json::object());
  auto early = client.Response(id);
  ASSERT_TRUE(early);
  EXPECT_EQ((*early)["error"]["code"], -32002);
  Initialize(client);
  // A header block without Content-Length, one with a bad value, one with a huge one: skipped.
  client.SendRaw("Content-Type: application/json\r\n\r\n");
  client.SendRaw("Content-Length: twelve\r\n\r\n");
  client.SendRaw("Content-Length: -5\r\n\r\n");
  // Not JSON, and JSON that is not a request: errors without an id.
  client.SendRaw("Content-Length: 9\r\n\r\n{\"jsonrpc");
  auto parse_error = client.WaitFor(
      [](const json& m) { return m.contains("error") && m["error"]["code"] == -32700; });
  ASSERT_TRUE(parse_error);
  EXPECT_TRUE((*parse_error)["id"].is_null());
  client.Send(json::array({1, 2}));
  ASSERT_TRUE(client.WaitFor(
      [](const json& m) { return m.contains("error") && m["error"]["code"] == -32600; }));
  // Unknown request: MethodNotFound; unknown notification: nothing.
  client.Notify("$/unknownNotification", json::object());
  client.Notify("workspace/somethingNew", {{"x", 1}});
  id = client.Request("workspace/somethingNew", json::object());
  auto unknown = client.Response(id);
  ASSERT_TRUE(unknown);
  EXPECT_EQ((*unknown)["error"]["code"], -32601);
  // Params of the wrong shape: InvalidParams, and the server goes on.
  id = client.Request("textDocument/hover", {{"textDocument", 7}});
  auto invalid = client.Response(id);
  ASSERT_TRUE(invalid);
  EXPECT_EQ((*invalid)["error"]["code"], -32602);
  client.Notify("textDocument/didOpen", {{"textDocument", {{"uri", 5}}}});
  // Garbage before a header: the header after it is still found.
  client.SendRaw("garbage");
  id = client.Request("textDocument/hover", {{"textDocument", {{"uri", Uri("nothing.sql")}}},
                                             {"position", {{"line", 0}, {"character", 0}}}});
  auto after = client.Response(id);
  ASSERT_TRUE(after) << "no answer after the malformed messages";
  EXPECT_TRUE((*after)["result"].is_null());
  ShutdownAndExit(client);
}

TEST_F(Lsp, ClientVanishingMidMessageEndsTheServer) {
  Client client(dir_);
  Initialize(client);
  client.SendRaw("Content-Length: 200\r\n\r\n{\"jsonrpc\": \"2.0\", \"id\": 2, \"meth");
  client.CloseInput();
  const auto status = client.WaitExit();
  ASSERT_TRUE(status) << "the server hangs after its input ended";
  EXPECT_EQ(*status, 1);  // ended without shutdown
}

TEST_F(Lsp, ClientVanishingMidHeaderEndsTheServer) {
  Client client(dir_);
  client.SendRaw("Content-Len");
  client.CloseInput();
  const auto status = client.WaitExit();
  ASSERT_TRUE(status) << "the server hangs after its input ended";
  EXPECT_EQ(*status, 1);
}

TEST_F(Lsp, ExitWithoutShutdownIsStatusOne) {
  Client client(dir_);
  Initialize(client);
  client.Notify("exit", nullptr);
  EXPECT_EQ(client.WaitExit(), 1);
}

}  // namespace
