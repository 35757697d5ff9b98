// hardcoded-data: INSERT of literal rows that belong to one environment (users, their ids,
// e-mail addresses, secrets) in a migration that is not marked as sample or seed data. Rows
// every environment needs (lookup values, single-row settings, job registrations) are not.
#include "migralint/rule.h"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include "migralint/pg_nodes.h"

namespace migralint::rules {
namespace {

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

// Sample and seed data say so in their path: sample, seed, fixture.
bool MarkedAsData(const MigrationFile& file) {
  const std::string path = Lower(file.relative);
  for (const char* word : {"sample", "seed", "fixture"}) {
    if (path.find(word) != std::string::npos) return true;
  }
  return false;
}

// A table of people who log in: users, user_, app_users, accounts, members, profiles, ...
bool UserTable(const std::string& qualified) {
  static const std::regex kName(
      R"(^(.*_)?(users?|user_|persons?|people|members?|accounts?|profiles?|customers?)$)");
  const std::string name = Lower(qualified.substr(qualified.find('.') + 1));
  return qualified == "auth.users" || std::regex_match(name, kName);
}

// A column that names a person by id: user_id, "userId", owner_id, created_by, ...
bool PersonColumn(const std::string& column) {
  static const std::regex kName(
      R"(^(.*_)?(user|owner|creator|author|person|member|account|customer)_?id$|^(created|updated|deleted|modified|invited)_?by(_?id)?$)");
  return std::regex_match(Lower(column), kName);
}

// A column whose values are credentials: password, password_hash, api_key, "accessToken", ...
bool SecretColumn(const std::string& column) {
  static const std::regex kName(
      R"(.*(password|passwd|secret|token|api_?key|private_?key|access_?key|credentials?)(_?hash|_?digest|_?encrypted)?$|^encrypted_?password$)");
  return std::regex_match(Lower(column), kName);
}

bool HasDigit(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c); });
}
bool HasUpper(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](unsigned char c) { return std::isupper(c); });
}
bool HasLower(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](unsigned char c) { return std::islower(c); });
}

// A long random-looking string: hex digits (a digest), or letters of both cases and digits
// run together (base64) rather than words (a snake_case key, a sentence).
bool RandomLooking(const std::string& text) {
  static const std::regex kHex(R"([0-9a-fA-F]{32,})");
  static const std::regex kBase64(R"([A-Za-z0-9+/=_-]{32,})");
  if (text.size() < 32) return false;
  if (std::regex_match(text, kHex)) return HasDigit(text) && (HasUpper(text) || HasLower(text));
  return std::regex_match(text, kBase64) && HasDigit(text) && HasUpper(text) && HasLower(text) &&
         std::count(text.begin(), text.end(), '_') <= 2;
}

// A JWT, a password hash, a provider's key prefix.
bool CredentialLooking(const std::string& text) {
  static const std::regex kSecret(
      R"(eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+|\$(2[abxy]|argon2[a-z]*|scrypt)\$.*|(sk|pk|rk)_(live|test)_[A-Za-z0-9]+|gh[pousr]_[A-Za-z0-9]{20,}|xox[abpr]-[A-Za-z0-9-]+|AKIA[0-9A-Z]{16})");
  static constexpr std::string_view kStarts[] = {"eyJ", "$",  "sk_", "pk_",
                                                 "rk_", "gh", "xox", "AKIA"};
  return std::any_of(std::begin(kStarts), std::end(kStarts),
                     [&](std::string_view start) { return text.starts_with(start); }) &&
         std::regex_match(text, kSecret);
}

// A literal that is an e-mail address, or that looks like a credential (a UUID is an id, not a
// secret). Cheap tests first: most literals are short words.
std::string ValueKind(std::string_view value) {
  static const std::regex kEmail(
      R"([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})");
  const std::string text(value);
  if (text.find('@') != std::string::npos && std::regex_match(text, kEmail))
    return "an e-mail address";
  if (CredentialLooking(text) || RandomLooking(text)) return "a credential";
  return "";
}

// A string constant's text; "" for any other constant.
std::string_view Text(const PgQuery__AConst& value) {
  return value.val_case == PG_QUERY__A__CONST__VAL_SVAL && value.sval->sval ? value.sval->sval : "";
}

// An id as a literal: a number other than 0, or a UUID.
bool IdValue(const PgQuery__AConst& value) {
  static const std::regex kUuid(
      R"([0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12})");
  if (value.val_case == PG_QUERY__A__CONST__VAL_IVAL) return value.ival->ival != 0;
  return !Text(value).empty() && std::regex_match(std::string(Text(value)), kUuid);
  return false;
}

// The constant a VALUES item holds (maybe cast: '…'::text), or null.
const PgQuery__AConst* Literal(const PgQuery__Node* item) {
  while (item && item->node_case == PG_QUERY__NODE__NODE_TYPE_CAST) item = item->type_cast->arg;
  return item && item->node_case == PG_QUERY__NODE__NODE_A_CONST && !item->a_const->isnull
             ? item->a_const
             : nullptr;
}

// The columns the rows fill: the INSERT's list, else the table's columns in order.
std::vector<std::string> Columns(const PgQuery__InsertStmt& insert, const Table* table) {
  std::vector<std::string> columns;
  for (std::size_t i = 0; i < insert.n_cols; ++i) {
    const PgQuery__Node* c = insert.cols[i];
    columns.push_back(c->node_case == PG_QUERY__NODE__NODE_RES_TARGET && c->res_target->name
                          ? c->res_target->name
                          : "");
  }
  if (insert.n_cols == 0 && table && table->columns_known) {
    for (const Column& c : table->columns) columns.push_back(c.name);
  }
  return columns;
}

// The user table a column of `table` references by foreign key, or "".
std::string ReferencedUserTable(const Table* table, const std::string& column) {
  if (!table) return "";
  for (const Constraint& c : table->constraints) {
    if (c.kind == Constraint::Kind::kForeignKey && UserTable(c.ref_table) &&
        std::find(c.columns.begin(), c.columns.end(), column) != c.columns.end()) {
      return c.ref_table;
    }
  }
  return "";
}

// What a column's name and keys say about the values it takes (worked out once per INSERT).
struct ColumnKind {
  std::string name;
  std::string user_table;  // the user table it references, or ""
  bool person = false;     // named for a user's id
  bool secret = false;     // named for a credential
};

ColumnKind Classify(const Table* table, const std::string& column) {
  return {column, ReferencedUserTable(table, column), !column.empty() && PersonColumn(column),
          !column.empty() && SecretColumn(column)};
}

// Why a literal in `column` belongs to one environment, or "".
std::string Reason(const ColumnKind& column, const PgQuery__AConst& value) {
  const std::string_view text = Text(value);
  const std::string& name = column.name;
  if (!column.user_table.empty())
    return "column \"" + name + "\" references the user table \"" + column.user_table + "\"";
  if (column.person && IdValue(value)) return "column \"" + name + "\" holds a user's id";
  if (column.secret && !text.empty()) return "column \"" + name + "\" holds a credential";
  if (const std::string kind = ValueKind(text); !kind.empty())
    return "a value is " + kind + (name.empty() ? "" : " (column \"" + name + "\")");
  return "";
}

// Why the rows of `insert` belong to one environment, or "" when every environment needs them.
std::string EnvironmentData(const PgQuery__InsertStmt& insert, const PgQuery__SelectStmt& rows,
                            const Table* table, const std::string& name) {
  if (UserTable(name)) return "\"" + name + "\" is a user table";
  std::vector<ColumnKind> columns;
  for (const std::string& column : Columns(insert, table))
    columns.push_back(Classify(table, column));
  const ColumnKind unnamed;
  for (std::size_t r = 0; r < rows.n_values_lists; ++r) {
    const PgQuery__Node* row = rows.values_lists[r];
    if (row->node_case != PG_QUERY__NODE__NODE_LIST) continue;
    for (std::size_t i = 0; i < row->list->n_items; ++i) {
      const PgQuery__AConst* value = Literal(row->list->items[i]);
      if (!value) continue;
      std::string why = Reason(i < columns.size() ? columns[i] : unnamed, *value);
      if (!why.empty()) return why;
    }
  }
  return "";
}

void Check(RuleContext& ctx, const StatementContext& s) {
  const Statement& st = s.statement;
  if (st.node->node_case != PG_QUERY__NODE__NODE_INSERT_STMT ||
      s.file.file->role != FileRole::kMigration || MarkedAsData(*s.file.file))
    return;
  const PgQuery__InsertStmt& insert = *st.node->insert_stmt;
  const PgQuery__Node* source = insert.select_stmt;
  if (!insert.relation || !source || source->node_case != PG_QUERY__NODE__NODE_SELECT_STMT ||
      source->select_stmt->n_values_lists == 0) {
    return;  // INSERT ... SELECT moves existing data: a data migration, not hard-coded rows
  }
  const std::string name = pg::Qualified(insert.relation);
  const std::string why =
      EnvironmentData(insert, *source->select_stmt, s.before.FindTable(name), name);
  if (why.empty()) return;
  const std::size_t rows = source->select_stmt->n_values_lists;
  const bool one = rows == 1;
  ctx.Report(s.file, st.begin, st.end,
             "INSERT of " + std::to_string(rows) + " literal row" + (one ? "" : "s") + " into \"" +
                 name + "\" that belong" + (one ? "s" : "") + " to one environment (" + why +
                 "): every environment, production included, gets " + (one ? "it" : "them"),
             "move these rows to a seed file (a name with `seed`, `sample` or `fixture`, or "
             "Supabase's seed.sql) that only the environments needing them load; if production "
             "really needs them, say so with `-- migralint-ignore hardcoded-data: <why>`");
}

}  // namespace

const Rule& hardcoded_data() {
  static const Rule rule{
      .id = "hardcoded-data",
      .severity = Severity::kWarning,
      .category = "convention",
      .summary =
          "INSERT of literal rows that belong to one environment (users, their ids, "
          "e-mail addresses, secrets) in a migration that is not seed data",
      .check_statement = Check,
  };
  return rule;
}

}  // namespace migralint::rules
