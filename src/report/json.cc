// json.cc: the one JSON object of spec §3 (sets, diagnostics, summary), written as it goes: a
// DOM of every diagnostic cost more than the rest of the report. The layout is nlohmann's
// dump(2), which it used to be.
#include <nlohmann/json.hpp>

#include "read/read_file.h"
#include "report/common.h"
#include "report/report.h"

namespace migralint::report {
namespace {

// `text` as a JSON string, escaped as nlohmann escapes it (UTF-8 kept as it is). Text that is
// not valid UTF-8 (messages quote source text) goes through nlohmann, which replaces what is
// invalid rather than throw.
void String(std::ostream& out, std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  if (read::FirstInvalidUtf8(text) != std::string_view::npos) {
    out << nlohmann::json(std::string(text))
               .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return;
  }
  std::string escaped;
  escaped.reserve(text.size() + 2);
  escaped += '"';
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    switch (c) {
      case '"':
        escaped += "\\\"";
        break;
      case '\\':
        escaped += "\\\\";
        break;
      case '\b':
        escaped += "\\b";
        break;
      case '\f':
        escaped += "\\f";
        break;
      case '\n':
        escaped += "\\n";
        break;
      case '\r':
        escaped += "\\r";
        break;
      case '\t':
        escaped += "\\t";
        break;
      default:
        if (byte < 0x20) {  // (0x7f and UTF-8 bytes are copied)
          escaped += "\\u00";
          escaped += kHex[byte >> 4];
          escaped += kHex[byte & 0xF];
        } else {
          escaped += c;
        }
    }
  }
  escaped += '"';
  out << escaped;
}

// Writes `"key": value` members, the first without a leading comma.
class Members {
 public:
  Members(std::ostream& out, std::string indent) : out_(out), indent_(std::move(indent)) {}
  std::ostream& Key(std::string_view key) {
    out_ << (first_ ? "" : ",") << '\n' << indent_;
    first_ = false;
    String(out_, key);
    return out_ << ": ";
  }
  void Text(std::string_view key, std::string_view value) { String(Key(key), value); }
  template <typename Value>
  void Number(std::string_view key, Value value) {
    Key(key) << value;
  }

 private:
  std::ostream& out_;
  std::string indent_;
  bool first_ = true;
};

// An array of objects at `indent`, each written by `write(Members&, item)`.
template <typename Items, typename Write>
void Objects(std::ostream& out, const Items& items, const std::string& indent, Write write) {
  if (items.empty()) {
    out << "[]";
    return;
  }
  out << '[';
  bool first = true;
  for (const auto& item : items) {
    out << (first ? "" : ",") << '\n' << indent << "  {";
    first = false;
    Members members(out, indent + "    ");
    write(members, item);
    out << '\n' << indent << "  }";
  }
  out << '\n' << indent << ']';
}

}  // namespace

void EmitJson(const lint::LintResult& result, std::ostream& out) {
  Members report(out, "  ");
  out << '{';
  report.Number("version", 1);
  report.Key("tool") << '{';
  {
    Members tool(out, "    ");
    tool.Text("name", "migralint");
    tool.Text("version", ToolVersion());
  }
  out << "\n  }";
  Objects(report.Key("sets"), result.sets, "  ", [](Members& m, const lint::SetSummary& set) {
    m.Text("root", set.root);
    m.Text("layout", set.layout);
    m.Number("files", set.files);
  });
  Objects(report.Key("diagnostics"), result.diagnostics, "  ", [](Members& m, const Diagnostic& d) {
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
  report.Key("summary") << '{';
  {
    Members summary(out, "    ");
    summary.Number("files", result.files);
    summary.Number("statements", result.statements);
    summary.Number("error", counts.error);
    summary.Number("warning", counts.warning);
    summary.Number("info", counts.info);
  }
  out << "\n  }\n}\n";
}

}  // namespace migralint::report
