// idempotency_proof_test.cc: the verdicts of non-idempotent-ddl and concurrently-in-transaction,
// proven on a real PostgreSQL. For every rule example and every set under corpus/, each file
// is applied twice on a database built by the files before it:
//  - non-idempotent-ddl reports nothing  => the second run succeeds;
//  - it reports something               => the second run fails, at a statement it reported.
// And every statement that runs inside a transaction is tried in one: PostgreSQL rejects it
// ("cannot run inside a transaction block") exactly when concurrently-in-transaction flags it.
#include <gtest/gtest.h>

#include <filesystem>
#include <iostream>

#include "apply/connection.h"
#include "apply/embedded_server.h"
#include "apply/platform_stub.h"
#include "config/load_config.h"
#include "discover/discover.h"
#include "discover/layouts.h"
#include "lint/registry.h"
#include "lint/run.h"
#include "migralint/transactions.h"
#include "parse/parse_file.h"
#include "read/read_file.h"

namespace fs = std::filesystem;

namespace migralint {
namespace {

const fs::path kSource = MIGRALINT_SOURCE_DIR;

struct Totals {
  int files = 0, statements = 0, skipped = 0, transaction_checks = 0;
};

class Proof : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string error;
    server_ = apply::EmbeddedServer::Start(error).release();
    if (!server_) start_error_ = error;
  }
  static void TearDownTestSuite() {
    std::cout << "proof: " << totals_.files << " files applied twice (" << totals_.statements
              << " statements), " << totals_.skipped
              << " files not provable (their first run fails), " << totals_.transaction_checks
              << " statements tried inside a transaction\n";
    delete server_;
  }

  // A fresh database; for Supabase sets with the platform objects the set expects.
  std::unique_ptr<apply::Connection> FreshDatabase(Layout layout) {
    std::string error;
    auto admin = apply::Connection::Open(server_->ConnInfo(), error);
    EXPECT_TRUE(admin) << error;
    const std::string name = "proof_" + std::to_string(++databases_);
    EXPECT_TRUE(admin->Exec("CREATE DATABASE " + name).ok);
    auto db = apply::Connection::Open(server_->ConnInfo(name), error);
    const auto stub = apply::CreatePlatformStub(*db, layout);
    EXPECT_TRUE(stub.ok) << stub.message;
    return db;
  }

  // Runs a file as the runner would; returns the index of the failing top-level statement, or -1.
  static int RunFile(apply::Connection& db, const FileUnit& unit, std::string& message) {
    const bool own = ManagesOwnTransaction(unit);
    const bool wrap = !own && !HasNoTransactionDirective(unit);
    if (wrap) db.Exec("BEGIN");
    for (std::size_t i = 0; i < unit.statements.size(); ++i) {
      const Statement& s = unit.statements[i];
      if (s.IsNested() || !s.node) continue;
      const auto r = db.Exec(unit.source.text().substr(s.begin, s.end - s.begin));
      if (!r.ok) {
        message = r.sqlstate + " " + r.message;
        db.Exec("ROLLBACK");
        return static_cast<int>(i);
      }
    }
    if (wrap) db.Exec("COMMIT");
    return -1;
  }

  void ProveSet(const std::vector<MigrationSet>& sets) {
    ASSERT_TRUE(server_) << start_error_;
    lint::LintResult lint = lint::Run(sets, {});
    for (const MigrationSet& set : sets) {
      auto db = FreshDatabase(set.layout);
      for (const MigrationFile& file : set.migrations) ProveFile(*db, file, lint.diagnostics);
    }
  }

  void ProveFile(apply::Connection& db, const MigrationFile& file,
                 const std::vector<Diagnostic>& all) {
    FileUnit unit;
    unit.file = &file;
    read::ReadResult read = read::ReadFile(file.fs_path, file.path);
    unit.source = std::move(read.source);
    std::vector<Diagnostic> ignored;
    parse::ParseFile(unit, ignored);
    std::vector<const Diagnostic*> reported, flagged;
    for (const Diagnostic& d : all) {
      if (d.path != file.path) continue;
      if (d.rule == "non-idempotent-ddl") reported.push_back(&d);
      if (d.rule == "concurrently-in-transaction") flagged.push_back(&d);
    }
    std::string message;
    if (RunFile(db, unit, message) >= 0) {
      ++totals_.skipped;
      return;
    }
    ++totals_.files;
    for (const Statement& s : unit.statements) totals_.statements += s.IsNested() ? 0 : 1;

    const int failed = RunFile(db, unit, message);
    if (failed < 0) {
      for (const Diagnostic* d : reported) {
        ADD_FAILURE() << file.path << ":" << d->start.line << ": non-idempotent-ddl reported \""
                      << d->message << "\", but the file ran a second time without error";
      }
    } else {
      const Statement& s = unit.statements[static_cast<std::size_t>(failed)];
      const std::uint32_t first = unit.source.At(s.begin).line, last = unit.source.At(s.end).line;
      const bool covered = std::any_of(reported.begin(), reported.end(), [&](const Diagnostic* d) {
        return d->start.line >= first && d->start.line <= last;
      });
      EXPECT_TRUE(covered) << file.path << ":" << first << ": the second run fails here ("
                           << message
                           << "), but non-idempotent-ddl reported nothing for this statement";
    }
    ProveTransactions(db, unit, flagged);
  }

  // Each statement that runs in a transaction, tried in one (and rolled back).
  void ProveTransactions(apply::Connection& db, const FileUnit& unit,
                         const std::vector<const Diagnostic*>& flagged) {
    const bool own = ManagesOwnTransaction(unit);
    const bool wrapped = !own && !HasNoTransactionDirective(unit);
    bool open = false;
    for (const Statement& s : unit.statements) {
      if (s.IsNested() || !s.node) continue;
      const int kind = TransactionKind(s);
      if (kind != 0) {
        open = kind == 1 || kind == 2;  // BEGIN, START TRANSACTION
        continue;
      }
      const bool is_do = s.node->node_case == PG_QUERY__NODE__NODE_DO_STMT;
      if (!wrapped && !open && !is_do) continue;
      ++totals_.transaction_checks;
      db.Exec("BEGIN");
      const auto r = db.Exec(unit.source.text().substr(s.begin, s.end - s.begin));
      db.Exec("ROLLBACK");
      const bool rejected = !r.ok && r.sqlstate == "25001";
      const std::uint32_t first = unit.source.At(s.begin).line, last = unit.source.At(s.end).line;
      const bool is_flagged = std::any_of(flagged.begin(), flagged.end(), [&](const Diagnostic* d) {
        return d->start.line >= first && d->start.line <= last;
      });
      EXPECT_EQ(rejected, is_flagged)
          << unit.source.path << ":" << first << ": PostgreSQL "
          << (rejected ? "rejects" : "accepts")
          << " this statement inside a transaction, but concurrently-in-transaction "
          << (is_flagged ? "flags" : "does not flag") << " it";
    }
  }

  static inline apply::EmbeddedServer* server_ = nullptr;
  static inline std::string start_error_;
  static inline Totals totals_;
  static inline int databases_ = 0;
};

std::vector<MigrationSet> Sets(const fs::path& path) {
  static const config::KnownRules known = lint::KnownRuleOptions();
  config::ConfigResolver configs(known, std::nullopt);
  if (fs::is_regular_file(path))
    return {discover::SingleFileSet(path, configs.For(path.parent_path()))};
  return discover::Discover({path.string()}, configs).sets;
}

TEST_F(Proof, RuleExamples) {
  for (const auto& entry : lint::Registry()) {
    const fs::path dir = kSource / "rules" / std::string(entry.rule->id);
    for (const char* kind : {"bad", "good"}) {
      const fs::path sql = dir / (std::string(kind) + ".sql");
      ProveSet(Sets(fs::exists(sql) ? sql : dir / kind));
    }
  }
}

TEST_F(Proof, CorpusSets) {
  for (const auto& entry : fs::directory_iterator(kSource / "corpus")) {
    if (entry.is_directory()) ProveSet(Sets(entry.path()));
  }
}

}  // namespace
}  // namespace migralint
