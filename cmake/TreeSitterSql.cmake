# TreeSitterSql.cmake: the SQL grammar for tree-sitter, as the static library target `tree_sitter_sql`.
#
# Debian ships libtree-sitter but no SQL grammar, so at configure time we take the npm package
# @derekstride/tree-sitter-sql (MIT; ships the generated src/parser.c), check it against its published
# integrity, extract it under <build>/_deps/tree-sitter-sql (never into the source tree) and apply
# cmake/tree-sitter-sql-scanner.patch (memory leaks in the external scanner).
#
# Use:  target_link_libraries(x PRIVATE tree_sitter_sql)   # also brings PkgConfig::TREE_SITTER if defined
#       #include <tree_sitter/tree-sitter-sql.h>            // const TSLanguage *tree_sitter_sql(void);
# Offline: -DMIGRALINT_TREE_SITTER_SQL_TGZ=/path/to/derekstride-tree-sitter-sql-0.3.11.tgz skips `npm pack`.

set(MIGRALINT_TREE_SITTER_SQL_VERSION 0.3.11)
# `npm view @derekstride/tree-sitter-sql@0.3.11 dist.integrity`
set(_tsq_integrity "sha512-YRtTXVWK4n7/3BUGchhGcW/IF1u2ldR2fd0t3Uw7ymbGXcRfiG3v1T6N43jQKXz2LwN+Nx+Ab96T0HtusBVH9g==")
set(MIGRALINT_TREE_SITTER_SQL_TGZ "" CACHE FILEPATH
    "Local @derekstride/tree-sitter-sql-${MIGRALINT_TREE_SITTER_SQL_VERSION} npm tarball (skips npm pack)")

set(_tsq_dir "${CMAKE_BINARY_DIR}/_deps/tree-sitter-sql")
set(_tsq_src "${_tsq_dir}/package/src")
set(_tsq_patch "${CMAKE_CURRENT_LIST_DIR}/tree-sitter-sql-scanner.patch")

# npm's integrity is base64(sha512); file(SHA512) gives hex. Decode in pure CMake (no openssl/base64
# tools needed): 4 base64 characters -> 24 bits -> 6 hex digits, then drop the bytes that '=' padded.
function(_tsq_base64_to_hex b64 out_var)
  set(alphabet "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
  set(hexdigits "0123456789abcdef")
  string(LENGTH "${b64}" len)
  math(EXPR rem "${len} % 4")
  if(len EQUAL 0 OR NOT rem EQUAL 0)
    message(FATAL_ERROR "TreeSitterSql: malformed base64 '${b64}'")
  endif()
  set(hex "")
  set(pad 0)
  math(EXPR last "${len} - 1")
  foreach(i RANGE 0 ${last} 4)
    set(v 0)
    foreach(j RANGE 0 3)
      math(EXPR k "${i} + ${j}")
      string(SUBSTRING "${b64}" ${k} 1 c)
      if(c STREQUAL "=")
        math(EXPR pad "${pad} + 1")
        set(d 0)
      else()
        string(FIND "${alphabet}" "${c}" d)
        if(d EQUAL -1)
          message(FATAL_ERROR "TreeSitterSql: malformed base64 '${b64}'")
        endif()
      endif()
      math(EXPR v "(${v} << 6) | ${d}")
    endforeach()
    foreach(shift 20 16 12 8 4 0)
      math(EXPR n "(${v} >> ${shift}) & 15")
      string(SUBSTRING "${hexdigits}" ${n} 1 h)
      string(APPEND hex "${h}")
    endforeach()
  endforeach()
  math(EXPR keep "(${len} / 4 * 3 - ${pad}) * 2")
  string(SUBSTRING "${hex}" 0 ${keep} hex)
  set(${out_var} "${hex}" PARENT_SCOPE)
endfunction()

string(REGEX REPLACE "^sha512-" "" _tsq_b64 "${_tsq_integrity}")
_tsq_base64_to_hex("${_tsq_b64}" _tsq_sha512)

# 1. The tarball: the override, or `npm pack` into the build tree unless it is already there.
if(MIGRALINT_TREE_SITTER_SQL_TGZ)
  set(_tsq_tgz "${MIGRALINT_TREE_SITTER_SQL_TGZ}")
  if(NOT EXISTS "${_tsq_tgz}")
    message(FATAL_ERROR "TreeSitterSql: MIGRALINT_TREE_SITTER_SQL_TGZ=${_tsq_tgz} does not exist")
  endif()
else()
  set(_tsq_tgz "${_tsq_dir}/derekstride-tree-sitter-sql-${MIGRALINT_TREE_SITTER_SQL_VERSION}.tgz")
  if(NOT EXISTS "${_tsq_tgz}")
    find_program(NPM_EXECUTABLE npm)
    if(NOT NPM_EXECUTABLE)
      message(FATAL_ERROR "TreeSitterSql: npm not found. Run ci/install-deps.sh, or pass "
                          "-DMIGRALINT_TREE_SITTER_SQL_TGZ=<local tarball>.")
    endif()
    file(MAKE_DIRECTORY "${_tsq_dir}")
    message(STATUS "TreeSitterSql: npm pack @derekstride/tree-sitter-sql@${MIGRALINT_TREE_SITTER_SQL_VERSION}")
    execute_process(
      COMMAND "${NPM_EXECUTABLE}" pack "@derekstride/tree-sitter-sql@${MIGRALINT_TREE_SITTER_SQL_VERSION}"
              --pack-destination "${_tsq_dir}"
      WORKING_DIRECTORY "${_tsq_dir}"
      RESULT_VARIABLE _tsq_rc OUTPUT_VARIABLE _tsq_out ERROR_VARIABLE _tsq_out
      TIMEOUT 600)
    if(NOT _tsq_rc EQUAL 0 OR NOT EXISTS "${_tsq_tgz}")
      message(FATAL_ERROR "TreeSitterSql: npm pack failed (${_tsq_rc}):\n${_tsq_out}\n"
                          "Offline? Pass -DMIGRALINT_TREE_SITTER_SQL_TGZ=<local tarball>.")
    endif()
  endif()
endif()

# 2. Integrity. A bad download is moved aside so the next configure fetches it again.
file(SHA512 "${_tsq_tgz}" _tsq_actual)
if(NOT _tsq_actual STREQUAL _tsq_sha512)
  set(_tsq_note "")
  if(NOT MIGRALINT_TREE_SITTER_SQL_TGZ)
    file(RENAME "${_tsq_tgz}" "${_tsq_tgz}.rejected")
    set(_tsq_note "\nMoved it to ${_tsq_tgz}.rejected; re-run cmake to fetch it again.")
  endif()
  message(FATAL_ERROR "TreeSitterSql: integrity mismatch for ${_tsq_tgz}\n"
                      "  expected sha512 ${_tsq_sha512}\n  (${_tsq_integrity})\n"
                      "  actual   sha512 ${_tsq_actual}${_tsq_note}")
endif()

# 3. Fresh extraction + patch, redone only when the tarball or the patch changes (stamp), so a
# re-configure does not rebuild the 17 MB parser.c. TOUCH: npm tarballs carry 1985 mtimes.
file(SHA256 "${_tsq_patch}" _tsq_patch_hash)
set(_tsq_stamp "${_tsq_dir}/extracted.stamp")
set(_tsq_want "${_tsq_sha512} ${_tsq_patch_hash}")
set(_tsq_have "")
if(EXISTS "${_tsq_stamp}")
  file(READ "${_tsq_stamp}" _tsq_have)
endif()
if(NOT _tsq_have STREQUAL _tsq_want OR NOT EXISTS "${_tsq_src}/parser.c")
  file(REMOVE_RECURSE "${_tsq_dir}/package" "${_tsq_stamp}")
  file(ARCHIVE_EXTRACT INPUT "${_tsq_tgz}" DESTINATION "${_tsq_dir}" TOUCH)
  find_program(PATCH_EXECUTABLE patch REQUIRED)
  execute_process(
    COMMAND "${PATCH_EXECUTABLE}" -p1 --forward --batch --input "${_tsq_patch}"
    WORKING_DIRECTORY "${_tsq_dir}"
    RESULT_VARIABLE _tsq_rc OUTPUT_VARIABLE _tsq_out ERROR_VARIABLE _tsq_out)
  if(NOT _tsq_rc EQUAL 0)
    message(FATAL_ERROR "TreeSitterSql: applying ${_tsq_patch} failed:\n${_tsq_out}")
  endif()
  file(WRITE "${_tsq_stamp}" "${_tsq_want}")
  message(STATUS "TreeSitterSql: extracted and patched ${_tsq_dir}/package")
endif()
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${_tsq_patch}")

# The package has no C header; this is the one tree-sitter's generator writes for C bindings.
# file(CONFIGURE) rewrites it only when the content changes.
file(CONFIGURE OUTPUT "${_tsq_dir}/include/tree_sitter/tree-sitter-sql.h" CONTENT [[
// Generated by cmake/TreeSitterSql.cmake.
#ifndef TREE_SITTER_SQL_H_
#define TREE_SITTER_SQL_H_
typedef struct TSLanguage TSLanguage;
#ifdef __cplusplus
extern "C" {
#endif
const TSLanguage *tree_sitter_sql(void);
#ifdef __cplusplus
}
#endif
#endif  // TREE_SITTER_SQL_H_
]])

# 4. The library. Third-party generated code: -O2 even in Debug (a -O0 parser is slow for no
# debugging benefit), -w (not our warnings to fix), SYSTEM includes.
add_library(tree_sitter_sql STATIC "${_tsq_src}/parser.c" "${_tsq_src}/scanner.c")
target_include_directories(tree_sitter_sql SYSTEM
  PUBLIC "${_tsq_dir}/include"
  PRIVATE "${_tsq_src}")
target_compile_options(tree_sitter_sql PRIVATE -O2 -w)
if(TARGET PkgConfig::TREE_SITTER)
  target_link_libraries(tree_sitter_sql PUBLIC PkgConfig::TREE_SITTER)
endif()
