// read_file.h: stage 2 — a migration file's bytes into a SourceFile, checking its encoding.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "migralint/diagnostic.h"
#include "migralint/source.h"

namespace migralint::read {

/// Files above this size are refused (a diagnostic), never read into memory.
constexpr std::uintmax_t kMaxFileBytes = 64u << 20;

struct ReadResult {
  SourceFile source;
  bool parseable = false;               // text that the parser may look at
  std::vector<Diagnostic> diagnostics;  // file-encoding findings
  std::string io_error;                 // set when the file could not be read at all (exit 2)
  bool is_link = false;  // Links::kRefuse and the path is a symbolic link: nothing was read
};

/// Whether ReadFile follows a symbolic link at the path, or leaves it (is_link) to the caller.
enum class Links { kFollow, kRefuse };

/// Reads a file from disk.
ReadResult ReadFile(const std::filesystem::path& path, const std::string& display_path,
                    Links links = Links::kFollow);
/// Checks text already in memory (stdin, tests); over kMaxFileBytes it is refused as a file is.
ReadResult ReadText(std::string bytes, const std::string& display_path);

/// The finding for a file over kMaxFileBytes.
Diagnostic TooLarge(const std::string& display_path, std::string message);

/// Offset of the first byte that is not part of valid UTF-8, or npos.
std::size_t FirstInvalidUtf8(std::string_view text);

}  // namespace migralint::read
