// platform_stub.h: on the embedded throwaway PostgreSQL, the objects a layout's platform
// provides before the first migration (Supabase: roles, auth and storage), so that the set can
// be proven on an empty database.
#pragma once

#include "apply/connection.h"
#include "migralint/migration_set.h"

namespace migralint::apply {

/// Creates the platform objects of `layout` (nothing for most layouts).
QueryResult CreatePlatformStub(Connection& db, Layout layout);

}  // namespace migralint::apply
