// edits.cc: applying edits and printing them as a unified diff. The hunks come from the edits
// themselves (the lines each one touches), not from comparing the two texts.
#include "fix/edits.h"

#include <algorithm>
#include <tuple>

namespace migralint::fix {
namespace {

constexpr std::size_t kContext = 3;

// Offsets where each line of `text` starts (the last entry: text.size()).
std::vector<std::size_t> LineStarts(std::string_view text) {
  std::vector<std::size_t> starts{0};
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' && i + 1 < text.size()) starts.push_back(i + 1);
  }
  starts.push_back(text.size());
  return starts;
}

std::size_t LineOf(const std::vector<std::size_t>& starts, std::size_t offset) {
  const auto it = std::upper_bound(starts.begin(), starts.end() - 1, offset);
  return static_cast<std::size_t>(it - starts.begin()) - 1;
}

// Lines of `text` with their '\n' (the last may have none).
std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t nl = text.find('\n', at);
    const std::size_t end = nl == std::string_view::npos ? text.size() : nl + 1;
    lines.push_back(text.substr(at, end - at));
    at = end;
  }
  return lines;
}

void Line(std::string& out, char mark, std::string_view line) {
  out += mark;
  out += line;
  if (line.empty() || line.back() != '\n') out += "\n\\ No newline at end of file\n";
}

struct Block {  // lines [first, last] of the old text, and the edits inside them
  std::size_t first, last;
  std::vector<const Edit*> edits;
};

}  // namespace

std::vector<Edit> Compatible(std::vector<Edit> edits, std::size_t& left_out) {
  std::stable_sort(edits.begin(), edits.end(), [](const Edit& a, const Edit& b) {
    return std::tie(a.begin, a.end) < std::tie(b.begin, b.end);
  });
  std::vector<Edit> out;
  for (Edit& edit : edits) {
    if (!out.empty()) {
      const Edit& last = out.back();
      if (last.begin == edit.begin && last.end == edit.end && last.text == edit.text) continue;
      // Overlapping, or two insertions at one place (their order would be a guess).
      if (edit.begin < last.end || (edit.begin == last.begin && edit.begin == edit.end)) {
        ++left_out;
        continue;
      }
    }
    out.push_back(std::move(edit));
  }
  return out;
}

std::string Applied(std::string_view text, const std::vector<Edit>& edits) {
  std::string out;
  out.reserve(text.size() + 64 * edits.size());
  std::size_t at = 0;
  for (const Edit& edit : edits) {
    out.append(text.substr(at, edit.begin - at));
    out += edit.text;
    at = edit.end;
  }
  out.append(text.substr(std::min(at, text.size())));
  return out;
}

std::string UnifiedDiff(const std::string& path, std::string_view text,
                        const std::vector<Edit>& edits) {
  if (edits.empty()) return "";
  const std::vector<std::size_t> starts = LineStarts(text);
  const std::size_t lines = starts.size() - 1;
  // The lines each edit touches; edits on a shared line form one block.
  std::vector<Block> blocks;
  for (const Edit& edit : edits) {
    const std::size_t first = LineOf(starts, edit.begin);
    const std::size_t last = LineOf(starts, edit.end > edit.begin ? edit.end - 1 : edit.begin);
    if (!blocks.empty() && first <= blocks.back().last) {
      blocks.back().last = std::max(blocks.back().last, last);
      blocks.back().edits.push_back(&edit);
    } else {
      blocks.push_back({first, last, {&edit}});
    }
  }
  const std::vector<std::string_view> old_lines = SplitLines(text);
  std::string out = "--- a/" + path + "\n+++ b/" + path + "\n";
  long shift = 0;  // lines added before the current hunk
  for (std::size_t b = 0; b < blocks.size();) {
    // A hunk: blocks whose contexts touch.
    std::size_t e = b;
    while (e + 1 < blocks.size() && blocks[e + 1].first <= blocks[e].last + 2 * kContext + 1) ++e;
    const std::size_t from = blocks[b].first > kContext ? blocks[b].first - kContext : 0;
    const std::size_t to = std::min(lines - 1, blocks[e].last + kContext);
    std::string body;
    std::size_t old_count = 0, new_count = 0, line = from;
    for (std::size_t k = b; k <= e; ++k) {
      for (; line < blocks[k].first; ++line, ++old_count, ++new_count)
        Line(body, ' ', old_lines[line]);
      const std::size_t begin = starts[blocks[k].first], end = starts[blocks[k].last + 1];
      std::vector<Edit> local;
      for (const Edit* edit : blocks[k].edits) {
        local.push_back({static_cast<std::uint32_t>(edit->begin - begin),
                         static_cast<std::uint32_t>(edit->end - begin),
                         edit->text,
                         {},
                         {}});
      }
      const std::string changed = Applied(text.substr(begin, end - begin), local);
      for (; line <= blocks[k].last; ++line, ++old_count) Line(body, '-', old_lines[line]);
      for (std::string_view added : SplitLines(changed)) {
        Line(body, '+', added);
        ++new_count;
      }
    }
    for (; line <= to; ++line, ++old_count, ++new_count) Line(body, ' ', old_lines[line]);
    out += "@@ -" + std::to_string(from + 1) + "," + std::to_string(old_count) + " +" +
           std::to_string(static_cast<long>(from) + 1 + shift) + "," + std::to_string(new_count) +
           " @@\n" + body;
    shift += static_cast<long>(new_count) - static_cast<long>(old_count);
    b = e + 1;
  }
  return out;
}

}  // namespace migralint::fix
