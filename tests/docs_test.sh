#!/usr/bin/env bash
# docs_test.sh MIGRALINT SOURCE_DIR: runs ci/gen-docs.sh on a copy of README.md and docs/rules/
# and fails, showing the diff, when the committed documentation is not what the rules generate
# (a rule.md or example edited without regenerating). Exit 77 = skipped: jq is not installed.
set -uo pipefail
migralint=$1 source=$2
if ! command -v jq >/dev/null 2>&1; then
  echo "SKIP: jq is not installed (ci/install-deps.sh installs it)"
  exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[[ -d $source/docs/rules ]] || { echo "FAIL: $source/docs/rules/ is missing: run ci/gen-docs.sh"; exit 1; }
mkdir -p "$work/docs"
cp "$source/README.md" "$work/README.md"
cp -R "$source/docs/rules" "$work/docs/rules"
bash "$source/ci/gen-docs.sh" "$migralint" "$work" || { echo "FAIL: ci/gen-docs.sh failed"; exit 1; }
# Run twice: the output must not depend on the previous output.
cp -R "$work" "$work.again" && trap 'rm -rf "$work" "$work.again"' EXIT
bash "$source/ci/gen-docs.sh" "$migralint" "$work.again" >/dev/null || exit 1
diff -r "$work" "$work.again" || { echo "FAIL: a second run of ci/gen-docs.sh changed its output"; exit 1; }

status=0
(cd "$source" && diff -u README.md "$work/README.md") || status=1
(cd "$source" && diff -ru docs/rules "$work/docs/rules") || status=1
if ((status)); then
  echo "FAIL: README.md or docs/rules/ is stale. Regenerate and commit: ci/gen-docs.sh build/migralint"
  exit 1
fi
echo "OK: README.md's rule table and docs/rules/ match the rules"
