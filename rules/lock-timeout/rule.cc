// lock-timeout: a statement that takes ACCESS EXCLUSIVE (or SHARE ROW EXCLUSIVE, or EXCLUSIVE)
// on a table that exists before this file while no lock_timeout is in force — not set earlier in
// the file, nor by the config (which the executor applies to every file). Once per file: at the
// first such statement (again after the file turns the timeout off).
#include "migralint/rule.h"

#include <pg_query/pg_query.pb-c.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "migralint/pg_nodes.h"
#include "migralint/runner.h"
#include "migralint/sql_words.h"
#include "migralint/transaction_ids.h"
#include "migralint/transactions.h"

namespace migralint::rules {
namespace {

std::string Quoted(const std::string& name) { return "\"" + name + "\""; }

// PostgreSQL's lock modes (lockdefs.h) this rule is about, and LOCK TABLE's numbers for them.
enum class Mode { kWeak, kShareRowExclusive, kExclusive, kAccessExclusive };
constexpr int kShareRowExclusiveLock = 6, kExclusiveLock = 7, kAccessExclusiveLock = 8;

const char* ModeName(Mode mode) {
  switch (mode) {
    case Mode::kShareRowExclusive:
      return "SHARE ROW EXCLUSIVE";
    case Mode::kExclusive:
      return "EXCLUSIVE";
    default:
      return "ACCESS EXCLUSIVE";
  }
}

// A lock a statement takes on a table, by name.
struct Target {
  std::string table;
  Mode mode = Mode::kAccessExclusive;
  std::string what;  // "ALTER TABLE", "CREATE TRIGGER", ...
  bool missing_ok = false;
};

void Add(std::vector<Target>& out, std::string table, Mode mode, std::string what,
         bool missing_ok = false) {
  for (Target& t : out) {
    if (t.table != table) continue;
    if (mode > t.mode) t = {std::move(table), mode, std::move(what), missing_ok};
    return;
  }
  out.push_back({std::move(table), mode, std::move(what), missing_ok});
}

// The table a foreign key references gets SHARE ROW EXCLUSIVE (CREATE TABLE, ADD COLUMN,
// ADD CONSTRAINT alike).
void References(std::vector<Target>& out, PgQuery__Node* const* constraints, std::size_t n,
                const std::string& what) {
  for (std::size_t i = 0; i < n; ++i) {
    if (constraints[i]->node_case != PG_QUERY__NODE__NODE_CONSTRAINT) continue;
    const PgQuery__Constraint& c = *constraints[i]->constraint;
    if (c.contype == PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN && c.pktable)
      Add(out, pg::Qualified(c.pktable), Mode::kShareRowExclusive, what);
  }
}

// The lock one ALTER TABLE subcommand takes on its table (AlterTableGetLockLevel; the weaker
// ones checked in tests/pg/lock_claims_test.cc). Referenced and attached tables go to `out`.
Mode CommandMode(const PgQuery__AlterTableCmd& cmd, std::vector<Target>& out) {
  switch (cmd.subtype) {
    case PG_QUERY__ALTER_TABLE_TYPE__AT_ValidateConstraint:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_SetStatistics:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_SetOptions:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_ResetOptions:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_SetRelOptions:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_ResetRelOptions:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_ClusterOn:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DropCluster:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DetachPartitionFinalize:
      return Mode::kWeak;  // SHARE UPDATE EXCLUSIVE: reads and writes go on
    case PG_QUERY__ALTER_TABLE_TYPE__AT_AttachPartition:
      // SHARE UPDATE EXCLUSIVE on the parent; ACCESS EXCLUSIVE on the table attached.
      if (cmd.def && cmd.def->node_case == PG_QUERY__NODE__NODE_PARTITION_CMD &&
          cmd.def->partition_cmd->name)
        Add(out, pg::Qualified(cmd.def->partition_cmd->name), Mode::kAccessExclusive,
            "ALTER TABLE … ATTACH PARTITION");
      return Mode::kWeak;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DetachPartition:
      if (cmd.def && cmd.def->node_case == PG_QUERY__NODE__NODE_PARTITION_CMD &&
          cmd.def->partition_cmd->concurrent)
        return Mode::kWeak;
      return Mode::kAccessExclusive;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableTrig:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableAlwaysTrig:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableReplicaTrig:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DisableTrig:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableTrigAll:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DisableTrigAll:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableTrigUser:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DisableTrigUser:
      return Mode::kShareRowExclusive;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraint:
      if (cmd.def && cmd.def->node_case == PG_QUERY__NODE__NODE_CONSTRAINT &&
          cmd.def->constraint->contype == PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN) {
        References(out, &cmd.def, 1, "ALTER TABLE … ADD FOREIGN KEY");
        return Mode::kShareRowExclusive;
      }
      return Mode::kAccessExclusive;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn:
      if (cmd.def && cmd.def->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF)
        References(out, cmd.def->column_def->constraints, cmd.def->column_def->n_constraints,
                   "ALTER TABLE … ADD COLUMN … REFERENCES");
      return Mode::kAccessExclusive;
    default:
      return Mode::kAccessExclusive;
  }
}

void AlterTable(const PgQuery__AlterTableStmt& stmt, std::vector<Target>& out) {
  if (stmt.objtype != PG_QUERY__OBJECT_TYPE__OBJECT_TABLE || !stmt.relation) return;
  Mode mode = Mode::kWeak;
  std::vector<Target> others;
  for (std::size_t i = 0; i < stmt.n_cmds; ++i) {
    if (stmt.cmds[i]->node_case != PG_QUERY__NODE__NODE_ALTER_TABLE_CMD) continue;
    const Mode m = CommandMode(*stmt.cmds[i]->alter_table_cmd, others);
    if (m > mode) mode = m;
  }
  if (mode != Mode::kWeak)
    Add(out, pg::Qualified(stmt.relation), mode, "ALTER TABLE", stmt.missing_ok);
  for (Target& t : others) Add(out, std::move(t.table), t.mode, std::move(t.what));
}

void Relations(PgQuery__Node* const* relations, std::size_t n, Mode mode, const std::string& what,
               std::vector<Target>& out) {
  for (std::size_t i = 0; i < n; ++i) {
    if (relations[i]->node_case == PG_QUERY__NODE__NODE_RANGE_VAR)
      Add(out, pg::Qualified(relations[i]->range_var), mode, what);
  }
}

// DROP TABLE, DROP INDEX (ACCESS EXCLUSIVE on the index's table), DROP TRIGGER / POLICY / RULE.
// `looking_back`: the schema is a later statement's, where an index this one dropped is gone.
void Drop(const PgQuery__DropStmt& stmt, const Schema& schema, bool looking_back,
          std::vector<Target>& out) {
  for (std::size_t i = 0; i < stmt.n_objects; ++i) {
    const PgQuery__Node* object = stmt.objects[i];
    if (object->node_case != PG_QUERY__NODE__NODE_LIST) continue;
    PgQuery__Node* const* names = object->list->items;
    const std::size_t n = object->list->n_items;
    switch (stmt.remove_type) {
      case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE:
        Add(out, pg::Qualified(names, n), Mode::kAccessExclusive, "DROP TABLE", stmt.missing_ok);
        break;
      case PG_QUERY__OBJECT_TYPE__OBJECT_INDEX: {
        if (stmt.concurrent) break;
        const auto index = schema.indexes.find(pg::Qualified(names, n));
        if (index != schema.indexes.end())
          Add(out, index->second.table, Mode::kAccessExclusive, "DROP INDEX", stmt.missing_ok);
        else if (looking_back)
          Add(out, "", Mode::kAccessExclusive, "DROP INDEX");  // its table: unknown, existing
        break;
      }
      case PG_QUERY__OBJECT_TYPE__OBJECT_TRIGGER:
      case PG_QUERY__OBJECT_TYPE__OBJECT_POLICY:
      case PG_QUERY__OBJECT_TYPE__OBJECT_RULE:
        if (n >= 2)  // [schema,] table, name
          Add(out, pg::Qualified(names, n - 1), Mode::kAccessExclusive,
              stmt.remove_type == PG_QUERY__OBJECT_TYPE__OBJECT_TRIGGER  ? "DROP TRIGGER"
              : stmt.remove_type == PG_QUERY__OBJECT_TYPE__OBJECT_POLICY ? "DROP POLICY"
                                                                         : "DROP RULE",
              stmt.missing_ok);
        break;
      default:
        break;
    }
  }
}

bool FullVacuum(const PgQuery__VacuumStmt& stmt) {
  const PgQuery__DefElem* full = pg::Option(stmt.options, stmt.n_options, "full");
  return stmt.is_vacuumcmd && full &&
         (!full->arg || full->arg->node_case != PG_QUERY__NODE__NODE_BOOLEAN ||
          full->arg->boolean->boolval);
}

// The tables `node` locks in one of the modes this rule is about.
std::vector<Target> Targets(const PgQuery__Node* node, const Schema& schema,
                            bool looking_back = false) {
  std::vector<Target> out;
  switch (node->node_case) {
    case PG_QUERY__NODE__NODE_ALTER_TABLE_STMT:
      AlterTable(*node->alter_table_stmt, out);
      break;
    case PG_QUERY__NODE__NODE_DROP_STMT:
      Drop(*node->drop_stmt, schema, looking_back, out);
      break;
    case PG_QUERY__NODE__NODE_TRUNCATE_STMT:
      Relations(node->truncate_stmt->relations, node->truncate_stmt->n_relations,
                Mode::kAccessExclusive, "TRUNCATE", out);
      break;
    case PG_QUERY__NODE__NODE_CREATE_TRIG_STMT:
      if (node->create_trig_stmt->relation)
        Add(out, pg::Qualified(node->create_trig_stmt->relation), Mode::kShareRowExclusive,
            "CREATE TRIGGER");
      break;
    case PG_QUERY__NODE__NODE_LOCK_STMT: {
      const int mode = node->lock_stmt->mode;
      // NOWAIT fails at once rather than queue: nothing waits behind it.
      if (mode >= kShareRowExclusiveLock && !node->lock_stmt->nowait)
        Relations(node->lock_stmt->relations, node->lock_stmt->n_relations,
                  mode == kAccessExclusiveLock ? Mode::kAccessExclusive
                  : mode == kExclusiveLock     ? Mode::kExclusive
                                               : Mode::kShareRowExclusive,
                  "LOCK TABLE", out);
      break;
    }
    case PG_QUERY__NODE__NODE_RENAME_STMT: {
      const PgQuery__RenameStmt& r = *node->rename_stmt;
      const bool on_table = r.rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_TABLE ||
                            r.rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_TABCONSTRAINT ||
                            r.rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_TRIGGER ||
                            r.rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_POLICY ||
                            r.rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_RULE ||
                            (r.rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN &&
                             r.relation_type == PG_QUERY__OBJECT_TYPE__OBJECT_TABLE);
      if (on_table && r.relation)
        Add(out, pg::Qualified(r.relation), Mode::kAccessExclusive, "ALTER TABLE … RENAME",
            r.missing_ok);
      break;
    }
    case PG_QUERY__NODE__NODE_ALTER_OBJECT_SCHEMA_STMT: {
      const PgQuery__AlterObjectSchemaStmt& a = *node->alter_object_schema_stmt;
      if (a.object_type == PG_QUERY__OBJECT_TYPE__OBJECT_TABLE && a.relation)
        Add(out, pg::Qualified(a.relation), Mode::kAccessExclusive, "ALTER TABLE … SET SCHEMA",
            a.missing_ok);
      break;
    }
    case PG_QUERY__NODE__NODE_CREATE_STMT: {
      const PgQuery__CreateStmt& c = *node->create_stmt;
      if (c.partbound)  // PARTITION OF: ACCESS EXCLUSIVE on the parent
        Relations(c.inh_relations, c.n_inh_relations, Mode::kAccessExclusive,
                  "CREATE TABLE … PARTITION OF", out);
      References(out, c.constraints, c.n_constraints, "CREATE TABLE … REFERENCES");
      for (std::size_t i = 0; i < c.n_table_elts; ++i) {
        const PgQuery__Node* e = c.table_elts[i];
        if (e->node_case == PG_QUERY__NODE__NODE_CONSTRAINT)
          References(out, &c.table_elts[i], 1, "CREATE TABLE … REFERENCES");
        else if (e->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF)
          References(out, e->column_def->constraints, e->column_def->n_constraints,
                     "CREATE TABLE … REFERENCES");
      }
      break;
    }
    case PG_QUERY__NODE__NODE_CREATE_POLICY_STMT:
      if (node->create_policy_stmt->table)
        Add(out, pg::Qualified(node->create_policy_stmt->table), Mode::kAccessExclusive,
            "CREATE POLICY");
      break;
    case PG_QUERY__NODE__NODE_ALTER_POLICY_STMT:
      if (node->alter_policy_stmt->table)
        Add(out, pg::Qualified(node->alter_policy_stmt->table), Mode::kAccessExclusive,
            "ALTER POLICY");
      break;
    case PG_QUERY__NODE__NODE_RULE_STMT:
      if (node->rule_stmt->relation)
        Add(out, pg::Qualified(node->rule_stmt->relation), Mode::kAccessExclusive, "CREATE RULE");
      break;
    case PG_QUERY__NODE__NODE_CLUSTER_STMT:
      if (node->cluster_stmt->relation)
        Add(out, pg::Qualified(node->cluster_stmt->relation), Mode::kAccessExclusive, "CLUSTER");
      break;
    case PG_QUERY__NODE__NODE_VACUUM_STMT:
      if (FullVacuum(*node->vacuum_stmt)) {
        for (std::size_t i = 0; i < node->vacuum_stmt->n_rels; ++i) {
          const PgQuery__Node* rel = node->vacuum_stmt->rels[i];
          if (rel->node_case == PG_QUERY__NODE__NODE_VACUUM_RELATION &&
              rel->vacuum_relation->relation)
            Add(out, pg::Qualified(rel->vacuum_relation->relation), Mode::kAccessExclusive,
                "VACUUM FULL");
        }
      }
      break;
    default:
      break;
  }
  return out;
}

// True when the lock on `t` is one on a table with rows and readers: not a table this file
// created before `at` (a byte offset), nor a temporary one. `strict`: a table the model does not
// know counts only without IF EXISTS (as the other lock rules do); looking back (not strict) it
// counts, since a DROP may have removed it since.
bool Existing(const StatementContext& s, const Target& t, std::uint32_t at, bool strict) {
  // pg_dump writes ALTER TABLE for sequences and views too: not tables.
  if (s.before.sequences.count(t.table) || s.before.views.count(t.table)) return false;
  const Table* known = s.before.FindTable(t.table);
  if (known && (known->temporary || (s.SameFile(known->origin) && known->origin.begin < at)))
    return false;
  return !(strict && !known && t.missing_ok);
}

// What a statement does to lock_timeout.
enum class Timeout { kNothing, kSet, kSetLocal, kOff };

// True for a value that turns the timeout off: 0, '0', '0ms', '0s', ...
bool Zero(std::string_view text) {
  return text.find('0') != std::string_view::npos &&
         text.find_first_of("123456789") == std::string_view::npos;
}

bool Zero(const PgQuery__Node* value) {
  if (!value || value->node_case != PG_QUERY__NODE__NODE_A_CONST) return false;
  const PgQuery__AConst& c = *value->a_const;
  if (c.isnull) return false;
  if (c.val_case == PG_QUERY__A__CONST__VAL_IVAL) return !c.ival || c.ival->ival == 0;
  if (c.val_case == PG_QUERY__A__CONST__VAL_FVAL)
    return c.fval && Zero(std::string_view(c.fval->fval));
  if (c.val_case != PG_QUERY__A__CONST__VAL_SVAL || !c.sval) return false;
  return Zero(std::string_view(c.sval->sval));
}

std::string_view StringConst(const PgQuery__Node* node) {
  if (node && node->node_case == PG_QUERY__NODE__NODE_TYPE_CAST) node = node->type_cast->arg;
  if (!node || node->node_case != PG_QUERY__NODE__NODE_A_CONST ||
      node->a_const->val_case != PG_QUERY__A__CONST__VAL_SVAL)
    return {};
  return node->a_const->sval->sval;
}

Timeout SetConfig(const PgQuery__SelectStmt& select) {
  for (std::size_t i = 0; i < select.n_target_list; ++i) {
    const PgQuery__Node* target = select.target_list[i];
    if (target->node_case != PG_QUERY__NODE__NODE_RES_TARGET || !target->res_target->val ||
        target->res_target->val->node_case != PG_QUERY__NODE__NODE_FUNC_CALL)
      continue;
    const PgQuery__FuncCall& call = *target->res_target->val->func_call;
    if (call.n_funcname == 0 || pg::Str(call.funcname[call.n_funcname - 1]) != "set_config" ||
        call.n_args != 3 || StringConst(call.args[0]) != "lock_timeout")
      continue;
    const PgQuery__Node* local = call.args[2];
    const bool is_local = local->node_case == PG_QUERY__NODE__NODE_A_CONST &&
                          ((local->a_const->val_case == PG_QUERY__A__CONST__VAL_BOOLVAL &&
                            local->a_const->boolval->boolval) ||
                           (local->a_const->val_case == PG_QUERY__A__CONST__VAL_SVAL &&
                            std::string_view(local->a_const->sval->sval).starts_with("t")));
    const PgQuery__Node* value = call.args[1];
    if (value->node_case == PG_QUERY__NODE__NODE_TYPE_CAST) value = value->type_cast->arg;
    if (Zero(value)) return Timeout::kOff;
    return is_local ? Timeout::kSetLocal : Timeout::kSet;
  }
  return Timeout::kNothing;
}

Timeout TimeoutEffect(const PgQuery__Node* node) {
  if (node->node_case == PG_QUERY__NODE__NODE_SELECT_STMT) return SetConfig(*node->select_stmt);
  if (node->node_case != PG_QUERY__NODE__NODE_VARIABLE_SET_STMT) return Timeout::kNothing;
  const PgQuery__VariableSetStmt& set = *node->variable_set_stmt;
  if (set.kind == PG_QUERY__VARIABLE_SET_KIND__VAR_RESET_ALL) return Timeout::kOff;
  if (!set.name || std::string_view(set.name) != "lock_timeout") return Timeout::kNothing;
  if (set.kind != PG_QUERY__VARIABLE_SET_KIND__VAR_SET_VALUE || set.n_args == 0 ||
      Zero(set.args[0]))
    return Timeout::kOff;  // RESET, SET … TO DEFAULT, 0: back to the server's (none)
  return set.is_local ? Timeout::kSetLocal : Timeout::kSet;
}

bool ConfigSetsTimeout(const Config& config) {
  const std::string& v = config.lock_timeout;
  return !v.empty() && v.find_first_of("123456789") != std::string::npos;
}

// Statements the replay runs (replay_rules.cc): top level and DO blocks, not exception handlers.
bool Runs(const FileUnit& unit, const Statement& statement) {
  if (!statement.node || !unit.RunsWithMigration(statement)) return false;
  for (const Enclosure& e : statement.enclosures) {
    if (e.kind == Enclosure::Kind::kExceptionHandler) return false;
  }
  return true;
}

// True when a SET LOCAL lock_timeout runs before statement `j` in its transaction — the file's
// statements back to its previous BEGIN / COMMIT / ROLLBACK (a file the runner does not wrap,
// where SET LOCAL does nothing, is taken as one transaction too: rare, and only a missed report).
bool LocalTimeoutBefore(const FileUnit& file, std::size_t j) {
  while (j-- > 0) {
    const Statement& st = file.statements[j];
    if (!st.IsNested() && TransactionKind(st) != 0) {
      const int kind = TransactionKind(st);
      if (kind != PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_SAVEPOINT &&
          kind != PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_RELEASE &&
          kind != PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_ROLLBACK_TO)
        return false;
    }
    if (Runs(file, st) && TimeoutEffect(st.node) == Timeout::kSetLocal) return true;
  }
  return false;
}

// True when an earlier statement of the file already reported (or would have) for the stretch
// without a timeout this statement is in, or a timeout is in force here. Looks back, segment by
// segment between the statements that set or reset lock_timeout: the segment this statement is
// in (a strong lock there shares its state: no report either way), then the ones before it while
// their state is "none" (an earlier strong lock there was reported); a segment with a timeout in
// force ends the search (this statement starts a new stretch). About linear per file: the look
// stops at the nearest strong lock.
bool Covered(RuleContext& ctx, const StatementContext& s) {
  const std::size_t here = StatementContext::StatementIndex(s.file, s.statement);
  std::optional<std::vector<int>> transactions;
  bool first_segment = true, strong_in_segment = false;
  bool crossed = false;  // a BEGIN / COMMIT / ROLLBACK between that statement and this one
  for (std::size_t j = here; j-- > 0;) {
    const Statement& st = s.file.statements[j];
    if (!st.IsNested() && TransactionKind(st) != 0) crossed = true;
    if (!Runs(s.file, st)) continue;
    Timeout effect = TimeoutEffect(st.node);
    if (effect == Timeout::kSetLocal) {
      if (!transactions) transactions = TransactionIds(s.file, FileExecution(s.file, ctx.config()));
      // Over with its transaction; in force here only when here is in it too.
      effect = (*transactions)[j] == (*transactions)[here] ? Timeout::kSet : Timeout::kNothing;
    }
    if (effect == Timeout::kNothing) {
      if (strong_in_segment) continue;
      bool strong = false;
      for (const Target& t : Targets(st.node, s.before, true))
        strong = strong || Existing(s, t, st.begin, false);
      if (!strong) continue;
      // In the same transaction and segment as this one, it shares this one's state: reported,
      // or a timeout in force (a SET LOCAL included). Across a COMMIT, a SET LOCAL before it in
      // its own transaction is over here.
      if (first_segment && !crossed) return true;
      if (LocalTimeoutBefore(s.file, j)) continue;
      if (first_segment) return true;
      strong_in_segment = true;
      continue;
    }
    // The segment just walked (after `st`) had the state `st` gave it.
    const bool in_force = effect == Timeout::kSet;
    if (first_segment) {
      if (in_force) return true;
      first_segment = false;
      continue;
    }
    if (in_force) return false;  // a timeout in force since: this is a new stretch
    if (strong_in_segment) return true;
  }
  if (first_segment) return ConfigSetsTimeout(ctx.config());
  return !ConfigSetsTimeout(ctx.config()) && strong_in_segment;
}

// The value the fix sets: long enough for a lock that is free or held for a moment (the usual
// case: the statement gets it at once), short enough that the queries queued behind a waiting
// migration stall for no longer than a slow request (rule.md).
constexpr std::string_view kTimeout = "'2s'";

// `SET lock_timeout = '2s';` inserted at the begin of the file's (or Liquibase changeset's) first
// statement: after its leading comments and runner markers (`-- +goose Up`, `-- migrate:up`, a
// changeset line), so the runner still reads them, and before any lock (and before the marker
// of a goose StatementBegin block around that statement). A plain SET, not SET
// LOCAL: it lasts for the session — the file — whether the runner wraps the file in a
// transaction, the file opts out, or its statements run one by one. Nothing when the file
// already sets or resets the timeout before this statement (the finding is then about that),
// when the first statement refuses a transaction block in a file sent as one query or pipeline
// (which would then be one transaction) or is an index build or drop there (which the fix of
// non-concurrent-index may make one), in a Flyway script with such statements (Flyway refuses a
// script mixing them with others), or when a psql \connect comes between (a new session).
std::optional<Fix> SetTimeoutFirst(const RuleContext& ctx, const FileUnit& file,
                                   const Statement& reported) {
  const std::size_t here = StatementContext::StatementIndex(file, reported);
  // Liquibase records each changeset on its own (an applied one is skipped, and editing it
  // changes its checksum): the SET goes into the changeset of the statement.
  std::uint32_t from = 0;
  for (const Comment& c : file.comments) {
    if (c.begin < reported.begin && c.text.rfind("changeset", 0) == 0) from = c.end;
  }
  const Statement* first = nullptr;
  for (std::size_t j = 0; j < file.statements.size(); ++j) {
    const Statement& st = file.statements[j];
    if (j < here && st.node && TimeoutEffect(st.node) != Timeout::kNothing) return std::nullopt;
    if (st.IsNested() || st.begin < from) continue;
    if (!first || st.begin < first->begin) first = &st;
  }
  if (!first || !first->node || first->begin > reported.begin) return std::nullopt;
  const Runner& runner = FileExecution(file, ctx.config()).runner();
  // A statement that refuses a transaction block may only come first in a file sent as one query
  // or pipeline; sent one by one, the SET before it runs on its own.
  const bool opted = runner.opts_out && runner.opts_out(file, first->begin);
  if ((opted ? runner.sends_opted_out : runner.sends) != Sends::kOneByOne &&
      !RefusesTransactionBlock(first->node).empty())
    return std::nullopt;
  // Nor when it is a CREATE / DROP INDEX there: the fix of non-concurrent-index makes it
  // CONCURRENTLY, which must then stay first, or alone.
  const PgQuery__Node* n = first->node;
  if ((runner.sends != Sends::kOneByOne || runner.sends_opted_out != Sends::kOneByOne) &&
      (n->node_case == PG_QUERY__NODE__NODE_INDEX_STMT ||
       (n->node_case == PG_QUERY__NODE__NODE_DROP_STMT &&
        n->drop_stmt->remove_type == PG_QUERY__OBJECT_TYPE__OBJECT_INDEX)))
    return std::nullopt;
  if (runner.non_transactional) {
    for (const Statement& st : file.statements) {
      if (!st.IsNested() && runner.non_transactional(st)) return std::nullopt;
    }
  }
  // A first statement in a goose StatementBegin block (sent as one statement): the SET goes
  // before the block's marker, a statement of its own.
  std::uint32_t at = first->begin;
  for (const Comment& c : file.comments) {
    if (c.begin < first->begin && c.own_line &&
        c.text.find("StatementBegin") != std::string::npos &&
        c.text.find("goose") != std::string::npos) {
      bool closed = false;  // a StatementEnd before the first statement
      for (const Comment& d : file.comments) {
        closed = closed || (d.begin > c.begin && d.begin < first->begin &&
                            d.text.find("StatementEnd") != std::string::npos);
      }
      if (!closed) at = c.begin;
    }
  }
  const std::string_view text = file.source.text();
  const std::string_view between = text.substr(first->begin, reported.begin - first->begin);
  if (between.find("\\c") != std::string_view::npos) return std::nullopt;
  const std::vector<Word> head = Words(text, first->begin, first->end, 1);
  if (head.empty()) return std::nullopt;
  // On a line of its own, indented as the statement is; on the statement's line when it shares
  // it with something before it.
  std::uint32_t line = at;
  while (line > 0 && (text[line - 1] == ' ' || text[line - 1] == '\t')) --line;
  const bool own_line = line == 0 || text[line - 1] == '\n';
  std::string set =
      InCaseOf(text, head[0], "SET") + " lock_timeout = " + std::string(kTimeout) + ";";
  set += own_line ? "\n" + std::string(text.substr(line, at - line)) : " ";
  return Fix{"set lock_timeout at the top of the file", {{at, at, set}}};
}

void Check(RuleContext& ctx, const StatementContext& s) {
  const Target* first = nullptr;
  const std::vector<Target> targets = Targets(s.statement.node, s.before);
  for (const Target& t : targets) {
    if (Existing(s, t, s.statement.begin, true)) {
      first = &t;
      break;
    }
  }
  if (!first || Covered(ctx, s)) return;
  const bool writes_only = first->mode == Mode::kShareRowExclusive;
  const auto [begin, end] = s.file.source.ClauseSpan(s.statement.begin, s.statement.end);
  std::string message =
      first->what + " takes " + (writes_only ? "a " : "an ") + ModeName(first->mode) + " lock on " +
      Quoted(first->table) +
      " with no lock_timeout set: while it waits behind any transaction using the "
      "table, every later " +
      (writes_only ? "write" : "read and write") + " of " + Quoted(first->table) +
      " queues behind it (reported once per file, at the first such statement)";
  std::string help =
      "start the file with SET lock_timeout = '2s' (SET LOCAL inside its transaction), or "
      "set lock_timeout in migralint.toml when migralint applies the set; a migration "
      "that times out can be run again later";
  if (std::optional<Fix> fix = SetTimeoutFirst(ctx, s.file, s.statement)) {
    ctx.ReportWithFix(s.file, begin, end, std::move(message), std::move(help), std::move(*fix));
  } else {
    ctx.Report(s.file, begin, end, std::move(message), std::move(help));
  }
}

}  // namespace

const Rule& lock_timeout() {
  static const Rule rule{
      .id = "lock-timeout",
      .severity = Severity::kWarning,
      .category = "safety",
      .summary =
          "ACCESS EXCLUSIVE or SHARE ROW EXCLUSIVE on an existing table with no lock_timeout in "
          "force: a blocked migration blocks every query behind it",
      .check_statement = Check,
  };
  return rule;
}

}  // namespace migralint::rules
