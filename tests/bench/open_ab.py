#!/usr/bin/env python3
"""didOpen of one note -> documentSymbol, for several servers, alternating which goes first.

    tests/bench/open_ab.py NOTE RUNS [--no-root] NAME='command args' [NAME='command args' ...]

Each run gives every server a fresh cache folder (XDG_CACHE_HOME) and opens the note three times
in three sessions (lsp_driver.js's "open" scenario, the workspace being the note's folder): the
first open meets an empty cache, with the server's index reading the same note meanwhile; the
next two find the index warm. --no-root opens the note without a workspace (no index at all).
A server named "peer" gets markdown-it for its client side (run_bench.py installs it in
BUILD/bench/peer). Timings only; nothing is asserted.
"""
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
PEER_MODULES = os.path.join(os.path.dirname(os.path.dirname(HERE)), "build", "bench", "peer", "node_modules")


def main():
    args = [a for a in sys.argv[1:] if a != "--no-root"]
    no_root = "--no-root" in sys.argv
    note, runs = os.path.abspath(args[0]), int(args[1])
    sides = [a.split("=", 1) for a in args[2:]]
    root = None if no_root else os.path.dirname(note)
    cold = {n: [] for n, _ in sides}
    warm = {n: [] for n, _ in sides}
    print("load average before: %.2f %.2f %.2f" % os.getloadavg())
    for run in range(runs):
        for name, cmd in (sides if run % 2 == 0 else sides[::-1]):
            cache = tempfile.mkdtemp(prefix="mend-open-ab-")
            for k in range(3):
                cfg = {"server": cmd.split(), "env": {"XDG_CACHE_HOME": cache}, "scenario": "open",
                       "root": root, "files": [note]}
                if name == "peer":
                    cfg["markdownIt"] = os.path.join(PEER_MODULES, "markdown-it")
                with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
                    json.dump(cfg, f)
                r = subprocess.run(["node", os.path.join(HERE, "lsp_driver.js"), f.name], capture_output=True)
                os.unlink(f.name)
                ms = json.loads(r.stdout)[os.path.basename(note)]
                (cold if k == 0 else warm)[name].append(ms)
            shutil.rmtree(cache, ignore_errors=True)
    print("load average after: %.2f %.2f %.2f" % os.getloadavg())
    for name, _ in sides:
        c, w = cold[name], warm[name]
        print("%-6s first open (empty cache) median %7.1f ms [%s]; later opens median %7.1f ms [%s]" % (
            name, statistics.median(c), " ".join("%.0f" % x for x in c), statistics.median(w),
            " ".join("%.0f" % x for x in w)))


if __name__ == "__main__":
    main()
