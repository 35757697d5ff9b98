// targets.cc: the fuzz entry points (see targets.h).
#include "targets.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <system_error>

#include "config/load_config.h"
#include "discover/discover.h"
#include "discover/layouts.h"
#include "lint/registry.h"
#include "lint/run.h"
#include "lock/lock_file.h"
#include "migralint/display_path.h"
#include "migralint/source.h"
#include "parse/lexer.h"
#include "parse/parse_cache.h"
#include "parse/parse_file.h"
#include "report/report.h"

namespace fs = std::filesystem;

namespace migralint::fuzz {
namespace {

const config::KnownRules& Known() {
  static const config::KnownRules known = lint::KnownRuleOptions();
  return known;
}

std::string Describe(const Diagnostic& d) {
  return d.path + ":" + std::to_string(d.start.line) + ":" + std::to_string(d.start.column) + "-" +
         std::to_string(d.end.line) + ":" + std::to_string(d.end.column) + " [" + d.rule + "] " +
         d.message;
}

// Code points of a line (what columns count) before its '\n' (a '\r' counts: it is a character).
std::uint32_t LineLength(const SourceFile& source, std::uint32_t line) {
  std::uint32_t length = 0;
  for (std::size_t i = source.lines().LineStart(line);
       i < source.text().size() && source.text()[i] != '\n'; ++i) {
    length += (static_cast<unsigned char>(source.text()[i]) & 0xC0) != 0x80;
  }
  return length;
}

// A relative path from untrusted bytes: no empty, "." or ".." parts, no NUL, bounded.
fs::path SafeRelative(std::string_view text) {
  fs::path out;
  std::size_t parts = 0;
  while (!text.empty() && parts < 8) {
    const std::size_t slash = text.find('/');
    std::string part(text.substr(0, slash));
    text = slash == std::string_view::npos ? std::string_view() : text.substr(slash + 1);
    for (char& c : part) {
      if (c == '\0' || c == '\n' || c == '\r') c = '_';
    }
    if (part.size() > 100) part.resize(100);
    if (part.empty() || part == "." || part == "..") continue;
    out /= part;
    ++parts;
  }
  return out;
}

// One input in 16 goes through the slow formats too (see CheckReports).
bool EveryFormat(std::string_view bytes) { return std::hash<std::string_view>{}(bytes) % 16 == 0; }

struct Entry {
  char kind = ' ';  // ' ' file, '/' folder, '>' symlink, '|' FIFO
  std::string path;
  std::string target;
  std::string content;
};

std::vector<Entry> ParseTree(std::string_view bytes) {
  std::vector<Entry> entries;
  Entry current{' ', "migrations/001_first.sql", "", ""};
  bool have = true, implicit = true;  // the bytes before the first header
  std::size_t at = 0;
  while (at < bytes.size() && entries.size() < 64) {
    std::size_t end = bytes.find('\n', at);
    const std::size_t next = end == std::string_view::npos ? bytes.size() : end + 1;
    std::string_view line = bytes.substr(at, next - at);
    at = next;
    if (line.substr(0, 2) != "@@") {
      current.content += line;
      continue;
    }
    if (have && !(implicit && current.content.empty())) entries.push_back(std::move(current));
    implicit = false;
    if (!line.empty() && line.back() == '\n') line.remove_suffix(1);
    line.remove_prefix(2);
    current = Entry{};
    if (!line.empty() && (line[0] == '/' || line[0] == '>' || line[0] == '|')) {
      current.kind = line[0];
      line.remove_prefix(1);
    }
    while (!line.empty() && line[0] == ' ') line.remove_prefix(1);
    if (current.kind == '>') {
      const std::size_t space = line.find(' ');
      if (space != std::string_view::npos) {
        current.target = SafeRelative(line.substr(space + 1)).string();
        line = line.substr(0, space);
      }
      if (current.target.empty()) current.target = ".";
    }
    current.path = SafeRelative(line).string();
    have = !current.path.empty();
  }
  if (have && !(implicit && current.content.empty()) && entries.size() < 64) {
    entries.push_back(std::move(current));
  }
  return entries;
}

}  // namespace

void CheckSpans(const std::vector<Diagnostic>& diagnostics, const SourceFile& source,
                Problems& problems) {
  const std::uint32_t lines = source.lines().LineCount();
  for (const Diagnostic& d : diagnostics) {
    if (d.path != source.path) continue;
    auto bad = [&](const char* what) {
      problems.push_back(std::string(what) + ": " + Describe(d));
    };
    if (d.start.line < 1 || d.start.line > lines || d.end.line < 1 || d.end.line > lines) {
      bad("line outside the file");
      continue;
    }
    if (d.end.line < d.start.line ||
        (d.end.line == d.start.line && d.end.column < d.start.column)) {
      bad("end before start");
    }
    const std::uint32_t start_length = LineLength(source, d.start.line);
    const std::uint32_t end_length = LineLength(source, d.end.line);
    const bool insertion_point = d.start.column == start_length + 1 && d.end.line == d.start.line &&
                                 d.end.column == d.start.column + 1;
    if (d.start.column < 1 || d.start.column > start_length + 1)
      bad("start column outside its line");
    if (d.end.column < 1 || (d.end.column > end_length + 1 && !insertion_point)) {
      bad("end column outside its line");
    }
  }
}

void CheckReports(const lint::LintResult& result, Problems& problems, bool all_formats) {
  for (const char* name : {"text", "gcc", "github", "json", "sarif", "html"}) {
    const auto format = report::ParseFormat(name);
    if (!format) continue;
    if (!all_formats && (std::string_view(name) == "sarif" || std::string_view(name) == "html"))
      continue;
    std::ostringstream out;
    report::EmitOptions options;
    options.color = std::string_view(name) == "text";
    report::Emit(*format, result, options, out);
    const std::string text = out.str();
    if (std::string_view(name) != "json" && std::string_view(name) != "sarif") continue;
    const auto j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) {
      problems.push_back(std::string(name) + " output does not parse");
      continue;
    }
    const std::size_t count =
        std::string_view(name) == "json" ? j["diagnostics"].size() : j["runs"][0]["results"].size();
    if (count != result.diagnostics.size()) {
      problems.push_back(std::string(name) + " output has " + std::to_string(count) +
                         " results for " + std::to_string(result.diagnostics.size()) +
                         " diagnostics");
    }
  }
}

SourceFile Source(std::string bytes, const std::string& display_path) {
  SourceFile source;
  source.path = display_path;
  if (bytes.size() >= 3 && bytes.compare(0, 3, "\xEF\xBB\xBF") == 0) bytes.erase(0, 3);
  source.SetText(std::move(bytes));
  return source;
}

// A cached parse is the parse (parse::ParseCache): ParseFile's result survives Serialize and
// Restore, trees byte for byte (packed).
void CheckParseCacheRoundTrip(const SourceFile& source, Problems& problems) {
  auto packed = [](const PgQuery__Node* node) {
    if (!node) return std::string("(none)");
    std::string bytes(protobuf_c_message_get_packed_size(&node->base), '\0');
    protobuf_c_message_pack(&node->base, reinterpret_cast<std::uint8_t*>(bytes.data()));
    return bytes;
  };
  FileUnit parsed, restored;
  parsed.source = restored.source = source;
  std::vector<Diagnostic> found, again;
  parse::ParseFile(parsed, found);
  if (!parse::Restore(parse::Serialize(parsed, found), restored, again)) {
    problems.push_back("a parse does not restore from the parse cache");
    return;
  }
  bool same = restored.statements.size() == parsed.statements.size() &&
              restored.comments.size() == parsed.comments.size() && again.size() == found.size();
  for (std::size_t i = 0; same && i < parsed.statements.size(); ++i) {
    const Statement &a = parsed.statements[i], &b = restored.statements[i];
    same = a.begin == b.begin && a.end == b.end && a.kind == b.kind && a.parent == b.parent &&
           a.parse_base == b.parse_base && packed(a.node) == packed(b.node);
  }
  for (std::size_t i = 0; same && i < found.size(); ++i)
    same = found[i].message == again[i].message && found[i].start.line == again[i].start.line &&
           found[i].start.column == again[i].start.column;
  if (!same) problems.push_back("the parse cache restores another parse");
}

Problems LintFile(std::string_view bytes) {
  Problems problems;
  // A path that does not exist: nothing is read from or written to disk for it, and there is
  // no migralint.lock or migralint.toml beside it.
  static const fs::path kPath = "/nonexistent-migralint-fuzz/db/migrations/001_fuzz.sql";
  const std::vector<MigrationSet> sets = {discover::SingleFileSet(kPath, nullptr)};
  lint::Options options;
  options.stdin_path = kPath;
  options.stdin_text = std::string(bytes);
  const lint::LintResult result = lint::Run(sets, options);
  if (!result.io_errors.empty()) problems.push_back("I/O error: " + result.io_errors.front());
  const SourceFile source = Source(std::string(bytes), sets[0].migrations[0].path);
  CheckSpans(result.diagnostics, source, problems);
  // PostgreSQL rejects an unterminated string, identifier, dollar quote or comment: so must lint
  // (unless the text is not parsed at all (NUL), sits in a dbmate or goose down section, which
  // is blanked, or an ignore comment hides the finding).
  std::string lower(source.text());
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (parse::Lex(source.text()).unterminated >= 0 &&
      source.text().find('\0') == std::string::npos &&
      source.text().find("migrate:") == std::string::npos &&
      lower.find("+goose") == std::string::npos &&
      source.text().find("ignore") == std::string::npos &&
      std::none_of(result.diagnostics.begin(), result.diagnostics.end(),
                   [](const Diagnostic& d) { return d.rule == "syntax-error"; })) {
    problems.push_back("unterminated literal or comment at byte " +
                       std::to_string(parse::Lex(source.text()).unterminated) +
                       " but no syntax-error");
  }
  if (source.text().find('\0') == std::string::npos) CheckParseCacheRoundTrip(source, problems);
  CheckReports(result, problems, EveryFormat(bytes));
  return problems;
}

Problems LintStdin(std::string_view bytes) {
  Problems problems;
  // A set on disk, made once per process; the bytes are the text of its second file as an
  // editor sends it (--stdin-filename), linted with the files around it.
  static const fs::path kDir = [] {
    const fs::path dir =
        fs::temp_directory_path() / ("migralint-fuzz-stdin-" + std::to_string(::getpid()));
    fs::create_directories(dir / "db/migrations");
    std::ofstream(dir / "db/migrations/001_a.sql")
        << "CREATE TABLE IF NOT EXISTS a (id bigint PRIMARY KEY, note text);\n";
    std::ofstream(dir / "db/migrations/002_b.sql") << "SELECT 1;\n";
    std::ofstream(dir / "db/migrations/003_c.sql")
        << "ALTER TABLE a ADD COLUMN IF NOT EXISTS b_id bigint;\nDROP TABLE IF EXISTS b;\n";
    std::atexit([] {
      std::error_code ec;
      fs::remove_all(kDir, ec);
    });
    return dir;
  }();
  static const std::vector<MigrationSet> sets = [] {
    std::vector<std::string> errors;
    std::vector<MigrationSet> out;
    if (auto set =
            discover::DetectSetAt(kDir / "db/migrations", std::make_shared<const Config>(), errors))
      out.push_back(std::move(*set));
    return out;
  }();
  if (sets.empty() || sets[0].migrations.size() != 3) {
    problems.push_back("the stdin target's set was not found");
    return problems;
  }
  lint::Options options;
  options.stdin_path = sets[0].migrations[1].fs_path;
  options.stdin_text = std::string(bytes);
  const lint::LintResult result = lint::Run(sets, options);
  if (!result.io_errors.empty()) problems.push_back("I/O error: " + result.io_errors.front());
  CheckSpans(result.diagnostics, Source(std::string(bytes), sets[0].migrations[1].path), problems);
  CheckReports(result, problems, EveryFormat(bytes));
  return problems;
}

Problems RestoreCacheEntry(std::string_view bytes) {
  Problems problems;
  // "text\0entry": the entry as the cache would hold it for that text. Without a NUL, the text's
  // own entry, with bytes of it changed where the input's hash says.
  const std::size_t nul = bytes.find('\0');
  FileUnit unit;
  unit.source = Source(std::string(bytes.substr(0, nul)), "001_fuzz.sql");
  std::string entry;
  if (nul != std::string_view::npos) {
    entry = std::string(bytes.substr(nul + 1));
  } else {
    FileUnit parsed;
    parsed.source = unit.source;
    std::vector<Diagnostic> found;
    parse::ParseFile(parsed, found);
    entry = parse::Serialize(parsed, found);
    std::size_t h = std::hash<std::string_view>{}(bytes);
    for (int k = 0; k < 3 && !entry.empty();
         ++k, h = h * 6364136223846793005ULL + 1442695040888963407ULL)
      entry[h % entry.size()] ^= static_cast<char>(1 + (h >> 32) % 255);
  }
  std::vector<Diagnostic> found;
  if (!parse::Restore(entry, unit, found)) {
    if (!unit.statements.empty()) problems.push_back("a refused entry left statements behind");
    return problems;
  }
  // Whatever was accepted is a tree that can be walked: every node reached and packed.
  for (const Statement& s : unit.statements) {
    if (s.begin > s.end || s.end > unit.source.text().size())
      problems.push_back("a restored statement outside the text");
    if (!s.node) continue;
    std::string packed(protobuf_c_message_get_packed_size(&s.node->base), '\0');
    protobuf_c_message_pack(&s.node->base, reinterpret_cast<std::uint8_t*>(packed.data()));
  }
  return problems;
}

Problems ParseConfigText(std::string_view bytes) {
  Problems problems;
  const config::LoadResult result = config::ParseConfig(bytes, "migralint.toml", Known());
  if (result.config.has_value() == !result.errors.empty()) {
    problems.push_back("a config and errors, or neither");
  }
  for (const std::string& e : result.errors) {
    if (e.rfind("migralint.toml:", 0) != 0) problems.push_back("error without file:line: " + e);
  }
  return problems;
}

Problems ParseLockText(std::string_view bytes) {
  Problems problems;
  const LockFile lock = lock::ParseLockFile(bytes, "migralint.lock");
  // What was read formats back into a lock file that reads the same, with a correct sum.
  const LockFile again = lock::ParseLockFile(lock::FormatLockFile(lock.entries), "migralint.lock");
  if (!again.sum_ok || !again.problems.empty())
    problems.push_back("formatted lock file does not read back");
  if (again.entries.size() != lock.entries.size()) {
    problems.push_back("formatted lock file has " + std::to_string(again.entries.size()) +
                       " entries, not " + std::to_string(lock.entries.size()));
  } else {
    for (std::size_t i = 0; i < lock.entries.size(); ++i) {
      const LockEntry &a = lock.entries[i], &b = again.entries[i];
      if (a.relative != b.relative || a.raw != b.raw || a.sem != b.sem) {
        problems.push_back("entry " + std::to_string(i) + " changes when formatted: " + a.relative);
      }
    }
  }
  return problems;
}

Problems DiscoverTree(std::string_view bytes) {
  Problems problems;
  // One folder per process, removed at exit (libFuzzer ends with exit()).
  struct Base {
    fs::path path = fs::temp_directory_path() / ("migralint-fuzz-" + std::to_string(::getpid()));
    ~Base() {
      std::error_code ignored;
      fs::remove_all(path, ignored);
    }
  };
  static const Base base;
  const fs::path root = base.path / "t";
  std::error_code ec;
  fs::remove_all(root, ec);
  fs::create_directories(root, ec);
  if (ec) return {"cannot create " + root.string() + ": " + ec.message()};

  std::map<std::string, std::string> files;  // display path -> bytes, for span checks
  for (const Entry& e : ParseTree(bytes)) {
    const fs::path path = root / e.path;
    fs::create_directories(path.parent_path(), ec);
    switch (e.kind) {
      case '/':
        fs::create_directories(path, ec);
        break;
      case '>':
        fs::create_directory_symlink(e.target, path, ec);
        break;
      case '|':
        ::mkfifo(path.c_str(), 0600);
        break;
      default: {
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        out << e.content;
      }
    }
  }
  for (auto it = fs::recursive_directory_iterator(root, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    std::error_code type_ec;
    if (!it->is_symlink(type_ec) && it->is_regular_file(type_ec)) {
      std::ifstream in(it->path(), std::ios::binary);
      std::ostringstream text;
      text << in.rdbuf();
      files[DisplayPath(it->path())] = text.str();
    }
  }

  {
    config::ConfigResolver configs(Known(), std::nullopt);
    discover::Discovery discovery = discover::Discover({root.string()}, configs);
    if (configs.errors().empty() && discovery.errors.empty()) {
      lint::Options options;
      options.only_files = discovery.only_files;
      const lint::LintResult result = lint::Run(discovery.sets, options);
      for (const auto& [path, text] : files)
        CheckSpans(result.diagnostics, Source(text, path), problems);
      CheckReports(result, problems, EveryFormat(bytes));
    }
  }
  fs::remove_all(root, ec);
  return problems;
}

}  // namespace migralint::fuzz
