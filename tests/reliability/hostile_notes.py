#!/usr/bin/env python3
"""Notes written to be slow for tree-sitter's Markdown grammar (issue 16, item 5), and a bench
that times `mend scan` on each.

The grammar's scanners are super-linear on some inputs that CommonMark reads in linear time:
growing runs of backticks or emphasis delimiters on one line, and deep nesting. mend bounds
every parse (daemon/engine/parse_budget.h) and reads a note that exceeds its budget line by
line; tests/cli/test_hostile.py and tests/lsp, tests/serve use these generators to check
that such a note is reported, marked, and never stalls mend.

Usage: hostile_notes.py MEND_BINARY [--out DIR] [--runs N]   (prints wall times, a bench: never
a pass/fail test)
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

# A few ordinary lines with a question before the hostile part, so a reading of the note that
# gave up entirely would show (the question must still be found).
LEAD = "## What did he tell me?\n\nThat he needed space.\n\n"


def backtick_runs(count=1999, letter="e"):
    """One line: `e` followed by 1, 2, ..., count backticks (count 1999: ~2 MB)."""
    return LEAD + "".join(letter + "`" * k for k in range(1, count + 1)) + "\n"


def emphasis_runs(count=1999, delimiter="*"):
    """One line of growing delimiter runs, each after a letter (count 1999: ~2 MB)."""
    return LEAD + "".join("e" + delimiter * k for k in range(1, count + 1)) + "\n"


def nested_quotes(size=1 << 20, depth=100):
    """Lines opening `depth` block quotes each ('>>>>… text'), up to `size` bytes."""
    line = ">" * depth + " deeper still\n"
    return LEAD + line * max(1, (size - len(LEAD)) // len(line))


def nested_lists(size=1 << 20, depth=100):
    """Lists nested `depth` levels deep, again and again, up to `size` bytes."""
    block = "".join("  " * d + "- item\n" for d in range(depth))
    return LEAD + block * max(1, (size - len(LEAD)) // len(block))


def mixed_runs(count=1400):
    """Backtick and emphasis runs interleaved on one line."""
    return LEAD + "".join("e" + "`" * k + "*" * (k % 7) + "_" * (k % 5) for k in range(1, count + 1)) + "\n"


NOTES = {
    "backticks.md": lambda: backtick_runs(1999),
    "stars.md": lambda: emphasis_runs(1999, "*"),
    "underscores.md": lambda: emphasis_runs(1999, "_"),
    "quotes.md": lambda: nested_quotes(1 << 20),
    "lists.md": lambda: nested_lists(1 << 20),
    "mixed.md": lambda: mixed_runs(1400),
}


def write_all(folder, names=None):
    os.makedirs(folder, exist_ok=True)
    for name, make in NOTES.items():
        if names and name not in names:
            continue
        with open(os.path.join(folder, name), "w") as f:
            f.write(make())


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("mend")
    parser.add_argument("--out")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=300)
    args = parser.parse_args()
    base = args.out or tempfile.mkdtemp(prefix="mend-hostile-")
    for name in NOTES:
        folder = os.path.join(base, name[:-3])
        write_all(folder, [name])
        size = os.path.getsize(os.path.join(folder, name))
        times = []
        for _ in range(args.runs):
            started = time.monotonic()
            try:
                done = subprocess.run([args.mend, "scan", folder, "--json", "--no-cache"],
                                      capture_output=True, timeout=args.timeout)
                code = done.returncode
                warned = b"line by line" in done.stderr
            except subprocess.TimeoutExpired:
                code, warned = "timeout", False
            times.append(time.monotonic() - started)
        print(f"{name:16} {size / 1e6:5.2f} MB  scan {statistics.median(times):7.2f} s"
              f"  exit {code}  {'read line by line' if warned else 'parsed'}", flush=True)


if __name__ == "__main__":
    sys.exit(main())
