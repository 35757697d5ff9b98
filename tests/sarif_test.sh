#!/usr/bin/env bash
# sarif_test.sh MIGRALINT SOURCE_DIR SCHEMA: lints the corpus and a clean set as SARIF and
# validates both against the SARIF 2.1.0 schema (exit 77 = skipped: schema absent).
set -uo pipefail
migralint=$1 source=$2 schema=$3
if [[ ! -f $schema ]]; then
  echo "SKIP: $schema absent (needs ../shared/schemas)"
  exit 77
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cd "$source" || exit 1
"$migralint" lint --format sarif --output "$out/corpus.sarif" corpus
[[ $? -eq 1 ]] || { echo "expected findings (exit 1) on corpus/"; exit 1; }
"$migralint" lint --format sarif --output "$out/clean.sarif" --disable syntax-error --disable file-naming \
  --disable unused-ignore corpus/three-tier
[[ $? -eq 0 ]] || { echo "expected a clean run (exit 0)"; exit 1; }
grep -q '"ruleId"' "$out/corpus.sarif" || { echo "corpus.sarif has no results"; exit 1; }
/usr/bin/python3 "$source/tests/sarif_validate.py" "$schema" "$out/corpus.sarif" "$out/clean.sarif" || exit 1
# Security rules carry what GitHub code scanning ranks security alerts by.
/usr/bin/python3 - "$out/corpus.sarif" <<'PY' || exit 1
import json, sys
rules = json.load(open(sys.argv[1]))["runs"][0]["tool"]["driver"]["rules"]
security = [r for r in rules if r.get("properties", {}).get("category") == "security"]
assert security, "no security rule in corpus.sarif"
for r in security:
    p = r["properties"]
    assert "security" in p.get("tags", []), r["id"] + ": no security tag"
    assert 0.0 <= float(p["security-severity"]) <= 10.0, r["id"] + ": bad security-severity"
PY
