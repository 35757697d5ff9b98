// raw_parse.cc: the "libpg_query alone" baseline for ci/bench.sh.
//
//   migralint_raw_parse FILE... | @LISTFILE...
//
// Reads each file and hands its whole text to pg_query_parse (JSON parse tree), freeing the
// result; nothing else. An @LISTFILE argument names a file with one path per line (100k paths do
// not fit in argv). Prints files, bytes, parse errors and wall seconds of the read+parse loop.
#include <pg_query.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

namespace {

bool ReadFile(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  out = std::move(buffer).str();
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: migralint_raw_parse FILE... | @LISTFILE...\n";
    return 2;
  }
  std::vector<std::string> paths;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg.size() > 1 && arg[0] == '@') {
      std::ifstream list(arg.substr(1));
      if (!list) {
        std::cerr << "migralint_raw_parse: cannot read list " << arg.substr(1) << "\n";
        return 2;
      }
      for (std::string line; std::getline(list, line);) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (!line.empty()) paths.push_back(line);
      }
    } else {
      paths.push_back(arg);
    }
  }

  const auto start = std::chrono::steady_clock::now();
  std::size_t files = 0, bytes = 0, errors = 0, unreadable = 0;
  std::string text;
  for (const std::string& path : paths) {
    if (!ReadFile(path, text)) {
      ++unreadable;
      std::cerr << "migralint_raw_parse: cannot read " << path << "\n";
      continue;
    }
    ++files;
    bytes += text.size();
    PgQueryParseResult result = pg_query_parse(text.c_str());
    if (result.error) ++errors;
    pg_query_free_parse_result(result);
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("files %zu bytes %zu parse_errors %zu seconds %.3f\n", files, bytes, errors, seconds);
  return unreadable ? 1 : 0;
}
