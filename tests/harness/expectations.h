// expectations.h: the inline expectations of test SQL (`-- expect: rule-id "text"`) and the
// exact-set check of findings against them.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "migralint/diagnostic.h"

namespace migralint::testing {

struct Expectation {
  std::filesystem::path file;  // absolute
  std::uint32_t line = 0;      // 0: anywhere in the file (expect-file)
  std::string rule;
  std::string message_part;      // must occur in the message when set
  std::uint32_t written_at = 0;  // line of the expect comment, for failure messages
};

/// Expectations of one file. `-- expect:` at the end of a line targets that line; on its own
/// line it targets the next line that is neither blank nor only a comment. `-- expect-file:`
/// targets the whole file.
std::vector<Expectation> ReadExpectations(const std::filesystem::path& file);

/// Expectations listed in an expect.txt, for findings in files that hold no comments (a lock
/// file): lines "relative/path:LINE: rule-id \"text\"" or "relative/path: rule-id".
std::vector<Expectation> ReadExpectTxt(const std::filesystem::path& file);

/// Every expectation of every .sql file and expect.txt below `root` (or of `root` itself when
/// it is a file).
std::vector<Expectation> ReadExpectationsBelow(const std::filesystem::path& root);

/// Compares findings (paths relative to the current directory) with expectations; returns
/// one clickable line per problem: "path:line: unexpected rule: message" or "... missing rule".
std::vector<std::string> Mismatches(const std::vector<Diagnostic>& found,
                                    const std::vector<Expectation>& expected);

}  // namespace migralint::testing
