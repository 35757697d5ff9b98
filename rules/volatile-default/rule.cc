// volatile-default: ADD COLUMN with a volatile default, a serial or identity type, or a stored
// generated expression (any non-null default before PostgreSQL 11) on a table that exists before
// this file: PostgreSQL rewrites the table to fill every row.
#include "migralint/rule.h"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>

#include "migralint/pg_nodes.h"

namespace migralint::rules {
namespace {

std::string Quoted(const std::string& name) { return "\"" + name + "\""; }

// Built-in and extension functions that are VOLATILE (pg_proc.provolatile = 'v') and turn up in
// column defaults (tests/pg/lock_claims_test.cc checks them against pg_proc). Functions the set
// creates are looked up in the model instead.
constexpr std::array<std::string_view, 13> kVolatile{
    "clock_timestamp",  "gen_random_bytes",   "gen_random_uuid",  "nextval",
    "random",           "random_normal",      "setval",           "timeofday",
    "uuid_generate_v1", "uuid_generate_v1mc", "uuid_generate_v4", "uuidv4",
    "uuidv7",
};

// The name of the first volatile function called anywhere in `m`, or "".
std::string VolatileCall(const ProtobufCMessage* m, const Schema& schema) {
  if (!m) return "";
  if (m->descriptor == &pg_query__func_call__descriptor) {
    const auto* call = reinterpret_cast<const PgQuery__FuncCall*>(m);
    const std::string name(pg::Str(call->funcname[call->n_funcname - 1]));
    const auto known = schema.functions.find(pg::Qualified(call->funcname, call->n_funcname));
    if (known != schema.functions.end() && !known->second.origin.external()) {
      if (known->second.volatility == 'v') return name;
    } else if (std::find(kVolatile.begin(), kVolatile.end(), name) != kVolatile.end()) {
      return name;
    }
  }
  const char* base = reinterpret_cast<const char*>(m);
  for (unsigned i = 0; i < m->descriptor->n_fields; ++i) {
    const ProtobufCFieldDescriptor& f = m->descriptor->fields[i];
    if (f.type != PROTOBUF_C_TYPE_MESSAGE) continue;
    if ((f.flags & PROTOBUF_C_FIELD_FLAG_ONEOF) &&
        *reinterpret_cast<const uint32_t*>(base + f.quantifier_offset) != f.id)
      continue;
    if (f.label != PROTOBUF_C_LABEL_REPEATED) {
      std::string found =
          VolatileCall(*reinterpret_cast<const ProtobufCMessage* const*>(base + f.offset), schema);
      if (!found.empty()) return found;
      continue;
    }
    const std::size_t n = *reinterpret_cast<const std::size_t*>(base + f.quantifier_offset);
    const auto* items = *reinterpret_cast<ProtobufCMessage* const* const*>(base + f.offset);
    for (std::size_t k = 0; k < n; ++k) {
      std::string found = VolatileCall(items[k], schema);
      if (!found.empty()) return found;
    }
  }
  return "";
}

bool IsNull(const PgQuery__Node* n) {
  return n && n->node_case == PG_QUERY__NODE__NODE_A_CONST && n->a_const->isnull;
}

bool IsSerial(const std::string& type) {
  return type == "serial" || type == "bigserial" || type == "smallserial" || type == "serial2" ||
         type == "serial4" || type == "serial8";
}

// Why adding a column rewrites the table, and what to do instead.
struct Rewrite {
  std::string why;  // empty: no rewrite
  const char* help = "";
};

constexpr const char* kDefaultHelp =
    "add the column without it (nullable, or with a constant default), then ALTER COLUMN … SET "
    "DEFAULT (it applies to new rows only), and fill existing rows in batches";
constexpr const char* kOldDefaultHelp =
    "add the column without a default, then ALTER COLUMN … SET DEFAULT (it applies to new rows "
    "only), and fill existing rows in batches; from PostgreSQL 11 on a constant default is "
    "instant";
constexpr const char* kKeyHelp =
    "add a plain nullable bigint column, give it a sequence's nextval() with ALTER COLUMN … SET "
    "DEFAULT (new rows only), and fill existing rows in batches";
constexpr const char* kGeneratedHelp =
    "add a plain column kept current by a trigger and fill existing rows in batches (from "
    "PostgreSQL 18 a VIRTUAL generated column is computed on read, without a rewrite)";

Rewrite Rewrites(const PgQuery__ColumnDef& def, const Schema& schema, int pg_version) {
  const std::string type = pg::TypeOf(def.type_name).name;
  if (IsSerial(type)) return {"of type " + type + " (a nextval() default)", kKeyHelp};
  const PgQuery__Node* fallback = def.raw_default;
  for (std::size_t i = 0; i < def.n_constraints; ++i) {
    if (def.constraints[i]->node_case != PG_QUERY__NODE__NODE_CONSTRAINT) continue;
    const PgQuery__Constraint& c = *def.constraints[i]->constraint;
    if (c.contype == PG_QUERY__CONSTR_TYPE__CONSTR_IDENTITY) return {"AS IDENTITY", kKeyHelp};
    if (c.contype == PG_QUERY__CONSTR_TYPE__CONSTR_GENERATED)
      return {"GENERATED … STORED", kGeneratedHelp};
    if (c.contype == PG_QUERY__CONSTR_TYPE__CONSTR_DEFAULT) fallback = c.raw_expr;
  }
  if (!fallback || IsNull(fallback)) return {};
  const std::string call = VolatileCall(&fallback->base, schema);
  if (!call.empty()) return {"with the volatile default " + call + "()", kDefaultHelp};
  if (pg_version < 11)
    return {"with a DEFAULT (before PostgreSQL 11 every default is written)", kOldDefaultHelp};
  return {};
}

void Check(RuleContext& ctx, const StatementContext& s) {
  if (s.statement.node->node_case != PG_QUERY__NODE__NODE_ALTER_TABLE_STMT) return;
  const PgQuery__AlterTableStmt& stmt = *s.statement.node->alter_table_stmt;
  if (stmt.objtype != PG_QUERY__OBJECT_TYPE__OBJECT_TABLE || !stmt.relation) return;
  const std::string table = pg::Qualified(stmt.relation);
  const Table* known = s.before.FindTable(table);
  if (known && s.SameFile(known->origin)) return;  // created in this file: no rows yet
  if (stmt.missing_ok && !known) return;           // IF EXISTS of a table that is not there
  const int pg_version = ctx.config().pg_version;
  for (std::size_t i = 0; i < stmt.n_cmds; ++i) {
    if (stmt.cmds[i]->node_case != PG_QUERY__NODE__NODE_ALTER_TABLE_CMD) continue;
    const PgQuery__AlterTableCmd& cmd = *stmt.cmds[i]->alter_table_cmd;
    if (cmd.subtype != PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn || !cmd.def ||
        cmd.def->node_case != PG_QUERY__NODE__NODE_COLUMN_DEF)
      continue;
    const PgQuery__ColumnDef& def = *cmd.def->column_def;
    if (cmd.missing_ok && known && known->FindColumn(def.colname)) continue;  // a no-op
    const Rewrite rewrite = Rewrites(def, s.before, pg_version);
    if (rewrite.why.empty()) continue;
    const std::uint32_t at = def.location >= 0
                                 ? s.statement.parse_base + static_cast<std::uint32_t>(def.location)
                                 : s.statement.begin;
    const auto [begin, end] = s.file.source.ClauseSpan(at, s.statement.end);
    ctx.Report(s.file, begin, end,
               "ADD COLUMN " + Quoted(def.colname) + " " + rewrite.why + " rewrites " +
                   Quoted(table) +
                   " under an ACCESS EXCLUSIVE lock: every row is written again while all reads "
                   "and writes wait",
               rewrite.help);
  }
}

}  // namespace

const Rule& volatile_default() {
  static const Rule rule{
      .id = "volatile-default",
      .severity = Severity::kWarning,
      .category = "safety",
      .summary =
          "ADD COLUMN with a volatile default, serial, identity or stored generated "
          "expression on a table that already exists: the table is rewritten",
      .check_statement = Check,
  };
  return rule;
}

}  // namespace migralint::rules
