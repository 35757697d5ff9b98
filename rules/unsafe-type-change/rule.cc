// unsafe-type-change: ALTER COLUMN … TYPE on a live table, unless PostgreSQL can change the type
// without rewriting the table or scanning it.
#include "migralint/rule.h"

#include <cctype>
#include <string>
#include <string_view>

#include "migralint/pg_nodes.h"

namespace migralint::rules {
namespace {

constexpr int kMaxPrecision = 6;            // timestamp, time and interval: 6 is the maximum
constexpr int kIntervalFullRange = 0x7FFF;  // INTERVAL_FULL_RANGE: no field restriction

// A modifier, or `unset` when the type has none there.
int Mod(const ColumnType& t, std::size_t i, int unset) {
  return i < t.modifiers.size() ? t.modifiers[i] : unset;
}

constexpr int kTimestampZoneSince = 12;  // timestamp <-> timestamptz in UTC: no rewrite

// What the server does without a rewrite depends on its version and the session's time zone.
struct Target {
  int pg_version = 15;
  bool utc = false;
};

// The time zone the set's runner uses when the config does not say (Supabase: UTC).
std::string_view RunnerTimeZone(const MigrationSet& set) {
  return set.runner ? set.runner->session_timezone : std::string_view();
}

// The time zone the file itself sets (`SET [LOCAL] timezone = …`, `SET TIME ZONE …`) before
// `statement`, the session's for what follows; "" when it sets none.
std::string FileTimeZone(const FileUnit& file, const Statement& statement) {
  std::string zone;
  for (const Statement& s : file.statements) {
    if (&s == &statement) break;
    if (!s.node || s.node->node_case != PG_QUERY__NODE__NODE_VARIABLE_SET_STMT) continue;
    const PgQuery__VariableSetStmt& set = *s.node->variable_set_stmt;
    if (!set.name || std::string_view(set.name) != "timezone") continue;
    zone = set.n_args > 0 && set.args[0]->node_case == PG_QUERY__NODE__NODE_A_CONST &&
                   set.args[0]->a_const->val_case == PG_QUERY__A__CONST__VAL_SVAL
               ? set.args[0]->a_const->sval->sval
               : "";
  }
  return zone;
}

// USING that only names the column (or casts it to the new type) converts as no USING does.
bool PlainUsing(const PgQuery__Node* expr, const std::string& column) {
  if (expr && expr->node_case == PG_QUERY__NODE__NODE_TYPE_CAST) expr = expr->type_cast->arg;
  return expr && expr->node_case == PG_QUERY__NODE__NODE_COLUMN_REF &&
         pg::ColumnName(expr) == column;
}

// True when PostgreSQL changes `from` to `to` in the catalog only: a binary-compatible type
// whose new modifiers accept every value the old ones did (ATColumnChangeRequiresRewrite).
bool WithoutRewrite(const ColumnType& from, const ColumnType& to, const Target& target) {
  auto bare = [](const std::string& n) { return n.rfind("public.", 0) == 0 ? n.substr(7) : n; };
  if (bare(from.name) == bare(to.name) && from.modifiers == to.modifiers && from.array == to.array)
    return true;
  if (from.array || to.array) return false;
  const std::string& a = from.name;
  const std::string& b = to.name;
  constexpr int kNone = 1 << 30;  // no modifier: no limit
  if (a == "varchar" && b == "varchar") return Mod(to, 0, kNone) >= Mod(from, 0, kNone);
  if (a == "varchar" && b == "text") return true;
  if (a == "text" && b == "varchar") return to.modifiers.empty();
  if (a == "cidr" && b == "inet") return true;
  if (a == "numeric" && b == "numeric") {
    if (to.modifiers.empty()) return true;
    if (from.modifiers.empty()) return false;
    return Mod(to, 1, 0) == Mod(from, 1, 0) && Mod(to, 0, 0) >= Mod(from, 0, 0);
  }
  // From 12 on, timestamp and timestamptz convert in the catalog when the session is in UTC
  // (the same instants either way).
  const bool zone_swap =
      (a == "timestamp" && b == "timestamptz") || (a == "timestamptz" && b == "timestamp");
  if (zone_swap && target.pg_version >= kTimestampZoneSince && target.utc) {
    const int p = Mod(to, 0, kNone);
    return p >= kMaxPrecision || p >= Mod(from, 0, kNone);
  }
  if (a == b && (a == "timestamp" || a == "timestamptz" || a == "time" || a == "timetz")) {
    const int p = Mod(to, 0, kNone);
    return p >= kMaxPrecision || p >= Mod(from, 0, kNone);
  }
  if (a == "interval" && b == "interval") {  // PostgreSQL's interval_support()
    auto least = [](const ColumnType& t) {   // smallest field kept: second 0 … year 5
      if (t.modifiers.empty() || t.modifiers[0] == kIntervalFullRange) return 0;
      for (const auto& [bit, rank] : {std::pair{12, 0}, {11, 1}, {10, 2}, {3, 3}, {1, 4}, {2, 5}}) {
        if (t.modifiers[0] & (1 << bit)) return rank;
      }
      return 0;
    };
    const int p = Mod(to, 1, kNone);
    return to.modifiers.empty() ||
           (least(to) <= least(from) &&
            (least(from) > 0 || p >= kMaxPrecision || p >= Mod(from, 1, kNone)));
  }
  return false;
}

// As written: "interval day to second(3)" rather than the modifiers' raw range mask.
std::string Display(const ColumnType& t) {
  if (t.name != "interval" || t.modifiers.empty()) return t.Display();
  static const std::pair<int, const char*> kFields[] = {
      {2, "year"}, {1, "month"}, {3, "day"}, {10, "hour"}, {11, "minute"}, {12, "second"}};
  std::string first, last;
  for (const auto& [bit, field] : kFields) {
    if (t.modifiers[0] != kIntervalFullRange && (t.modifiers[0] & (1 << bit)))
      (first.empty() ? first : last) = field;
  }
  std::string out =
      "interval" + (first.empty() ? "" : " " + first) + (last.empty() ? "" : " to " + last);
  if (t.modifiers.size() > 1) out += "(" + std::to_string(t.modifiers[1]) + ")";
  return t.array ? out + "[]" : out;
}

void Check(RuleContext& ctx, const StatementContext& s) {
  if (s.statement.node->node_case != PG_QUERY__NODE__NODE_ALTER_TABLE_STMT) return;
  const PgQuery__AlterTableStmt& stmt = *s.statement.node->alter_table_stmt;
  if (stmt.objtype != PG_QUERY__OBJECT_TYPE__OBJECT_TABLE || !stmt.relation) return;
  const std::string name = pg::Qualified(stmt.relation);
  const Table* table = s.before.FindTable(name);
  if (table && s.SameFile(table->origin)) return;  // new in this file: nothing to rewrite
  const Config& config = ctx.config();
  const std::string file_zone = FileTimeZone(s.file, s.statement);
  const Target target{config.pg_version, file_zone.empty()
                                             ? config.SessionInUtc(RunnerTimeZone(*s.set.set))
                                             : Config{.timezone = file_zone}.SessionInUtc("")};
  for (std::size_t i = 0; i < stmt.n_cmds; ++i) {
    if (stmt.cmds[i]->node_case != PG_QUERY__NODE__NODE_ALTER_TABLE_CMD) continue;
    const PgQuery__AlterTableCmd& cmd = *stmt.cmds[i]->alter_table_cmd;
    if (cmd.subtype != PG_QUERY__ALTER_TABLE_TYPE__AT_AlterColumnType || !cmd.def ||
        cmd.def->node_case != PG_QUERY__NODE__NODE_COLUMN_DEF || !cmd.name) {
      continue;
    }
    const PgQuery__ColumnDef& def = *cmd.def->column_def;
    const std::string column = cmd.name;
    const ColumnType to = pg::TypeOf(def.type_name);
    const Column* old = table ? table->FindColumn(column) : nullptr;
    const bool using_clause = def.raw_default && !PlainUsing(def.raw_default, column);
    if (old && !using_clause && WithoutRewrite(old->type, to, target)) continue;

    std::string message = "changing \"" + column + "\" of \"" + name + "\" ";
    if (!old) {
      message += "to " + Display(to) + " (its current type is unknown here) may rewrite the table";
    } else if (using_clause) {
      message +=
          "from " + Display(old->type) + " to " + Display(to) + " with USING rewrites the table";
    } else {
      message += "from " + Display(old->type) + " to " + Display(to) + " rewrites the table";
    }
    message += " and its indexes under an ACCESS EXCLUSIVE lock, blocking reads and writes";
    std::uint32_t begin = s.statement.begin, end = s.statement.end;
    if (def.location >= 0) {
      begin = s.statement.parse_base + static_cast<std::uint32_t>(def.location);
      end = std::max(s.NameEnd(begin), begin + 1);
    }
    ctx.Report(
        s.file, begin, end, std::move(message),
        "add a column of the new type, backfill it in batches and switch the application over, "
        "then drop the old column (widening varchar, numeric precision or time precision needs no "
        "rewrite)");
  }
}

}  // namespace

const Rule& unsafe_type_change() {
  static const Rule rule{
      .id = "unsafe-type-change",
      .severity = Severity::kError,
      .category = "safety",
      .summary = "ALTER COLUMN … TYPE that rewrites a table that already has rows",
      .check_statement = Check,
  };
  return rule;
}

}  // namespace migralint::rules
