// excerpt.h: what a report shows of source text and file names — control bytes escaped, and
// of a long line only a window around the finding (one line holding thousands of statements
// is not printed once per finding).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "lint/run.h"
#include "migralint/diagnostic.h"

namespace migralint::report {

/// `text` with C0 and C1 control characters and DEL escaped (`\x1b`, `\u009b`), but for those in
/// `keep`. What reaches a terminal or a one-line format from a file name or SQL.
std::string Printable(std::string_view text, std::string_view keep = {});

/// A diagnostic's start line as shown.
struct Excerpt {
  std::string text;  // Printable, "…" where the line was cut
  // The region in `text`: code-point columns (1-based, `last` exclusive, 0 when the region goes
  // on past the line) and bytes [from, to).
  std::uint32_t first = 1, last = 0;
  std::size_t from = 0, to = 0;
};

/// Excerpts of one report's findings. A line longer than the window is indexed once (code
/// points per block), so that each finding on it costs the window, not the line.
class Excerpts {
 public:
  static constexpr std::uint32_t kWidth = 160;  // code points shown of a long line

  /// `escape`: control characters escaped (Printable); html replaces them itself.
  explicit Excerpts(const lint::LintResult& result, bool escape = true)
      : result_(result), escape_(escape) {}
  /// nullopt when the line was not kept.
  std::optional<Excerpt> Of(const Diagnostic& d);

 private:
  struct Index {
    std::vector<std::uint32_t> blocks;  // code points before each block
    std::uint32_t code_points = 0;
  };
  const Index& IndexOf(std::string_view line);
  std::size_t ByteOf(std::string_view line, const Index& index, std::uint32_t column) const;

  const lint::LintResult& result_;
  bool escape_;
  std::unordered_map<const char*, Index> indexes_;
};

}  // namespace migralint::report
