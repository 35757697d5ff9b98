# Packaging.cmake: what `cmake --install` and `cpack -G DEB` need beyond the binary (whose
# install() rule is in src/CMakeLists.txt): the man page, gzipped as Debian policy wants, and the
# .deb's metadata. tests/package_test.sh builds the package, unpacks it and runs it.

# doc/migralint.1 -> migralint.1.gz; -n leaves out the name and time stamp, so the same page
# always gives the same bytes.
find_program(GZIP_EXECUTABLE gzip REQUIRED)
set(MIGRALINT_MAN_PAGE "${PROJECT_SOURCE_DIR}/doc/migralint.1")
set(MIGRALINT_MAN_PAGE_GZ "${PROJECT_BINARY_DIR}/migralint.1.gz")
add_custom_command(
  OUTPUT "${MIGRALINT_MAN_PAGE_GZ}"
  COMMAND "${GZIP_EXECUTABLE}" -9n -c "${MIGRALINT_MAN_PAGE}" > "${MIGRALINT_MAN_PAGE_GZ}"
  DEPENDS "${MIGRALINT_MAN_PAGE}"
  COMMENT "Compressing the man page migralint.1"
  VERBATIM)
add_custom_target(migralint_man ALL DEPENDS "${MIGRALINT_MAN_PAGE_GZ}")
install(FILES "${MIGRALINT_MAN_PAGE_GZ}" DESTINATION "${CMAKE_INSTALL_MANDIR}/man1")

# What Debian policy asks of every package (lintian errors otherwise): the copyright file and,
# for a native package, changelog.gz in /usr/share/doc/migralint.
configure_file("${PROJECT_SOURCE_DIR}/doc/changelog.Debian.in" "${PROJECT_BINARY_DIR}/changelog"
               @ONLY)
set(MIGRALINT_CHANGELOG_GZ "${PROJECT_BINARY_DIR}/changelog.gz")
add_custom_command(
  OUTPUT "${MIGRALINT_CHANGELOG_GZ}"
  COMMAND "${GZIP_EXECUTABLE}" -9n -c "${PROJECT_BINARY_DIR}/changelog" > "${MIGRALINT_CHANGELOG_GZ}"
  DEPENDS "${PROJECT_BINARY_DIR}/changelog"
  COMMENT "Compressing the Debian changelog"
  VERBATIM)
add_custom_target(migralint_changelog ALL DEPENDS "${MIGRALINT_CHANGELOG_GZ}")
install(FILES "${PROJECT_SOURCE_DIR}/doc/copyright" "${MIGRALINT_CHANGELOG_GZ}"
        DESTINATION "${CMAKE_INSTALL_DOCDIR}")

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME migralint)
set(CPACK_PACKAGE_VENDOR "migralint")
set(CPACK_PACKAGE_CONTACT "migralint maintainers <migralint@example.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "linter and gated executor for PostgreSQL migration sets")
# Lines under 80 columns: lintian's extended-description-line-too-long.
set(CPACK_PACKAGE_DESCRIPTION
    "migralint reads a folder of ordered .sql migrations the way the migration
runner will execute them, parses every statement with PostgreSQL's own grammar
(libpg_query), replays the set into an in-memory schema model, and reports
what will fail, lock, drift or leak before anything touches a database. It
runs as a pre-commit hook, as a CI gate (JSON, SARIF, GitHub annotations) and
from editors (gcc-style lines, standard input, a language server). Its
executor applies the set with libpq, and only after it passes.")
# The package holds only what `cmake --install` puts under the prefix: /usr/bin, /usr/share/man,
# /usr/share/doc/migralint.
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)  # RelWithDebInfo builds carry debug info the package does not need
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # migralint_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# The packages of the shared libraries the binary needs (readelf -d: libc, libgcc_s, libstdc++,
# libcrypto, libre2, libsimdjson, libtree-sitter, libtomlplusplus; libpg_query is linked statically;
# libpq is loaded with dlopen when a database is needed), with the lower bounds dpkg-shlibdeps
# derives on bookworm from the symbols it uses. tests/package_test.sh fails when the binary needs
# a library whose package is not listed here.
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "libc6 (>= 2.34), libgcc-s1 (>= 3.4), libpq5, libre2-9 (>= 20220601+dfsg), libsimdjson14 (>= 3.0.1), libssl3 (>= 3.0.0), libstdc++6 (>= 11), libtomlplusplus3 (>= 3.2.0), libtree-sitter0 (>= 0.19)")
# `lint --apply` without a database URL starts a throwaway server from these binaries.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "postgresql-15 | postgresql")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "pre-commit")
include(CPack)
