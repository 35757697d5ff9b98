// transport.h: JSON-RPC messages framed by Content-Length headers (the LSP base protocol) over
// two file descriptors.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace migralint::lsp {

class Transport {
 public:
  Transport(int in, int out) : in_(in), out_(out) {}

  enum class Status { kMessage, kTimeout, kEof };
  /// The next message's body into `body`. Waits at most `timeout_ms` (-1: forever) for bytes.
  /// Header blocks without a usable Content-Length are skipped (logged to stderr); the end of the
  /// input, also in the middle of a message, is kEof.
  Status Next(std::string& body, int timeout_ms);
  /// Writes one message; false when the client is gone (the write failed).
  bool Send(std::string_view body);

  /// Largest body accepted; a larger Content-Length is a malformed header.
  static constexpr std::size_t kMaxBody = std::size_t{256} << 20;

 private:
  // A whole message in buffer_ (its body moved out into `body`), or false.
  bool TakeMessage(std::string& body);

  int in_, out_;
  std::string buffer_;    // bytes read and not yet taken
  std::size_t skip_ = 0;  // bytes of an unreadable body still to drop
  bool eof_ = false;
};

}  // namespace migralint::lsp
