#!/usr/bin/env python3
"""Warm `mend serve` and `mend lsp` of two or more binaries on one vault, alternated: settled RSS
after the first index and after one complete `mend/progress`, the times to get there, and
`workspace/symbol` (issue 13 items 1-3).

    tests/bench/memory_ab.py VAULT RUNS NAME=MEND[:CACHE_HOME] [NAME=MEND[:CACHE_HOME] ...]
                             [--settle=SECONDS] [--json=FILE] [--evict] [--no-lsp]

Each binary reads its own warm cache (XDG_CACHE_HOME, a cache is keyed by the binary): CACHE_HOME
when given (filled by an earlier cold `mend scan`, e.g. a 100k one that took half an hour), else
a fresh folder filled here by `mend scan` (its cold time and peak RSS printed). One untimed
`mend serve` start then stores the notes' content hashes in the cache, as `scale_bench.py` does.
Per run and binary (the order alternating by run): a warm `mend scan` (wall and CPU time), then
scale_bench.py's measures: `mend serve`
spawn → first served `mend/progress`, → index complete, SETTLE s later VmRSS and VmHWM, one
complete `mend/progress` (its time and size), SETTLE s later VmRSS and VmHWM again; `mend lsp`
(lsp_driver.js): the first `workspace/symbol` with the index warm, five more queries (the last,
"w", matches nearly every question), VmRSS and VmHWM SETTLE s later; then one complete
`mend/progress` (its time and size) and VmRSS and VmHWM SETTLE s after it. --evict drops the
vault's files (only those) from the page cache before each scan and each start
(posix_fadvise DONTNEED), as after a reboot: what a warm start reads then comes from disk. --no-lsp leaves `mend lsp` out. Timings only: nothing is asserted.
"""
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import scale_bench  # noqa: E402

ROWS = [
    ("scan warm: wall (ms)", lambda s: s["scan"]["wall_ms"]),
    ("scan warm: CPU, user + system (s)", lambda s: s["scan"]["cpu_s"]),
    ("scan warm: system CPU (s)", lambda s: s["scan"]["cpu_s"] - s["scan"]["user_s"]),
    ("serve: first served mend/progress (ms)", lambda s: s["serve"]["first_ms"]),
    ("serve: index complete (ms)", lambda s: s["serve"]["index_ms"]),
    ("serve: CPU at index complete (s)", lambda s: s["serve"]["cpu_index_s"]),
    ("serve: settled RSS, index complete (MB)", lambda s: s["serve"]["rss_index_kb"] / 1024),
    ("serve: peak RSS, index complete (MB)", lambda s: s["serve"]["hwm_index_kb"] / 1024),
    ("serve: complete mend/progress asked then (ms)", lambda s: s["serve"].get("progress_ms")),
    ("serve: its size (MB)", lambda s: s["serve"].get("progress_bytes", 0) / 1e6 or None),
    ("serve: settled RSS after it (MB)", lambda s: s["serve"]["rss_kb"] / 1024),
    ("serve: peak RSS after it (MB)", lambda s: s["serve"]["hwm_kb"] / 1024),
    ("lsp: first workspace/symbol, index warm (ms)", lambda s: s["lsp"]["first_ms"]),
    ("lsp: workspace/symbol results of the first query", lambda s: s["lsp"]["first_count"]),
    ("lsp: warm workspace/symbol, median of 5 (ms)", lambda s: statistics.median(s["lsp"]["warm_ms"])),
    ("lsp: workspace/symbol \"w\" (ms)", lambda s: s["lsp"]["warm_ms"][-1]),
    ("lsp: settled RSS (MB)", lambda s: s["lsp"]["rss_kb"] / 1024),
    ("lsp: peak RSS (MB)", lambda s: s["lsp"]["hwm_kb"] / 1024),
    ("lsp: complete mend/progress asked then (ms)", lambda s: s["lsp"]["progress_ms"]),
    ("lsp: its size (MB)", lambda s: s["lsp"]["progress_bytes"] / 1e6),
    ("lsp: settled RSS after it (MB)", lambda s: s["lsp"]["rss_after_progress_kb"] / 1024),
    ("lsp: peak RSS after it (MB)", lambda s: s["lsp"]["hwm_after_progress_kb"] / 1024),
]


def fill_cache(mend, vault, cache):
    cmd = [mend, "scan", vault, "--json", "--stats", "--threads", "2", "--today", scale_bench.TODAY]
    r = scale_bench.timed_run(cmd, {"XDG_CACHE_HOME": cache})
    print(f"  cold scan {r['wall_ms'] / 1000:.1f} s, {r['cpu_s']:.1f} s CPU, peak {r['maxrss_kb'] / 1024:.0f} MB",
          flush=True)


def evict(vault):
    """Drops the vault's files from the page cache (clean pages; nothing else is touched)."""
    for d, _, files in os.walk(vault):
        for f in files:
            fd = os.open(os.path.join(d, f), os.O_RDONLY)
            try:
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            finally:
                os.close(fd)


def fmt(v):
    return "–" if v is None else scale_bench.fmt(v)


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    opts = dict(a[2:].split("=", 1) for a in sys.argv[1:] if a.startswith("--") and "=" in a)
    settle = float(opts.get("settle", "3"))
    drop = "--evict" in sys.argv
    lsp = "--no-lsp" not in sys.argv
    vault, runs = os.path.abspath(args[0]), int(args[1])
    sides = []
    for a in args[2:]:
        name, rest = a.split("=", 1)
        mend, _, cache = rest.partition(":")
        sides.append((name, os.path.abspath(mend), cache))
    made = []
    for i, (name, mend, cache) in enumerate(sides):
        if not cache:
            cache = tempfile.mkdtemp(prefix=f"mend-memory-ab-{name}-")
            made.append(cache)
            print(f"{name}: filling {cache}", flush=True)
            fill_cache(mend, vault, cache)
        scale_bench.serve_start(mend, vault, cache, 0)  # stores the content hashes
        sides[i] = (name, mend, cache)
    print("load average before: %.2f %.2f %.2f" % os.getloadavg(), flush=True)
    samples = {name: [] for name, _, _ in sides}
    for run in range(runs):
        for name, mend, cache in (sides if run % 2 == 0 else sides[::-1]):
            s = {"load": list(os.getloadavg()), "at": time.strftime("%H:%M:%S")}
            if drop:
                evict(vault)
            scan = [mend, "scan", vault, "--json", "--stats", "--threads", "2", "--today", scale_bench.TODAY]
            s["scan"] = scale_bench.timed_run(scan, {"XDG_CACHE_HOME": cache})
            if drop:
                evict(vault)
            s["serve"] = scale_bench.serve_start(mend, vault, cache, settle)
            if lsp:
                s["lsp"] = scale_bench.lsp_workspace(mend, vault, cache, settle, progress=True)
            samples[name].append(s)
            w = s["serve"]
            complete = "dropped" if w.get("dropped") else f"{w['progress_ms']:.0f} ms"
            line = (f"{name:>6} run {run + 1}: scan {s['scan']['wall_ms']:.0f} ms; serve index {w['index_ms']:.0f} ms, "
                    f"RSS {w['rss_index_kb'] / 1024:.0f} MB, complete progress {complete}, RSS after "
                    f"{w['rss_kb'] / 1024:.0f} MB (peak {w['hwm_kb'] / 1024:.0f})")
            if lsp:
                l = s["lsp"]
                line += (f"; lsp first symbol {l['first_ms']:.0f} ms, 'w' {l['warm_ms'][-1]:.0f} ms, "
                         f"RSS {l['rss_kb'] / 1024:.0f} MB, complete progress {l['progress_ms']:.0f} ms, "
                         f"RSS after {l['rss_after_progress_kb'] / 1024:.0f} MB")
            print(line + "\n         " + s["scan"]["stats"] + "\n         " + w["log"], flush=True)
    print("load average after: %.2f %.2f %.2f" % os.getloadavg())
    names = [n for n, _, _ in sides]
    print("\n| measure | " + " | ".join(names) + " |")
    print("|---|" + "---:|" * len(names))
    for label, fn in ROWS:
        cells = []
        for n in names:
            vals = []
            for s in samples[n]:
                try:
                    v = fn(s)
                except (KeyError, TypeError, ZeroDivisionError, IndexError):
                    v = None
                if v is not None:
                    vals.append(v)
            if not vals:
                cells.append("–")
            elif len(vals) == 1:
                cells.append(fmt(vals[0]))
            else:
                cells.append(f"{fmt(statistics.median(vals))} ({fmt(min(vals))}–{fmt(max(vals))})")
        print(f"| {label} | " + " | ".join(cells) + " |")
    if "json" in opts:
        with open(opts["json"], "w") as f:
            json.dump({"vault": vault, "sides": sides, "samples": samples}, f, indent=1)
    for c in made:
        shutil.rmtree(c, ignore_errors=True)


if __name__ == "__main__":
    main()
