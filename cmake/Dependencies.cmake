# Dependencies.cmake: every third-party library comes from a Debian package (ci/install-deps.sh).
find_package(PkgConfig REQUIRED)

find_path(PG_QUERY_INCLUDE_DIR pg_query.h REQUIRED)
find_library(PG_QUERY_LIBRARY NAMES libpg_query.a pg_query REQUIRED)
add_library(pg_query::pg_query UNKNOWN IMPORTED)
set_target_properties(pg_query::pg_query PROPERTIES
  IMPORTED_LOCATION "${PG_QUERY_LIBRARY}"
  INTERFACE_SYSTEM_INCLUDE_DIRECTORIES "${PG_QUERY_INCLUDE_DIR}")
# pg_query.pb-c.h needs protobuf-c's header; the runtime itself is inside libpg_query.
find_path(PROTOBUF_C_INCLUDE_DIR protobuf-c/protobuf-c.h REQUIRED)
set_property(TARGET pg_query::pg_query APPEND PROPERTY
  INTERFACE_SYSTEM_INCLUDE_DIRECTORIES "${PROTOBUF_C_INCLUDE_DIR}")

pkg_check_modules(TREE_SITTER REQUIRED IMPORTED_TARGET tree-sitter)
find_package(CLI11 CONFIG REQUIRED)
find_package(nlohmann_json 3.10 CONFIG REQUIRED)
find_package(simdjson 3 CONFIG REQUIRED)
pkg_check_modules(TOMLPLUSPLUS REQUIRED IMPORTED_TARGET tomlplusplus)
# [[sets]] patterns come from the user's config: RE2 matches in linear time, never backtracks.
pkg_check_modules(RE2 REQUIRED IMPORTED_TARGET re2)
find_package(OpenSSL REQUIRED COMPONENTS Crypto)
find_package(PostgreSQL REQUIRED)
