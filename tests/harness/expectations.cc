// expectations.cc: parsing expect comments; one-to-one matching of findings.
#include "harness/expectations.h"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

namespace migralint::testing {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

bool OnlyComment(std::string_view line) {
  line = Trim(line);
  return line.empty() || line.substr(0, 2) == "--";
}

// "a, b \"text\"" -> {a,""}, {b,"text"}
std::vector<std::pair<std::string, std::string>> Items(std::string_view list) {
  std::vector<std::pair<std::string, std::string>> items;
  std::size_t i = 0;
  while (i < list.size()) {
    while (i < list.size() && (list[i] == ' ' || list[i] == ',' || list[i] == '\t')) ++i;
    std::size_t j = i;
    while (j < list.size() && list[j] != ' ' && list[j] != ',' && list[j] != '"') ++j;
    if (j == i) break;
    std::string rule(list.substr(i, j - i));
    std::string part;
    std::size_t k = j;
    while (k < list.size() && list[k] == ' ') ++k;
    if (k < list.size() && list[k] == '"') {  // a quoted message part; \" is a quote inside it
      j = k + 1;
      while (j < list.size() && list[j] != '"') {
        if (list[j] == '\\' && j + 1 < list.size()) ++j;
        part.push_back(list[j++]);
      }
      j = std::min(j + 1, list.size());
    }
    items.emplace_back(std::move(rule), std::move(part));
    i = j;
  }
  return items;
}

}  // namespace

std::vector<Expectation> ReadExpectations(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  std::vector<Expectation> out;
  const fs::path absolute = fs::absolute(file).lexically_normal();
  for (std::size_t i = 0; i < lines.size(); ++i) {
    for (const std::string_view marker : {"-- expect-file:", "-- expect:"}) {
      const std::size_t at = lines[i].find(marker);
      if (at == std::string::npos) continue;
      const bool whole_file = marker == "-- expect-file:";
      const bool trailing = !Trim(std::string_view(lines[i]).substr(0, at)).empty();
      std::uint32_t target = static_cast<std::uint32_t>(i + 1);
      if (!whole_file && !trailing) {
        std::size_t j = i + 1;
        while (j < lines.size() && OnlyComment(lines[j])) ++j;
        target = static_cast<std::uint32_t>(j + 1);
      }
      for (auto& [rule, part] : Items(std::string_view(lines[i]).substr(at + marker.size()))) {
        out.push_back(
            {absolute, whole_file ? 0u : target, rule, part, static_cast<std::uint32_t>(i + 1)});
      }
      break;
    }
  }
  return out;
}

std::vector<Expectation> ReadExpectTxt(const fs::path& file) {
  std::ifstream in(file);
  std::vector<Expectation> out;
  std::uint32_t number = 0;
  for (std::string line; std::getline(in, line);) {
    ++number;
    // "relative/path[:line]: rule-id ["text"]"
    const std::size_t colon = line.find(": ");
    if (colon == std::string::npos || Trim(line).empty() || line[0] == '#') continue;
    std::string where = line.substr(0, colon);
    std::uint32_t target = 0;
    if (const std::size_t c = where.rfind(':'); c != std::string::npos) {
      target = static_cast<std::uint32_t>(std::stoul(where.substr(c + 1)));
      where.resize(c);
    }
    const fs::path path = fs::absolute(file.parent_path() / where).lexically_normal();
    for (auto& [rule, part] : Items(std::string_view(line).substr(colon + 2))) {
      out.push_back({path, target, rule, part, number});
    }
  }
  return out;
}

std::vector<Expectation> ReadExpectationsBelow(const fs::path& root) {
  if (fs::is_regular_file(root)) return ReadExpectations(root);
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    const std::string name = entry.path().filename().string();
    if (entry.is_regular_file() && (entry.path().extension() == ".sql" || name == "expect.txt")) {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  std::vector<Expectation> out;
  for (const auto& f : files) {
    for (auto& e : f.filename() == "expect.txt" ? ReadExpectTxt(f) : ReadExpectations(f)) {
      out.push_back(std::move(e));
    }
  }
  return out;
}

std::vector<std::string> Mismatches(const std::vector<Diagnostic>& found,
                                    const std::vector<Expectation>& expected) {
  std::vector<bool> used(expected.size(), false);
  std::vector<std::string> problems;
  // Line-exact expectations first, so a whole-file one does not take their finding.
  auto match = [&](const Diagnostic& d, bool whole_file) {
    const fs::path path = fs::absolute(d.path).lexically_normal();
    for (std::size_t i = 0; i < expected.size(); ++i) {
      const Expectation& e = expected[i];
      if (used[i] || e.rule != d.rule || e.file != path || (e.line == 0) != whole_file) continue;
      if (!whole_file && e.line != d.start.line) continue;
      if (!e.message_part.empty() && d.message.find(e.message_part) == std::string::npos) continue;
      used[i] = true;
      return true;
    }
    return false;
  };
  std::vector<bool> matched(found.size(), false);
  for (std::size_t k = 0; k < found.size(); ++k) matched[k] = match(found[k], false);
  for (std::size_t k = 0; k < found.size(); ++k) {
    if (!matched[k]) matched[k] = match(found[k], true);
  }
  for (std::size_t k = 0; k < found.size(); ++k) {
    if (matched[k]) continue;
    const Diagnostic& d = found[k];
    problems.push_back(d.path + ":" + std::to_string(d.start.line) + ":" +
                       std::to_string(d.start.column) + ": unexpected " + d.rule + ": " +
                       d.message);
  }
  for (std::size_t i = 0; i < expected.size(); ++i) {
    if (used[i]) continue;
    const Expectation& e = expected[i];
    problems.push_back(
        e.file.string() + ":" + std::to_string(e.written_at) + ": missing " + e.rule +
        (e.line ? " on line " + std::to_string(e.line) : std::string(" in this file")) +
        (e.message_part.empty() ? "" : " \"" + e.message_part + "\""));
  }
  return problems;
}

}  // namespace migralint::testing
