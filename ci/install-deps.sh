#!/usr/bin/env bash
# Installs the Debian (bookworm) packages migralint needs to build, test and fuzz.
# Idempotent and quick when everything is present: apt-get runs only for missing packages.
# Runs as root (or with sudo). Only Debian's archive and the npm registry are reachable;
# npm is needed at configure time for the tree-sitter SQL grammar (cmake/TreeSitterSql.cmake).
# Usage: ci/install-deps.sh [demo]   — `demo`: only what building migralint and ci/demo.sh need.
set -euo pipefail

PACKAGES=(
  # toolchain and build
  build-essential cmake pkg-config git ca-certificates
  patch                      # cmake/TreeSitterSql.cmake applies cmake/tree-sitter-sql-scanner.patch
  # libraries (cmake/Dependencies.cmake)
  libpg-query-dev libprotobuf-c-dev libtree-sitter-dev libcli11-dev nlohmann-json3-dev
  libsimdjson-dev
  libtomlplusplus-dev libssl-dev libpq-dev
  libre2-dev                 # [[sets]] patterns: linear-time matching
  postgresql-15              # `lint --apply` without a database starts a throwaway server
)
if [[ ${1:-} != demo ]]; then
  PACKAGES+=(
    # tests
    libgtest-dev librapidcheck-dev python3-jsonschema
    chromium                   # tests/html_render_test.sh: --format html rendered headless
    pre-commit                 # tests/precommit_test.sh runs the hook of .pre-commit-hooks.yaml
    neovim                     # tests/nvim_lsp_test.sh: its LSP client against `migralint lsp`
    lintian                    # tests/package_test.sh checks the .deb
    jq                         # ci/gen-docs.sh reads `migralint rules --format json`
    # libFuzzer and sanitizer runtimes; the sanitizer build is clang's
    clang llvm libclang-rt-14-dev
  )
fi

# node/npm may come from elsewhere (e.g. nodesource's nodejs bundles npm; Debian's npm would
# conflict with it), so Debian's are installed only when there is no npm at all.
if ! command -v npm >/dev/null 2>&1; then
  PACKAGES+=(nodejs npm)
fi

# One dpkg-query for all packages; unknown ones print nothing (and make it exit 1).
declare -A installed=()
while read -r name status; do
  if [[ $status == "install ok installed" ]]; then installed[$name]=1; fi
done < <(dpkg-query -W -f='${Package} ${Status}\n' "${PACKAGES[@]}" 2>/dev/null || true)

missing=()
for p in "${PACKAGES[@]}"; do
  [[ -n ${installed[$p]:-} ]] || missing+=("$p")
done

if ((${#missing[@]} == 0)); then
  echo "install-deps: all ${#PACKAGES[@]} packages already installed"
  exit 0
fi

SUDO=()
if ((EUID != 0)); then
  command -v sudo >/dev/null 2>&1 || { echo "install-deps: need root to install: ${missing[*]}" >&2; exit 1; }
  SUDO=(sudo)
fi
APT=("${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -q -y)
"${APT[@]}" update >/dev/null
"${APT[@]}" install --no-install-recommends "${missing[@]}" >/dev/null
echo "install-deps: installed ${#missing[@]} of ${#PACKAGES[@]} packages: ${missing[*]}"
