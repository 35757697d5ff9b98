// transport.cc: reading and writing Content-Length framed messages.
#include "lsp/transport.h"

#include <poll.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <iostream>
#include <string>

namespace migralint::lsp {
namespace {

constexpr std::string_view kHeaderEnd = "\r\n\r\n";
constexpr std::string_view kLength = "content-length:";
// A header block longer than this without its blank line is garbage: dropped.
constexpr std::size_t kMaxHeader = 64 << 10;

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// The value of the last Content-Length header in `header` (case-insensitive name; anything
// before it on its line is ignored, so that a header block that follows the remains of a
// malformed message is still found), or npos.
std::size_t ContentLength(std::string_view header) {
  std::size_t found = std::string_view::npos;
  for (std::size_t at = 0; at + kLength.size() <= header.size(); ++at) {
    bool match = true;
    for (std::size_t k = 0; k < kLength.size() && match; ++k)
      match = Lower(header[at + k]) == kLength[k];
    if (!match) continue;
    std::size_t v = at + kLength.size();
    while (v < header.size() && (header[v] == ' ' || header[v] == '\t')) ++v;
    std::size_t end = v;
    while (end < header.size() && header[end] >= '0' && header[end] <= '9') ++end;
    std::size_t value = 0;
    const auto [ptr, ec] = std::from_chars(header.data() + v, header.data() + end, value);
    std::size_t rest = end;
    while (rest < header.size() && (header[rest] == ' ' || header[rest] == '\t')) ++rest;
    const bool line_ends = rest == header.size() || header[rest] == '\r' || header[rest] == '\n';
    found = ec == std::errc() && end > v && line_ends ? value : std::string_view::npos;
  }
  return found;
}

}  // namespace

bool Transport::TakeMessage(std::string& body) {
  for (;;) {
    if (skip_) {
      const std::size_t n = std::min(skip_, buffer_.size());
      buffer_.erase(0, n);
      skip_ -= n;
      if (skip_) return false;
    }
    const std::size_t end = buffer_.find(kHeaderEnd);
    if (end == std::string::npos) {
      if (buffer_.size() > kMaxHeader) {
        std::cerr << "migralint lsp: dropped " << buffer_.size() - 3
                  << " bytes without a message header\n";
        buffer_.erase(0, buffer_.size() - 3);  // "\r\n\r" may be the start of the end
      }
      return false;
    }
    const std::size_t length = ContentLength(std::string_view(buffer_).substr(0, end));
    const std::size_t body_at = end + kHeaderEnd.size();
    if (length == std::string_view::npos || length > kMaxBody) {
      std::cerr << "migralint lsp: a message header without a valid Content-Length: skipped\n";
      buffer_.erase(0, body_at);
      if (length != std::string_view::npos) skip_ = length;  // too large: its body goes unread
      continue;
    }
    if (buffer_.size() - body_at < length) return false;
    body.assign(buffer_, body_at, length);
    buffer_.erase(0, body_at + length);
    return true;
  }
}

Transport::Status Transport::Next(std::string& body, int timeout_ms) {
  for (;;) {
    if (TakeMessage(body)) return Status::kMessage;
    if (eof_) return Status::kEof;
    pollfd fd{in_, POLLIN, 0};
    const int ready = ::poll(&fd, 1, timeout_ms);
    if (ready < 0 && errno == EINTR) continue;
    if (ready == 0) return Status::kTimeout;
    char chunk[1 << 16];
    const ssize_t n = ready < 0 ? -1 : ::read(in_, chunk, sizeof chunk);
    if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
    if (n <= 0) {
      eof_ = true;  // closed (or unreadable): whatever is left is incomplete
      continue;
    }
    buffer_.append(chunk, static_cast<std::size_t>(n));
  }
}

bool Transport::Send(std::string_view body) {
  std::string message = "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n";
  message.append(body);
  for (std::size_t at = 0; at < message.size();) {
    const ssize_t n = ::write(out_, message.data() + at, message.size() - at);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    at += static_cast<std::size_t>(n);
  }
  return true;
}

}  // namespace migralint::lsp
