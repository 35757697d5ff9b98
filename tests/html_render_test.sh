#!/usr/bin/env bash
# html_render_test.sh MIGRALINT SOURCE_DIR: renders `lint --format html` of corpus/ in headless
# Chromium and checks the DOM it builds against `--format json` (sets, one element per finding,
# each set's timeline in execution order), then takes a screenshot and checks it is a real PNG.
# Installs nothing (ci/install-deps.sh installs chromium): exit 77 = skipped, chromium absent.
set -uo pipefail
migralint=$1 source=$2
if ! command -v chromium >/dev/null 2>&1; then
  echo "SKIP: chromium not installed"
  exit 77
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cd "$source" || exit 1

"$migralint" lint --format html --output "$out/corpus.html" corpus
[[ $? -eq 1 ]] || { echo "expected findings (exit 1) on corpus/"; exit 1; }
"$migralint" lint --format json corpus >"$out/corpus.json"
[[ $? -eq 1 ]] || { echo "expected findings (exit 1) on corpus/ as json"; exit 1; }

chrome() {
  timeout 180 chromium --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$(mktemp -d "$out/profile.XXXXXX")" "$@" 2>>"$out/chromium.log"
}
chrome --dump-dom "file://$out/corpus.html" >"$out/dom.html" || { cat "$out/chromium.log"; echo "dump-dom failed"; exit 1; }
[[ -s $out/dom.html ]] || { cat "$out/chromium.log"; echo "empty DOM dump"; exit 1; }

/usr/bin/python3 - "$out/dom.html" "$out/corpus.json" <<'PY' || exit 1
import json, re, sys
from html.parser import HTMLParser

dom_path, json_path = sys.argv[1], sys.argv[2]
report = json.load(open(json_path, encoding="utf-8"))

class Dom(HTMLParser):
    def __init__(self):
        super().__init__()
        self.sets, self.findings, self.files, self.scripts = [], [], [], 0
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        if tag == "script":
            self.scripts += 1
            if "src" in a: fail("external script: %r" % a)
        if tag == "link" or (tag == "img" and not (a.get("src") or "").startswith("data:")):
            fail("external resource: <%s %r>" % (tag, a))
        if tag == "section" and "set" in classes:
            self.sets.append(a)
        if tag == "li" and "file" in classes:
            self.files.append((len(self.sets) - 1, a))
        if tag == "div" and "finding" in classes:
            self.findings.append(a)

def fail(message):
    print("FAIL:", message)
    sys.exit(1)

dom = Dom()
dom.feed(open(dom_path, encoding="utf-8").read())
if dom.scripts != 1: fail("expected the one inline script, found %d" % dom.scripts)

# One section per set, in the report's order, with its root and layout.
sets = [s for s in dom.sets if s.get("id", "").startswith("set-")]
got = [(s["data-root"], s["data-layout"]) for s in sets]
want = [(s["root"], s["layout"]) for s in report["sets"]]
if got != want: fail("sets %r != %r" % (got, want))

# One element per finding, the same findings as --format json.
if len(dom.findings) != len(report["diagnostics"]):
    fail("%d finding elements, %d diagnostics" % (len(dom.findings), len(report["diagnostics"])))
key = lambda rule, path, line, col: (rule, path, int(line), int(col))
got = sorted(key(f["data-rule"], f["data-path"], f["data-line"], f["data-column"]) for f in dom.findings)
want = sorted(key(d["rule"], d["path"], d["line"], d["column"]) for d in report["diagnostics"])
if got != want: fail("findings differ:\n%r\n%r" % (got, want))
if len({f["id"] for f in dom.findings}) != len(dom.findings): fail("duplicate finding ids")

# Each set's timeline: 1..n in document order, n = its forward migrations, in execution order
# (versions ascending; three-tier: core, themes, plugins, entities, each source's run ascending).
def version(text):
    return [int(g) for g in re.findall(r"\d+", text)]
tiers = {"core": 0, "theme": 1, "plugin": 2, "entity": 3}
for index, (s, summary) in enumerate(zip(sets, report["sets"])):
    timeline = [a for i, a in dom.files if i == dom.sets.index(s) and "data-order" in a]
    orders = [int(a["data-order"]) for a in timeline]
    if orders != list(range(1, summary["files"] + 1)):
        fail("%s: timeline order %r for %d migrations" % (summary["root"], orders, summary["files"]))
    if summary["layout"] == "three-tier":
        keys = [(tiers[a["data-tier"]], a["data-source"] if a["data-tier"] != "core" else "") for a in timeline]
        runs = [k for n, k in enumerate(keys) if n == 0 or keys[n - 1] != k]
        if [k[0] for k in keys] != sorted(k[0] for k in keys) or len(runs) != len(set(runs)):
            fail("%s: three-tier order %r" % (summary["root"], keys))
        groups = [[version(a["data-version"]) for a in timeline if (tiers[a["data-tier"]], a["data-source"] if a["data-tier"] != "core" else "") == k] for k in runs]
    else:
        groups = [[version(a["data-version"]) for a in timeline]]
    for g in groups:
        if g != sorted(g): fail("%s: versions out of order %r" % (summary["root"], g))
print("DOM ok: %d sets, %d findings, %d files" % (len(sets), len(dom.findings), len(dom.files)))
PY

chrome --screenshot="$out/shot.png" --window-size=1280,2000 "file://$out/corpus.html" >/dev/null ||
  { cat "$out/chromium.log"; echo "screenshot failed"; exit 1; }
[[ -f $out/shot.png ]] || { cat "$out/chromium.log"; echo "no screenshot"; exit 1; }
size=$(stat -c %s "$out/shot.png")
((size > 30000)) || { echo "screenshot only $size bytes: a blank page?"; exit 1; }
[[ $(head -c 8 "$out/shot.png" | od -An -tx1 | tr -d ' \n') == 89504e470d0a1a0a ]] ||
  { echo "screenshot is not a PNG"; exit 1; }
# Keep it when asked (HTML_RENDER_SCREENSHOT=path), to look at.
if [[ -n ${HTML_RENDER_SCREENSHOT:-} ]]; then cp "$out/shot.png" "$HTML_RENDER_SCREENSHOT"; fi
echo "screenshot ok: $size bytes"
