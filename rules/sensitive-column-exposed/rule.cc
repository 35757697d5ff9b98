// sensitive-column-exposed: at the end of the set, a table in an exposed schema without row
// level security, readable by an API role, with a column named like a secret (password, token,
// api_key, …; [rules.sensitive-column-exposed] columns = [...] replaces the list).
// Splinter 0023.
#include "migralint/rule.h"

#include <cctype>
#include <cstddef>
#include <string>
#include <vector>

#include "migralint/exposure.h"
#include "migralint/sql_words.h"

namespace migralint::rules {
namespace {

const std::vector<std::string>& DefaultNames() {
  static const std::vector<std::string> kNames = {
      "password",
      "passwd",
      "password_hash",
      "hashed_password",
      "encrypted_password",
      "secret",
      "client_secret",
      "secret_key",
      "api_key",
      "apikey",
      "api_secret",
      "access_token",
      "refresh_token",
      "auth_token",
      "session_token",
      "token",
      "private_key",
      "ssn",
      "social_security_number",
      "credit_card",
      "card_number",
      "cvv",
      "otp_secret",
      "totp_secret",
  };
  return kNames;
}

// snake_case of a name: "apiKey" -> "api_key", "API-Key" -> "api_key".
std::string Snake(const std::string& name) {
  std::string out;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(name[i]);
    if (std::isupper(c) && i > 0 && std::islower(static_cast<unsigned char>(name[i - 1])))
      out += '_';
    out += std::isalnum(c) ? static_cast<char>(std::tolower(c)) : '_';
  }
  return out;
}

// A column named like a secret: the name itself, or one ending in it ("github_token",
// "stripe_api_key"). Not "token_count" or "tokens_used": counts, not secrets.
bool Sensitive(const std::string& column, const std::vector<std::string>& names) {
  const std::string snake = Snake(column);
  for (const std::string& name : names) {
    const std::string n = Snake(name);
    if (snake == n) return true;
    if (snake.size() > n.size() + 1 && snake.compare(snake.size() - n.size(), n.size(), n) == 0 &&
        snake[snake.size() - n.size() - 1] == '_')
      return true;
  }
  return false;
}

void Check(RuleContext& ctx, const SetUnit& set, const Schema& schema) {
  const Config& config = ctx.config();
  if (!exposure::ApiExposedSet(set, config, schema)) return;
  const std::vector<std::string> api_roles = exposure::ExistingApiRoles(schema);
  if (api_roles.empty()) return;
  const std::vector<std::string>* names = &DefaultNames();
  if (const RuleSettings* settings = config.Rule("sensitive-column-exposed")) {
    if (auto it = settings->options.find("columns"); it != settings->options.end())
      names = &it->second;
  }
  for (const auto& [name, table] : schema.tables) {
    if (table.rls_enabled || table.temporary || table.origin.external()) continue;
    if (!exposure::InExposedSchema(config, table.schema)) continue;
    std::vector<const Column*> found;
    std::string roles;
    for (const Column& column : table.columns) {
      if (!Sensitive(column.name, *names)) continue;
      std::string reaching;
      for (const std::string& role : api_roles) {
        if (table.privileges.AllowsColumn(role, column.name, Privileges::kSelect) &&
            exposure::SchemaUsable(schema, table.schema, role))
          reaching += (reaching.empty() ? "" : " and ") + role;
      }
      if (reaching.empty()) continue;
      if (reaching.size() > roles.size()) roles = reaching;
      found.push_back(&column);
    }
    if (found.empty()) continue;
    std::string list;
    for (const Column* c : found) list += (list.empty() ? "\"" : ", \"") + c->name + "\"";
    // At the first such column when its definition is known, else at the CREATE TABLE.
    const Origin& at = found.front()->origin.external() ? table.origin : found.front()->origin;
    if (at.external()) continue;
    const FileUnit& unit = *set.migrations[static_cast<std::size_t>(at.file)];
    std::uint32_t begin = at.begin, end = exposure::FirstLineEnd(unit, at);
    if (found.front()->declared_at >= 0 && !found.front()->origin.external()) {
      begin = static_cast<std::uint32_t>(found.front()->declared_at);
      end = unit.source.ClauseSpan(begin, at.end).second;
    }
    ctx.Report(unit, begin, end,
               "table \"" + name + "\" in exposed schema \"" + table.schema +
                   "\" has no row level security and " + roles + " may read its column" +
                   (found.size() > 1 ? "s " : " ") + list +
                   ", named like a secret: every caller of the API can read them",
               "ALTER TABLE " + QuoteIdent(table.schema) + "." + QuoteIdent(table.name) +
                   " ENABLE ROW LEVEL SECURITY with policies; keep secrets in a table the API "
                   "does not serve (or in Vault); or REVOKE SELECT on the column from anon, "
                   "authenticated. If the name misleads, set [rules.sensitive-column-exposed] "
                   "columns");
  }
}

}  // namespace

const Rule& sensitive_column_exposed() {
  static const Rule rule{
      .id = "sensitive-column-exposed",
      .severity = Severity::kError,
      .category = "security",
      .summary =
          "a table without row level security that the API roles may read, with a column "
          "named like a secret (password, token, api_key, …)",
      .options = {"columns"},
      .check_schema = Check,
  };
  return rule;
}

}  // namespace migralint::rules
