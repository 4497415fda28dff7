"""Shared helpers of the reliability tests (Python 3 stdlib only): the LSP test client of
tests/lsp, the WebSocket client of tests/serve, memory figures from /proc, and a small case
registry that every script here uses, so each case carries its expected behaviour as data.
"""
import os
import sys
import tempfile
import time
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "tests", "lsp"))
sys.path.insert(0, os.path.join(ROOT, "tests", "serve"))

from lsp_client import LspClient, frame, uri_of  # noqa: E402,F401

TODAY = "2026-11-26"

WHY_NOTE = """# Why it ended

## What did he tell me?

That he needed space.

## What didn't I like about us?

His silences.

## What were the unofficial reasons?
"""


def rss_kib(pid):
    """(VmRSS, VmHWM) of a live process, in KiB."""
    values = {}
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            name, _, rest = line.partition(":")
            if name in ("VmRSS", "VmHWM"):
                values[name] = int(rest.split()[0])
    return values.get("VmRSS", 0), values.get("VmHWM", 0)


def sanitized(mend):
    """True when the binary was built with AddressSanitizer (slower: budgets are scaled)."""
    try:
        with open(mend, "rb") as f:
            return b"__asan_init" in f.read()
    except OSError:
        return False


def cap_asan_quarantine():
    """Memory figures under ASan: freed memory sits in a 256 MiB quarantine by default, which looks
    like growth. Capped for the processes this test starts (they inherit os.environ)."""
    if "ASAN_OPTIONS" in os.environ:
        os.environ["ASAN_OPTIONS"] += ":quarantine_size_mb=16:thread_local_quarantine_size_kb=256"


def time_scale(mend):
    return 3.0 if sanitized(mend) else 1.0


def tempdir(prefix="mend-rel-"):
    return tempfile.mkdtemp(prefix=prefix)


def write(path, content):
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    with open(path, "wb") as f:
        f.write(content.encode("utf-8") if isinstance(content, str) else content)


def read(path):
    with open(path, "rb") as f:
        return f.read()


class Case:
    def __init__(self, cid, category, what, expect, fn):
        self.id, self.category, self.what, self.expect, self.fn = cid, category, what, expect, fn


class Registry:
    """Cases grouped by category; `run(argv)` runs the categories named on the command line."""

    def __init__(self):
        self.cases = []

    def case(self, cid, category, what, expect):
        def wrap(fn):
            self.cases.append(Case(cid, category, what, expect, fn))
            return fn
        return wrap

    def markdown_table(self):
        rows = ["| id | category | input or fault | expected behaviour |", "| --- | --- | --- | --- |"]
        for c in self.cases:
            rows.append("| %s | %s | %s | %s |" % (c.id, c.category, c.what, c.expect))
        return "\n".join(rows)

    def run(self, argv, context):
        """argv: [--list] [category ...] [-k substring]. Returns the process exit code."""
        if "--list" in argv:
            print(self.markdown_table())
            return 0
        only = None
        if "-k" in argv:
            i = argv.index("-k")
            only = argv[i + 1]
            argv = argv[:i] + argv[i + 2:]
        categories = set(argv)
        selected = [c for c in self.cases if (not categories or c.category in categories)
                    and (only is None or only in c.id or only in c.fn.__name__)]
        failures = []
        for c in selected:
            started = time.monotonic()
            try:
                c.fn(context)
                status = "ok"
            except Exception:  # noqa: BLE001 - every failure is reported, then the next case runs
                status = "FAIL"
                failures.append((c, traceback.format_exc()))
            print("%-4s %-6s %-10s %6.2fs  %s" % (status, c.id, c.category, time.monotonic() - started, c.what),
                  flush=True)
        for c, tb in failures:
            print("\n=== %s (%s): %s\nexpected: %s\n%s" % (c.id, c.category, c.what, c.expect, tb))
        print("%d cases, %d failed" % (len(selected), len(failures)))
        return 1 if failures or not selected else 0


def check(cond, what):
    if not cond:
        raise AssertionError(what)
