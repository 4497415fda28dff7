#!/usr/bin/env python3
"""How mend's costs grow with the vault: 1k, 10k and 100k notes, both profiles (issue 13 item 5).

    tests/bench/scale_bench.py run [--mend build/mend] [--vaults /tmp/vault-scale]
                                   [--sizes 1k,10k,100k] [--profiles bench,diary]
                                   [--runs 3] [--runs-100k 1] [--results FILE.json]
    tests/bench/scale_bench.py report FILE.json [--svg docs/scaling.svg] [--md FILE.md]

`run` generates each vault on demand with gen_vault.py (VAULTS/PROFILE-SIZE, deterministic, a
`.done` file once complete; ~2 minutes and ~1.1 GB for each 100k vault, never inside the
repository) and measures, per size, run and profile (the profile order alternating per run):
  - `mend scan DIR --json --threads 2` with an empty cache folder of its own (XDG_CACHE_HOME):
    cold wall time, user + system CPU, peak RSS (wait4's ru_maxrss);
  - the same again twice with that cache filled: warm;
  - `mend serve DIR` on that cache: one untimed start (a cache written by `mend scan` gets the
    notes' content hashes at the first `mend serve`), then two timed warm starts: spawn → the
    first served `mend/progress` (partial while indexing), → `mend/didChangeProgress` without
    `partial` (the index complete), and the index's own log line; SETTLE seconds later VmHWM
    (peak) and VmRSS (settled) of the process and its CPU time; then one complete
    `mend/progress` (its latency added to the index's time: "first complete"), and VmHWM and
    VmRSS SETTLE seconds after it. A client the daemon drops (its send queue is bounded) is
    recorded as dropped;
  - `mend lsp` on that cache (lsp_driver.js's workspace scenario): initialize → the first
    `workspace/symbol` (the index warm), five more queries, then VmRSS and VmHWM SETTLE seconds
    later.
Raw samples are appended to FILE.json (default VAULTS/scale-results.json), so a second pass
(`--sizes 100k`) adds to the first. `report` prints the table (medians, min–max, the log-log
slope between sizes: 1.0 is linear) and writes the plot as an SVG drawn here (no matplotlib).

Timings only: nothing is asserted, and neither `make test` nor `make bench` runs it (a pass
over 100k notes of both profiles took 30–40 minutes on a shared 2-core machine).
"""
import argparse
import json
import math
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(SOURCE, "tests", "serve"))
from ws_client import INDEXED, Daemon, WebSocket  # noqa: E402

SIZES = {"1k": 1000, "10k": 10000, "100k": 100000}
TODAY = "2026-11-26"
QUERIES = ["reasons", "why", "ideal", "change", "alone", "w"]


def log(*a):
    print(*a, file=sys.stderr, flush=True)


# --- processes -----------------------------------------------------------------------------------
def proc_status(pid):
    """VmRSS and VmHWM in KB, CPU seconds (utime + stime) of a live process."""
    out = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            k, _, v = line.partition(":")
            if k in ("VmRSS", "VmHWM"):
                out[k] = int(v.split()[0])
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    out["cpu_s"] = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return out


def timed_run(cmd, env):
    """Runs cmd to its end: wall ms, CPU s (user + system), peak RSS KB, stderr."""
    err = tempfile.TemporaryFile()
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, env={**os.environ, **env}, stdout=subprocess.DEVNULL, stderr=err)
    _, status, ru = os.wait4(p.pid, 0)
    wall = (time.perf_counter() - t0) * 1000
    p.returncode = os.waitstatus_to_exitcode(status)
    err.seek(0)
    stderr = err.read().decode("utf-8", "replace")
    if p.returncode != 0:
        raise RuntimeError(f"{cmd}: exit {p.returncode}: {stderr[-2000:]}")
    return {"wall_ms": wall, "cpu_s": ru.ru_utime + ru.ru_stime, "user_s": ru.ru_utime,
            "maxrss_kb": ru.ru_maxrss, "stats": stderr.strip().splitlines()[-1] if stderr.strip() else ""}


class FastWebSocket(WebSocket):
    """ws_client's WebSocket with a linear receive buffer: a complete `mend/progress` of 100k
    notes is tens of MB, which the tests' bytes concatenation would copy quadratically."""

    def _read_exact(self, n):
        buf = bytearray(self.pending)
        while len(buf) < n:
            chunk = self.sock.recv(1 << 20)
            if not chunk:
                raise ConnectionError("connection closed")
            buf += chunk
        out, self.pending = bytes(buf[:n]), bytes(buf[n:])
        return out

    def request_timed(self, method):
        """A request; the time its answer was wholly received (before json parsing), its size."""
        rid = self.next_id
        self.next_id += 1
        self.send_text(json.dumps({"jsonrpc": "2.0", "id": rid, "method": method}))
        while True:
            raw = self.recv_raw()
            at = time.monotonic()
            m = json.loads(raw)
            if m.get("id") == rid and "method" not in m:
                return m, at, len(raw)
            self.notifications.append(m)

    def recv_raw(self):
        data = bytearray()
        while True:
            fin, opcode, payload = self.recv_frame()
            if opcode == 0x9:
                self.send_frame(0xA, payload)
                continue
            if opcode in (0xA, 0x8):
                if opcode == 0x8:
                    raise ConnectionError("closed by the server")
                continue
            data += payload
            if fin:
                return bytes(data)

    def wait_complete(self, timeout):
        """Until mend/didChangeProgress without `partial` (the first index complete)."""
        deadline = time.monotonic() + timeout
        for m in self.notifications:
            if m.get("method") == "mend/didChangeProgress" and not m["params"].get("partial"):
                return time.monotonic(), m
        self.sock.settimeout(timeout)
        try:
            while time.monotonic() < deadline:
                raw = self.recv_raw()
                at = time.monotonic()
                m = json.loads(raw)
                if m.get("method") == "mend/didChangeProgress" and not m["params"].get("partial"):
                    return at, m
        finally:
            self.sock.settimeout(30)
        raise TimeoutError("the index did not complete")


def serve_start(mend, vault, cache, settle):
    runtime = tempfile.mkdtemp(prefix="mend-scale-run-")
    os.chmod(runtime, 0o700)
    t0 = time.monotonic()
    d = Daemon(mend, vault, runtime, today=TODAY, cache_home=cache)
    out = {}
    try:
        d.wait_ready(timeout=1800, indexed=False)  # polls the token file every 50 ms
        ws = FastWebSocket(d.port, token=d.token, timeout=30)
        ws.request("mend/subscribe")
        first, at_first, _ = ws.request_timed("mend/progress")
        partial = bool(first["result"].get("partial"))
        try:
            at_index, done = ws.wait_complete(1800) if partial else (at_first, first)
            notes = done["params" if "params" in done else "result"]["summary"]["notes"]
        except ConnectionError:
            # Dropped while indexing (a partial notification over the queue limit): the index's
            # end is then its log line, polled every 20 ms.
            out["dropped_indexing"] = True
            while not INDEXED.search(d.log()):
                time.sleep(0.02)
            at_index, notes = time.monotonic(), None
            ws = None
        out.update(first_ms=(at_first - t0) * 1000, first_partial=partial, index_ms=(at_index - t0) * 1000,
                   notes=notes)
        # Settled: the index complete and nothing asked since.
        time.sleep(settle)
        st = proc_status(d.proc.pid)
        out.update(hwm_index_kb=st["VmHWM"], rss_index_kb=st["VmRSS"], cpu_index_s=st["cpu_s"])
        if ws is None:
            ws = FastWebSocket(d.port, token=d.token, timeout=30)
        try:
            t_req = time.monotonic()
            full, at_full, size = ws.request_timed("mend/progress")
            assert not full["result"].get("partial"), "still partial"
            # complete_ms: as if asked the moment the index was complete (the settling excluded).
            out.update(progress_ms=(at_full - t_req) * 1000, complete_ms=(at_index - t0 + at_full - t_req) * 1000,
                       progress_bytes=size)
            time.sleep(settle)
        except ConnectionError:
            out["dropped"] = True  # mend serve closed the connection (its log says why)
        st = proc_status(d.proc.pid)
        out.update(hwm_kb=st["VmHWM"], rss_kb=st["VmRSS"], cpu_s=st["cpu_s"])
        ws.close()
    finally:
        d.stop()
    lines = d.log().splitlines()
    out["log"] = next((l.strip() for l in lines if INDEXED.search(l)), "")
    out["log_dropped"] = next((l.strip() for l in lines if "dropped a client" in l), "")
    shutil.rmtree(runtime, ignore_errors=True)
    return out


def lsp_workspace(mend, vault, cache, settle, progress=False):
    """With `progress`, one complete `mend/progress` after the queries: its time, size, and the
    RSS it leaves."""
    cfg = {"server": [mend, "lsp"], "env": {"XDG_CACHE_HOME": cache}, "scenario": "workspace",
           "root": vault, "queries": QUERIES, "settle_ms": int(settle * 1000), "progress": progress}
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(cfg, f)
    try:
        r = subprocess.run(["node", os.path.join(HERE, "lsp_driver.js"), f.name], capture_output=True, timeout=3600)
    finally:
        os.unlink(f.name)
    if r.returncode != 0:
        raise RuntimeError("lsp workspace: " + r.stderr.decode()[-2000:])
    return json.loads(r.stdout)


# --- running -------------------------------------------------------------------------------------
def vault_path(a, profile, size):
    path = os.path.join(a.vaults, f"{profile}-{size}")
    if not os.path.exists(os.path.join(path, ".done")):
        log(f"generating {path}")
        shutil.rmtree(path, ignore_errors=True)
        t = time.perf_counter()
        subprocess.run([sys.executable, os.path.join(HERE, "gen_vault.py"), path, "--notes", str(SIZES[size]),
                        "--profile", profile], check=True)
        open(os.path.join(path, ".done"), "w").close()
        log(f"  {time.perf_counter() - t:.0f} s")
    return path


def vault_bytes(path):
    n, b = 0, 0
    for d, _, fs in os.walk(path):
        for f in fs:
            if f.endswith(".md"):
                n += 1
                b += os.path.getsize(os.path.join(d, f))
    return n, b


def run(a):
    mend = os.path.abspath(a.mend)
    results = json.load(open(a.results)) if os.path.exists(a.results) else {"samples": [], "vaults": {}, "meta": []}
    st = os.stat(mend)
    results["meta"].append({"mend": mend, "mend_size": st.st_size, "mend_mtime": st.st_mtime,
                            "started": time.strftime("%Y-%m-%d %H:%M:%S %Z"), "host": socket.gethostname(),
                            "cores": os.cpu_count(), "load_before": list(os.getloadavg()), "argv": sys.argv[1:]})
    for size in a.sizes:
        vaults = {p: vault_path(a, p, size) for p in a.profiles}
        for p, v in vaults.items():
            key = f"{p}-{size}"
            if key not in results["vaults"]:
                n, b = vault_bytes(v)
                results["vaults"][key] = {"notes": n, "bytes": b}
        runs = a.runs_100k if size == "100k" else a.runs
        for r in range(runs):
            order = a.profiles if r % 2 == 0 else a.profiles[::-1]
            for profile in order:
                vault = vaults[profile]
                cache = tempfile.mkdtemp(prefix=f"mend-scale-xdg-{profile}-{size}-", dir=a.vaults)
                s = {"profile": profile, "size": size, "run": r, "load": list(os.getloadavg()),
                     "at": time.strftime("%H:%M:%S")}
                scan = [mend, "scan", vault, "--json", "--stats", "--threads", str(a.threads), "--today", TODAY]
                s["scan_cold"] = timed_run(scan, {"XDG_CACHE_HOME": cache})
                log(f"{profile} {size} run {r + 1}/{runs}: cold scan {s['scan_cold']['wall_ms'] / 1000:.1f} s "
                    f"({s['scan_cold']['cpu_s']:.1f} s CPU, {s['scan_cold']['maxrss_kb'] / 1024:.0f} MB)")
                s["scan_warm"] = [timed_run(scan, {"XDG_CACHE_HOME": cache}) for _ in range(2)]
                log(f"  warm scan {' / '.join('%.0f ms' % w['wall_ms'] for w in s['scan_warm'])}")
                serve_start(mend, vault, cache, 0)  # fills the content hashes of the cache
                s["serve_warm"] = [serve_start(mend, vault, cache, a.settle) for _ in range(2)]
                for w in s["serve_warm"]:
                    complete = "dropped" if w.get("dropped") else f"{w['complete_ms']:.0f} ms"
                    log(f"  serve warm: first {w['first_ms']:.0f} ms, index {w['index_ms']:.0f} ms, complete "
                        f"{complete}, RSS {w['rss_index_kb'] / 1024:.0f} MB settled, {w['rss_kb'] / 1024:.0f} MB "
                        f"after (peak {w['hwm_kb'] / 1024:.0f})")
                s["lsp_warm"] = lsp_workspace(mend, vault, cache, a.settle)
                w = s["lsp_warm"]
                log(f"  lsp: first workspace/symbol {w['first_ms']:.0f} ms, warm "
                    f"{statistics.median(w['warm_ms']):.1f} ms, RSS {w['rss_kb'] / 1024:.0f} MB (peak {w['hwm_kb'] / 1024:.0f})")
                if not a.keep_caches:
                    shutil.rmtree(cache, ignore_errors=True)
                results["samples"].append(s)
                with open(a.results, "w") as f:
                    json.dump(results, f, indent=1)
    results["meta"][-1]["load_after"] = list(os.getloadavg())
    with open(a.results, "w") as f:
        json.dump(results, f, indent=1)
    report(results, a)


# --- the report ----------------------------------------------------------------------------------
# (key, label, unit, extractor: sample -> list of values)
MEASURES = [
    ("scan_cold_s", "`mend scan` cold, wall", "s", lambda s: [s["scan_cold"]["wall_ms"] / 1000]),
    ("scan_cold_cpu_s", "`mend scan` cold, CPU", "s", lambda s: [s["scan_cold"]["cpu_s"]]),
    ("scan_cold_peak_mb", "`mend scan` cold, peak RSS", "MB", lambda s: [s["scan_cold"]["maxrss_kb"] / 1024]),
    ("scan_warm_s", "`mend scan` warm, wall", "s", lambda s: [w["wall_ms"] / 1000 for w in s["scan_warm"]]),
    ("scan_warm_cpu_s", "`mend scan` warm, CPU", "s", lambda s: [w["cpu_s"] for w in s["scan_warm"]]),
    ("serve_first_s", "`mend serve` warm: first served `mend/progress`", "s",
     lambda s: [w["first_ms"] / 1000 for w in s["serve_warm"]]),
    ("serve_index_s", "`mend serve` warm: index complete", "s", lambda s: [w["index_ms"] / 1000 for w in s["serve_warm"]]),
    ("serve_complete_s", "`mend serve` warm: first complete `mend/progress`", "s",
     lambda s: [w["complete_ms"] / 1000 for w in s["serve_warm"] if "complete_ms" in w]),
    ("serve_cpu_s", "`mend serve` warm: CPU, index complete", "s", lambda s: [w["cpu_index_s"] for w in s["serve_warm"]]),
    ("serve_peak_index_mb", "`mend serve` warm: peak RSS, index complete", "MB",
     lambda s: [w["hwm_index_kb"] / 1024 for w in s["serve_warm"]]),
    ("serve_rss_index_mb", "`mend serve` warm: settled RSS, index complete", "MB",
     lambda s: [w["rss_index_kb"] / 1024 for w in s["serve_warm"]]),
    # Asked for, whether it could be sent or not (the answer is built either way).
    ("serve_peak_mb", "`mend serve` warm: peak RSS, after asking for a complete `mend/progress`", "MB",
     lambda s: [w["hwm_kb"] / 1024 for w in s["serve_warm"]]),
    ("serve_rss_mb", "`mend serve` warm: settled RSS, after asking for a complete `mend/progress`", "MB",
     lambda s: [w["rss_kb"] / 1024 for w in s["serve_warm"]]),
    ("lsp_first_s", "`mend lsp`: first `workspace/symbol`, index warm", "s", lambda s: [s["lsp_warm"]["first_ms"] / 1000]),
    ("lsp_query_ms", "`mend lsp`: warm `workspace/symbol` query", "ms", lambda s: s["lsp_warm"]["warm_ms"]),
    ("lsp_peak_mb", "`mend lsp`: peak RSS", "MB", lambda s: [s["lsp_warm"]["hwm_kb"] / 1024]),
    ("lsp_rss_mb", "`mend lsp`: settled RSS", "MB", lambda s: [s["lsp_warm"]["rss_kb"] / 1024]),
]


def collect(results):
    """{(measure, profile, size): [values]}"""
    out = {}
    for s in results["samples"]:
        for key, _, _, fn in MEASURES:
            try:
                v = fn(s)
            except (KeyError, TypeError):
                continue
            if v:
                out.setdefault((key, s["profile"], s["size"]), []).extend(v)
    return out


def fmt(v):
    if v is None:
        return "–"
    if v >= 100:
        return f"{v:.0f}"
    if v >= 10:
        return f"{v:.1f}"
    if v >= 1:
        return f"{v:.2f}"
    return f"{v:.3f}"


def slope(a, b, na, nb):
    return math.log(b / a) / math.log(nb / na) if a and b and a > 0 and b > 0 else None


def table(results, sizes, profiles):
    data = collect(results)
    med = {k: statistics.median(v) for k, v in data.items()}
    lines = []
    steps = list(zip(sizes, sizes[1:]))
    head = "| measure | profile | " + " | ".join(sizes) + " | " + " | ".join(
        f"slope {x}→{y}" for x, y in steps) + " | " + " | ".join(
        f"per 1k notes, {x}→{y}" for x, y in steps) + " |"
    lines += [head, "|---|---|" + "---:|" * (len(sizes) + 2 * len(steps))]
    vinfo = results["vaults"]
    for p in profiles:
        mb = [vinfo[f"{p}-{s}"]["bytes"] / 1e6 if f"{p}-{s}" in vinfo else None for s in sizes]
        sl = [slope(x, y, SIZES[a], SIZES[b]) for x, y, a, b in zip(mb, mb[1:], sizes, sizes[1:])]
        mg = [None if x is None or y is None else (y - x) / (SIZES[b] - SIZES[a]) * 1000
              for x, y, a, b in zip(mb, mb[1:], sizes, sizes[1:])]
        lines.append(f"| the vault (MB of notes) | {p} | " + " | ".join(fmt(v) for v in mb) + " | " +
                     " | ".join("–" if k is None else f"{k:.2f}" for k in sl) + " | " +
                     " | ".join(fmt(v) for v in mg) + " |")
    for key, label, unit, _ in MEASURES:
        for p in profiles:
            cells = []
            for s in sizes:
                v = data.get((key, p, s))
                if not v and key == "serve_complete_s" and any(
                        w.get("dropped") for x in results["samples"] if x["profile"] == p and x["size"] == s
                        for w in x.get("serve_warm", [])):
                    cells.append("client dropped")
                elif not v:
                    cells.append("–")
                elif len(v) == 1 or min(v) == max(v):
                    cells.append(fmt(v[0]))
                else:
                    cells.append(f"{fmt(statistics.median(v))} ({fmt(min(v))}–{fmt(max(v))})")
            slopes, marg = [], []
            for x, y in steps:
                a, b = med.get((key, p, x)), med.get((key, p, y))
                k = slope(a, b, SIZES[x], SIZES[y])
                slopes.append("–" if k is None else f"{k:.2f}")
                marg.append("–" if a is None or b is None else fmt((b - a) / (SIZES[y] - SIZES[x]) * 1000))
            lines.append(f"| {label} ({unit}) | {p} | " + " | ".join(cells) + " | " + " | ".join(slopes) +
                         " | " + " | ".join(marg) + " |")
    return "\n".join(lines) + "\n"


# --- the plot (SVG by hand) ----------------------------------------------------------------------
COLORS = {"scan_cold_s": "#1f77b4", "scan_cold_cpu_s": "#7f7f7f", "scan_warm_s": "#ff7f0e", "serve_first_s": "#2ca02c",
          "serve_index_s": "#17becf", "serve_complete_s": "#d62728", "lsp_first_s": "#9467bd",
          "lsp_query_ms": "#8c564b", "scan_cold_peak_mb": "#1f77b4", "serve_peak_mb": "#2ca02c",
          "serve_rss_mb": "#d62728", "serve_rss_index_mb": "#ff7f0e", "lsp_peak_mb": "#9467bd", "lsp_rss_mb": "#8c564b"}
PANELS = [("Time (seconds)", ["scan_cold_s", "scan_cold_cpu_s", "scan_warm_s", "serve_first_s", "serve_index_s",
                               "serve_complete_s", "lsp_first_s", "lsp_query_ms"]),
          ("Memory (MB)", ["scan_cold_peak_mb", "serve_rss_index_mb", "serve_peak_mb", "serve_rss_mb", "lsp_peak_mb",
                           "lsp_rss_mb"])]
DASH = {"bench": "", "diary": "7,4"}


def svg(results, sizes, profiles, path, goals=True):
    data = collect(results)
    med = {k: statistics.median(v) / (1000 if k[0].endswith("_ms") else 1) for k, v in data.items()}
    labels = {k: l for k, l, _, _ in MEASURES}
    W, H = 1130, 660
    pw, ph = 380, 400
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" viewBox="0 0 {W} {H}" '
           f'font-family="DejaVu Sans, Arial, sans-serif" font-size="12">',
           f'<rect width="{W}" height="{H}" fill="white"/>',
           f'<text x="{W / 2}" y="24" text-anchor="middle" font-size="16">mend: cost against vault size '
           f'(log-log; solid: bench profile, dashed: diary profile; grey diagonals: slope 1, linear)</text>']
    xs = [SIZES[s] for s in sizes]
    x0, x1 = math.log10(min(xs)) - 0.15, math.log10(max(xs)) + 0.15
    legend = []
    for i, (title, keys) in enumerate(PANELS):
        left, top = 70 + i * (pw + 100), 60
        vals = [med[(k, p, s)] for k in keys for p in profiles for s in sizes if med.get((k, p, s))]
        if goals and i == 0:
            vals.append(2.0)
        if goals and i == 1:
            vals.append(150.0)
        y0, y1 = math.floor(math.log10(min(vals))), math.ceil(math.log10(max(vals)))
        if y1 == y0:
            y1 += 1

        def X(v):
            return left + (math.log10(v) - x0) / (x1 - x0) * pw

        def Y(v):
            return top + ph - (math.log10(v) - y0) / (y1 - y0) * ph

        out.append(f'<text x="{left + pw / 2}" y="{top - 10}" text-anchor="middle" font-size="14">{title}</text>')
        out.append(f'<clipPath id="c{i}"><rect x="{left}" y="{top}" width="{pw}" height="{ph}"/></clipPath>')
        out.append(f'<rect x="{left}" y="{top}" width="{pw}" height="{ph}" fill="none" stroke="#333"/>')
        # Decades and their minor ticks.
        for e in range(y0, y1 + 1):
            y = Y(10 ** e)
            out.append(f'<line x1="{left}" x2="{left + pw}" y1="{y:.1f}" y2="{y:.1f}" stroke="#ddd"/>')
            lab = f"{10 ** e:g}" if -3 <= e <= 5 else f"1e{e}"
            out.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{lab}</text>')
            for m in range(2, 10):
                if e < y1:
                    ym = Y(m * 10 ** e)
                    out.append(f'<line x1="{left}" x2="{left + 5}" y1="{ym:.1f}" y2="{ym:.1f}" stroke="#999"/>')
        for n, s in zip(xs, sizes):
            x = X(n)
            out.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{top}" y2="{top + ph}" stroke="#ddd"/>')
            out.append(f'<text x="{x:.1f}" y="{top + ph + 18}" text-anchor="middle">{s} notes</text>')
        # Slope-1 guides: y = c·x, one per decade of c.
        g = [f'<g clip-path="url(#c{i})">']
        lo, hi = 10 ** x0, 10 ** x1
        for e in range(y0 - 6, y1 + 2):
            c = 10 ** e / 1000  # passes through 10^e at 1k notes
            g.append(f'<line x1="{X(lo):.1f}" y1="{Y(c * lo):.1f}" x2="{X(hi):.1f}" y2="{Y(c * hi):.1f}" '
                     f'stroke="#bbb" stroke-width="1" stroke-dasharray="2,3"/>')
        if goals:
            gy = Y(2.0) if i == 0 else Y(150.0)
            gl = "goal: warm serve start ≤ 2 s" if i == 0 else "goal: settled RSS ≤ 150 MB"
            g.append(f'<line x1="{left}" x2="{left + pw}" y1="{gy:.1f}" y2="{gy:.1f}" stroke="#000" '
                     f'stroke-width="1.5" stroke-dasharray="10,3,2,3"/>')
            g.append(f'<text x="{left + 6}" y="{gy - 5:.1f}" font-size="11">{gl}</text>')
        for k in keys:
            for p in profiles:
                pts = [(SIZES[s], med[(k, p, s)]) for s in sizes if med.get((k, p, s))]
                if len(pts) < 2:
                    continue
                col = COLORS.get(k, "#000")
                d = " ".join(f"{'M' if j == 0 else 'L'}{X(n):.1f},{Y(v):.1f}" for j, (n, v) in enumerate(pts))
                dash = f' stroke-dasharray="{DASH[p]}"' if DASH.get(p) else ""
                g.append(f'<path d="{d}" fill="none" stroke="{col}" stroke-width="2"{dash}/>')
                for n, v in pts:
                    shape = (f'<circle cx="{X(n):.1f}" cy="{Y(v):.1f}" r="3.5" fill="{col}"/>' if p == "bench" else
                             f'<rect x="{X(n) - 3.5:.1f}" y="{Y(v) - 3.5:.1f}" width="7" height="7" fill="white" '
                             f'stroke="{col}" stroke-width="1.5"/>')
                    g.append(shape)
        g.append("</g>")
        out += g
        legend.append((left, top + ph + 36, keys))
    for left, y, keys in legend:
        for j, k in enumerate(keys):
            yy = y + j * 17
            col = COLORS.get(k, "#000")
            out.append(f'<line x1="{left}" x2="{left + 28}" y1="{yy}" y2="{yy}" stroke="{col}" stroke-width="2"/>')
            out.append(f'<text x="{left + 36}" y="{yy + 4}">{labels[k].replace("`", "")}</text>')
    # The profiles' styles.
    lx, ly = legend[-1][0], legend[-1][1] + len(legend[-1][2]) * 17 + 8
    for j, p in enumerate(profiles):
        yy = ly + j * 17
        dash = f' stroke-dasharray="{DASH[p]}"' if DASH.get(p) else ""
        out.append(f'<line x1="{lx}" x2="{lx + 28}" y1="{yy}" y2="{yy}" stroke="#000" stroke-width="2"{dash}/>')
        out.append(f'<circle cx="{lx + 14}" cy="{yy}" r="3.5" fill="#000"/>' if p == "bench" else
                   f'<rect x="{lx + 10.5}" y="{yy - 3.5}" width="7" height="7" fill="white" stroke="#000" stroke-width="1.5"/>')
        out.append(f'<text x="{lx + 36}" y="{yy + 4}">{p} profile (gen_vault.py --profile {p})</text>')
    out.append("</svg>")
    with open(path, "w") as f:
        f.write("\n".join(out) + "\n")


def report(results, a):
    sizes = [s for s in SIZES if any(x["size"] == s for x in results["samples"])]
    profiles = [p for p in ("bench", "diary") if any(x["profile"] == p for x in results["samples"])]
    text = table(results, sizes, profiles)
    print(text)
    if getattr(a, "md", None):
        with open(a.md, "w") as f:
            f.write(text)
    if getattr(a, "svg", None):
        svg(results, sizes, profiles, a.svg)
        log(f"wrote {a.svg}")


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("run")
    r.add_argument("--mend", default=os.path.join(SOURCE, "build", "mend"))
    r.add_argument("--vaults", default="/tmp/vault-scale")
    r.add_argument("--sizes", default="1k,10k,100k")
    r.add_argument("--profiles", default="bench,diary")
    r.add_argument("--runs", type=int, default=3)
    r.add_argument("--runs-100k", type=int, default=1)
    r.add_argument("--threads", type=int, default=2)
    r.add_argument("--settle", type=float, default=3.0, help="seconds after indexing before settled RSS is read")
    r.add_argument("--keep-caches", action="store_true", help="leave each run's cache folder in VAULTS (to profile)")
    r.add_argument("--results")
    r.add_argument("--svg")
    r.add_argument("--md")
    p = sub.add_parser("report")
    p.add_argument("results")
    p.add_argument("--svg")
    p.add_argument("--md")
    a = ap.parse_args()
    if a.cmd == "run":
        a.sizes = [s for s in a.sizes.split(",") if s]
        a.profiles = [s for s in a.profiles.split(",") if s]
        os.makedirs(a.vaults, exist_ok=True)
        a.results = a.results or os.path.join(a.vaults, "scale-results.json")
        run(a)
    else:
        report(json.load(open(a.results)), a)


if __name__ == "__main__":
    main()
