#!/usr/bin/env python3
"""Golden-file test of `mend scan --json` over one fixture folder.

Usage: run_golden.py MEND_BINARY CASE_DIR

Runs `MEND_BINARY scan notes --json --today DATE` with CASE_DIR as the working directory (so the
report's root is "notes"), where DATE is 2026-11-26 unless CASE_DIR holds a `today` file. The
report is compared with CASE_DIR/expected.json as parsed JSON; the `message` of suggestions is
ignored, so their wording can improve without touching every case. Differences are printed one
per line with their JSON path, and the exit status is 1.

With MEND_REGENERATE=1 in the environment, expected.json is rewritten from the binary's output
instead (review the result: the expected files are the spec, not a snapshot).
"""
import json
import os
import subprocess
import sys

DEFAULT_TODAY = "2026-11-26"


def without_messages(value, in_suggestions=False):
    """A copy of the report with every suggestion's `message` removed."""
    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            if in_suggestions and key == "message":
                continue
            out[key] = without_messages(item, key == "suggestions")
        return out
    if isinstance(value, list):
        return [without_messages(item, in_suggestions) for item in value]
    return value


def describe(value):
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return text if len(text) <= 200 else text[:197] + "..."


def diff(expected, actual, path="$"):
    """Human-readable differences between two JSON values."""
    out = []
    if isinstance(expected, dict) and isinstance(actual, dict):
        for key in sorted(set(expected) | set(actual)):
            where = f"{path}.{key}"
            if key not in actual:
                out.append(f"{where}: missing (expected {describe(expected[key])})")
            elif key not in expected:
                out.append(f"{where}: unexpected {describe(actual[key])}")
            else:
                out.extend(diff(expected[key], actual[key], where))
    elif isinstance(expected, list) and isinstance(actual, list):
        for i in range(max(len(expected), len(actual))):
            where = f"{path}[{i}]"
            if i >= len(actual):
                out.append(f"{where}: missing (expected {describe(expected[i])})")
            elif i >= len(expected):
                out.append(f"{where}: unexpected {describe(actual[i])}")
            else:
                out.extend(diff(expected[i], actual[i], where))
    elif expected != actual or type(expected) is not type(actual):
        out.append(f"{path}: expected {describe(expected)}, got {describe(actual)}")
    return out


def main(argv):
    if len(argv) != 3:
        print("usage: run_golden.py MEND_BINARY CASE_DIR", file=sys.stderr)
        return 2
    binary = os.path.abspath(argv[1])
    case_dir = os.path.abspath(argv[2])
    case = os.path.basename(case_dir)
    today = DEFAULT_TODAY
    today_file = os.path.join(case_dir, "today")
    if os.path.exists(today_file):
        with open(today_file, encoding="utf-8") as f:
            today = f.read().strip()
    if not os.path.isdir(os.path.join(case_dir, "notes")):
        print(f"{case}: no notes/ folder in {case_dir}", file=sys.stderr)
        return 2

    command = [binary, "scan", "notes", "--json", "--today", today]
    result = subprocess.run(command, cwd=case_dir, capture_output=True, timeout=60)
    if result.returncode != 0:
        print(f"{case}: `{' '.join(command)}` exited {result.returncode}", file=sys.stderr)
        sys.stderr.write(result.stderr.decode("utf-8", "replace"))
        return 1
    try:
        actual = json.loads(result.stdout.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        print(f"{case}: the output is not JSON: {e}", file=sys.stderr)
        return 1

    expected_path = os.path.join(case_dir, "expected.json")
    if os.environ.get("MEND_REGENERATE") == "1":
        with open(expected_path, "w", encoding="utf-8") as f:
            json.dump(actual, f, indent=2, ensure_ascii=False, sort_keys=True)
            f.write("\n")
        print(f"{case}: wrote {expected_path}")
        return 0
    if not os.path.exists(expected_path):
        print(f"{case}: no expected.json (run with MEND_REGENERATE=1, then review it)", file=sys.stderr)
        return 1
    with open(expected_path, encoding="utf-8") as f:
        expected = json.load(f)

    differences = diff(without_messages(expected), without_messages(actual))
    if differences:
        print(f"{case}: the report differs from expected.json ({len(differences)} differences):")
        for line in differences:
            print("  " + line)
        return 1
    print(f"{case}: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
