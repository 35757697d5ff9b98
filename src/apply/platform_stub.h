// platform_stub.h: on the embedded throwaway PostgreSQL, the objects a layout's platform
// provides before the first migration (Supabase: roles, grants, auth, storage, realtime), so
// that the set can be proven on an empty database.
#pragma once

#include <vector>

#include "apply/connection.h"
#include "apply/executor.h"
#include "migralint/migration_set.h"

namespace migralint::apply {

/// Creates the platform objects of `layout` (nothing for most layouts). Roles are created once
/// per server, the rest once per database.
QueryResult CreatePlatformStub(Connection& db, Layout layout);

/// The session settings the platform's database gives every connection (Supabase: a
/// search_path with `extensions`); empty for most layouts.
std::vector<SessionSetting> PlatformSession(Layout layout);

}  // namespace migralint::apply
