// server.h: stage 8 — `migralint lsp`, the Language Server Protocol over stdio: diagnostics of
// open buffers linted within their set, "ignore this finding" code actions, rule explanations on
// hover.
#pragma once

#include <filesystem>
#include <optional>

namespace migralint::lsp {

struct ServerOptions {
  /// Quiet time after a change before the buffer is linted (typing does not lint every key).
  int debounce_ms = 200;
  /// Where parsed files are kept between lints (parse::ParseCache); none: parse every time.
  std::optional<std::filesystem::path> cache_dir;
  unsigned jobs = 1;  // threads that read and parse the set's files
};

/// Serves one client on `in`/`out` until `exit` or the end of the input. The exit status: 0
/// after shutdown then exit, 1 otherwise (LSP: exit without shutdown, or the client vanished).
int Serve(int in, int out, const ServerOptions& options);

}  // namespace migralint::lsp
