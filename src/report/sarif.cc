// sarif.cc: SARIF 2.1.0 for GitHub code scanning and other viewers (ecosystem.md §1).
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <unordered_map>
#include <utility>

#include "lint/registry.h"
#include "report/common.h"
#include "report/report.h"

namespace migralint::report {

namespace {

using Json = nlohmann::ordered_json;

constexpr std::size_t kMaxDescription = 1024;  // GitHub's limit for the description texts

std::string_view SarifLevel(Severity severity) {
  switch (severity) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kInfo:
      return "note";
  }
  return "error";
}

// "unsafe-not-null" -> "UnsafeNotNull".
std::string PascalCase(std::string_view id) {
  std::string name;
  bool upper = true;
  for (char c : id) {
    if (c == '-' || c == '_') {
      upper = true;
    } else {
      name += upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
      upper = false;
    }
  }
  return name;
}

std::string_view Trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t\r") - first + 1);
}

// At most kMaxDescription bytes, cut on a UTF-8 character boundary.
std::string Truncate(std::string text) {
  if (text.size() <= kMaxDescription) return text;
  std::size_t cut = kMaxDescription - 3;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  text.resize(cut);
  return text + "...";
}

// The first paragraph under "## What it flags" of a rule.md, lines joined; empty if none.
std::string WhatItFlags(std::string_view docs) {
  std::string paragraph;
  bool in_section = false;
  while (!docs.empty()) {
    const auto newline = docs.find('\n');
    const std::string_view line = Trim(docs.substr(0, newline));
    docs.remove_prefix(newline == std::string_view::npos ? docs.size() : newline + 1);
    if (!in_section) {
      in_section = line == "## What it flags";
    } else if (line.empty()) {
      if (!paragraph.empty()) break;
    } else if (line.front() == '#') {
      break;
    } else {
      if (!paragraph.empty()) paragraph += ' ';
      paragraph += line;
    }
  }
  return paragraph;
}

// GitHub code scanning ranks an alert as a security one by `security-severity` (a CVSS-like
// score: 9+ critical, 7+ high, 4+ medium, else low) and lists it by its tags; the CWE tag links
// the weakness. Rules of category "security" not listed here get a medium score and no CWE.
struct SecurityClass {
  std::string_view score;
  std::string_view cwe;  // "" when no CWE fits
};
SecurityClass SecurityOf(std::string_view id) {
  static const std::map<std::string_view, SecurityClass> kRules = {
      {"auth-users-exposed", {"8.5", "200"}},        // exposure of sensitive information
      {"definer-function-exposed", {"6.5", "250"}},  // execution with unnecessary privileges
      {"exposed-foreign-table", {"5.5", "284"}},
      {"exposed-matview", {"5.5", "284"}},
      {"extension-in-public", {"4.0", "668"}},  // exposure to the wrong sphere
      {"fk-to-auth-unique", {"4.0", ""}},       // blocks auth (security) upgrades
      {"policy-always-true", {"7.5", "284"}},   // improper access control
      {"policy-without-rls", {"8.0", "284"}},
      {"rls-disabled", {"8.0", "284"}},
      {"rls-user-metadata", {"8.1", "639"}},  // authorization by a user-set key
      {"rls-without-policy", {"2.0", ""}},
      {"security-definer-search-path", {"7.0", "426"}},  // untrusted search path
      {"security-definer-view", {"7.5", "284"}},
      {"sensitive-column-exposed", {"8.0", "200"}},
  };
  const auto it = kRules.find(id);
  return it == kRules.end() ? SecurityClass{"5.0", ""} : it->second;
}

Json RuleDescriptor(std::string_view id, std::string_view summary, std::string_view docs,
                    std::string_view category, Severity severity) {
  std::string full = WhatItFlags(docs);
  if (full.empty()) full = summary;
  const std::string help(docs.empty() ? summary : docs);
  Json rule = {
      {"id", id},
      {"name", PascalCase(id)},
      {"shortDescription", {{"text", Truncate(std::string(summary))}}},
      {"fullDescription", {{"text", Truncate(std::move(full))}}},
      {"help", {{"text", help}, {"markdown", help}}},
      {"defaultConfiguration", {{"level", SarifLevel(severity)}}},
  };
  if (const std::string url = RuleUrl(id); !url.empty()) rule["helpUri"] = url;
  if (!category.empty()) rule["properties"] = {{"category", category}};
  if (category == "security") {
    const SecurityClass security = SecurityOf(id);
    Json tags = Json::array({"security"});
    if (!security.cwe.empty()) tags.push_back("external/cwe/cwe-" + std::string(security.cwe));
    rule["properties"]["tags"] = std::move(tags);
    rule["properties"]["security-severity"] = security.score;
  }
  return rule;
}

// A repository-relative URI reference: '/' separators, no leading "./", anything outside the
// RFC 3986 path characters percent-encoded (':' too, so a first segment never reads as a scheme).
std::string PathUri(std::string_view path) {
  std::string slashed(path);
  for (char& c : slashed) {
    if (c == '\\') c = '/';
  }
  std::string_view rest = slashed;
  while (rest.size() > 2 && rest.substr(0, 2) == "./") rest.remove_prefix(2);
  if (rest.empty()) rest = ".";
  std::string uri;
  for (char c : rest) {
    const auto byte = static_cast<unsigned char>(c);
    const bool keep = (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') ||
                      (byte >= '0' && byte <= '9') ||
                      std::string_view("-._~/!$&'()*+,;=@").find(c) != std::string_view::npos;
    if (keep) {
      uri += c;
    } else {
      char escaped[4];
      std::snprintf(escaped, sizeof escaped, "%%%02X", byte);
      uri += escaped;
    }
  }
  return uri;
}

// FNV-1a, 64 bits: the same value on every platform and compiler, unlike std::hash.
std::uint64_t Fnv1a(std::uint64_t hash, std::string_view bytes) {
  for (char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

// Stable across runs and line moves: rule, path and the trimmed text of the start line.
// Each (line, rule and path) hashed once: a line of thousands of statements holds thousands of
// findings.
using LineHashes = std::map<std::pair<const char*, std::uint64_t>, std::uint64_t>;

std::uint64_t LineHash(const lint::LintResult& result, const Diagnostic& d, LineHashes& done) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  hash = Fnv1a(hash, d.rule);
  hash = Fnv1a(hash, std::string_view("\0", 1));
  hash = Fnv1a(hash, d.path);
  hash = Fnv1a(hash, std::string_view("\0", 1));
  if (auto line = StartLine(result, d)) {
    auto [it, added] = done.try_emplace({line->data(), hash});
    if (added) it->second = Fnv1a(hash, Trim(*line));
    hash = it->second;
  }
  return hash;
}

// A finding's fix (SARIF §3.55): one artifactChange on its file, a replacement per edit, the
// deleted region in the run's columns (code points) — empty for an insertion.
Json FixJson(const Fix& fix, const Json& artifact) {
  Json replacements = Json::array();
  for (const Edit& e : fix.edits) {
    replacements.push_back({{"deletedRegion",
                             {{"startLine", e.start.line},
                              {"startColumn", e.start.column},
                              {"endLine", e.stop.line},
                              {"endColumn", e.stop.column}}},
                            {"insertedContent", {{"text", e.text}}}});
  }
  return {
      {"description", {{"text", fix.title}}},
      {"artifactChanges",
       Json::array({{{"artifactLocation", artifact}, {"replacements", std::move(replacements)}}})}};
}

}  // namespace

void EmitSarif(const lint::LintResult& result, std::ostream& out) {
  Json rules = Json::array();
  std::unordered_map<std::string_view, std::size_t> rule_index;
  for (const lint::RuleEntry& entry : lint::Registry()) {
    const Rule& rule = *entry.rule;
    rule_index.emplace(rule.id, rules.size());
    rules.push_back(
        RuleDescriptor(rule.id, rule.summary, entry.docs, rule.category, rule.severity));
  }

  Json results = Json::array();
  LineHashes line_hashes;
  std::map<std::uint64_t, unsigned> seen;  // same hash again: ":2", ":3", … as upload-sarif does
  for (const Diagnostic& d : result.diagnostics) {
    auto [it, added] = rule_index.emplace(d.rule, rules.size());
    if (added) {  // not a registry rule: describe it anyway, so ruleIndex stays valid
      rules.push_back(RuleDescriptor(d.rule, d.rule, {}, {}, d.severity));
    }
    // SARIF lines and columns start at 1; the end is one past the last character.
    const Position end = RegionEnd(d);
    const Json region = {{"startLine", std::max(d.start.line, 1U)},
                         {"startColumn", std::max(d.start.column, 1U)},
                         {"endLine", std::max(end.line, 1U)},
                         {"endColumn", std::max(end.column, 1U)}};
    const Json artifact = {{"uri", PathUri(d.path)}, {"uriBaseId", "%SRCROOT%"}};
    Json location = Json::object();
    location["physicalLocation"] = {{"artifactLocation", artifact}, {"region", region}};

    const std::uint64_t hash = LineHash(result, d, line_hashes);
    char fingerprint[32];
    std::snprintf(fingerprint, sizeof fingerprint, "%016llx:%u",
                  static_cast<unsigned long long>(hash), ++seen[hash]);
    results.push_back({
        {"ruleId", d.rule},
        {"ruleIndex", it->second},
        {"level", SarifLevel(d.severity)},
        {"message", {{"text", d.message}}},
        {"locations", Json::array({std::move(location)})},
        {"partialFingerprints", {{"primaryLocationLineHash", fingerprint}}},
    });
    if (d.fix) results.back()["fixes"] = Json::array({FixJson(*d.fix, artifact)});
  }

  Json driver = {{"name", "migralint"},
                 {"version", ToolVersion()},
                 {"semanticVersion", ToolVersion()},
                 {"informationUri", HomepageUrl()},
                 {"rules", std::move(rules)}};
  Json run = Json::object();
  run["tool"] = {{"driver", std::move(driver)}};
  run["columnKind"] = "unicodeCodePoints";
  Json sets = Json::array();
  for (const lint::SetSummary& set : result.sets) {
    sets.push_back(
        {{"root", set.root}, {"layout", set.layout}, {"runner", set.runner}, {"files", set.files}});
  }
  run["properties"] = {{"sets", std::move(sets)}};
  run["results"] = std::move(results);
  const Json log = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                    {"version", "2.1.0"},
                    {"runs", Json::array({std::move(run)})}};
  out << log.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

}  // namespace migralint::report
