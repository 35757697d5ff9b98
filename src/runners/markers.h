// markers.h: what runner units look for in a set — the head of a file, a marker file upward.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>

#include "migralint/migration_set.h"

namespace migralint::runners {

/// The first `bytes` of a file ("" when it cannot be read; never blocks on a FIFO).
std::string Head(const std::string& fs_path, std::size_t bytes = 4096);

/// While one lives, Head on its thread reads each file once: detecting one folder asks several
/// layouts and runners about the heads of the same thousands of files.
class HeadMemo {
 public:
  HeadMemo();
  ~HeadMemo();
  HeadMemo(const HeadMemo&) = delete;
  HeadMemo& operator=(const HeadMemo&) = delete;

 private:
  friend std::string Head(const std::string& fs_path, std::size_t bytes);
  struct Read {
    std::string head;
    bool whole = false;  // the file ends within head
  };
  std::unordered_map<std::string, Read> reads_;
  HeadMemo* outer_;
};
/// True when the head of any of the set's first `files` migrations holds `needle` (any case).
bool AnyHeadContains(const MigrationSet& set, std::string_view needle, std::size_t files = 8);
/// True when `name` exists in the set's root or one of the `levels` folders above it.
bool FoundUpward(const MigrationSet& set, std::string_view name, int levels = 3);
/// True when `text` holds `needle`, ignoring ASCII letter case.
bool ContainsNoCase(std::string_view text, std::string_view needle);
/// `decide(path)` for the file of `unit`, read once per file and thread: the transaction
/// question is asked for every statement, and the answer from a file beside it (Flyway's
/// .conf, Diesel's metadata.toml) is the same for all of them.
bool OncePerFile(const struct FileUnit& unit, bool (*decide)(const std::string& fs_path));
/// The comments of a parsed file whose text starts with `prefix` (any case), before `offset`.
bool CommentBefore(const struct FileUnit& unit, std::uint32_t offset, std::string_view prefix,
                   std::string_view also = {});

}  // namespace migralint::runners
