#!/usr/bin/env python3
"""`mend serve` start on a vault: time from spawn to the first served mend/progress, and to the
first complete one (not "partial"), for one or more binaries, alternating which goes first.

    tests/bench/serve_start.py VAULT RUNS NAME=path/to/mend [NAME=path/to/mend ...] [--cold]

Each binary gets a cache folder of its own (XDG_CACHE_HOME), filled by one untimed start before
the warm runs; --cold gives every run a fresh, empty one. Timings only; nothing is asserted.
"""
import json
import os
import shutil
import statistics
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "serve"))
from ws_client import Daemon, WebSocket  # noqa: E402


def start_once(mend, vault, cache):
    runtime = tempfile.mkdtemp(prefix="mend-serve-start-")
    os.chmod(runtime, 0o700)
    t0 = time.monotonic()
    d = Daemon(mend, vault, runtime, cache_home=cache)
    d.wait_ready(timeout=600, indexed=False)  # polls the token file every 50 ms
    ws = WebSocket(d.port, token=d.token)
    ws.request("mend/subscribe")
    first = ws.request("mend/progress")["result"]
    t_first = time.monotonic() - t0
    partial = bool(first.get("partial"))
    t_full = t_first
    if partial:
        ws.wait_notification("mend/didChangeProgress", 600, lambda m: not m["params"].get("partial"))
        full = ws.request("mend/progress")["result"]
        t_full = time.monotonic() - t0
        assert not full.get("partial"), "still partial"
    notes = ws.request("mend/progress")["result"]["summary"]["notes"]
    ws.close()
    d.stop()
    shutil.rmtree(runtime, ignore_errors=True)
    return t_first * 1000, t_full * 1000, partial, notes


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    cold = "--cold" in sys.argv
    vault, runs = args[0], int(args[1])
    sides = [a.split("=", 1) for a in args[2:]]
    caches = {name: tempfile.mkdtemp(prefix="mend-serve-cache-") for name, _ in sides}
    if not cold:
        for name, mend in sides:
            start_once(mend, vault, caches[name])  # fills the cache
    res = {name: [] for name, _ in sides}
    print("load average before: %.2f %.2f %.2f" % os.getloadavg())
    for run in range(runs):
        for name, mend in (sides if run % 2 == 0 else sides[::-1]):
            cache = tempfile.mkdtemp(prefix="mend-serve-cache-") if cold else caches[name]
            r = start_once(mend, vault, cache)
            res[name].append(r)
            print("%-10s first %.0f ms%s, complete %.0f ms, %d notes" %
                  (name, r[0], " (partial)" if r[2] else "", r[1], r[3]), flush=True)
            if cold:
                shutil.rmtree(cache, ignore_errors=True)
    print("load average after: %.2f %.2f %.2f" % os.getloadavg())
    for name, v in res.items():
        print("%-10s median: first served %.0f ms, first complete %.0f ms" %
              (name, statistics.median(x[0] for x in v), statistics.median(x[1] for x in v)))
    for c in caches.values():
        shutil.rmtree(c, ignore_errors=True)


if __name__ == "__main__":
    main()
