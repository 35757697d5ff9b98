// server.cc: the LSP session — open documents, requests, debounced lints of a buffer within its
// set.
#include "lsp/server.h"

#include <signal.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <exception>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <string_view>
#include <system_error>
#include <unordered_map>
#include <utility>
#include <vector>

#include "config/load_config.h"
#include "discover/discover.h"
#include "lint/registry.h"
#include "lint/run.h"
#include "lsp/actions.h"
#include "lsp/text.h"
#include "lsp/transport.h"
#include "migralint/diagnostic.h"
#include "migralint/display_path.h"
#include "migralint/migration_set.h"
#include "parse/parse_cache.h"

#ifndef MIGRALINT_VERSION
#define MIGRALINT_VERSION "0.1.0"
#endif

namespace fs = std::filesystem;
using json = nlohmann::json;
using Clock = std::chrono::steady_clock;

namespace migralint::lsp {
namespace {

// JSON-RPC and LSP error codes.
constexpr int kParseError = -32700;
constexpr int kInvalidRequest = -32600;
constexpr int kMethodNotFound = -32601;
constexpr int kInvalidParams = -32602;
constexpr int kInternalError = -32603;
constexpr int kServerNotInitialized = -32002;

// A published diagnostic, in LSP coordinates (0-based lines, UTF-16 columns), for hover.
struct Finding {
  std::string rule;
  std::uint32_t line0, char0, line1, char1;
  json fix;  // {"title", "edits": [LSP TextEdit]} when the finding has a mechanical fix, else null

  bool Holds(std::uint32_t line, std::uint32_t character) const {
    const auto at = std::pair(line, character);
    const auto start = std::pair(line0, char0), end = std::pair(line1, char1);
    return at == start || (start <= at && at < end);
  }
};

struct Document {
  fs::path path;
  std::string text;
  json version;
  json published;  // the diagnostics last sent (null: none yet)
  std::vector<Finding> findings;
};

// LSP position of migralint's `p` in `lines`; past the end: the end of the last line.
std::pair<std::uint32_t, std::uint32_t> ToLsp(const Lines& lines, Position p) {
  const std::size_t line = p.line ? p.line - 1 : 0;
  if (line >= lines.count()) {
    const std::string_view last = lines.Line(lines.count() - 1);
    return {static_cast<std::uint32_t>(lines.count() - 1),
            Utf16Column(last, static_cast<std::uint32_t>(last.size()) + 1)};
  }
  return {static_cast<std::uint32_t>(line), Utf16Column(lines.Line(line), p.column)};
}

json PositionJson(std::uint32_t line, std::uint32_t character) {
  return {{"line", line}, {"character", character}};
}

// What discovery of the set holding `file` reads on disk, cheaply: the modification times of the
// folders above it (files added, removed, renamed) and of the config in effect.
std::string DiskSignature(const fs::path& file) {
  std::error_code ec;
  std::string signature;
  fs::path dir = file.parent_path();
  for (int up = 0; up < 8; ++up) {  // as far as discover::SetContaining looks
    signature += std::to_string(fs::last_write_time(dir, ec).time_since_epoch().count()) + ";";
    if (dir == dir.parent_path()) break;
    dir = dir.parent_path();
  }
  if (const auto config = config::FindConfigUpward(file.parent_path())) {
    signature += config->string() + ";" +
                 std::to_string(fs::last_write_time(*config, ec).time_since_epoch().count()) + ";" +
                 std::to_string(fs::file_size(*config, ec));
  }
  return signature;
}

int LspSeverity(Severity severity) {
  switch (severity) {
    case Severity::kError:
      return 1;
    case Severity::kWarning:
      return 2;
    case Severity::kInfo:
      return 3;
  }
  return 1;
}

class Server {
 public:
  Server(int in, int out, const ServerOptions& options) : transport_(in, out), options_(options) {}
  int Run();

 private:
  void Handle(const std::string& body);
  void Request(const json& id, const std::string& method, const json& params);
  void Notification(const std::string& method, const json& params);
  void Send(const json& message);
  void Reply(const json& id, json result) {
    Send({{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}});
  }
  void Error(const json& id, int code, const std::string& message) {
    Send({{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}});
  }
  void Notify(const std::string& method, json params) {
    Send({{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}});
  }
  /// Lints the buffer of `uri` within its set; publishes its diagnostics and those of the other
  /// open buffers of the set that changed. The URIs published.
  std::set<std::string> Lint(const std::string& uri);
  void ConfigErrors(const std::vector<std::string>& errors);
  json Hover(const json& params);
  json CodeActions(const json& params);

  Transport transport_;
  ServerOptions options_;
  config::KnownRules known_ = lint::KnownRuleOptions();
  std::map<std::string, Document> documents_;         // by URI, as the client wrote it
  std::map<std::string, Clock::time_point> pending_;  // URI -> when its debounced lint is due
  bool initialized_ = false, shutdown_ = false, exit_ = false, gone_ = false;
  std::string config_errors_;  // last shown
  // The set found for a document's path, reused while DiskSignature is unchanged (discovery is a
  // quarter of a lint of a 1,000-file set); forgotten on every open, save and watched-file
  // change, which may change what detection reads inside the files.
  struct Discovered {
    std::string signature;
    std::vector<MigrationSet> sets;
    std::vector<std::string> config_errors;
  };
  std::map<fs::path, Discovered> discovered_;
  // Parse caches by set root, kept in memory between lints (one pack read, not one per edit),
  // written back when the session ends.
  std::map<fs::path, std::unique_ptr<parse::ParseCache>> caches_;
};

int Server::Run() {
  std::string body;
  while (!exit_ && !gone_) {
    int timeout = -1;
    if (!pending_.empty()) {
      Clock::time_point due = Clock::time_point::max();
      for (const auto& [uri, when] : pending_) due = std::min(due, when);
      const auto wait = std::chrono::ceil<std::chrono::milliseconds>(due - Clock::now()).count();
      timeout = static_cast<int>(std::clamp<long long>(wait, 0, 60'000));
    }
    const Transport::Status status = transport_.Next(body, timeout);
    if (status == Transport::Status::kEof) break;  // the client is gone: nothing to answer
    if (status == Transport::Status::kMessage) Handle(body);
    const Clock::time_point now = Clock::now();
    std::vector<std::string> due;
    for (const auto& [uri, when] : pending_) {
      if (when <= now) due.push_back(uri);
    }
    for (const std::string& uri : due) {
      pending_.erase(uri);
      if (!exit_ && !gone_) Lint(uri);
    }
  }
  for (auto& [root, cache] : caches_) cache->Save();
  return exit_ && shutdown_ ? 0 : 1;
}

void Server::Send(const json& message) {
  // Text from the buffers may hold invalid UTF-8: replaced, never thrown over.
  if (!gone_ && !transport_.Send(message.dump(-1, ' ', false, json::error_handler_t::replace)))
    gone_ = true;
}

void Server::Handle(const std::string& body) {
  const json message = json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (message.is_discarded()) {
    Error(nullptr, kParseError, "the message is not valid JSON");
    return;
  }
  if (!message.is_object()) {
    Error(nullptr, kInvalidRequest, "a message is a JSON object");
    return;
  }
  const auto id_at = message.find("id");
  const bool has_id = id_at != message.end() && (id_at->is_string() || id_at->is_number_integer());
  const auto method_at = message.find("method");
  if (method_at == message.end() || !method_at->is_string()) {
    // A response to a request of ours (we send none) is ignored; anything else is invalid.
    if (!message.contains("result") && !message.contains("error"))
      Error(has_id ? *id_at : json(nullptr), kInvalidRequest, "a request needs a method");
    return;
  }
  const std::string method = *method_at;
  const auto params_at = message.find("params");
  const json params = params_at == message.end() ? json::object() : *params_at;
  try {
    if (has_id) {
      Request(*id_at, method, params);
    } else if (id_at != message.end()) {
      Error(nullptr, kInvalidRequest, "an id is a number or a string");
    } else {
      Notification(method, params);
    }
  } catch (const json::exception& e) {
    // Params of the wrong shape (a missing uri, a line that is not a number).
    std::cerr << "migralint lsp: " << method << ": invalid params: " << e.what() << "\n";
    if (has_id) Error(*id_at, kInvalidParams, std::string("invalid params: ") + e.what());
  } catch (const std::exception& e) {
    std::cerr << "migralint lsp: " << method << ": internal error: " << e.what() << "\n";
    if (has_id) Error(*id_at, kInternalError, e.what());
  }
}

void Server::Request(const json& id, const std::string& method, const json& params) {
  if (method == "initialize") {
    initialized_ = true;
    Reply(id, {{"capabilities",
                {{"textDocumentSync", {{"openClose", true}, {"change", 1}, {"save", true}}},
                 {"codeActionProvider", {{"codeActionKinds", {"quickfix"}}}},
                 {"hoverProvider", true}}},
               {"serverInfo", {{"name", "migralint"}, {"version", MIGRALINT_VERSION}}}});
    return;
  }
  if (!initialized_) return Error(id, kServerNotInitialized, "initialize first");
  if (shutdown_) return Error(id, kInvalidRequest, "the server is shut down");
  if (method == "shutdown") {
    shutdown_ = true;
    return Reply(id, nullptr);
  }
  if (method == "textDocument/hover") return Reply(id, Hover(params));
  if (method == "textDocument/codeAction") return Reply(id, CodeActions(params));
  Error(id, kMethodNotFound, "unknown method " + method);
}

void Server::Notification(const std::string& method, const json& params) {
  if (method == "exit") {
    exit_ = true;
    return;
  }
  if (!initialized_ || shutdown_) return;  // LSP: notifications before initialize are dropped
  if (method == "textDocument/didOpen") {
    const json& item = params.at("textDocument");
    const std::string uri = item.at("uri");
    const auto path = PathOfUri(uri);
    if (!path) return;  // untitled:, a remote file: no set to lint it in
    documents_[uri] = {
        *path, item.at("text").get<std::string>(), item.value("version", json()), json(), {}};
    discovered_.clear();
    Lint(uri);
  } else if (method == "textDocument/didChange") {
    const std::string uri = params.at("textDocument").at("uri");
    const auto it = documents_.find(uri);
    if (it == documents_.end()) return;
    const json& changes = params.at("contentChanges");
    // Full sync (what initialize announced): the last change holds the whole text.
    if (!changes.empty()) it->second.text = changes.back().at("text").get<std::string>();
    it->second.version = params.at("textDocument").value("version", json());
    pending_[uri] = Clock::now() + std::chrono::milliseconds(options_.debounce_ms);
  } else if (method == "textDocument/didSave") {
    const std::string uri = params.at("textDocument").at("uri");
    const auto it = documents_.find(uri);
    if (it == documents_.end()) return;
    if (params.contains("text")) it->second.text = params.at("text").get<std::string>();
    pending_.erase(uri);
    discovered_.clear();
    Lint(uri);
  } else if (method == "textDocument/didClose") {
    const std::string uri = params.at("textDocument").at("uri");
    documents_.erase(uri);
    pending_.erase(uri);
    Notify("textDocument/publishDiagnostics", {{"uri", uri}, {"diagnostics", json::array()}});
  } else if (method == "workspace/didChangeWatchedFiles" ||
             method == "workspace/didChangeConfiguration") {
    // A file of a set or a migralint.toml changed on disk: every open buffer again, one lint per
    // set.
    discovered_.clear();
    std::set<std::string> done;
    std::vector<std::string> uris;
    for (const auto& [uri, document] : documents_) uris.push_back(uri);
    for (const std::string& uri : uris) {
      if (!done.count(uri)) done.merge(Lint(uri));
    }
  }
  // Anything else ($/cancelRequest, $/setTrace, …): nothing to do.
}

void Server::ConfigErrors(const std::vector<std::string>& errors) {
  std::string text;
  for (const std::string& e : errors) text += (text.empty() ? "" : "\n") + e;
  if (text == config_errors_) return;
  config_errors_ = text;
  if (text.empty()) return;
  std::cerr << "migralint lsp: " << text << "\n";
  Notify("window/showMessage", {{"type", 1}, {"message", "migralint: " + text}});
}

std::set<std::string> Server::Lint(const std::string& uri) {
  const auto found = documents_.find(uri);
  if (found == documents_.end()) return {};
  // The config is read again whenever it changed on disk: an edited migralint.toml counts at
  // once.
  const std::string signature = DiskSignature(found->second.path);
  Discovered& discovered = discovered_[found->second.path];
  if (discovered.sets.empty() || discovered.signature != signature) {
    config::ConfigResolver configs(known_, std::nullopt);
    discovered.sets = {discover::SetContaining(found->second.path, configs)};
    discovered.config_errors = configs.errors();
    discovered.signature = signature;
  }
  const std::vector<MigrationSet>& sets = discovered.sets;
  const MigrationSet& set = sets.front();
  ConfigErrors(discovered.config_errors);

  // The open buffers of the set (compared as written first, as FindSameFile does: one stat per
  // file of a 1,000-file set on every keystroke would show).
  std::error_code ec;
  const fs::path cwd = fs::current_path(ec);
  auto normal = [&](const fs::path& p) {
    return (p.is_absolute() ? p : cwd / p).lexically_normal().string();
  };
  std::vector<const MigrationFile*> files;
  for (const auto* group : {&set.migrations, &set.others}) {
    for (const MigrationFile& f : *group) files.push_back(&f);
  }
  std::unordered_map<std::string, const MigrationFile*> by_path;
  for (const MigrationFile* f : files) by_path.emplace(normal(f->fs_path), f);
  lint::Options options;
  options.jobs = options_.jobs;
  options.excerpts = false;
  options.cache_dir = options_.cache_dir;
  options.caches = &caches_;
  std::vector<std::pair<std::string, std::string>> members;  // (URI, display path)
  for (const auto& [member, document] : documents_) {
    auto it = by_path.find(normal(document.path));
    if (it == by_path.end() && member == uri) {  // through a link, say
      const std::size_t i = FindSameFile(
          files.size(), [&](std::size_t k) { return files[k]->fs_path; }, document.path);
      if (i < files.size()) it = by_path.find(normal(files[i]->fs_path));
    }
    if (it == by_path.end()) continue;
    options.buffers[it->second->fs_path] = document.text;
    options.only_files.push_back(it->second->fs_path);
    members.emplace_back(member, it->second->path);
  }
  const lint::LintResult result = lint::Run(sets, options);
  if (const auto cache = caches_.find(set.root); cache != caches_.end()) cache->second->Trim();
  for (const std::string& e : result.io_errors) std::cerr << "migralint lsp: " << e << "\n";

  std::map<std::string, std::vector<const Diagnostic*>> by_file;
  for (const Diagnostic& d : result.diagnostics) by_file[d.path].push_back(&d);
  std::set<std::string> published;
  for (const auto& [member, display] : members) {
    Document& document = documents_.at(member);
    const Lines lines(document.text);
    json diagnostics = json::array();
    std::vector<Finding> findings;
    for (const Diagnostic* d : by_file[display]) {
      const auto [line0, char0] = ToLsp(lines, d->start);
      const auto [line1, char1] = ToLsp(lines, d->end);
      std::string message = d->message;
      if (!d->help.empty()) message += "\nhelp: " + d->help;
      diagnostics.push_back(
          {{"range", {{"start", PositionJson(line0, char0)}, {"end", PositionJson(line1, char1)}}},
           {"severity", LspSeverity(d->severity)},
           {"code", d->rule},
           {"source", "migralint"},
           {"message", std::move(message)}});
      json fix;
      if (d->fix) {
        json edits = json::array();
        for (const Edit& e : d->fix->edits) {
          const auto [from_line, from_char] = ToLsp(lines, e.start);
          const auto [to_line, to_char] = ToLsp(lines, e.stop);
          edits.push_back({{"range",
                            {{"start", PositionJson(from_line, from_char)},
                             {"end", PositionJson(to_line, to_char)}}},
                           {"newText", e.text}});
        }
        fix = {{"title", d->fix->title}, {"edits", std::move(edits)}};
      }
      findings.push_back({d->rule, line0, char0, line1, char1, std::move(fix)});
    }
    published.insert(member);
    // The buffer linted always hears back; the others only when the edit changed theirs.
    if (member != uri && diagnostics == document.published) continue;
    json params = {{"uri", member}, {"diagnostics", diagnostics}};
    if (!document.version.is_null()) params["version"] = document.version;
    document.published = std::move(diagnostics);
    document.findings = std::move(findings);
    Notify("textDocument/publishDiagnostics", std::move(params));
  }
  return published;
}

json Server::Hover(const json& params) {
  const std::string uri = params.at("textDocument").at("uri");
  const auto it = documents_.find(uri);
  if (it == documents_.end()) return nullptr;
  const Document& document = it->second;
  const std::uint32_t line = params.at("position").at("line");
  const std::uint32_t character = params.at("position").at("character");
  std::vector<std::string> rules;
  for (const Finding& f : document.findings) {
    if (f.Holds(line, character) && std::find(rules.begin(), rules.end(), f.rule) == rules.end())
      rules.push_back(f.rule);
  }
  if (rules.empty()) {
    const std::string_view text = Lines(document.text).Line(line);
    std::string rule = IgnoredRuleAt(text, ByteOfUtf16(text, character));
    if (!rule.empty()) rules.push_back(std::move(rule));
  }
  std::string value;
  for (const std::string& rule : rules) {
    const std::string explanation = Explanation(rule);
    if (explanation.empty()) continue;
    value += (value.empty() ? "" : "\n---\n") + explanation;
  }
  if (value.empty()) return nullptr;
  return {{"contents", {{"kind", "markdown"}, {"value", value}}}};
}

json Server::CodeActions(const json& params) {
  const std::string uri = params.at("textDocument").at("uri");
  const auto it = documents_.find(uri);
  json actions = json::array();
  if (it == documents_.end()) return actions;
  const Document& document = it->second;
  const Lines lines(document.text);
  std::set<std::pair<std::string, std::uint32_t>> offered;  // (rule, line of the comment)
  const json context = params.value("context", json::object());
  for (const json& d : context.value("diagnostics", json::array())) {
    if (d.value("source", "") != "migralint" || !d.contains("code") || !d["code"].is_string())
      continue;
    const std::string rule = d["code"];
    if (rule == "unused-ignore" || !lint::FindRule(rule)) continue;  // remove it instead
    const std::uint32_t line = d.at("range").at("start").at("line");
    const std::uint32_t character = d.at("range").at("start").at("character");
    // The finding's own fix first, when it has one (the same edits as `migralint fix`).
    for (const Finding& f : document.findings) {
      if (f.rule != rule || f.line0 != line || f.char0 != character || f.fix.is_null()) continue;
      actions.push_back(
          {{"title", "Fix: " + f.fix.at("title").get<std::string>() + " (" + rule + ")"},
           {"kind", "quickfix"},
           {"isPreferred", true},
           {"diagnostics", json::array({d})},
           {"edit", {{"changes", {{uri, f.fix.at("edits")}}}}}});
      break;
    }
    const LineInsert insert =
        IgnoreComment(document.text, rule, line, ByteOfUtf16(lines.Line(line), character));
    if (!offered.emplace(rule, insert.line).second) continue;
    const json at = PositionJson(insert.line, 0);
    actions.push_back({{"title", "Ignore " + rule + " here (-- migralint-ignore)"},
                       {"kind", "quickfix"},
                       {"diagnostics", json::array({d})},
                       {"edit",
                        {{"changes",
                          {{uri, json::array({{{"range", {{"start", at}, {"end", at}}},
                                               {"newText", insert.text}}})}}}}}});
  }
  return actions;
}

}  // namespace

int Serve(int in, int out, const ServerOptions& options) {
  // A client that goes away makes writes fail with EPIPE (then the session ends), not kill us.
  struct sigaction ignore {};
  ignore.sa_handler = SIG_IGN;
  sigemptyset(&ignore.sa_mask);
  ::sigaction(SIGPIPE, &ignore, nullptr);
  Server server(in, out, options);
  return server.Run();
}

}  // namespace migralint::lsp
