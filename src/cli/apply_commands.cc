// apply_commands.cc: `lint --apply` / `apply` and `status` — the gated executor (spec §7).
#include <iostream>
#include <nlohmann/json.hpp>

#include "apply/connection.h"
#include "apply/embedded_server.h"
#include "apply/executor.h"
#include "apply/foreign_history.h"
#include "apply/plan.h"
#include "apply/platform_stub.h"
#include "apply/preflight.h"
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

// The seconds a connection attempt may take: --connect-timeout, else the config, else 10.
int ConnectTimeout(const CommonOptions& o, const Linted& linted) {
  if (o.connect_timeout >= 0) return o.connect_timeout;
  return linted.configs->For(o.paths.empty() ? "." : o.paths.front())->connect_timeout;
}

struct Target {
  std::unique_ptr<apply::EmbeddedServer> server;  // the embedded default, when no URL is given
  std::unique_ptr<apply::Connection> db;
  std::string label;                           // for messages, without password
  std::vector<apply::SessionSetting> session;  // what every file starts with
};

std::optional<Target> Connect(const CommonOptions& o, const Linted& linted, bool allow_embedded,
                              int& exit_code) {
  const std::vector<MigrationSet>& sets = linted.discovery.sets;
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
  target.db = apply::Connection::Open(url, error, ConnectTimeout(o, linted));
  if (!target.db) {
    exit_code = DatabaseError("cannot connect to " + target.label + ": " + error);
    return std::nullopt;
  }
  // If migralint dies mid-statement, the server notices within a second, rolls back and drops
  // the advisory lock, instead of finishing a long statement for nobody (PostgreSQL 14+; older
  // servers do not know the setting, and then nothing changes). Set again before each file.
  const apply::QueryResult known =
      target.db->Exec("SELECT FROM pg_settings WHERE name = 'client_connection_check_interval'");
  if (known.ok && !known.rows.empty())
    target.session.push_back({"client_connection_check_interval", "1s"});
  apply::ResetSession(*target.db, target.session);
  // An empty throwaway database gets what the platform provides before the first migration.
  for (const MigrationSet& set : sets) {
    if (!target.server) break;
    if (const apply::QueryResult r = apply::CreatePlatformStub(*target.db, set.layout); !r.ok) {
      exit_code = DatabaseError("cannot prepare the embedded PostgreSQL: " + r.message);
      return std::nullopt;
    }
    for (apply::SessionSetting& s : apply::PlatformSession(set.layout))
      target.session.push_back(std::move(s));
  }
  if (target.server) apply::ResetSession(*target.db, target.session);
  return target;
}

struct SetPlan {
  const MigrationSet* set;
  std::string identity;  // apply::SetIdentity
  std::vector<apply::MigrationState> plan;
};

struct Plans {
  std::vector<apply::HistoryRow> history;  // what the plans point into
  std::vector<SetPlan> sets;
};

// Reads migralint's history (and another runner's, when asked) and plans every set. `linted`:
// the checksums of the bytes lint checked, when it kept them.
std::optional<Plans> PlanAll(apply::Connection& db, const Linted& linted, const CommonOptions& o,
                             int& exit_code) {
  const std::vector<MigrationSet>& sets = linted.discovery.sets;
  std::optional<apply::ForeignHistory> foreign;
  if (!o.history_from.empty()) foreign = apply::ParseForeignHistory(o.history_from);
  Plans plans;
  std::string error;
  auto history = apply::ReadHistory(db, error);
  if (!history) {
    exit_code = DatabaseError("cannot read " + std::string(apply::kHistoryTable) + ": " + error);
    return std::nullopt;
  }
  plans.history = std::move(*history);
  std::vector<const MigrationSet*> set_list;
  std::vector<std::string> ids;
  for (const MigrationSet& set : sets) {
    set_list.push_back(&set);
    ids.push_back(apply::SetIdentity(set));
  }
  const auto rows = apply::HistoryBySet(set_list, ids, plans.history);
  for (std::size_t i = 0; i < sets.size(); ++i) {
    const MigrationSet& set = sets[i];
    std::set<std::string> foreign_applied;
    if (foreign) {
      auto applied = apply::ReadForeignApplied(db, *foreign, set, error);
      if (!applied) {
        exit_code = DatabaseError("cannot read the " + o.history_from + " history: " + error);
        return std::nullopt;
      }
      foreign_applied = std::move(*applied);
    }
    SetPlan& p = plans.sets.emplace_back(SetPlan{&set, ids[i], {}});
    p.plan = apply::PlanSet(set, rows[i], foreign_applied);
    for (apply::MigrationState& s : p.plan) {
      if (!s.file) continue;
      auto it = linted.result.checksums.find(s.file->fs_path);
      if (it != linted.result.checksums.end()) s.linted = it->second;
    }
  }
  return plans;
}

// Migrations recorded "started" and never finished: nothing runs until someone has looked.
bool StopsOnStarted(const Plans& plans) {
  bool any = false;
  for (const SetPlan& p : plans.sets) {
    for (const apply::MigrationState& s : p.plan) {
      if (s.state != "started") continue;
      std::cerr << "migralint: nothing applied: " << apply::StartedHelp(s, p.identity) << "\n";
      any = true;
    }
  }
  return any;
}

// COPY from or to the client in the migrations to run, at file:line:col; false when there are.
bool Runnable(const Plans& plans, std::ostream& progress, int& exit_code) {
  bool ok = true;
  for (const SetPlan& p : plans.sets) {
    for (const apply::MigrationState& s : p.plan) {
      if (s.state != "pending" && s.state != "failed") continue;
      FileUnit unit;
      std::string error;
      if (!apply::LoadMigration(s, unit, error)) {
        exit_code = DatabaseError(error);
        return false;
      }
      for (const Diagnostic& d : apply::Unrunnable(unit)) {
        progress << d.path << ":" << d.start.line << ":" << d.start.column
                 << ": error: " << d.message << "\n  help: " << d.help << "\n";
        ok = false;
      }
    }
  }
  if (!ok) exit_code = DatabaseError("nothing applied: migralint's executor cannot run these");
  return ok;
}

// What `status` exits 1 for: a migration that is not simply applied or pending.
bool NeedsAttention(const Plans& plans) {
  for (const SetPlan& p : plans.sets) {
    for (const apply::MigrationState& s : p.plan) {
      if (s.state == "modified" || s.state == "missing" || s.state == "failed" ||
          s.state == "started")
        return true;
    }
  }
  return false;
}

bool ValidHistoryFrom(const CommonOptions& o) {
  return o.history_from.empty() || apply::ParseForeignHistory(o.history_from).has_value();
}

}  // namespace

int Apply(const CommonOptions& o) {
  if (!ValidHistoryFrom(o))
    return UsageError("--history-from must be seed000, supabase or schema_migrations");
  auto linted = DiscoverAndLint(o, true, true);
  if (!linted) return kUsage;
  for (const std::string& e : linted->result.io_errors) std::cerr << "migralint: " << e << "\n";
  if (!linted->result.io_errors.empty()) return kUsage;

  // A throwaway database has no history, so nothing found against it can lift the gate: when
  // lint alone refuses the set, say so without starting a server.
  if (GivenUrl(o).empty() && FailsGate(linted->result, linted->fail_on)) {
    if (!EmitReport(o, linted->result)) return kUsage;
    std::cerr << "migralint: nothing applied: findings at or above --fail-on remain\n";
    return kFindings;
  }
  int exit_code = kClean;
  std::optional<Target> target = Connect(o, *linted, true, exit_code);
  if (!target) return exit_code;
  // Progress goes to stdout beside a text report, to stderr beside a machine-readable one.
  std::ostream& progress =
      (o.format == "text" || o.format == "gcc") && o.output.empty() ? std::cout : std::cerr;

  // Drift against the database is part of the gate. Reading the history creates nothing.
  auto plans = PlanAll(*target->db, *linted, o, exit_code);
  if (!plans) return exit_code;
  for (const SetPlan& p : plans->sets) {
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

  if (StopsOnStarted(*plans)) return kDatabase;

  // The timeouts every file starts with: checked here, set again before each file.
  const Config& config = *linted->configs->For(o.paths.empty() ? "." : o.paths.front());
  const std::string statement_timeout =
      !o.statement_timeout.empty() ? o.statement_timeout : config.statement_timeout;
  for (const auto& [name, value] :
       {std::pair<std::string, std::string>{"statement_timeout", statement_timeout},
        {"lock_timeout", config.lock_timeout}}) {
    if (value.empty()) continue;
    const apply::QueryResult r =
        target->db->ExecParams("SELECT set_config($1, $2, false)", {name, value});
    if (!r.ok) return UsageError("invalid " + name + " \"" + value + "\": " + r.message);
    target->session.push_back({name, value});
  }
  std::string error;
  if (!o.dry_run && !apply::AcquireLock(*target->db, o.lock_timeout, &progress, error))
    return DatabaseError(error);
  // Another run may have applied migrations while this one waited for the lock.
  plans = PlanAll(*target->db, *linted, o, exit_code);
  if (!plans) return exit_code;
  if (StopsOnStarted(*plans)) return kDatabase;
  // Every file to run is what lint checked, and can be run, before the first one runs.
  if (!Runnable(*plans, progress, exit_code)) return exit_code;
  int applied = 0, adopted = 0;
  for (const SetPlan& p : plans->sets) {
    apply::ExecutorOptions options{.dry_run = o.dry_run,
                                   .adopt = o.adopt,
                                   .lock_timeout_seconds = o.lock_timeout,
                                   .set_root = p.identity,
                                   .session = target->session,
                                   .out = &progress,
                                   .runner = p.set->runner};
    const apply::ExecutorResult result = apply::Execute(*target->db, p.plan, options);
    applied += result.applied;
    adopted += result.adopted;
    if (result.failure) {
      const Diagnostic& f = *result.failure;
      progress << f.path << ":" << f.start.line << ":" << f.start.column << ": error: " << f.message
               << "\n";
      progress << "migralint: stopped at " << f.path << "; " << result.aftermath << "\n";
      // The stand-in has Supabase's schemas and roles, not the extensions only its image ships.
      if (target->server && p.set->layout == Layout::kSupabase &&
          f.message.find("(SQLSTATE 0A000)") != std::string::npos &&
          f.message.rfind("extension ", 0) == 0)
        progress << "migralint: note: Supabase provides that extension; the throwaway server "
                    "(this machine's PostgreSQL) does not: apply to a Supabase database instead "
                    "(--database-url, e.g. the one `supabase start` runs)\n";
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

std::optional<std::set<std::string>> RecordedInDatabase(const CommonOptions& o,
                                                        const Linted& linted, int& exit_code) {
  std::set<std::string> recorded;
  if (GivenUrl(o).empty()) return recorded;
  std::optional<Target> target = Connect(o, linted, false, exit_code);
  if (!target) return std::nullopt;
  auto plans = PlanAll(*target->db, linted, o, exit_code);
  if (!plans) return std::nullopt;
  for (const SetPlan& p : plans->sets) {
    for (const apply::MigrationState& s : p.plan) {
      if (s.row && s.state != "pending") recorded.insert(s.display);
    }
  }
  return recorded;
}

int Status(const CommonOptions& o) {
  if (!ValidHistoryFrom(o))
    return UsageError("--history-from must be seed000, supabase or schema_migrations");
  if (o.format != "text" && o.format != "json")
    return UsageError("status prints --format text or json");
  auto linted = DiscoverAndLint(o, false);
  if (!linted) return kUsage;
  int exit_code = kClean;
  std::optional<Target> target = Connect(o, *linted, false, exit_code);
  if (!target) return exit_code;
  auto plans = PlanAll(*target->db, *linted, o, exit_code);
  if (!plans) return exit_code;

  if (o.format == "json") {
    nlohmann::json out = {{"sets", nlohmann::json::array()}};
    for (const SetPlan& p : plans->sets) {
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
        if (s.state == "started") m["check"] = apply::StartedHelp(s, p.identity);
        migrations.push_back(std::move(m));
      }
      out["sets"].push_back({{"root", p.set->root_display}, {"migrations", std::move(migrations)}});
    }
    std::cout << out.dump(2) << "\n";
    return NeedsAttention(*plans) ? kFindings : kClean;
  }
  std::vector<std::string> checks;
  for (const SetPlan& p : plans->sets) {
    std::cout << p.set->root_display << " (" << LayoutName(p.set->layout) << ")\n";
    for (const apply::MigrationState& s : p.plan) {
      std::string state = s.state + (s.by_other_runner ? "*" : "");
      std::cout << "  " << state << std::string(state.size() < 10 ? 10 - state.size() : 1, ' ')
                << s.display;
      if (s.row && !s.row->applied_at.empty())
        std::cout << "  " << s.row->applied_at << "  " << s.row->execution_ms << " ms";
      if (s.row && !s.row->error.empty()) std::cout << "  " << s.row->error;
      std::cout << "\n";
      if (s.state == "started") checks.push_back(apply::StartedHelp(s, p.identity));
    }
  }
  for (const std::string& check : checks) std::cout << "! " << check << "\n";
  if (!o.history_from.empty())
    std::cout << "* applied by another runner (" << o.history_from << "), not yet adopted\n";
  return NeedsAttention(*plans) ? kFindings : kClean;
}

}  // namespace migralint::cli
