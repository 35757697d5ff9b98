// builtins.h: what exists before a set runs — the layout's platform objects — and what an
// extension brings.
#pragma once

#include "migralint/migration_set.h"
#include "migralint/schema.h"

namespace migralint::model {

/// What PostgreSQL 15 provides (builtins_pg15.inc): its types, functions and relations.
const BuiltinCatalog& PostgresCatalog();

/// PostgreSQL's own objects (Schema::builtins). Supabase: the auth and storage schemas, their
/// tables and functions, and the extensions schema. Every layout: the public schema.
void AddBuiltins(Layout layout, Schema& schema);

/// Types and functions of well-known extensions (citext, uuid-ossp, pgcrypto, postgis, ...).
/// An extension not known here makes its objects unknowable (Schema::externals gets a wildcard).
void AddExtensionObjects(const std::string& extension, Schema& schema);

}  // namespace migralint::model
