// file_execution.cc: where each statement of a file runs — inside a transaction block or not —
// as its runner executes it (runners.md §2 and §3).
#include <pg_query/pg_query.pb-c.h>

#include <string>
#include <vector>

#include "migralint/config.h"
#include "migralint/rule.h"
#include "migralint/runner.h"
#include "migralint/transaction_ids.h"
#include "migralint/transactions.h"

namespace migralint {
namespace {

// dbmate sends each `-- migrate:up` section as its own query: the section a statement is in.
std::vector<int> Sections(const FileUnit& unit, const std::vector<std::size_t>& top) {
  std::vector<int> section(top.size(), 0);
  std::size_t c = 0;
  int current = 0;
  for (std::size_t k = 0; k < top.size(); ++k) {
    const std::uint32_t at = unit.statements[top[k]].begin;
    for (; c < unit.comments.size() && unit.comments[c].begin < at; ++c) {
      if (unit.comments[c].own_line && unit.comments[c].text.rfind("migrate:up", 0) == 0) ++current;
    }
    section[k] = current;
  }
  return section;
}

}  // namespace

FileExecution::FileExecution(const FileUnit& unit, const Config& config)
    : runner_(unit.runner ? unit.runner : &DefaultRunner()), unit_(unit) {
  const Runner& r = *runner_;
  const std::string name(r.name);
  bool wraps = config.transaction_set ? config.per_file_transaction : r.wraps;
  if (r.own_transaction_unwrapped && ManagesOwnTransaction(unit)) wraps = false;

  std::vector<std::size_t> top;  // top-level statements, in order
  std::size_t outside = 0, transaction_statements = 0;
  for (std::size_t i = 0; i < unit.statements.size(); ++i) {
    const Statement& s = unit.statements[i];
    if (s.IsNested()) continue;
    top.push_back(i);
    if (r.non_transactional && r.non_transactional(s)) ++outside;
    transaction_statements += TransactionKind(s) != 0 ? 1 : 0;
  }
  // Flyway runs a script of nothing but such statements without a transaction, and refuses one
  // that mixes them with others.
  bool mixed = false;
  if (outside > 0) {
    if (outside + transaction_statements == top.size())
      wraps = false;
    else
      mixed = true;
  }
  const std::uint32_t first = top.empty() ? 0 : unit.statements[top.front()].begin;
  wrapped_ = wraps && !(r.opts_out && r.opts_out(unit, first));

  const std::vector<int> section = Sections(unit, top);
  std::vector<std::size_t> in_section(section.empty() ? 1 : section.back() + 1, 0);
  for (int s : section) ++in_section[static_cast<std::size_t>(s)];
  const std::string own_file =
      r.opt_out.empty() ? "alone in a migration of its own"
                        : "in a migration of its own that says " + std::string(r.opt_out);
  block_.assign(unit.statements.size(), Block{});
  bool own_open = false, runner_open = true;
  for (std::size_t k = 0; k < top.size(); ++k) {
    const Statement& s = unit.statements[top[k]];
    const bool opted = r.opts_out && r.opts_out(unit, s.begin);
    const Sends sends = opted ? r.sends_opted_out : r.sends;
    Block& block = block_[top[k]];
    if (own_open) {
      block = {"inside the transaction this file opens with BEGIN",
               "move it after the COMMIT (or drop the file's BEGIN / COMMIT)" +
                   std::string(wraps && !opted ? ", " + own_file : "")};
    } else if (mixed && !opted) {
      block = {"in a migration " + name +
                   " refuses to run: it mixes statements that cannot run in a transaction with "
                   "others (its `mixed` setting is off by default)",
               "put it in a migration of its own"};
    } else if (wraps && !opted && runner_open) {
      block = {"in a file " + name + " runs in a transaction", "put it " + own_file};
    } else if (sends == Sends::kSimpleQuery &&
               in_section[static_cast<std::size_t>(section[k])] > 1) {
      block = {"in a file " + name +
                   " sends as one query of several statements, which PostgreSQL runs as one "
                   "transaction",
               "put it alone in a migration of its own (" + name +
                   " sends a single statement outside any transaction)"};
    } else if (sends == Sends::kPipeline && k > 0) {
      block = {"not the first statement of a file " + name +
                   " sends as one pipeline, which PostgreSQL runs as one transaction after its "
                   "first statement",
               "make it the first statement of its file, or put it in a migration of its own"};
    }
    switch (TransactionKind(s)) {
      case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_BEGIN:
      case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_START:
        own_open = true;
        break;
      case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_COMMIT:
      case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_ROLLBACK:
        own_open = false;
        runner_open = false;  // the file's COMMIT ends the runner's transaction too
        break;
      default:
        break;
    }
  }
}

const Block& FileExecution::BlockAt(const Statement& statement) const {
  return block_[StatementContext::StatementIndex(unit_, statement)];
}

std::vector<int> TransactionIds(const FileUnit& unit, const FileExecution& execution) {
  std::vector<int> id(unit.statements.size(), -1);
  int next = 0, open = -1;  // `open`: the transaction block in progress, or -1
  for (std::size_t i = 0; i < unit.statements.size(); ++i) {
    const Statement& s = unit.statements[i];
    if (s.IsNested()) {
      id[i] = id[static_cast<std::size_t>(s.parent)];
      continue;
    }
    switch (TransactionKind(s)) {
      case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_BEGIN:
      case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_START:
        if (open < 0) open = next++;  // (a BEGIN inside the runner's block starts nothing)
        id[i] = open;
        break;
      case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_COMMIT:
      case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_ROLLBACK:
      case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_PREPARE:
        id[i] = open >= 0 ? open : next++;
        open = -1;
        break;
      default:
        if (execution.BlockAt(s).why.empty()) {
          id[i] = next++;  // a transaction of its own
          open = -1;
        } else {
          if (open < 0) open = next++;
          id[i] = open;
        }
        break;
    }
  }
  return id;
}

}  // namespace migralint
