// cli.cc: subcommands and flags (CLI11); every usage error exits 2 with a message.
#include "cli/cli.h"

#include <CLI/CLI.hpp>
#include <iostream>
#include <string>
#include <tuple>

#include "cli/commands.h"
#include "migralint/runner.h"

#ifndef MIGRALINT_VERSION
#define MIGRALINT_VERSION "0.1.0"
#endif

namespace migralint::cli {
namespace {

void AddCommonOptions(CLI::App& command, CommonOptions& o) {
  command.add_option("paths", o.paths, "Migration sets, folders or files (default: .)");
  command.add_option("--format", o.format, "text | gcc | json | sarif | github | html")
      ->check(CLI::IsMember({"text", "gcc", "json", "sarif", "github", "html"}));
  command.add_option("--output", o.output, "Write the report to FILE instead of stdout");
  command.add_option("--config", o.config, "Config file (default: nearest migralint.toml upward)");
  command.add_option("--enable", o.enable, "Turn a rule on (repeatable)")
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  command.add_option("--disable", o.disable, "Turn a rule off (repeatable)")
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  command
      .add_option("--fail-on", o.fail_on,
                  "Exit 1 on findings at or above: error | warning | info | never")
      ->check(CLI::IsMember({"error", "warning", "info", "never"}));
  command.add_option("--pg-version", o.pg_version, "Target PostgreSQL major version (default 15)")
      ->check(CLI::Range(10, 18));
  {
    std::vector<std::string> names;
    for (const Runner* runner : AllRunners()) names.emplace_back(runner->name);
    command.add_option("--runner", o.runner, "How the sets are executed (default: detected)")
        ->check(CLI::IsMember(names));
  }
  command.add_option("--stdin-filename", o.stdin_filename,
                     "Lint standard input as if it were this file of its set");
  command.add_option("--cache-dir", o.cache_dir,
                     "Keep parsed files here between runs (default with --stdin-filename: "
                     "$MIGRALINT_CACHE_DIR, $XDG_CACHE_HOME/migralint or ~/.cache/migralint)");
  command.add_flag("--no-cache", o.no_cache, "Parse every file, keep nothing between runs");
  command
      .add_option("--jobs,-j", o.jobs, "Threads that read, parse and check files (default: cores)")
      ->check(CLI::Range(1u, 256u));
  command.add_option("--color", o.color, "auto | always | never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  command.add_flag("--quiet,-q", o.quiet, "Print nothing when there are no findings");
}

void AddDatabaseOptions(CLI::App& command, CommonOptions& o, const std::string& group) {
  command
      .add_option("--database-url", o.database_url,
                  "Target database (else DATABASE_URL, else a throwaway PostgreSQL)")
      ->group(group);
  command
      .add_option("--history-from", o.history_from,
                  "Also read another runner's history: seed000 | supabase | schema_migrations")
      ->check(CLI::IsMember({"seed000", "supabase", "schema_migrations"}))
      ->group(group);
  command
      .add_option("--connect-timeout", o.connect_timeout,
                  "Seconds a connection attempt may take (default: connect_timeout of the "
                  "config, else 10; 0 waits forever)")
      ->check(CLI::Range(0, 86400))
      ->group(group);
}

// lint's own --help lists the options that only matter with --apply under their own heading.
const char* const kLintApplyGroup = "With --apply";
const char* const kDatabaseGroup = "Database";

}  // namespace

int Main(int argc, char** argv) {
  CLI::App app{"migralint: lint, validate and apply PostgreSQL migration sets", "migralint"};
  app.set_version_flag("--version", "migralint " MIGRALINT_VERSION);
  app.require_subcommand(1);

  CommonOptions lint_options;
  bool lint_apply = false;
  CLI::App* lint = app.add_subcommand("lint", "Discover the sets under each PATH, lint, report");
  AddCommonOptions(*lint, lint_options);
  lint->add_option("--changed-since", lint_options.changed_since,
                   "Report only findings in migrations added or changed since this git ref "
                   "(working tree and index; the whole set is still replayed)")
      ->type_name("REF");
  lint->add_flag("--no-baseline", lint_options.no_baseline,
                 "Also report the findings listed in each set's migralint.baseline");
  lint->add_flag("--apply", lint_apply,
                 "Then apply pending migrations, if nothing at or above --fail-on remains")
      ->group(kLintApplyGroup);
  AddDatabaseOptions(*lint, lint_options, kLintApplyGroup);

  CommonOptions apply_options;
  CLI::App* apply = app.add_subcommand(
      "apply", "Lint; if nothing at or above --fail-on remains, apply pending migrations");
  AddCommonOptions(*apply, apply_options);
  AddDatabaseOptions(*apply, apply_options, kDatabaseGroup);
  for (auto [command, options, group] : {std::tuple{lint, &lint_options, kLintApplyGroup},
                                         std::tuple{apply, &apply_options, kDatabaseGroup}}) {
    command
        ->add_flag("--dry-run", options->dry_run,
                   "Apply everything pending in one transaction, then roll back")
        ->group(group);
    command
        ->add_flag("--adopt", options->adopt,
                   "Record migrations another runner applied (--history-from) without running them")
        ->group(group);
    command
        ->add_option("--lock-timeout", options->lock_timeout,
                     "Seconds to wait for another run (default 60)")
        ->check(CLI::Range(0, 86400))
        ->group(group);
    command
        ->add_option(
            "--statement-timeout", options->statement_timeout,
            "Cancel any migration statement running longer (PostgreSQL units: 500ms, 30s, 5min)")
        ->group(group);
  }

  CommonOptions status_options;
  CLI::App* status = app.add_subcommand(
      "status", "Applied / pending / modified / missing / failed, per migration");
  status->footer(
      "status reads the database's history: it needs --database-url or DATABASE_URL.\n"
      "Exit codes: 0 every migration is applied or pending; 1 one is modified, missing, failed\n"
      "or started; 2 usage or config error; 3 the database cannot be reached or read.");
  status->add_option("paths", status_options.paths, "Migration sets or folders (default: .)");
  status->add_option("--format", status_options.format, "text | json")
      ->check(CLI::IsMember({"text", "json"}));
  status->add_option("--config", status_options.config, "Config file");
  AddDatabaseOptions(*status, status_options, kDatabaseGroup);

  LspOptions lsp_options;
  CLI::App* lsp = app.add_subcommand(
      "lsp", "Language server over stdin/stdout: an editor's buffers linted within their sets");
  lsp->add_option("--debounce-ms", lsp_options.debounce_ms,
                  "Milliseconds without a change before a buffer is linted (default 200)")
      ->check(CLI::Range(0, 10000));
  lsp->add_option("--cache-dir", lsp_options.cache_dir,
                  "Keep parsed files here (default: $MIGRALINT_CACHE_DIR, "
                  "$XDG_CACHE_HOME/migralint or ~/.cache/migralint)");
  lsp->add_flag("--no-cache", lsp_options.no_cache, "Parse every file, keep nothing on disk");
  lsp->add_option("--jobs,-j", lsp_options.jobs,
                  "Threads that read and parse files (default: cores)")
      ->check(CLI::Range(1u, 256u));
  bool stdio = false;  // what editors' clients pass to choose stdio; the only transport
  lsp->add_flag("--stdio", stdio, "Talk over stdin/stdout (the default and only transport)");

  std::string rules_format = "text";
  CLI::App* rules = app.add_subcommand("rules", "Every rule: id, severity, category, summary");
  rules->add_option("--format", rules_format, "text | json")
      ->check(CLI::IsMember({"text", "json"}));

  std::string rule_id;
  CLI::App* explain = app.add_subcommand("explain", "A rule's documentation and examples");
  explain->add_option("rule", rule_id, "Rule id")->required();

  CommonOptions lock_options;
  CLI::App* lock = app.add_subcommand("lock", "Write or refresh migralint.lock at each set's root");
  lock->add_option("paths", lock_options.paths, "Migration sets or folders (default: .)");
  lock->add_option("--config", lock_options.config, "Config file");

  CommonOptions fix_options;
  FixOptions fix;
  CLI::App* fix_command = app.add_subcommand(
      "fix", "Rewrite files in place with the mechanical fixes of their findings");
  fix_command->add_option("paths", fix_options.paths,
                          "Migration sets, folders or files (default: .)");
  fix_command->add_option("--config", fix_options.config, "Config file");
  fix_command
      ->add_option("--database-url", fix_options.database_url,
                   "Also never edit what this database's history records (else DATABASE_URL)")
      ->group(kDatabaseGroup);
  fix_command->add_flag("--diff", fix.diff, "Print a unified diff instead of writing");
  fix_command->add_flag("--dry-run", fix.dry_run, "Say what would be fixed, change nothing");
  fix_command->add_option("--rule", fix.rules, "Only the fixes of this rule (repeatable)")
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  fix_command->footer(
      "Only findings whose fix is mechanical and safe are fixed, and never in a migration\n"
      "recorded in migralint.lock or in the database's history (--database-url or\n"
      "DATABASE_URL): an applied migration is never edited. Comments, layout and letter case\n"
      "of everything else are kept byte for byte.");

  CommonOptions baseline_options;
  CLI::App* baseline = app.add_subcommand(
      "baseline",
      "Record today's findings in each set's migralint.baseline; lint then reports new ones");
  baseline->add_option("paths", baseline_options.paths, "Migration sets or folders (default: .)");
  baseline->add_option("--config", baseline_options.config, "Config file");
  baseline->add_option("--enable", baseline_options.enable, "Turn a rule on (repeatable)")
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  baseline->add_option("--disable", baseline_options.disable, "Turn a rule off (repeatable)")
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  baseline
      ->add_option("--pg-version", baseline_options.pg_version, "Target PostgreSQL major version")
      ->check(CLI::Range(10, 18));
  baseline->add_option("--jobs,-j", baseline_options.jobs, "Threads (default: cores)")
      ->check(CLI::Range(1u, 256u));

  std::string new_name, new_set;
  CLI::App* create =
      app.add_subcommand("new", "Create the next migration of a set, with its header");
  create->add_option("name", new_name, "What the migration does, e.g. \"add tags\"")->required();
  create->add_option("--set", new_set, "The set's folder (default: the one set under .)");

  if (argc <= 1) {  // bare `migralint`: what it can do, as a usage error
    std::cerr << app.help();
    return 2;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "migralint: " << e.what() << "\n";
    return kUsage;
  }
  try {
    if (lint->parsed()) return lint_apply ? Apply(lint_options) : Lint(lint_options);
    if (apply->parsed()) return Apply(apply_options);
    if (status->parsed()) return Status(status_options);
    if (lsp->parsed()) return Lsp(lsp_options);
    if (rules->parsed()) return Rules(rules_format);
    if (explain->parsed()) return Explain(rule_id);
    if (lock->parsed()) return Lock(lock_options);
    if (baseline->parsed()) return Baseline(baseline_options);
    if (create->parsed()) return New(new_name, new_set);
    if (fix_command->parsed()) return Fix(fix_options, fix);
  } catch (const std::exception& e) {
    // Only a bug reaches here: user mistakes are diagnostics or usage errors.
    std::cerr << "migralint: internal error: " << e.what() << "\n";
    return kUsage;
  }
  return kUsage;
}

}  // namespace migralint::cli
