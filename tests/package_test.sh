#!/usr/bin/env bash
# package_test.sh BUILD_DIR CPACK: `cmake --install` into a staging prefix, then `cpack -G DEB`
# of the build tree; the .deb is unpacked into a scratch root (dpkg -x), its migralint runs
# (--version agrees with the package version, a lint finds a syntax error), the man page is
# there, gzipped and renders without warnings, and every shared library the binary links comes
# from a package in Depends. Exit 77 = skipped: dpkg-deb is not installed (not a Debian system).
set -uo pipefail
build=$1 cpack=$2
if ! command -v dpkg-deb >/dev/null 2>&1; then
  echo "SKIP: dpkg-deb is not installed (the .deb can only be checked on Debian)"
  exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
cmake=$(dirname "$cpack")/cmake
[[ -x $cmake ]] || cmake=cmake

# 1. cmake --install: the binary and the gzipped man page under the prefix.
"$cmake" --install "$build" --prefix "$work/stage" >/dev/null || fail "cmake --install"
[[ -x $work/stage/bin/migralint ]] || fail "cmake --install: no bin/migralint"
gzip -t "$work/stage/share/man/man1/migralint.1.gz" || fail "cmake --install: man page not gzipped"

# 2. cpack -G DEB, into a scratch folder (nothing written into the build tree's root).
"$cpack" -G DEB --config "$build/CPackConfig.cmake" -B "$work/out" >"$work/cpack.log" 2>&1 \
  || { cat "$work/cpack.log"; fail "cpack -G DEB"; }
debs=("$work"/out/*.deb)
[[ ${#debs[@]} -eq 1 && -f ${debs[0]} ]] || { cat "$work/cpack.log"; fail "expected one .deb, got: ${debs[*]}"; }
deb=${debs[0]}
version=$(dpkg-deb -f "$deb" Version)
arch=$(dpkg-deb -f "$deb" Architecture)
depends=$(dpkg-deb -f "$deb" Depends)
echo "$(basename "$deb"): Version $version, Depends: $depends; Recommends: $(dpkg-deb -f "$deb" Recommends)"
[[ $(dpkg-deb -f "$deb" Package) == migralint ]] || fail "package name"
[[ $(basename "$deb") == "migralint_${version}_${arch}.deb" ]] || fail "file name $(basename "$deb")"

# Exactly the binary, the man page, the copyright file and the changelog, under /usr.
files=$(dpkg-deb -c "$deb" | awk '$1 !~ /^d/ {print $NF}' | sort | tr '\n' ' ')
[[ $files == "./usr/bin/migralint ./usr/share/doc/migralint/changelog.gz ./usr/share/doc/migralint/copyright ./usr/share/man/man1/migralint.1.gz " ]] \
  || fail "package contents: $files"

# Debian's own checker: no error (warnings are printed, not fatal).
if command -v lintian >/dev/null 2>&1; then
  lintian --allow-root --fail-on error "$deb" >"$work/lintian.log" 2>&1 \
    || { cat "$work/lintian.log"; fail "lintian reports errors"; }
  sed 's/^/lintian: /' "$work/lintian.log"
else
  echo "note: lintian is not installed; the package was not checked by it"
fi

# 3. Installed into a scratch root, it runs.
dpkg -x "$deb" "$work/root" || fail "dpkg -x"
bin=$work/root/usr/bin/migralint
out=$("$bin" --version) || fail "--version exits non-zero"
[[ $out == "migralint $version" ]] || fail "--version prints '$out', the package is version $version"
mkdir -p "$work/set/migrations"
printf 'CREATE TABLE t (id int,);\n' > "$work/set/migrations/001_init.sql"
out=$(cd "$work/set" && "$bin" lint --format gcc --disable rls-disabled .)
rc=$?
[[ $rc -eq 1 ]] || fail "lint of a syntax error exits $rc, expected 1: $out"
grep -q '^migrations/001_init.sql:1:[0-9]*: error: .*\[syntax-error\]$' <<<"$out" || fail "lint output: $out"

# 4. The man page: gzipped, and it renders (groff warnings fail the test).
man=$work/root/usr/share/man/man1/migralint.1.gz
gzip -t "$man" || fail "man page is not valid gzip"
[[ $(gzip -dc "$man" | head -c 4) == '.\" ' ]] || fail "man page does not hold the roff source"
if command -v man >/dev/null 2>&1; then
  page=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings=w -l "$man" 2>"$work/man.err" | sed 's/.\x08//g')
  [[ -s $work/man.err ]] && { cat "$work/man.err"; fail "man -l: groff warnings"; }
  for section in NAME SYNOPSIS COMMANDS OPTIONS 'EXIT STATUS' FILES; do
    grep -q "^$section\$" <<<"$page" || fail "man page has no $section section"
  done
else
  echo "note: man is not installed; the page was checked as gzip only"
fi

# 5. Depends covers every shared library the binary needs directly (readelf -d: NEEDED; what
#    those need in turn is their packages' business). Sanitizer runtimes aside: they are there
#    only in a -DMIGRALINT_SANITIZE=ON build, which is never packaged.
command -v readelf >/dev/null 2>&1 || fail "readelf (binutils) is not installed"
packages=$(tr ',' '\n' <<<"$depends" | sed 's/^ *//; s/[ |].*//')
resolved=$(ldd "$bin")
needed=$(readelf -d "$bin" | sed -n 's/.*(NEEDED).*\[\(.*\)\]$/\1/p')
[[ -n $needed ]] || fail "readelf -d shows no NEEDED libraries"
while read -r soname; do
  case $soname in libasan.so*|libubsan.so*|liblsan.so*|libtsan.so*) continue ;; esac
  lib=$(awk -v n="$soname" '($1 == n && $2 == "=>") {print $3}
    (substr($1, length($1) - length(n)) == "/" n) {print $1}' <<<"$resolved" | head -n1)
  [[ -n $lib ]] || fail "ldd does not resolve $soname"
  owner=""
  for candidate in "$lib" "$(realpath "$lib")" "/usr$lib" "${lib#/usr}"; do
    owner=$(dpkg -S "$candidate" 2>/dev/null | head -n1 | cut -d: -f1)
    [[ -n $owner ]] && break
  done
  [[ -n $owner ]] || fail "no package owns $lib ($soname)"
  grep -qxF "$owner" <<<"$packages" || fail "$soname comes from $owner, which is not in Depends ($depends)"
done <<<"$needed"
echo "OK: $(basename "$deb") installs, runs and carries its man page, copyright and changelog"
