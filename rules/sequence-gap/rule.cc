// sequence-gap: a missing number in a sequentially numbered set (never for timestamps). A number
// is present when any file of the set holds it: a migration, a rollback, another dialect's
// variant, a file whose name the set's pattern does not match.
#include "migralint/rule.h"

#include <cctype>
#include <map>
#include <numeric>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace migralint::rules {
namespace {

constexpr std::size_t kMaxDigits = 9;  // numbers of sane size; longer ones are not a sequence

std::string Padded(unsigned long long n, std::size_t width) {
  std::string s = std::to_string(n);
  return s.size() < width ? std::string(width - s.size(), '0') + s : s;
}

// The number a file holds: its version when that is one number group, else the digits its name
// starts with (an unrecognised name); false when it holds none.
bool NumberOf(const MigrationFile& file, unsigned long long& number) {
  std::string digits;
  if (file.version.groups.size() == 1 && !file.version.IsTimestamp()) {
    digits = file.version.groups[0];
  } else if (file.version.groups.empty()) {
    const std::string name = file.FileName();
    std::size_t n = 0;
    while (n < name.size() && std::isdigit(static_cast<unsigned char>(name[n]))) ++n;
    if (n == 0 || n >= 8) return false;  // no number, or a timestamp
    digits = name.substr(0, n);
  } else {
    return false;
  }
  if (digits.size() > kMaxDigits) return false;
  number = std::stoull("0" + digits);
  return true;
}

// The runs of numbers between `previous` and `current`, counted in `step`s, that no file holds:
// [first, last].
std::vector<std::pair<unsigned long long, unsigned long long>> Missing(
    unsigned long long previous, unsigned long long current,
    const std::set<unsigned long long>& present, unsigned long long step) {
  std::vector<std::pair<unsigned long long, unsigned long long>> runs;
  if (step > 1) {
    constexpr int kMaxSteps = 10000;  // a gap wider than that is reported as it starts
    int steps = 0;
    for (unsigned long long n = previous + step; n < current && steps < kMaxSteps;
         n += step, ++steps) {
      if (present.count(n)) continue;
      if (!runs.empty() && runs.back().second + step == n)
        runs.back().second = n;
      else
        runs.emplace_back(n, n);
    }
    return runs;
  }
  unsigned long long from = previous + 1;
  for (auto it = present.upper_bound(previous); it != present.end() && *it < current; ++it) {
    if (*it > from) runs.emplace_back(from, *it - 1);
    from = *it + 1;
  }
  if (current > from) runs.emplace_back(from, current - 1);
  return runs;
}

// The step a sequence counts in: the greatest common divisor of its numbers (10, 20, 30 …
// leaves room for later inserts by design) when three or more share it, or two share a
// multiple of ten; else 1.
unsigned long long Step(const std::vector<const FileUnit*>& units) {
  constexpr unsigned long long kRound = 10;
  std::set<unsigned long long> numbers;
  for (const FileUnit* unit : units)
    numbers.insert(std::stoull("0" + unit->file->version.groups[0]));
  unsigned long long step = 0;
  for (unsigned long long n : numbers) step = std::gcd(step, n);
  const bool shared = numbers.size() >= 3 || (numbers.size() == 2 && step % kRound == 0);
  return shared && step > 1 ? step : 1;
}

// "004", "004, 005", "004–009", joined by ", "; `several` says whether that is more than one.
std::string Describe(const std::vector<std::pair<unsigned long long, unsigned long long>>& runs,
                     std::size_t width, unsigned long long step, bool& several) {
  std::string out;
  several = runs.size() > 1;
  for (const auto& [first, last] : runs) {
    out += (out.empty() ? "" : ", ") + Padded(first, width);
    if (last > first) out += (last - first > step ? "–" : ", ") + Padded(last, width);
    several |= last > first;
  }
  return out;
}

void Check(RuleContext& ctx, const SetUnit& set) {
  // Sqitch and Liquibase order by plan or path: numbers in names are not versions to them.
  if (set.set->runner && set.set->runner->keys == Keys::kPath) return;
  std::map<std::string, std::vector<const FileUnit*>> sequences;
  for (const FileUnit* unit : set.migrations) sequences[unit->file->Sequence()].push_back(unit);
  std::map<std::string, std::set<unsigned long long>> held;  // by sequence: numbers of any file
  for (const auto* files : {&set.set->migrations, &set.set->others}) {
    for (const MigrationFile& file : *files) {
      unsigned long long number = 0;
      if (NumberOf(file, number)) held[file.Sequence()].insert(number);
    }
  }
  for (const auto& [name, units] : sequences) {
    // Only plain sequences: one number group, no timestamps, numbers of sane size.
    bool sequential = true;
    for (const FileUnit* unit : units) {
      const Version& v = unit->file->version;
      sequential &= v.groups.size() == 1 && !v.IsTimestamp() && v.groups[0].size() <= kMaxDigits;
    }
    if (!sequential || units.size() < 2) continue;
    const unsigned long long step = Step(units);
    unsigned long long previous = std::stoull("0" + units.front()->file->version.groups[0]);
    for (std::size_t i = 1; i < units.size(); ++i) {
      const MigrationFile& file = *units[i]->file;
      const unsigned long long current = std::stoull("0" + file.version.groups[0]);
      const auto missing = Missing(previous, current, held[name], step);
      if (!missing.empty()) {
        bool several = false;
        const std::string list = Describe(missing, file.version.text.size(), step, several);
        ctx.Report(
            *units[i], 0, 0,
            "sequence gap before \"" + file.relative + "\": " + list + " " +
                (several ? "are" : "is") + " missing after \"" + units[i - 1]->file->relative +
                "\"",
            "restore the deleted migration, or renumber if the gap was never applied anywhere");
      }
      previous = current;
    }
  }
}

}  // namespace

const Rule& sequence_gap() {
  static const Rule rule{
      .id = "sequence-gap",
      .severity = Severity::kWarning,
      .category = "set",
      .summary = "a missing number in a sequentially numbered set (never for timestamp versions)",
      .check_set = Check,
  };
  return rule;
}

}  // namespace migralint::rules
