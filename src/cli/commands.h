// commands.h: one function per subcommand; the options CLI11 filled in.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace migralint::cli {

struct CommonOptions {
  std::vector<std::string> paths;
  std::string format = "text";
  std::string output;
  std::string config;
  std::vector<std::string> enable;
  std::vector<std::string> disable;
  std::string fail_on;  // empty: from the config
  int pg_version = 0;   // 0: from the config
  std::string runner;   // --runner: overrides the config and detection
  std::string stdin_filename;
  std::string cache_dir;  // --cache-dir
  bool no_cache = false;  // --no-cache
  unsigned jobs = 0;      // 0: one per core
  std::string color = "auto";
  bool quiet = false;
  // Narrowing the report (lint): findings in files unchanged since a git ref left out; the
  // baseline's findings shown too.
  std::string changed_since;
  bool no_baseline = false;
  // Database options (apply, status).
  std::string database_url;  // else DATABASE_URL, else the embedded default
  bool dry_run = false;
  bool adopt = false;
  std::string history_from;  // seed000 | supabase | schema_migrations
  int lock_timeout = 60;     // seconds
  int connect_timeout = -1;  // seconds; -1: from the config (default 10)
  std::string
      statement_timeout;  // PostgreSQL statement_timeout for the migrations ("30s"); else config
};

/// `migralint fix`: which findings, and whether to write, print a diff or only count.
struct FixOptions {
  bool diff = false;
  bool dry_run = false;
  std::vector<std::string> rules;  // --rule: only these (default: every rule with a fix)
};

int Lint(const CommonOptions& options);
int Fix(const CommonOptions& options, const FixOptions& fix);
/// `migralint lsp`.
struct LspOptions {
  int debounce_ms = 200;
  std::string cache_dir;  // --cache-dir; else the user's cache folder
  bool no_cache = false;
  unsigned jobs = 0;  // 0: one per core
};

int Lsp(const LspOptions& options);
int Rules(const std::string& format);
int Explain(const std::string& rule);
int Lock(const CommonOptions& options);
int Apply(const CommonOptions& options);
int Status(const CommonOptions& options);
int Baseline(const CommonOptions& options);
int New(const std::string& name, const std::string& set_dir);

}  // namespace migralint::cli
