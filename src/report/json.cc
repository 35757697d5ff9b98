// json.cc: the one JSON object of spec §3 (sets, diagnostics, summary), written as it goes into
// one string: a DOM of every diagnostic cost more than the rest of the report. The layout is
// nlohmann's dump(2), which it used to be.
#include <array>
#include <cstdint>
#include <cstring>
#include <nlohmann/json.hpp>
#include <string>

#include "read/read_file.h"
#include "report/common.h"
#include "report/report.h"

namespace migralint::report {
namespace {

// The first byte at or after `i` that is not printable ASCII other than '"' and '\\' (or the
// end): eight bytes at a time, as most of a report is plain text.
std::size_t PlainUpTo(std::string_view text, std::size_t i) {
  constexpr std::uint64_t kOnes = 0x0101010101010101, kHighs = 0x8080808080808080;
  auto has_zero = [](std::uint64_t v) { return (v - kOnes) & ~v & kHighs; };
  for (; i + 8 <= text.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, text.data() + i, 8);
    const std::uint64_t special = (word & kHighs) | ((word - 0x20 * kOnes) & ~word & kHighs) |
                                  has_zero(word ^ ('"' * kOnes)) | has_zero(word ^ ('\\' * kOnes));
    if (special) break;
  }
  for (; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x20 || byte >= 0x80 || byte == '"' || byte == '\\') break;
  }
  return i;
}

// Appends `text` as a JSON string, escaped as nlohmann escapes it (UTF-8 kept as it is). Text
// that is not valid UTF-8 (messages quote source text) goes through nlohmann, which replaces
// what is invalid rather than throw.
void String(std::string& out, std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  // What each byte needs: 0 nothing, 1 an escape, 2 (the first of a UTF-8 sequence) a check.
  static constexpr auto kNeeds = [] {
    std::array<std::uint8_t, 256> needs{};
    for (int c = 0; c < 0x20; ++c) needs[c] = 1;
    needs['"'] = needs['\\'] = 1;
    for (int c = 0x80; c < 0x100; ++c) needs[c] = 2;
    return needs;
  }();
  const std::size_t start = out.size();
  out += '"';
  bool utf8_checked = false;
  std::size_t copied = 0;  // text before this is in `out`
  for (std::size_t i = 0; i < text.size(); ++i) {
    i = PlainUpTo(text, i);
    if (i == text.size()) break;
    const auto byte = static_cast<unsigned char>(text[i]);
    const std::uint8_t needs = kNeeds[byte];
    if (needs == 0) continue;  // copied with its run
    if (needs == 2) {
      if (!utf8_checked && read::FirstInvalidUtf8(text) != std::string_view::npos) {
        out.resize(start);
        out += nlohmann::json(std::string(text))
                   .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        return;
      }
      utf8_checked = true;
      continue;
    }
    out.append(text.substr(copied, i - copied));
    copied = i + 1;
    switch (byte) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        out += "\\u00";
        out += kHex[byte >> 4];
        out += kHex[byte & 0xF];
    }
  }
  out.append(text.substr(copied));
  out += '"';
}

// Appends `"key": value` members at `indent`, the first without a leading comma.
class Members {
 public:
  Members(std::string& out, std::string_view indent) : out_(out), indent_(indent) {}
  std::string& Key(std::string_view key) {
    out_ += first_ ? "\n" : ",\n";
    out_ += indent_;
    first_ = false;
    out_ += '"';
    out_ += key;  // keys are this file's own identifiers: nothing to escape
    return out_ += "\": ";
  }
  void Text(std::string_view key, std::string_view value) { String(Key(key), value); }
  void Number(std::string_view key, std::uint64_t value) { Key(key) += std::to_string(value); }

 private:
  std::string& out_;
  std::string_view indent_;
  bool first_ = true;
};

// An array of objects (in the report's top-level object), each written by
// `write(Members&, item)`; `drain()` after each may pass what is written on.
template <typename Items, typename Write, typename Drain>
void Objects(std::string& out, const Items& items, Write write, Drain drain) {
  if (items.empty()) {
    out += "[]";
    return;
  }
  out += '[';
  bool first = true;
  for (const auto& item : items) {
    out += first ? "\n    {" : ",\n    {";
    first = false;
    Members members(out, "      ");
    write(members, item);
    out += "\n    }";
    drain();
  }
  out += "\n  ]";
}

// A finding's fix: its title and edits, each as a byte range of the file (offset, length) and
// as positions, with the text that replaces it.
nlohmann::ordered_json FixJson(const Fix& fix) {
  nlohmann::ordered_json edits = nlohmann::ordered_json::array();
  for (const Edit& e : fix.edits) {
    edits.push_back({{"offset", e.begin},
                     {"length", e.end - e.begin},
                     {"line", e.start.line},
                     {"column", e.start.column},
                     {"end_line", e.stop.line},
                     {"end_column", e.stop.column},
                     {"text", e.text}});
  }
  return {{"title", fix.title}, {"edits", std::move(edits)}};
}

}  // namespace

void EmitJson(const lint::LintResult& result, std::ostream& stream) {
  // Written on in pieces: a report of 10,000 findings is tens of MB, never held whole.
  constexpr std::size_t kPiece = 1 << 16;
  std::string out;
  out.reserve(2 * kPiece);
  const auto drain = [&] {
    if (out.size() < kPiece) return;
    stream.write(out.data(), static_cast<std::streamsize>(out.size()));
    out.clear();
  };
  Members report(out, "  ");
  out += '{';
  report.Number("version", 1);
  report.Key("tool") += '{';
  {
    Members tool(out, "    ");
    tool.Text("name", "migralint");
    tool.Text("version", ToolVersion());
  }
  out += "\n  }";
  Objects(
      report.Key("sets"), result.sets,
      [](Members& m, const lint::SetSummary& set) {
        m.Text("root", set.root);
        m.Text("layout", set.layout);
        m.Text("runner", set.runner);
        m.Number("files", set.files);
        m.Number("others", set.others);
      },
      drain);
  Objects(
      report.Key("diagnostics"), result.diagnostics,
      [](Members& m, const Diagnostic& d) {
        m.Text("rule", d.rule);
        m.Text("severity", SeverityName(d.severity));
        m.Text("path", d.path);
        m.Number("line", d.start.line);
        m.Number("column", d.start.column);
        m.Number("end_line", d.end.line);
        m.Number("end_column", d.end.column);
        m.Text("message", d.message);
        m.Text("help", d.help);
        const std::string url = RuleUrl(d.rule);
        if (url.empty()) {
          m.Key("url") += "null";
        } else {
          m.Text("url", url);
        }
        if (d.fix) {
          m.Key("fix") += FixJson(*d.fix).dump(-1, ' ', false,
                                               nlohmann::ordered_json::error_handler_t::replace);
        }
      },
      drain);
  const SeverityCounts counts = CountSeverities(result);
  report.Key("summary") += '{';
  {
    Members summary(out, "    ");
    summary.Number("files", result.files);
    summary.Number("statements", result.statements);
    summary.Number("error", counts.error);
    summary.Number("warning", counts.warning);
    summary.Number("info", counts.info);
    // Only when the report was narrowed: what a baseline matched, what --changed-since left out.
    if (result.baselined) summary.Number("baselined", *result.baselined);
    if (result.unchanged) summary.Number("unchanged", *result.unchanged);
  }
  out += "\n  }\n}\n";
  stream.write(out.data(), static_cast<std::streamsize>(out.size()));
}

}  // namespace migralint::report
