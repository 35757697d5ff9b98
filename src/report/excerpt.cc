// excerpt.cc: escaping control characters, and windows on long lines.
#include "report/excerpt.h"

#include <algorithm>
#include <cstdio>

#include "report/common.h"

namespace migralint::report {
namespace {

constexpr std::size_t kBlock = 4096;

bool Continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Escapes one code point starting at text[i] into `out` when it is a control; returns its length
// in bytes and adds the code points written to `columns`.
std::size_t Append(std::string_view text, std::size_t i, std::string_view keep, std::string& out,
                   std::uint32_t& columns, bool escape = true) {
  const auto c = static_cast<unsigned char>(text[i]);
  char buffer[8];
  if (escape && (c < 0x20 || c == 0x7F) && keep.find(text[i]) == std::string_view::npos) {
    std::snprintf(buffer, sizeof buffer, "\\x%02x", c);
    out += buffer;
    columns += 4;
    return 1;
  }
  if (escape && c == 0xC2 && i + 1 < text.size()) {
    const auto next = static_cast<unsigned char>(text[i + 1]);
    if (next >= 0x80 && next <= 0x9F) {  // U+0080..U+009F: C1 controls (CSI among them)
      std::snprintf(buffer, sizeof buffer, "\\u%04x", next);
      out += buffer;
      columns += 6;
      return 2;
    }
  }
  std::size_t n = 1;
  while (i + n < text.size() && Continuation(text[i + n])) ++n;
  out.append(text.substr(i, n));
  columns += 1;
  return n;
}

}  // namespace

std::string Printable(std::string_view text, std::string_view keep) {
  std::string out;
  out.reserve(text.size());
  std::uint32_t columns = 0;
  for (std::size_t i = 0; i < text.size();) i += Append(text, i, keep, out, columns);
  return out;
}

const Excerpts::Index& Excerpts::IndexOf(std::string_view line) {
  auto [it, added] = indexes_.try_emplace(line.data());
  Index& index = it->second;
  if (added) {
    for (std::size_t i = 0; i < line.size(); ++i) {
      if (i % kBlock == 0) index.blocks.push_back(index.code_points);
      index.code_points += !Continuation(line[i]);
    }
  }
  return index;
}

std::size_t Excerpts::ByteOf(std::string_view line, const Index& index,
                             std::uint32_t column) const {
  if (column <= 1 || index.blocks.empty()) return 0;
  const std::uint32_t before = column - 1;  // code points before the column
  const auto block =
      static_cast<std::size_t>(std::upper_bound(index.blocks.begin(), index.blocks.end(), before) -
                               index.blocks.begin() - 1);
  std::uint32_t n = index.blocks[block];
  std::size_t i = block * kBlock;
  for (; i < line.size(); ++i) {
    if (!Continuation(line[i])) {
      if (n == before) return i;
      ++n;
    }
  }
  return line.size();
}

std::optional<Excerpt> Excerpts::Of(const Diagnostic& d) {
  const std::optional<std::string_view> found = StartLine(result_, d);
  if (!found) return std::nullopt;
  std::string_view line = *found;
  const Position end = RegionEnd(d);
  // The region in bytes of the line: to its end when it goes on past it.
  const bool short_line = line.size() <= kWidth;
  const Index* index = short_line ? nullptr : &IndexOf(line);
  auto byte_of = [&](std::uint32_t column) -> std::size_t {
    if (!index) {
      std::size_t i = 0;
      for (std::uint32_t c = 1; c < column && i < line.size(); ++c) {
        ++i;
        while (i < line.size() && Continuation(line[i])) ++i;
      }
      return i;
    }
    return ByteOf(line, *index, column);
  };
  const std::size_t from = byte_of(d.start.column);
  const bool one_line = end.line == d.start.line;
  std::size_t to = one_line ? std::max(from, byte_of(end.column)) : line.size();
  // A window on a long line: some context before, the region (cut at the window) after.
  std::size_t shown_from = 0, shown_to = line.size();
  if (index && index->code_points > kWidth) {
    const std::uint32_t context = kWidth / 4;
    shown_from = byte_of(d.start.column > context ? d.start.column - context : 1);
    shown_to = byte_of(std::max(d.start.column, 1u) + kWidth - context);
    to = std::min(to, shown_to);
  }
  Excerpt out;
  std::uint32_t columns = 1;
  if (shown_from > 0) {
    out.text += "…";
    columns += 1;
  }
  for (std::size_t i = shown_from; i < shown_to;) {
    if (i == from) {
      out.first = columns;
      out.from = out.text.size();
    }
    if (i == to) {
      out.last = columns;
      out.to = out.text.size();
    }
    i += Append(line, i, "\t", out.text, columns, escape_);
  }
  if (from >= shown_to) {
    out.first = columns;
    out.from = out.text.size();
  }
  if (to >= shown_to) {
    out.last = columns;
    out.to = out.text.size();
  }
  if (!one_line) out.last = 0;
  if (shown_to < line.size()) out.text += "…";
  return out;
}

}  // namespace migralint::report
