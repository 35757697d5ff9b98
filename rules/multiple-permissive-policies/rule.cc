// multiple-permissive-policies: at the end of the set, two or more permissive policies of one
// table that apply to the same role and command — PostgreSQL evaluates each for every row.
#include "migralint/rule.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "migralint/policy_expr.h"

namespace migralint::rules {
namespace {

bool Before(const Origin& a, const Origin& b) {
  return a.file != b.file ? a.file < b.file : a.begin < b.begin;
}

bool Names(const Policy& p, const std::string& role) {
  return std::find(p.roles.begin(), p.roles.end(), role) != p.roles.end();
}

std::string Join(const std::vector<std::string>& items, const char* quote) {
  std::string out;
  for (const std::string& i : items) out += (out.empty() ? "" : ", ") + (quote + i + quote);
  return out;
}

void CheckTable(RuleContext& ctx, const SetUnit& set, const std::string& name, const Table& table) {
  static const std::vector<std::string> kCommands = {"select", "insert", "update", "delete"};
  std::vector<const Policy*> permissive;
  for (const Policy& p : table.policies)
    if (p.permissive) permissive.push_back(&p);
  if (permissive.size() < 2) return;
  // The roles to ask about: each named one, and public (every role) when a policy has no TO.
  std::set<std::string> roles;
  for (const Policy* p : permissive)
    for (const std::string& r : p->roles)
      if (!pg::BypassesRls(r)) roles.insert(r);
  // Same policies for several roles and commands: one finding.
  std::map<std::vector<const Policy*>, std::pair<std::set<std::string>, std::vector<std::string>>>
      groups;
  for (const std::string& role : roles) {
    for (const std::string& command : kCommands) {
      std::vector<const Policy*> applying;
      for (const Policy* p : permissive) {
        if (p->command != "all" && p->command != command) continue;
        if (Names(*p, role) || Names(*p, "public")) applying.push_back(p);
      }
      if (applying.size() < 2) continue;
      auto& group = groups[applying];
      group.first.insert(role);
      if (std::find(group.second.begin(), group.second.end(), command) == group.second.end())
        group.second.push_back(command);
    }
  }
  // A group whose policies are a subset of another's for the same role and command is the
  // same finding seen for fewer roles: keep the largest.
  auto subsumed = [&](const std::vector<const Policy*>& policies,
                      const std::vector<std::string>& commands) {
    for (const auto& [other, other_what] : groups) {
      if (other.size() <= policies.size()) continue;
      std::set<const Policy*> have(other.begin(), other.end());
      const bool more = std::all_of(policies.begin(), policies.end(),
                                    [&](const Policy* p) { return have.count(p) > 0; });
      const std::vector<std::string>& other_commands = other_what.second;  // (a lambda may not
      // capture a structured binding before C++20's P1091 in clang 14)
      const bool all = std::all_of(commands.begin(), commands.end(), [&](const auto& c) {
        return std::find(other_commands.begin(), other_commands.end(), c) != other_commands.end();
      });
      if (more && all) return true;
    }
    return false;
  };
  for (const auto& [policies, what] : groups) {
    if (subsumed(policies, what.second)) continue;
    const Policy* last = policies.front();
    for (const Policy* p : policies)
      if (Before(last->origin, p->origin)) last = p;
    if (last->origin.external()) continue;
    std::vector<std::string> names;
    for (const Policy* p : policies) names.push_back(p->name);
    const std::vector<std::string> role_list(what.first.begin(), what.first.end());
    const std::string who =
        what.first.count("public") ? "every role" : "role " + Join(role_list, "");
    const FileUnit& unit = *set.migrations[static_cast<std::size_t>(last->origin.file)];
    ctx.Report(unit, last->origin.begin,
               unit.source.ClauseSpan(last->origin.begin, last->origin.end).second,
               "\"" + name + "\" has " + std::to_string(policies.size()) +
                   " permissive policies for " + who + " on " + Join(what.second, "") + " (" +
                   Join(names, "\"") +
                   "): PostgreSQL evaluates every one of them for each row a query reads or "
                   "writes",
               "merge them into one policy per role and command (USING (a) OR (b)), or split "
               "them by role with TO so that each role meets one policy");
  }
}

void Check(RuleContext& ctx, const SetUnit& set, const Schema& schema) {
  for (const auto& [name, table] : schema.tables) CheckTable(ctx, set, name, table);
  // Tables from before the set (storage.objects) with policies the set created.
  for (const auto& [name, table] : schema.altered_outside) CheckTable(ctx, set, name, table);
}

}  // namespace

const Rule& multiple_permissive_policies() {
  static const Rule rule{
      .id = "multiple-permissive-policies",
      .severity = Severity::kWarning,
      .category = "performance",
      .summary = "two or more permissive policies of a table for the same role and command",
      .check_schema = Check,
  };
  return rule;
}

}  // namespace migralint::rules
