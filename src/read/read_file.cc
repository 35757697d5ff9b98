// read_file.cc: BOM, UTF-8 validation, NUL bytes and the size limit.
#include "read/read_file.h"

#include <fcntl.h>
#include <simdjson.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <memory>
#include <string>

namespace fs = std::filesystem;

namespace migralint::read {
namespace {

Diagnostic EncodingDiagnostic(const SourceFile& source, std::uint32_t offset, std::string message,
                              std::string help) {
  Diagnostic d;
  d.rule = "file-encoding";
  d.path = source.path;
  d.start = source.At(offset);
  d.end = {d.start.line, d.start.column + 1};
  d.message = std::move(message);
  d.help = std::move(help);
  return d;
}

std::string Hex(unsigned char byte) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "0x%02X", byte);
  return buffer;
}

}  // namespace

std::size_t FirstInvalidUtf8(std::string_view text) {
  if (simdjson::validate_utf8(text.data(), text.size())) return std::string_view::npos;
  // Invalid somewhere: find where, byte by byte (rare).
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    const unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t length;
    unsigned char min_second = 0x80, max_second = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
      length = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      length = 3;
      if (c == 0xE0) min_second = 0xA0;  // overlong
      if (c == 0xED) max_second = 0x9F;  // surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
      length = 4;
      if (c == 0xF0) min_second = 0x90;
      if (c == 0xF4) max_second = 0x8F;
    } else {
      return i;
    }
    if (i + length > n) return i;
    if (s[i + 1] < min_second || s[i + 1] > max_second) return i;
    for (std::size_t k = 2; k < length; ++k) {
      if ((s[i + k] & 0xC0) != 0x80) return i;
    }
    i += length;
  }
  return std::string_view::npos;
}

Diagnostic TooLarge(const std::string& display_path, std::string message) {
  Diagnostic d;
  d.rule = "file-encoding";
  d.path = display_path;
  d.end = {1, 1};
  d.message = std::move(message);
  d.help = "split the migration; a file this large is data, not a schema change";
  return d;
}

ReadResult ReadText(std::string bytes, const std::string& display_path) {
  ReadResult result;
  if (bytes.size() > kMaxFileBytes) {
    result.source.path = display_path;
    result.diagnostics.push_back(TooLarge(
        display_path,
        "file is over the " + std::to_string(kMaxFileBytes >> 20) + " MiB limit: not read"));
    return result;
  }
  SourceFile& source = result.source;
  source.path = display_path;
  if (bytes.size() >= 3 && bytes.compare(0, 3, "\xEF\xBB\xBF") == 0) {
    source.had_bom = true;
    bytes.erase(0, 3);
  }
  source.SetText(std::move(bytes));
  result.parseable = true;

  if (const std::size_t nul = source.text().find('\0'); nul != std::string::npos) {
    result.diagnostics.push_back(EncodingDiagnostic(
        source, static_cast<std::uint32_t>(nul), "file contains a NUL byte: not a SQL text file",
        "remove the file from the migrations folder, or restore its text"));
    result.parseable = false;
    return result;
  }
  if (const std::size_t bad = FirstInvalidUtf8(source.text()); bad != std::string_view::npos) {
    result.diagnostics.push_back(EncodingDiagnostic(
        source, static_cast<std::uint32_t>(bad),
        "invalid UTF-8: byte " + Hex(static_cast<unsigned char>(source.text()[bad])) +
            " is not part of a valid UTF-8 sequence",
        "save the file as UTF-8 (e.g. `iconv -f LATIN1 -t UTF-8`); PostgreSQL rejects invalid "
        "UTF-8 in a UTF8 database"));
  }
  return result;
}

ReadResult ReadFile(const fs::path& path, const std::string& display_path, Links links) {
  ReadResult result;
  result.source.path = display_path;
  // One open, one fstat, reads: the set's files are read on every save in an editor. O_NONBLOCK:
  // a FIFO opens at once (and is refused below) instead of waiting for a writer.
  const int fd = ::open(
      path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | (links == Links::kRefuse ? O_NOFOLLOW : 0));
  if (fd < 0) {
    const int error = errno;
    if (error == ELOOP && links == Links::kRefuse) {  // a link (or a loop): the caller decides
      result.is_link = true;
      return result;
    }
    std::error_code ec;
    const char* why = error == ELOOP                        ? "symbolic link loop"
                      : error != ENOENT && error != ENOTDIR ? "permission denied or I/O error"
                      : fs::is_symlink(fs::symlink_status(path, ec)) ? "broken symbolic link"
                                                                     : "no such file";
    result.io_error = display_path + ": cannot read: " + why;
    return result;
  }
  const std::unique_ptr<int, void (*)(int*)> closer(new int(fd), [](int* f) {
    ::close(*f);
    delete f;
  });
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    result.io_error = display_path + ": cannot read: permission denied or I/O error";
    return result;
  }
  if (!S_ISREG(st.st_mode)) {
    result.io_error = display_path + ": cannot read: not a regular file";
    return result;
  }
  const auto size = static_cast<std::uintmax_t>(st.st_size);
  if (size > kMaxFileBytes) {
    result.diagnostics.push_back(
        TooLarge(display_path, "file is " + std::to_string(size >> 20) + " MiB, over the " +
                                   std::to_string(kMaxFileBytes >> 20) + " MiB limit: not read"));
    return result;
  }
  std::string bytes;
  if (!ReadFully(fd, static_cast<std::size_t>(size), bytes)) {
    result.io_error = display_path + ": cannot read: permission denied or I/O error";
    return result;
  }
  return ReadText(std::move(bytes), display_path);
}

}  // namespace migralint::read
