// gen_corpus.cc: writes a synthetic, numbered PostgreSQL migration set for throughput benchmarks.
//
//   migralint_gen_corpus OUT_DIR N [--seed S]
//
// Produces OUT_DIR/migrations/<NNN>_<name>.sql, numbered 1..N and zero-padded to the width N
// needs. The set reads like a real application's history (and applies in order on an empty
// PostgreSQL 15 database): tables with constraints and foreign keys to earlier tables, indexes
// (the CONCURRENTLY ones alone in their files), ADD COLUMN changes, DO $$ ... $$ blocks with
// IF NOT EXISTS guards, plpgsql trigger functions and triggers, row-level security and policies,
// views, comments and a few seed rows. Files average roughly 2 KB. The output depends only on
// N and the seed (own PRNG, no std distributions, no unordered containers).
#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace fs = std::filesystem;

namespace {

// ---------------------------------------------------------------------------------------------
// Deterministic randomness (splitmix64).

class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}
  std::uint64_t Next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  // Uniform in [0, n).
  std::size_t Below(std::size_t n) { return n == 0 ? 0 : static_cast<std::size_t>(Next() % n); }
  // Uniform in [lo, hi].
  int Range(int lo, int hi) {
    return lo + static_cast<int>(Below(static_cast<std::size_t>(hi - lo + 1)));
  }
  bool Chance(int percent) { return static_cast<int>(Below(100)) < percent; }
  template <typename T>
  const T& Pick(const std::vector<T>& v) {
    return v[Below(v.size())];
  }

 private:
  std::uint64_t state_;
};

// ---------------------------------------------------------------------------------------------
// Vocabulary.

const std::vector<std::string> kNouns = {
    "account",    "organization", "project",  "invoice",      "payment",  "customer",
    "product",    "warehouse",    "shipment", "subscription", "plan",     "ticket",
    "comment",    "attachment",   "webhook",  "event",        "device",   "team",
    "membership", "permission",   "tag",      "category",     "article",  "notification",
    "location",   "schedule",     "report",   "contract",     "vendor",   "supplier",
    "asset",      "budget",       "campaign", "coupon",       "discount", "document",
    "employee",   "expense",      "feature",  "integration",  "job",      "lead",
    "message",    "milestone",    "note",     "opportunity",  "page",     "partner",
    "price",      "quote",        "receipt",  "refund",       "region",   "reservation",
    "review",     "sensor",       "shift",    "sprint",       "survey",   "task",
    "template",   "timesheet",    "token",    "transfer",     "vehicle",  "visit",
    "workflow",   "workspace",    "channel",  "dashboard",    "dataset",  "deployment",
};

const std::vector<std::string> kQualifiers = {
    "item",   "history", "setting", "snapshot", "version", "link",    "entry",  "rule",
    "import", "export",  "batch",   "line",     "period",  "status",  "quota",  "alert",
    "log",    "metric",  "draft",   "archive",  "share",   "request", "result", "assignment",
};

const std::vector<std::string> kAuthors = {"alice",   "bob",  "carol", "dmitri", "eun-ji", "farah",
                                           "gustavo", "hiro", "ines",  "jonas",  "kemal",  "lena"};

const std::vector<std::string> kWords = {
    "alpha",  "bravo",   "cedar",   "delta",   "ember",  "fjord",  "garnet",
    "harbor", "indigo",  "juniper", "kestrel", "lumen",  "maple",  "nimbus",
    "onyx",   "prairie", "quartz",  "raven",   "sierra", "tundra",
};

const std::vector<std::string> kStatusSets[] = {
    {"active", "inactive", "archived"},
    {"draft", "pending", "approved", "rejected"},
    {"open", "in_progress", "resolved", "closed"},
    {"queued", "running", "succeeded", "failed", "cancelled"},
};

const std::vector<std::string> kWhy = {
    "Needed by the new billing flow; see the design doc linked in the ticket.",
    "Backs the reporting dashboard, which currently scans the whole table.",
    "Requested by support so they can filter by this field without a join.",
    "Part of the multi-tenant hardening work: every row must carry its tenant.",
    "Keeps the denormalised counter in step so list pages stay cheap.",
    "Mirrors what the mobile client already sends; previously stored in metadata.",
    "Preparation for the import pipeline, which writes in large batches.",
    "Follow-up to the incident review: enforce the invariant in the database.",
    "Audit requirement from the compliance review.",
    "Speeds up the nightly reconciliation job.",
};

const std::vector<std::string> kContext = {
    "The application already writes this shape behind a feature flag, so the change is additive.",
    "Reviewed with the on-call DBA; the table is small enough in production for a plain ALTER.",
    "Rolling deploy: old pods ignore the new objects, new pods require them.",
    "Staging ran this against a copy of production data in under a second.",
    "Keep the statements idempotent; some environments were patched manually last quarter.",
    "No data is rewritten here, only catalog changes and new defaults.",
    "Tenant isolation is enforced in the database as well as in the API layer.",
    "Reporting queries filter on these columns; see the slow query log attached to the ticket.",
    "Follow-up migrations will drop the legacy columns once every writer is migrated.",
    "Naming follows the conventions in docs/database.md (snake_case, _id suffix for keys).",
    "Defaults mirror the application constants so inserts from scripts keep working.",
    "The admin UI reads through views so that column changes stay local to the database.",
    "Backfill, if any, runs in the same file because the affected tables are tiny.",
    "Down migration: drop the new objects in reverse order; no data needs restoring.",
};

// ---------------------------------------------------------------------------------------------
// Schema model: what exists so far, so later files reference earlier objects correctly.

enum class Kind {
  kText,
  kStatus,
  kBigint,
  kInt,
  kBool,
  kTimestamp,
  kJsonb,
  kNumeric,
  kDate,
  kTextArray,
  kUuid,
  kCurrency,
  kInet,
  kFk
};

struct Column {
  std::string name;
  Kind kind = Kind::kText;
  std::string type;  // SQL type
  bool not_null = false;
  bool has_default = false;
  int status_set = 0;  // for kStatus
  std::string parent;  // for kFk: referenced table
};

struct Table {
  std::string name;
  bool uuid_id = true;
  bool tenant = false;
  bool updated_at = false;
  bool rls = false;
  std::vector<Column> columns;         // excluding id / tenant_id / timestamps
  std::set<std::string> column_names;  // every column name, including the fixed ones
  int policies = 0;
  int triggers = 0;

  bool Insertable() const {
    for (const auto& c : columns) {
      if (c.kind == Kind::kFk && c.not_null) return false;
    }
    return true;
  }
  std::string IdType() const { return uuid_id ? "uuid" : "bigint"; }
};

constexpr const char* kTenantId = "00000000-0000-4000-8000-000000000001";

class Generator {
 public:
  Generator(std::uint64_t seed, int width) : rng_(seed), width_(width) {}

  // Returns {name, body} of migration number `index` (1-based).
  std::pair<std::string, std::string> Make(std::size_t index) {
    auto made = MakeBody(index);
    files_.push_back(Number(index) + "_" + made.first);
    return made;
  }

  std::string Number(std::size_t index) const {
    std::string number = std::to_string(index);
    number.insert(
        0, static_cast<std::size_t>(width_) - std::min<std::size_t>(number.size(), width_), '0');
    return number;
  }

 private:
  std::pair<std::string, std::string> MakeBody(std::size_t index) {
    index_ = index;
    out_.clear();
    if (index == 1) return {"init_schema", Init()};
    // Too few tables yet for anything but more tables.
    if (tables_.size() < 4) return {"create_" + CreateTableFile(), out_};
    const int roll = static_cast<int>(rng_.Below(100));
    std::string name;
    if (roll < 38)
      name = "create_" + CreateTableFile();
    else if (roll < 54)
      name = AddColumnFile();
    else if (roll < 65)
      name = DoBlockFile();
    else if (roll < 73)
      name = ConcurrentIndexFile();
    else if (roll < 84)
      name = TriggerFile();
    else if (roll < 91)
      name = RlsFile();
    else if (roll < 96)
      name = ViewFile();
    else
      name = SeedFile();
    return {name, out_};
  }

  // --- helpers ------------------------------------------------------------------------------

  void Line(std::string_view s) { out_.append(s).push_back('\n'); }

  // A unique object name of at most 63 bytes (PostgreSQL truncates longer identifiers).
  std::string Unique(std::string base) {
    if (base.size() > 56) base.resize(56);
    std::string name = base;
    for (int i = 2; names_.count(name); ++i) name = base + "_" + std::to_string(i);
    names_.insert(name);
    return name;
  }

  void Header(const std::string& title, const std::string& what, bool no_tx = false) {
    Line("-- Migration " + std::to_string(index_) + ": " + title);
    Line("-- Author: " + rng_.Pick(kAuthors) + "    Ticket: ENG-" +
         std::to_string(1000 + rng_.Below(9000)));
    Line("--");
    Line("-- " + what);
    Line("-- " + rng_.Pick(kWhy));
    if (!files_.empty()) {
      const int deps = rng_.Range(1, 3);
      for (int i = 0; i < deps; ++i) {
        const std::size_t back = std::min<std::size_t>(files_.size(), 1 + rng_.Below(30));
        Line(std::string(i == 0 ? "-- Depends on: " : "--             ") +
             files_[files_.size() - back] + ".sql");
      }
    }
    Line("--");
    Line("-- Context:");
    const int sentences = rng_.Range(3, 6);
    std::size_t first = rng_.Below(kContext.size());
    for (int i = 0; i < sentences; ++i)
      Line("--   " + kContext[(first + static_cast<std::size_t>(i) * 3) % kContext.size()]);
    if (no_tx) {
      Line("--");
      Line("-- This file must run outside a transaction (CREATE INDEX CONCURRENTLY):");
      Line("-- migralint:no-transaction");
    }
    Line("");
  }

  std::string Word() { return rng_.Pick(kWords); }

  Table& PickTable() { return tables_[rng_.Below(tables_.size())]; }
  // Recent tables are touched more often than old ones, like in real histories.
  Table& PickRecentTable() {
    const std::size_t window = std::min<std::size_t>(tables_.size(), 40);
    if (rng_.Chance(70)) return tables_[tables_.size() - 1 - rng_.Below(window)];
    return PickTable();
  }

  std::string Literal(const Column& c, int row) {
    switch (c.kind) {
      case Kind::kText:
        return "'" + Word() + " " + c.name + " " + std::to_string(row) + "'";
      case Kind::kStatus:
        return "'" + rng_.Pick(kStatusSets[c.status_set]) + "'";
      case Kind::kBigint:
        return std::to_string(rng_.Below(1000000));
      case Kind::kInt:
        return std::to_string(rng_.Below(500));
      case Kind::kBool:
        return rng_.Chance(50) ? "true" : "false";
      case Kind::kTimestamp:
        // 2024 for starts_at, 2025 for everything else: satisfies the *_period_check constraints.
        return std::string(c.name == "starts_at" ? "'2024-" : "'2025-") +
               std::to_string(rng_.Range(10, 12)) + "-" + std::to_string(rng_.Range(10, 28)) +
               " 09:30:00+00'";
      case Kind::kJsonb:
        return "'{\"source\": \"seed\", \"rank\": " + std::to_string(row) + "}'";
      case Kind::kNumeric:
        return std::to_string(rng_.Below(9999)) + ".50";
      case Kind::kDate:
        return "'2025-0" + std::to_string(rng_.Range(1, 9)) + "-15'";
      case Kind::kTextArray:
        return "ARRAY['" + Word() + "', '" + Word() + "']";
      case Kind::kUuid:
        return "gen_random_uuid()";
      case Kind::kCurrency:
        return rng_.Chance(50) ? "'EUR'" : "'USD'";
      case Kind::kInet:
        return "'10.0." + std::to_string(rng_.Below(256)) + ".1'";
      case Kind::kFk:
        return "NULL";
    }
    return "NULL";
  }

  // A fresh non-FK column for `t`; `for_alter` keeps NOT NULL columns defaulted.
  Column NewColumn(Table& t, bool for_alter) {
    static const std::vector<std::string> kTextNames = {
        "name", "title",        "description", "slug",   "external_ref", "email", "notes",  "label",
        "code", "display_name", "source",      "reason", "phone",        "url",   "summary"};
    Column c;
    const int k = static_cast<int>(rng_.Below(13));
    std::string base;
    switch (k) {
      case 0:
      case 1:
      case 2:
        c.kind = Kind::kText;
        base = rng_.Pick(kTextNames);
        c.type = "text";
        c.not_null = !for_alter && rng_.Chance(40);
        break;
      case 3:
        c.kind = Kind::kStatus;
        base = "status";
        c.type = "text";
        c.not_null = true;
        c.has_default = true;
        c.status_set = static_cast<int>(rng_.Below(4));
        break;
      case 4:
        c.kind = Kind::kBigint;
        base = rng_.Chance(50) ? "amount_cents" : "size_bytes";
        c.type = "bigint";
        c.not_null = true;
        c.has_default = true;
        break;
      case 5:
        c.kind = Kind::kInt;
        base = rng_.Pick(std::vector<std::string>{"quantity", "position", "attempts", "priority"});
        c.type = "integer";
        c.not_null = rng_.Chance(50);
        c.has_default = c.not_null;
        break;
      case 6:
        c.kind = Kind::kBool;
        base = "is_" + rng_.Pick(std::vector<std::string>{"enabled", "default", "public",
                                                          "verified", "pinned"});
        c.type = "boolean";
        c.not_null = true;
        c.has_default = true;
        break;
      case 7:
        c.kind = Kind::kTimestamp;
        base = rng_.Pick(std::vector<std::string>{"starts_at", "ends_at", "archived_at",
                                                  "last_seen_at", "expires_at", "processed_at"});
        c.type = "timestamptz";
        break;
      case 8:
        c.kind = Kind::kJsonb;
        base = rng_.Pick(std::vector<std::string>{"metadata", "settings", "payload", "attributes"});
        c.type = "jsonb";
        c.not_null = true;
        c.has_default = true;
        break;
      case 9:
        c.kind = Kind::kNumeric;
        base = rng_.Chance(50) ? "rate" : "score";
        c.type = "numeric(12, 2)";
        break;
      case 10:
        c.kind = rng_.Chance(50) ? Kind::kDate : Kind::kTextArray;
        if (c.kind == Kind::kDate) {
          base = "due_on";
          c.type = "date";
        } else {
          base = "tags";
          c.type = "text[]";
          c.not_null = true;
          c.has_default = true;
        }
        break;
      case 11:
        c.kind = rng_.Chance(50) ? Kind::kUuid : Kind::kInet;
        if (c.kind == Kind::kUuid) {
          base = "external_id";
          c.type = "uuid";
        } else {
          base = "ip_address";
          c.type = "inet";
        }
        break;
      default:
        c.kind = Kind::kCurrency;
        base = "currency";
        c.type = "char(3)";
        c.not_null = true;
        c.has_default = true;
        break;
    }
    c.name = base;
    for (int i = 2; t.column_names.count(c.name); ++i) c.name = base + "_" + std::to_string(i);
    t.column_names.insert(c.name);
    return c;
  }

  std::string ColumnSql(const Table& t, const Column& c) {
    std::string s = c.name + " " + c.type;
    if (c.not_null) s += " NOT NULL";
    if (c.has_default) {
      switch (c.kind) {
        case Kind::kStatus:
          s += " DEFAULT '" + kStatusSets[c.status_set][0] + "'";
          break;
        case Kind::kBigint:
        case Kind::kInt:
          s += " DEFAULT 0";
          break;
        case Kind::kBool:
          s += rng_.Chance(50) ? " DEFAULT false" : " DEFAULT true";
          break;
        case Kind::kJsonb:
          s += " DEFAULT '{}'::jsonb";
          break;
        case Kind::kTextArray:
          s += " DEFAULT '{}'";
          break;
        case Kind::kCurrency:
          s += " DEFAULT 'EUR'";
          break;
        default:
          break;
      }
    }
    switch (c.kind) {
      case Kind::kStatus: {
        s += "\n    CONSTRAINT " + Unique(t.name + "_" + c.name + "_check") + " CHECK (" + c.name +
             " IN (";
        const auto& set = kStatusSets[c.status_set];
        for (std::size_t i = 0; i < set.size(); ++i) s += (i ? ", '" : "'") + set[i] + "'";
        s += "))";
        break;
      }
      case Kind::kBigint:
        s += " CHECK (" + c.name + " >= 0)";
        break;
      case Kind::kCurrency:
        s += " CHECK (" + c.name + " ~ '^[A-Z]{3}$')";
        break;
      default:
        break;
    }
    return s;
  }

  // --- file kinds ---------------------------------------------------------------------------

  std::string Init() {
    Header("initial schema", "Creates the application schema, roles, shared helpers and tenants.");
    Line("CREATE SCHEMA IF NOT EXISTS app;");
    Line("");
    Line("DO $$");
    Line("BEGIN");
    Line("  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'app_user') THEN");
    Line("    CREATE ROLE app_user NOLOGIN;");
    Line("  END IF;");
    Line("  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'app_readonly') THEN");
    Line("    CREATE ROLE app_readonly NOLOGIN;");
    Line("  END IF;");
    Line("END");
    Line("$$;");
    Line("");
    Line("GRANT USAGE ON SCHEMA app TO app_user, app_readonly;");
    Line("");
    Line("CREATE OR REPLACE FUNCTION app.set_updated_at() RETURNS trigger");
    Line("LANGUAGE plpgsql");
    Line("AS $$");
    Line("BEGIN");
    Line("  NEW.updated_at := now();");
    Line("  RETURN NEW;");
    Line("END;");
    Line("$$;");
    Line("");
    Line("CREATE TABLE IF NOT EXISTS app.tenants (");
    Line("  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),");
    Line("  name text NOT NULL,");
    Line("  slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9-]+$'),");
    Line("  created_at timestamptz NOT NULL DEFAULT now()");
    Line(");");
    Line("");
    Line("CREATE TABLE IF NOT EXISTS app.audit_log (");
    Line("  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,");
    Line("  table_name text NOT NULL,");
    Line("  row_id text,");
    Line("  action text NOT NULL CHECK (action IN ('INSERT', 'UPDATE', 'DELETE')),");
    Line("  old_data jsonb,");
    Line("  new_data jsonb,");
    Line("  changed_by text NOT NULL DEFAULT current_user,");
    Line("  changed_at timestamptz NOT NULL DEFAULT now()");
    Line(");");
    Line(
        "CREATE INDEX IF NOT EXISTS audit_log_table_row_idx ON app.audit_log (table_name, "
        "row_id);");
    Line("COMMENT ON TABLE app.audit_log IS 'Row changes recorded by the audit triggers.';");
    Line("");
    Line(std::string("INSERT INTO app.tenants (id, name, slug) VALUES ('") + kTenantId +
         "', 'Default tenant', 'default') ON CONFLICT DO NOTHING;");
    names_.insert("tenants");
    names_.insert("audit_log");
    return out_;
  }

  std::string NewTableName() {
    std::string base = rng_.Pick(kNouns);
    if (names_.count(base) || rng_.Chance(40)) base += "_" + rng_.Pick(kQualifiers);
    if (base.size() > 28) base.resize(28);
    return Unique(base);
  }

  void Seed(const Table& t, int rows) {
    std::vector<const Column*> cols;
    for (const auto& c : t.columns) {
      if (c.kind == Kind::kFk) continue;
      if ((c.not_null && !c.has_default) || rng_.Chance(50)) cols.push_back(&c);
    }
    std::string head = "INSERT INTO app." + t.name + " (";
    bool first = true;
    if (t.tenant) {
      head += "tenant_id";
      first = false;
    }
    for (const Column* c : cols) {
      head += (first ? "" : ", ") + c->name;
      first = false;
    }
    if (first) return;  // nothing worth inserting
    Line(head + ")");
    Line("VALUES");
    for (int r = 1; r <= rows; ++r) {
      std::string v = "  (";
      bool f = true;
      if (t.tenant) {
        v += std::string("'") + kTenantId + "'";
        f = false;
      }
      for (const Column* c : cols) {
        v += (f ? "" : ", ") + Literal(*c, r);
        f = false;
      }
      v += r == rows ? ")" : "),";
      Line(v);
    }
    Line("ON CONFLICT DO NOTHING;");
  }

  void UpdatedAtTrigger(Table& t) {
    const std::string trg = t.name + "_set_updated_at";
    Line("DROP TRIGGER IF EXISTS " + trg + " ON app." + t.name + ";");
    Line("CREATE TRIGGER " + trg);
    Line("  BEFORE UPDATE ON app." + t.name);
    Line("  FOR EACH ROW EXECUTE FUNCTION app.set_updated_at();");
    ++t.triggers;
  }

  void Policies(Table& t) {
    Line("ALTER TABLE app." + t.name + " ENABLE ROW LEVEL SECURITY;");
    if (rng_.Chance(30)) Line("ALTER TABLE app." + t.name + " FORCE ROW LEVEL SECURITY;");
    const std::string pred = "tenant_id = current_setting('app.tenant_id', true)::uuid";
    static const char* kOps[] = {"SELECT", "INSERT", "UPDATE", "DELETE"};
    for (int i = 0; i < 4; ++i) {
      if (i > 0 && rng_.Chance(30)) continue;
      std::string op = kOps[i];
      std::string lower = op;
      for (char& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      const std::string pol =
          t.name + "_tenant_" + lower + (t.policies ? "_" + std::to_string(t.policies) : "");
      Line("DROP POLICY IF EXISTS " + pol + " ON app." + t.name + ";");
      Line("CREATE POLICY " + pol + " ON app." + t.name);
      Line("  AS PERMISSIVE FOR " + op + " TO app_user");
      if (op == "INSERT")
        Line("  WITH CHECK (" + pred + ");");
      else if (op == "UPDATE") {
        Line("  USING (" + pred + ")");
        Line("  WITH CHECK (" + pred + ");");
      } else
        Line("  USING (" + pred + ");");
    }
    ++t.policies;
    t.rls = true;
    Line("GRANT SELECT, INSERT, UPDATE, DELETE ON app." + t.name + " TO app_user;");
    Line("GRANT SELECT ON app." + t.name + " TO app_readonly;");
  }

  // Returns the table name.
  std::string CreateTableFile() {
    Table t;
    t.name = NewTableName();
    t.uuid_id = rng_.Chance(70);
    t.tenant = rng_.Chance(65);
    t.updated_at = rng_.Chance(80);
    t.column_names = {"id", "created_at"};
    if (t.tenant) t.column_names.insert("tenant_id");
    if (t.updated_at) t.column_names.insert("updated_at");
    const bool tx = rng_.Chance(35);
    Header("create " + t.name, "Adds the " + t.name + " table.");
    if (tx) {
      Line("BEGIN;");
      Line("");
    }

    // Foreign keys to up to three earlier tables.
    const int fks =
        tables_.empty() ? 0 : rng_.Range(0, std::min<int>(3, static_cast<int>(tables_.size())));
    for (int i = 0; i < fks; ++i) {
      const Table& p = PickTable();
      Column c;
      c.kind = Kind::kFk;
      c.parent = p.name;
      c.type = p.IdType();
      c.name = p.name + "_id";
      if (t.column_names.count(c.name)) continue;
      c.not_null = rng_.Chance(60);
      t.column_names.insert(c.name);
      t.columns.push_back(c);
    }
    const int extra = rng_.Range(4, 10);
    for (int i = 0; i < extra; ++i) t.columns.push_back(NewColumn(t, false));

    Line("CREATE TABLE IF NOT EXISTS app." + t.name + " (");
    Line(t.uuid_id ? "  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),"
                   : "  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,");
    if (t.tenant) Line("  tenant_id uuid NOT NULL REFERENCES app.tenants (id) ON DELETE CASCADE,");
    for (const Column& c : t.columns) {
      if (c.kind == Kind::kFk) {
        const Table& p = *FindTable(c.parent);
        Line("  " + c.name + " " + c.type + (c.not_null ? " NOT NULL" : "") + "\n    CONSTRAINT " +
             Unique(t.name + "_" + c.name + "_fkey") + " REFERENCES app." + p.name +
             " (id) ON DELETE " +
             (c.not_null ? (rng_.Chance(50) ? "CASCADE" : "RESTRICT") : "SET NULL") + ",");
      } else {
        Line("  " + ColumnSql(t, c) + ",");
      }
    }
    Line("  created_at timestamptz NOT NULL DEFAULT now()" +
         std::string(t.updated_at ? ",\n  updated_at timestamptz NOT NULL DEFAULT now()" : ""));
    // Table constraints.
    std::vector<std::string> constraints;
    for (const Column& c : t.columns) {
      if ((c.name == "slug" || c.name == "code" || c.name == "email") && constraints.size() < 2) {
        constraints.push_back("CONSTRAINT " + Unique(t.name + "_" + c.name + "_key") + " UNIQUE (" +
                              (t.tenant ? "tenant_id, " : "") + c.name + ")");
      }
    }
    if (t.column_names.count("starts_at") && t.column_names.count("ends_at")) {
      constraints.push_back("CONSTRAINT " + Unique(t.name + "_period_check") +
                            " CHECK (ends_at IS NULL OR starts_at IS NULL OR ends_at > starts_at)");
    }
    if (!constraints.empty()) {
      out_.pop_back();  // newline after the last column
      out_ += ",\n";
      for (std::size_t i = 0; i < constraints.size(); ++i) {
        Line("  " + constraints[i] + (i + 1 < constraints.size() ? "," : ""));
      }
    }
    Line(");");
    Line("");
    Line("COMMENT ON TABLE app." + t.name + " IS '" + Capital(t.name) + " records (" + Word() +
         " domain). Owned by the " + rng_.Pick(kAuthors) + " team.';");
    for (const Column& c : t.columns) {
      if (rng_.Chance(50)) {
        Line("COMMENT ON COLUMN app." + t.name + "." + c.name + " IS 'The " + c.name + " of the " +
             t.name + "; " + Word() + "-" + Word() + " semantics.';");
      }
    }
    Line("");
    // Index every FK column (and the tenant), like a careful author would.
    if (t.tenant) {
      Line("CREATE INDEX IF NOT EXISTS " + Unique(t.name + "_tenant_id_idx") + " ON app." + t.name +
           " (tenant_id);");
    }
    for (const Column& c : t.columns) {
      if (c.kind == Kind::kFk && rng_.Chance(85)) {
        Line("CREATE INDEX IF NOT EXISTS " + Unique(t.name + "_" + c.name + "_idx") + " ON app." +
             t.name + " (" + c.name + ");");
      }
    }
    if (rng_.Chance(40)) {
      Line("CREATE INDEX IF NOT EXISTS " + Unique(t.name + "_created_at_idx") + " ON app." +
           t.name + " (created_at DESC);");
    }
    Line("");
    if (t.updated_at) {
      UpdatedAtTrigger(t);
      Line("");
    }
    if (t.tenant && rng_.Chance(45)) {
      Policies(t);
      Line("");
    }
    tables_.push_back(t);
    Table& stored = tables_.back();
    if (stored.Insertable() && rng_.Chance(25)) {
      Seed(stored, rng_.Range(2, 5));
      Line("");
    }
    if (tx) Line("COMMIT;");
    return stored.name;
  }

  static std::string Capital(std::string s) {
    for (char& ch : s)
      if (ch == '_') ch = ' ';
    if (!s.empty()) s[0] = static_cast<char>(s[0] - 'a' + 'A');
    return s;
  }

  Table* FindTable(const std::string& name) {
    for (auto& t : tables_)
      if (t.name == name) return &t;
    return nullptr;
  }

  std::string AddColumnFile() {
    Table& t = PickRecentTable();
    const int count = rng_.Range(1, 4);
    std::vector<Column> added;
    for (int i = 0; i < count; ++i) added.push_back(NewColumn(t, true));
    Header("add " + added[0].name + " to " + t.name,
           "Adds " + std::to_string(count) + " column(s) to app." + t.name + ".");
    const bool tx = rng_.Chance(40);
    if (tx) {
      Line("BEGIN;");
      Line("");
    }
    for (const Column& c : added) {
      Line("ALTER TABLE app." + t.name + " ADD COLUMN IF NOT EXISTS " + ColumnSql(t, c) + ";");
      Line("COMMENT ON COLUMN app." + t.name + "." + c.name + " IS 'Added for " + Word() +
           "; nullable until every writer sets it.';");
    }
    Line("");
    // Backfill a nullable column, then tighten it.
    for (const Column& c : added) {
      if (!c.not_null && (c.kind == Kind::kText || c.kind == Kind::kInt) && rng_.Chance(50)) {
        Line("UPDATE app." + t.name + " SET " + c.name + " = " +
             (c.kind == Kind::kText ? "'" + Word() + "'" : std::string("0")) + " WHERE " + c.name +
             " IS NULL;");
        Line("ALTER TABLE app." + t.name + " ALTER COLUMN " + c.name + " SET DEFAULT " +
             (c.kind == Kind::kText ? "''" : std::string("0")) + ";");
        Line("ALTER TABLE app." + t.name + " ALTER COLUMN " + c.name + " SET NOT NULL;");
        Column& stored = *std::find_if(added.begin(), added.end(),
                                       [&](const Column& a) { return a.name == c.name; });
        stored.not_null = stored.has_default = true;
        break;
      }
    }
    for (const Column& c : added) {
      if (c.kind != Kind::kJsonb && c.kind != Kind::kTextArray && rng_.Chance(35)) {
        Line("CREATE INDEX IF NOT EXISTS " + Unique(t.name + "_" + c.name + "_idx") + " ON app." +
             t.name + " (" + c.name + ");");
      } else if ((c.kind == Kind::kJsonb || c.kind == Kind::kTextArray) && rng_.Chance(35)) {
        Line("CREATE INDEX IF NOT EXISTS " + Unique(t.name + "_" + c.name + "_gin_idx") +
             " ON app." + t.name + " USING gin (" + c.name + ");");
      }
    }
    for (auto& c : added) t.columns.push_back(c);
    if (tx) {
      Line("");
      Line("COMMIT;");
    }
    return "add_" + added[0].name + "_to_" + t.name;
  }

  std::string DoBlockFile() {
    Table& t = PickRecentTable();
    Header("guarded changes on " + t.name,
           "Idempotent: safe to re-run on databases patched by hand during the outage.");
    const int blocks = rng_.Range(1, 4);
    std::vector<std::string> after;
    for (int b = 0; b < blocks; ++b) {
      const int kind = static_cast<int>(rng_.Below(4));
      Line("DO $$");
      Line("BEGIN");
      if (kind == 0) {
        Column c = NewColumn(t, true);
        Line("  IF NOT EXISTS (");
        Line("    SELECT 1 FROM information_schema.columns");
        Line("    WHERE table_schema = 'app' AND table_name = '" + t.name +
             "' AND column_name = '" + c.name + "'");
        Line("  ) THEN");
        Line("    ALTER TABLE app." + t.name + " ADD COLUMN " + ColumnSql(t, c) + ";");
        Line("    RAISE NOTICE 'added column %.%', '" + t.name + "', '" + c.name + "';");
        Line("  END IF;");
        t.columns.push_back(c);
      } else if (kind == 1) {
        // CHECK constraint, added NOT VALID and validated afterwards.
        const Column* target = nullptr;
        for (const Column& c : t.columns) {
          if (c.kind == Kind::kText || c.kind == Kind::kInt || c.kind == Kind::kNumeric)
            target = &c;
        }
        if (!target) {
          Column c;
          c.kind = Kind::kText;
          c.type = "text";
          c.name = "notes";
          for (int i = 2; t.column_names.count(c.name); ++i) c.name = "notes_" + std::to_string(i);
          t.column_names.insert(c.name);
          t.columns.push_back(c);
          target = &t.columns.back();
          Line("  ALTER TABLE app." + t.name + " ADD COLUMN IF NOT EXISTS " + c.name + " text;");
        }
        const std::string con = Unique(t.name + "_" + target->name + "_chk");
        const std::string expr =
            target->kind == Kind::kText
                ? "char_length(" + target->name + ") <= " + std::to_string(rng_.Range(2, 10) * 100)
                : target->name + " >= 0";
        Line("  IF NOT EXISTS (");
        Line("    SELECT 1 FROM pg_constraint");
        Line("    WHERE conname = '" + con + "' AND conrelid = 'app." + t.name + "'::regclass");
        Line("  ) THEN");
        Line("    ALTER TABLE app." + t.name + " ADD CONSTRAINT " + con + " CHECK (" + expr +
             ") NOT VALID;");
        Line("  END IF;");
        after.push_back("ALTER TABLE app." + t.name + " VALIDATE CONSTRAINT " + con + ";");
      } else if (kind == 2) {
        const std::string type = Unique(t.name + "_kind");
        const std::string col = "kind";
        std::string column = col;
        for (int i = 2; t.column_names.count(column); ++i) column = col + "_" + std::to_string(i);
        t.column_names.insert(column);
        Line("  IF NOT EXISTS (");
        Line("    SELECT 1 FROM pg_type ty JOIN pg_namespace ns ON ns.oid = ty.typnamespace");
        Line("    WHERE ns.nspname = 'app' AND ty.typname = '" + type + "'");
        Line("  ) THEN");
        Line("    CREATE TYPE app." + type + " AS ENUM ('" + Word() + "', '" + Word() +
             "_x', 'other');");
        Line("  END IF;");
        after.push_back("ALTER TABLE app." + t.name + " ADD COLUMN IF NOT EXISTS " + column +
                        " app." + type + ";");
      } else {
        // A late foreign key to an earlier table, NOT VALID first.
        const Table& p = PickTable();
        std::string column = p.name + "_ref_id";
        for (int i = 2; t.column_names.count(column); ++i)
          column = p.name + "_ref" + std::to_string(i) + "_id";
        t.column_names.insert(column);
        const std::string con = Unique(t.name + "_" + column + "_fkey");
        Line("  ALTER TABLE app." + t.name + " ADD COLUMN IF NOT EXISTS " + column + " " +
             p.IdType() + ";");
        Line("  IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = '" + con + "') THEN");
        Line("    ALTER TABLE app." + t.name + " ADD CONSTRAINT " + con);
        Line("      FOREIGN KEY (" + column + ") REFERENCES app." + p.name +
             " (id) ON DELETE SET NULL NOT VALID;");
        Line("  END IF;");
        Column c;
        c.kind = Kind::kFk;
        c.name = column;
        c.type = p.IdType();
        c.parent = p.name;
        t.columns.push_back(c);
        after.push_back("ALTER TABLE app." + t.name + " VALIDATE CONSTRAINT " + con + ";");
      }
      Line("END");
      Line("$$;");
      Line("");
    }
    for (const auto& s : after) Line(s);
    return "guarded_changes_" + t.name;
  }

  std::string ConcurrentIndexFile() {
    Table& t = PickRecentTable();
    std::vector<const Column*> candidates;
    for (const Column& c : t.columns) {
      if (c.kind != Kind::kJsonb && c.kind != Kind::kTextArray) candidates.push_back(&c);
    }
    std::string cols, suffix;
    if (candidates.empty()) {
      cols = "created_at";
      suffix = "created_at";
    } else {
      const Column* a = candidates[rng_.Below(candidates.size())];
      cols = a->name;
      suffix = a->name;
      if (t.tenant && rng_.Chance(50)) {
        cols = "tenant_id, " + cols;
        suffix = "tenant_" + suffix;
      }
      if (candidates.size() > 1 && rng_.Chance(30)) {
        const Column* b = candidates[rng_.Below(candidates.size())];
        if (b != a) {
          cols += ", " + b->name;
          suffix += "_" + b->name;
        }
      }
    }
    const std::string idx = Unique(t.name + "_" + suffix + "_idx");
    Header("index " + t.name + " (" + cols + ")",
           "Builds the index without blocking writes on a large, busy table.", true);
    std::string where;
    if (t.column_names.count("archived_at") && rng_.Chance(60))
      where = " WHERE archived_at IS NULL";
    Line("CREATE INDEX CONCURRENTLY IF NOT EXISTS " + idx);
    Line("  ON app." + t.name + " (" + cols + ")" + where + ";");
    return "index_" + idx + "_concurrently";
  }

  std::string TriggerFile() {
    // Prefer a child table with a FK so the counter / touch variants make sense.
    // (Copies, not pointers: the parent may be the child itself and gain a column below.)
    Table* child = nullptr;
    std::optional<Column> fk_copy;
    for (int attempt = 0; attempt < 6 && !fk_copy; ++attempt) {
      Table& t = PickRecentTable();
      for (const Column& c : t.columns)
        if (c.kind == Kind::kFk) {
          child = &t;
          fk_copy = c;
        }
    }
    int variant = static_cast<int>(rng_.Below(fk_copy ? 4 : 2));
    // Touching the parent means bumping its updated_at; without one, keep a counter instead.
    if (variant == 3 && !FindTable(fk_copy->parent)->updated_at) variant = 2;
    const Column* fk = fk_copy ? &*fk_copy : nullptr;
    Table& t = child && variant >= 2 ? *child : PickRecentTable();
    const std::string fn = Unique(t.name + (variant == 0   ? "_audit"
                                            : variant == 1 ? "_validate"
                                            : variant == 2 ? "_count"
                                                           : "_touch_parent"));
    Header("trigger function " + fn, "Trigger maintained in the database so every writer gets it.");
    std::string parent_name;
    std::string count_col;
    if (variant >= 2) {
      parent_name = FindTable(fk->parent)->name;
      if (variant == 2) {
        Table& p = *FindTable(fk->parent);
        count_col = t.name + "_count";
        for (int i = 2; p.column_names.count(count_col); ++i)
          count_col = t.name + "_count" + std::to_string(i);
        p.column_names.insert(count_col);
        Column c;
        c.name = count_col;
        c.kind = Kind::kInt;
        c.type = "integer";
        c.not_null = true;
        c.has_default = true;
        p.columns.push_back(c);
        Line("ALTER TABLE app." + p.name + " ADD COLUMN IF NOT EXISTS " + count_col +
             " integer NOT NULL DEFAULT 0;");
        Line("");
      }
    }
    Line("CREATE OR REPLACE FUNCTION app." + fn + "() RETURNS trigger");
    Line("LANGUAGE plpgsql");
    if (variant == 0) {
      Line("SECURITY DEFINER");
      Line("SET search_path = app, pg_temp");
    }
    Line("AS $$");
    if (variant == 0) {
      Line("DECLARE");
      Line("  v_row_id text;");
      Line("BEGIN");
      Line("  IF TG_OP = 'DELETE' THEN");
      Line("    v_row_id := OLD.id::text;");
      Line("    INSERT INTO app.audit_log (table_name, row_id, action, old_data)");
      Line("    VALUES (TG_TABLE_NAME, v_row_id, TG_OP, to_jsonb(OLD));");
      Line("    RETURN OLD;");
      Line("  ELSIF TG_OP = 'UPDATE' THEN");
      Line("    IF to_jsonb(OLD) = to_jsonb(NEW) THEN");
      Line("      RETURN NEW;  -- nothing changed");
      Line("    END IF;");
      Line("    v_row_id := NEW.id::text;");
      Line("    INSERT INTO app.audit_log (table_name, row_id, action, old_data, new_data)");
      Line("    VALUES (TG_TABLE_NAME, v_row_id, TG_OP, to_jsonb(OLD), to_jsonb(NEW));");
      Line("    RETURN NEW;");
      Line("  END IF;");
      Line("  INSERT INTO app.audit_log (table_name, row_id, action, new_data)");
      Line("  VALUES (TG_TABLE_NAME, NEW.id::text, TG_OP, to_jsonb(NEW));");
      Line("  RETURN NEW;");
      Line("END;");
    } else if (variant == 1) {
      std::string text_col;
      for (const Column& c : t.columns)
        if (c.kind == Kind::kText) text_col = c.name;
      Line("DECLARE");
      Line("  v_limit constant integer := " + std::to_string(rng_.Range(2, 20) * 50) + ";");
      Line("BEGIN");
      if (!text_col.empty()) {
        Line("  IF NEW." + text_col + " IS NOT NULL THEN");
        Line("    NEW." + text_col + " := btrim(NEW." + text_col + ");");
        Line("    IF char_length(NEW." + text_col + ") > v_limit THEN");
        Line("      RAISE EXCEPTION '" + t.name + "." + text_col + " is too long (% > %)',");
        Line("        char_length(NEW." + text_col +
             "), v_limit USING ERRCODE = 'check_violation';");
        Line("    END IF;");
        Line("  END IF;");
      }
      Line("  IF TG_OP = 'UPDATE' AND NEW.id IS DISTINCT FROM OLD.id THEN");
      Line("    RAISE EXCEPTION 'id of " + t.name + " is immutable';");
      Line("  END IF;");
      Line("  RETURN NEW;");
      Line("END;");
    } else if (variant == 2) {
      Line("BEGIN");
      Line("  IF TG_OP = 'INSERT' THEN");
      Line("    UPDATE app." + parent_name + " SET " + count_col + " = " + count_col + " + 1");
      Line("    WHERE id = NEW." + fk->name + ";");
      Line("  ELSIF TG_OP = 'DELETE' THEN");
      Line("    UPDATE app." + parent_name + " SET " + count_col + " = greatest(" + count_col +
           " - 1, 0)");
      Line("    WHERE id = OLD." + fk->name + ";");
      Line("  END IF;");
      Line("  RETURN NULL;");
      Line("END;");
    } else {
      Line("BEGIN");
      Line("  IF NEW." + fk->name + " IS NOT NULL THEN");
      Line("    UPDATE app." + parent_name + " SET updated_at = now()");
      Line("    WHERE id = NEW." + fk->name + ";");
      Line("  END IF;");
      Line("  RETURN NEW;");
      Line("END;");
    }
    Line("$$;");
    Line("");
    Line("COMMENT ON FUNCTION app." + fn + "() IS 'Trigger function for app." + t.name + ".';");
    Line("");
    const std::string trg = Unique(fn + "_trg");
    Line("DROP TRIGGER IF EXISTS " + trg + " ON app." + t.name + ";");
    Line("CREATE TRIGGER " + trg);
    if (variant == 0)
      Line("  AFTER INSERT OR UPDATE OR DELETE ON app." + t.name);
    else if (variant == 1)
      Line("  BEFORE INSERT OR UPDATE ON app." + t.name);
    else if (variant == 2)
      Line("  AFTER INSERT OR DELETE ON app." + t.name);
    else
      Line("  AFTER INSERT OR UPDATE OF " + fk->name + " ON app." + t.name);
    Line("  FOR EACH ROW EXECUTE FUNCTION app." + fn + "();");
    ++t.triggers;
    return "trigger_" + fn;
  }

  std::string RlsFile() {
    Table* t = nullptr;
    for (int attempt = 0; attempt < 8 && !t; ++attempt) {
      Table& c = PickRecentTable();
      if (c.tenant) t = &c;
    }
    if (!t) return "create_" + CreateTableFile();
    Header("row level security for " + t->name,
           "Tenant isolation: app_user only sees rows of the tenant in app.tenant_id.");
    const bool tx = rng_.Chance(50);
    if (tx) {
      Line("BEGIN;");
      Line("");
    }
    Policies(*t);
    if (tx) {
      Line("");
      Line("COMMIT;");
    }
    return "rls_" + t->name;
  }

  std::string ViewFile() {
    Table& t = PickRecentTable();
    const std::string view = Unique(t.name + "_overview");
    Header("view " + view, "Read model for the admin UI; keeps the joins out of application code.");
    const Column* fk = nullptr;
    for (const Column& c : t.columns)
      if (c.kind == Kind::kFk) fk = &c;
    Line("CREATE OR REPLACE VIEW app." + view + " AS");
    Line("SELECT");
    Line("  t.id,");
    if (t.tenant) Line("  t.tenant_id,");
    int shown = 0;
    for (const Column& c : t.columns) {
      if (c.kind == Kind::kFk || shown >= 5) continue;
      Line("  t." + c.name + ",");
      ++shown;
    }
    if (fk) Line("  p.created_at AS " + fk->parent + "_created_at,");
    Line("  t.created_at");
    Line("FROM app." + t.name + " t");
    if (fk) Line("LEFT JOIN app." + fk->parent + " p ON p.id = t." + fk->name);
    const Column* status = nullptr;
    for (const Column& c : t.columns)
      if (c.kind == Kind::kStatus) status = &c;
    if (status)
      Line("WHERE t." + status->name + " <> '" + kStatusSets[status->status_set].back() + "';");
    else
      Line("WHERE t.created_at > now() - interval '" + std::to_string(rng_.Range(1, 12) * 30) +
           " days';");
    Line("");
    Line("COMMENT ON VIEW app." + view + " IS 'Overview of " + t.name + " for the admin UI.';");
    Line("GRANT SELECT ON app." + view + " TO app_readonly;");
    return "view_" + view;
  }

  std::string SeedFile() {
    Table* t = nullptr;
    for (int attempt = 0; attempt < 8 && !t; ++attempt) {
      Table& c = PickTable();
      if (c.Insertable()) t = &c;
    }
    if (!t) return AddColumnFile();
    Header("seed " + t->name, "Reference rows every environment needs.");
    Seed(*t, rng_.Range(3, 8));
    return "seed_" + t->name;
  }

  Rng rng_;
  int width_;
  std::vector<std::string> files_;  // stems of the files made so far
  std::size_t index_ = 0;
  std::string out_;
  std::vector<Table> tables_;
  std::set<std::string> names_;
};

int Usage() {
  std::cerr << "usage: migralint_gen_corpus OUT_DIR N [--seed S]\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> positional;
  std::uint64_t seed = 42;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--seed" && i + 1 < argc)
      seed = std::strtoull(argv[++i], nullptr, 10);
    else if (arg.rfind("--seed=", 0) == 0)
      seed = std::strtoull(arg.c_str() + 7, nullptr, 10);
    else if (arg == "-h" || arg == "--help")
      return Usage(), 0;
    else
      positional.push_back(arg);
  }
  if (positional.size() != 2) return Usage();
  char* end = nullptr;
  const unsigned long long n = std::strtoull(positional[1].c_str(), &end, 10);
  if (!end || *end != '\0' || n == 0) return Usage();

  const fs::path dir = fs::path(positional[0]) / "migrations";
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) {
    std::cerr << "migralint_gen_corpus: cannot create " << dir << ": " << ec.message() << "\n";
    return 1;
  }
  // Regenerating into the same directory must not leave files of an earlier, larger run.
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() == ".sql") fs::remove(entry.path());
  }

  const int width = static_cast<int>(std::to_string(n).size());
  Generator gen(seed, width);
  std::uint64_t bytes = 0;
  for (unsigned long long i = 1; i <= n; ++i) {
    auto [name, body] = gen.Make(i);
    const fs::path file = dir / (gen.Number(i) + "_" + name + ".sql");
    std::ofstream out(file, std::ios::binary);
    out << body;
    if (!out) {
      std::cerr << "migralint_gen_corpus: cannot write " << file << "\n";
      return 1;
    }
    bytes += body.size();
  }
  std::printf("wrote %llu files, %llu bytes (%.0f B/file) to %s\n", n,
              static_cast<unsigned long long>(bytes),
              static_cast<double>(bytes) / static_cast<double>(n), dir.string().c_str());
  return 0;
}
