// json.cc: the one JSON object of spec §3 (sets, diagnostics, summary), written as it goes into
// one string: a DOM of every diagnostic cost more than the rest of the report. The layout is
// nlohmann's dump(2), which it used to be.
#include <nlohmann/json.hpp>

#include "read/read_file.h"
#include "report/common.h"
#include "report/report.h"

namespace migralint::report {
namespace {

// Appends `text` as a JSON string, escaped as nlohmann escapes it (UTF-8 kept as it is). Text
// that is not valid UTF-8 (messages quote source text) goes through nlohmann, which replaces
// what is invalid rather than throw.
void String(std::string& out, std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  const std::size_t start = out.size();
  out += '"';
  bool utf8_checked = false;
  std::size_t copied = 0;  // text before this is in `out`
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte >= 0x20 && byte != '"' && byte != '\\') {
      if (byte >= 0x80 && !utf8_checked) {
        utf8_checked = true;
        if (read::FirstInvalidUtf8(text) != std::string_view::npos) {
          out.resize(start);
          out += nlohmann::json(std::string(text))
                     .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
          return;
        }
      }
      continue;  // copied with its run
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
    String(out_, key);
    return out_ += ": ";
  }
  void Text(std::string_view key, std::string_view value) { String(Key(key), value); }
  void Number(std::string_view key, std::uint64_t value) { Key(key) += std::to_string(value); }

 private:
  std::string& out_;
  std::string_view indent_;
  bool first_ = true;
};

// An array of objects (in the report's top-level object), each written by
// `write(Members&, item)`.
template <typename Items, typename Write>
void Objects(std::string& out, const Items& items, Write write) {
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
  }
  out += "\n  ]";
}

}  // namespace

void EmitJson(const lint::LintResult& result, std::ostream& stream) {
  std::string out;
  out.reserve(512 + 400 * result.diagnostics.size());
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
  Objects(report.Key("sets"), result.sets, [](Members& m, const lint::SetSummary& set) {
    m.Text("root", set.root);
    m.Text("layout", set.layout);
    m.Number("files", set.files);
  });
  Objects(report.Key("diagnostics"), result.diagnostics, [](Members& m, const Diagnostic& d) {
    m.Text("rule", d.rule);
    m.Text("severity", SeverityName(d.severity));
    m.Text("path", d.path);
    m.Number("line", d.start.line);
    m.Number("column", d.start.column);
    m.Number("end_line", d.end.line);
    m.Number("end_column", d.end.column);
    m.Text("message", d.message);
    m.Text("help", d.help);
  });
  const SeverityCounts counts = CountSeverities(result);
  report.Key("summary") += '{';
  {
    Members summary(out, "    ");
    summary.Number("files", result.files);
    summary.Number("statements", result.statements);
    summary.Number("error", counts.error);
    summary.Number("warning", counts.warning);
    summary.Number("info", counts.info);
  }
  out += "\n  }\n}\n";
  stream << out;
}

}  // namespace migralint::report
