#!/usr/bin/python3
"""Validate SARIF files: the OASIS 2.1.0 JSON schema, then what GitHub code scanning requires.

usage: sarif_validate.py SCHEMA FILE...

Run it with Debian's /usr/bin/python3 (python3-jsonschema 4.10 + python3-rfc3987): the rfc3987
module is what makes the "uri" / "uri-reference" formats checked at all.
Exit 0: every file valid; 1: any error; 2: usage; 77: SCHEMA absent (ctest SKIP_RETURN_CODE).
"""

import importlib.util
import json
import os
import re
import sys

SKIP = 77

# GitHub's limits and rules (research/ecosystem.md §1, GitHub "SARIF support for code scanning").
MAX_RUNS = 20
MAX_RESULTS = 25000
MAX_RULES = 25000
MAX_LOCATIONS = 1000
MAX_DESCRIPTION = 1024
MAX_RULE_NAME = 255
LEVELS = {"none", "note", "warning", "error"}
SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def json_path(parts):
    """['runs', 0, 'level'] -> '$.runs[0].level'."""
    out = "$"
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else f".{part}"
    return out


def schema_errors(validator, log):
    for error in sorted(validator.iter_errors(log), key=lambda e: list(map(str, e.absolute_path))):
        yield json_path(error.absolute_path), error.message


def dig(obj, *keys):
    """obj[k1][k2]..., or None where a level is missing or not an object (the schema says why)."""
    for key in keys:
        if not isinstance(obj, dict):
            return None
        obj = obj.get(key)
    return obj


def text_of(obj, key):
    return dig(obj, key, "text")


def github_errors(log):
    """What code scanning rejects or mishandles although the schema allows it."""
    if not isinstance(log, dict):
        return
    if "$schema" not in log:
        yield "$", "missing $schema"
    if log.get("version") != "2.1.0":
        yield "$.version", f"must be \"2.1.0\", not {log.get('version')!r}"
    runs = log.get("runs")
    if not isinstance(runs, list) or not runs:
        yield "$.runs", "needs at least one run"
        return
    if len(runs) > MAX_RUNS:
        yield "$.runs", f"{len(runs)} runs; GitHub accepts at most {MAX_RUNS}"
    for r, run in enumerate(runs):
        yield from run_errors(f"$.runs[{r}]", run)


def run_errors(at, run):
    if not isinstance(run, dict):
        return
    driver = dig(run, "tool", "driver") or {}
    if not dig(driver, "name"):
        yield f"{at}.tool.driver.name", "missing"
    rules = dig(driver, "rules")
    if not isinstance(rules, list):
        yield f"{at}.tool.driver.rules", "missing: GitHub needs every reported rule described"
        rules = []
    if len(rules) > MAX_RULES:
        yield f"{at}.tool.driver.rules", f"{len(rules)} rules; at most {MAX_RULES}"
    ids = []
    for i, rule in enumerate(rules):
        yield from rule_errors(f"{at}.tool.driver.rules[{i}]", rule)
        ids.append(str(rule.get("id")) if isinstance(rule, dict) else None)
    seen = set()
    for i, rule_id in enumerate(ids):
        if rule_id in seen:
            yield f"{at}.tool.driver.rules[{i}].id", f"duplicate rule id {rule_id!r}"
        seen.add(rule_id)

    results = run.get("results")
    if not isinstance(results, list):
        yield f"{at}.results", "missing"
        return
    if len(results) > MAX_RESULTS:
        yield f"{at}.results", f"{len(results)} results; GitHub keeps at most {MAX_RESULTS}"
    if results and "columnKind" not in run:
        yield f"{at}.columnKind", "SARIF §3.14.27: required when there are results"
    for i, result in enumerate(results):
        yield from result_errors(f"{at}.results[{i}]", result, ids)


def rule_errors(at, rule):
    if not isinstance(rule, dict):
        return
    if not rule.get("id"):
        yield f"{at}.id", "missing"
    for key in ("shortDescription", "fullDescription"):
        text = text_of(rule, key)
        if not text:
            yield f"{at}.{key}.text", "missing or empty"
        elif len(text) > MAX_DESCRIPTION:
            yield f"{at}.{key}.text", f"{len(text)} characters; at most {MAX_DESCRIPTION}"
    if not text_of(rule, "help"):
        yield f"{at}.help.text", "missing or empty"
    if len(str(rule.get("name", ""))) > MAX_RULE_NAME:
        yield f"{at}.name", f"longer than {MAX_RULE_NAME} characters"
    level = dig(rule, "defaultConfiguration", "level")
    if level is not None and str(level) not in LEVELS - {"none"}:
        yield f"{at}.defaultConfiguration.level", f"{level!r} is not note, warning or error"


def result_errors(at, result, rule_ids):
    if not isinstance(result, dict):
        return
    if not text_of(result, "message"):
        yield f"{at}.message.text", "missing or empty"
    if str(result.get("level", "warning")) not in LEVELS:
        yield f"{at}.level", f"{result.get('level')!r} is not none, note, warning or error"
    rule_id = result.get("ruleId")
    rule_id = None if rule_id is None else str(rule_id)
    index = result.get("ruleIndex")
    if rule_id is None and index is None:
        yield at, "neither ruleId nor ruleIndex"
    if index is not None:
        if not isinstance(index, int) or not 0 <= index < len(rule_ids):
            yield f"{at}.ruleIndex", f"{index!r} is not an index of the {len(rule_ids)} rules"
        elif rule_id is not None and rule_ids[index] != rule_id:
            yield f"{at}.ruleIndex", f"rules[{index}] is {rule_ids[index]!r}, not {rule_id!r}"
    if rule_id is not None and rule_id not in rule_ids:
        yield f"{at}.ruleId", f"{rule_id!r} is not in tool.driver.rules"
    if not isinstance(result.get("partialFingerprints"), dict):
        yield f"{at}.partialFingerprints", "missing"

    locations = result.get("locations")
    if not isinstance(locations, list) or not locations:
        yield f"{at}.locations", "expected at least one location"
        return
    if len(locations) > MAX_LOCATIONS:
        yield f"{at}.locations", f"{len(locations)} locations; at most {MAX_LOCATIONS}"
    yield from location_errors(f"{at}.locations[0].physicalLocation",
                               dig(locations[0], "physicalLocation"))


def location_errors(at, physical):
    if not isinstance(physical, dict):
        yield at, "missing: GitHub only uses the first location's physicalLocation"
        return
    uri = dig(physical, "artifactLocation", "uri")
    if not isinstance(uri, str) or not uri:
        yield f"{at}.artifactLocation.uri", "missing or empty"
    elif SCHEME.match(uri) or uri.startswith("/"):
        yield f"{at}.artifactLocation.uri", f"{uri!r} is not repository-relative"
    elif ".." in uri.split("/"):
        yield f"{at}.artifactLocation.uri", f"{uri!r} leaves the repository ('..')"
    region = physical.get("region")
    if not isinstance(region, dict):
        yield f"{at}.region", "missing"
        return
    start_line = region.get("startLine")
    if not isinstance(start_line, int) or start_line < 1:
        yield f"{at}.region.startLine", f"{start_line!r}: needs a 1-based line"
        return
    start_col = region.get("startColumn", 1)
    end_line = region.get("endLine", start_line)
    end_col = region.get("endColumn")
    if not all(isinstance(v, int) for v in (start_col, end_line, end_col or 1)):
        yield f"{at}.region", "lines and columns must be integers"
        return
    if start_col < 1:
        yield f"{at}.region.startColumn", f"{start_col}: columns are 1-based"
    if end_line < start_line:
        yield f"{at}.region.endLine", f"{end_line} is before startLine {start_line}"
    if end_col is not None and end_line == start_line and end_col < start_col:
        yield f"{at}.region.endColumn", f"{end_col} is before startColumn {start_col}"

def main(argv):
    if len(argv) < 3:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    schema_path, files = argv[1], argv[2:]
    if not os.path.exists(schema_path):
        print(f"SKIP: {schema_path} absent (needs ../shared/schemas)")
        return SKIP

    import jsonschema  # after the SKIP check: a machine without the schema needs neither

    if importlib.util.find_spec("rfc3987") is None:  # jsonschema's checker for uri formats
        print("warning: python3-rfc3987 missing: uri formats are not checked", file=sys.stderr)

    with open(schema_path, encoding="utf-8") as f:
        validator = jsonschema.Draft4Validator(json.load(f),
                                               format_checker=jsonschema.FormatChecker())
    bad = 0
    for path in files:
        try:
            with open(path, encoding="utf-8") as f:
                log = json.load(f)
        except (OSError, ValueError) as error:
            print(f"{path}: INVALID\n  {error}")
            bad += 1
            continue
        errors = [("schema", *e) for e in schema_errors(validator, log)]
        errors += [("github", *e) for e in github_errors(log)]
        print(f"{path}: {'INVALID' if errors else 'valid'}")
        for kind, where, message in errors:
            print(f"  {kind}: {where}: {message}")
        bad += bool(errors)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
