// parse_cache.h: ParseFile's results kept between runs, keyed by the SHA-256 of the text — for
// the editor, which lints the whole set again on every save of one of its files.
//
// One pack file per set holds the entries its last run used, each with a checksum: a damaged
// entry is parsed again, never read. A pack written by another build of
// migralint (its binary's size and time, the tree layout) is ignored, and an entry is only ever
// found by the hash of the very text being parsed: a changed file is parsed again.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "migralint/diagnostic.h"
#include "migralint/rule.h"

namespace migralint::parse {

/// A file's bytes, mapped read-only (empty when it cannot be).
class MappedFile {
 public:
  explicit MappedFile(const std::filesystem::path& path);
  ~MappedFile();
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  std::string_view bytes() const { return {static_cast<const char*>(data_), size_}; }

 private:
  void* data_ = nullptr;
  std::size_t size_ = 0;
};

class ParseCache {
 public:
  /// The pack of the set at `set_root` in `dir`, read now (missing or damaged: empty).
  ParseCache(const std::filesystem::path& dir, const std::filesystem::path& set_root);
  /// ParseFile(unit, out), or its result for the same text from an earlier run. Thread-safe.
  void Parse(FileUnit& unit, std::vector<Diagnostic>& out);
  /// Writes the pack with this run's entries when they differ from the one read (a temporary
  /// file renamed over it). Failures are ignored: the cache is only a cache.
  void Save();
  /// For a cache kept across runs (the language server, which lints a set on every edit): forgets
  /// what the runs since the last Trim did not use — the texts of earlier edits — so that it holds
  /// one entry per file, and Save writes those.
  void Trim();

  std::size_t hits() const { return hits_; }
  std::size_t misses() const { return fresh_.size(); }

 private:
  std::filesystem::path dir_, pack_;
  std::unique_ptr<MappedFile> read_;  // the pack as read
  struct Found {
    std::uint64_t checksum;  // as written with the entry
    std::string_view entry;  // in read_
  };
  std::unordered_map<std::string, Found> found_;  // text hash -> entry
  std::mutex mutex_;
  std::set<std::string> used_;                // hashes of entries of read_ used
  std::map<std::string, std::string> fresh_;  // hash -> entry made by this run
  std::set<std::string> round_;               // hashes used or made since the last Trim
  std::size_t hits_ = 0;
};

/// ParseFile's result for `unit` (what it added: statements, comments, trees; `found`: its
/// diagnostics) as bytes, and back. Restore returns false on bytes it does not accept.
std::string Serialize(const FileUnit& unit, const std::vector<Diagnostic>& found);
bool Restore(std::string_view bytes, FileUnit& unit, std::vector<Diagnostic>& out);

}  // namespace migralint::parse
