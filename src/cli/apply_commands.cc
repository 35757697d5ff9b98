// apply_commands.cc: `lint --apply` / `apply` and `status` — the gated executor (spec §7).
#include <iostream>
#include <nlohmann/json.hpp>

#include "apply/connection.h"
#include "apply/embedded_server.h"
#include "apply/executor.h"
#include "apply/foreign_history.h"
#include "apply/plan.h"
#include "apply/platform_stub.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/linting.h"

namespace migralint::cli {
namespace {

int DatabaseError(const std::string& message) {
  std::cerr << "migralint: " << message << "\n";
  return kDatabase;
}

// The URL given, or DATABASE_URL; empty when neither is set.
std::string GivenUrl(const CommonOptions& o) {
  if (!o.database_url.empty()) return o.database_url;
  const char* env = std::getenv("DATABASE_URL");
  return env ? env : "";
}

struct Target {
  std::unique_ptr<apply::EmbeddedServer> server;  // the embedded default, when no URL is given
  std::unique_ptr<apply::Connection> db;
  std::string label;  // for messages, without password
};

std::optional<Target> Connect(const CommonOptions& o, const std::vector<MigrationSet>& sets,
                              bool allow_embedded, int& exit_code) {
  Target target;
  std::string url = GivenUrl(o), error;
  if (url.empty()) {
    if (!allow_embedded) {
      exit_code = UsageError("status needs a database: --database-url URL or DATABASE_URL");
      return std::nullopt;
    }
    target.server = apply::EmbeddedServer::Start(error);
    if (!target.server) {
      exit_code = DatabaseError("cannot start the embedded PostgreSQL: " + error);
      return std::nullopt;
    }
    url = target.server->ConnInfo();
    target.label = "a throwaway PostgreSQL (" + target.server->folder() + ")";
  } else {
    target.label = apply::RedactPassword(url);
  }
  target.db = apply::Connection::Open(url, error);
  if (!target.db) {
    exit_code = DatabaseError("cannot connect to " + target.label + ": " + error);
    return std::nullopt;
  }
  // If migralint dies mid-statement, the server notices within a second, rolls back and drops
  // the advisory lock, instead of finishing a long statement for nobody (PostgreSQL 14+; older
  // servers do not know the setting, and then nothing changes).
  target.db->Exec("SET client_connection_check_interval = '1s'");
  // An empty throwaway database gets what the platform provides before the first migration.
  for (const MigrationSet& set : sets) {
    if (!target.server) break;
    if (const apply::QueryResult r = apply::CreatePlatformStub(*target.db, set.layout); !r.ok) {
      exit_code = DatabaseError("cannot prepare the embedded PostgreSQL: " + r.message);
      return std::nullopt;
    }
  }
  return target;
}

struct SetPlan {
  const MigrationSet* set;
  std::map<std::string, apply::HistoryRow> history;
  std::vector<apply::MigrationState> plan;
};

// Reads migralint's history (and another runner's, when asked) and plans every set.
std::optional<std::vector<SetPlan>> PlanAll(apply::Connection& db,
                                            const std::vector<MigrationSet>& sets,
                                            const CommonOptions& o, int& exit_code) {
  std::optional<apply::ForeignHistory> foreign;
  if (!o.history_from.empty()) foreign = apply::ParseForeignHistory(o.history_from);
  std::vector<SetPlan> plans;
  for (const MigrationSet& set : sets) {
    std::string error;
    auto history = apply::ReadHistory(db, error);
    if (!history) {
      exit_code = DatabaseError("cannot read " + std::string(apply::kHistoryTable) + ": " + error);
      return std::nullopt;
    }
    std::set<std::string> foreign_applied;
    if (foreign) {
      auto applied = apply::ReadForeignApplied(db, *foreign, set, error);
      if (!applied) {
        exit_code = DatabaseError("cannot read the " + o.history_from + " history: " + error);
        return std::nullopt;
      }
      foreign_applied = std::move(*applied);
    }
    plans.push_back({&set, std::move(*history), {}});
    plans.back().plan = apply::PlanSet(set, plans.back().history, foreign_applied);
  }
  return plans;
}

bool ValidHistoryFrom(const CommonOptions& o) {
  return o.history_from.empty() || apply::ParseForeignHistory(o.history_from).has_value();
}

}  // namespace

int Apply(const CommonOptions& o) {
  if (!ValidHistoryFrom(o))
    return UsageError("--history-from must be seed000, supabase or schema_migrations");
  auto linted = DiscoverAndLint(o);
  if (!linted) return kUsage;
  for (const std::string& e : linted->result.io_errors) std::cerr << "migralint: " << e << "\n";
  if (!linted->result.io_errors.empty()) return kUsage;

  int exit_code = kClean;
  std::optional<Target> target = Connect(o, linted->discovery.sets, true, exit_code);
  if (!target) return exit_code;
  // Progress goes to stdout beside a text report, to stderr beside a machine-readable one.
  std::ostream& progress =
      (o.format == "text" || o.format == "gcc") && o.output.empty() ? std::cout : std::cerr;

  // Drift against the database is part of the gate. Reading the history creates nothing.
  auto plans = PlanAll(*target->db, linted->discovery.sets, o, exit_code);
  if (!plans) return exit_code;
  for (const SetPlan& p : *plans) {
    for (const apply::MigrationState& s : p.plan) linted->result.states[s.display] = s.state;
    for (Diagnostic d : apply::DriftFindings(p.plan)) {
      if (lint::Finalize(d, *p.set->config, linted->options))
        linted->result.diagnostics.push_back(std::move(d));
    }
  }
  std::sort(linted->result.diagnostics.begin(), linted->result.diagnostics.end(), DiagnosticLess);
  if (!EmitReport(o, linted->result)) return kUsage;
  if (FailsGate(linted->result, linted->fail_on)) {
    std::cerr << "migralint: nothing applied: findings at or above --fail-on remain\n";
    return kFindings;
  }

  std::string error;
  if (!o.dry_run && !apply::AcquireLock(*target->db, o.lock_timeout, &progress, error))
    return DatabaseError(error);
  const std::string timeout =
      !o.statement_timeout.empty()
          ? o.statement_timeout
          : linted->configs->For(o.paths.empty() ? "." : o.paths.front())->statement_timeout;
  if (!timeout.empty()) {
    const apply::QueryResult r =
        target->db->ExecParams("SELECT set_config('statement_timeout', $1, false)", {timeout});
    if (!r.ok) return UsageError("invalid statement timeout \"" + timeout + "\": " + r.message);
  }
  // Another run may have applied migrations while this one waited for the lock.
  plans = PlanAll(*target->db, linted->discovery.sets, o, exit_code);
  if (!plans) return exit_code;
  int applied = 0, adopted = 0;
  for (const SetPlan& p : *plans) {
    apply::ExecutorOptions options{.dry_run = o.dry_run,
                                   .adopt = o.adopt,
                                   .lock_timeout_seconds = o.lock_timeout,
                                   .out = &progress};
    const apply::ExecutorResult result = apply::Execute(*target->db, p.plan, options);
    applied += result.applied;
    adopted += result.adopted;
    if (result.failure) {
      const Diagnostic& f = *result.failure;
      progress << f.path << ":" << f.start.line << ":" << f.start.column << ": error: " << f.message
               << "\n";
      progress << "migralint: stopped at " << f.path
               << "; it was rolled back and nothing after it ran\n";
      return kDatabase;
    }
    if (!result.error.empty()) return DatabaseError(result.error);
  }
  progress << (o.dry_run ? "dry run of " : "applied ") << applied << " migration"
           << (applied == 1 ? "" : "s");
  if (adopted) progress << ", adopted " << adopted;
  progress << " on " << target->label << "\n";
  return kClean;
}

int Status(const CommonOptions& o) {
  if (!ValidHistoryFrom(o))
    return UsageError("--history-from must be seed000, supabase or schema_migrations");
  if (o.format != "text" && o.format != "json")
    return UsageError("status prints --format text or json");
  auto linted = DiscoverAndLint(o, false);
  if (!linted) return kUsage;
  int exit_code = kClean;
  std::optional<Target> target = Connect(o, linted->discovery.sets, false, exit_code);
  if (!target) return exit_code;
  auto plans = PlanAll(*target->db, linted->discovery.sets, o, exit_code);
  if (!plans) return exit_code;

  if (o.format == "json") {
    nlohmann::json out = {{"sets", nlohmann::json::array()}};
    for (const SetPlan& p : *plans) {
      nlohmann::json migrations = nlohmann::json::array();
      for (const apply::MigrationState& s : p.plan) {
        nlohmann::json m = {
            {"path", s.display},
            {"version", s.file ? s.file->version.text : (s.row ? s.row->version : "")},
            {"status", s.state}};
        if (s.by_other_runner) m["applied_by_runner"] = o.history_from;
        if (s.row) {
          m["applied_at"] = s.row->applied_at;
          m["execution_ms"] = s.row->execution_ms;
          if (!s.row->error.empty()) m["error"] = s.row->error;
        }
        migrations.push_back(std::move(m));
      }
      out["sets"].push_back({{"root", p.set->root_display}, {"migrations", std::move(migrations)}});
    }
    std::cout << out.dump(2) << "\n";
    return kClean;
  }
  for (const SetPlan& p : *plans) {
    std::cout << p.set->root_display << " (" << LayoutName(p.set->layout) << ")\n";
    for (const apply::MigrationState& s : p.plan) {
      std::string state = s.state + (s.by_other_runner ? "*" : "");
      std::cout << "  " << state << std::string(state.size() < 10 ? 10 - state.size() : 1, ' ')
                << s.display;
      if (s.row && !s.row->applied_at.empty())
        std::cout << "  " << s.row->applied_at << "  " << s.row->execution_ms << " ms";
      if (s.row && !s.row->error.empty()) std::cout << "  " << s.row->error;
      std::cout << "\n";
    }
  }
  if (!o.history_from.empty())
    std::cout << "* applied by another runner (" << o.history_from << "), not yet adopted\n";
  return kClean;
}

}  // namespace migralint::cli
