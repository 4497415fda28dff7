#!/usr/bin/env python3
"""mend side by side with the best Markdown language server and with tree-sitter's own floor.

    tests/bench/run_bench.py [--build build] [--runs 3] [--sizes 1k,10k] [--peer-runs-10k 1]
                             [--only init,open,keystroke,workspace,scan] [--profile]

Generates the vaults (gen_vault.py, deterministic), installs the peer from npm into
BUILD/bench/peer (vscode-markdown-languageserver@0.5.0 and markdown-it for its client side),
then runs every scenario on the same files for each side, alternating the order per run, and
writes BUILD/bench/results.md (medians, p95s, ratios) and results.json. Timings only: nothing
here is asserted, and `make test` never runs it.
"""
import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.dirname(os.path.dirname(HERE))
PEER_VERSION = "0.5.0"
MARKDOWN_IT = "14.1.0"


def log(*a):
    print(*a, file=sys.stderr, flush=True)


def median(v):
    return statistics.median(v) if v else None


def p95(v):
    if not v:
        return None
    s = sorted(v)
    return s[min(len(s) - 1, int(round(0.95 * (len(s) - 1))))]


class Bench:
    def __init__(self, a):
        self.a = a
        self.build = os.path.abspath(a.build)
        self.mend = os.path.join(self.build, "mend")
        self.floor = os.path.join(self.build, "tests", "bench", "mend_bench_floor")
        self.dir = os.path.join(self.build, "bench")
        self.peer_dir = os.path.join(self.dir, "peer")
        self.results = {}
        os.makedirs(self.dir, exist_ok=True)

    # --- set-up --------------------------------------------------------------------------------
    def vaults(self):
        self.single = os.path.join(self.dir, "single")
        if not os.path.exists(os.path.join(self.single, "note-1m.md")):
            log("generating single notes")
            subprocess.run([sys.executable, os.path.join(HERE, "gen_vault.py"), self.single, "--single"], check=True)
        # One folder per open/keystroke note: the workspace a server indexes is just that note.
        self.single_roots = {}
        for name in ("note-10k.md", "note-100k.md", "note-1m.md"):
            root = os.path.join(self.dir, "single-" + name[5:-3])
            os.makedirs(root, exist_ok=True)
            dst = os.path.join(root, name)
            if not os.path.exists(dst):
                shutil.copy(os.path.join(self.single, name), dst)
            self.single_roots[name] = root
        self.vault = {}
        for size in self.a.sizes:
            n = {"1k": 1000, "10k": 10000}[size]
            diary = self.a.vault_profile == "diary"
            path = os.path.join(self.dir, ("vault-diary-" if diary else "vault-") + size)
            if not os.path.exists(os.path.join(path, ".done")):
                log(f"generating the {size} {self.a.vault_profile} vault")
                shutil.rmtree(path, ignore_errors=True)
                subprocess.run([sys.executable, os.path.join(HERE, "gen_vault.py"), path, "--notes", str(n),
                                "--profile", self.a.vault_profile], check=True)
                open(os.path.join(path, ".done"), "w").close()
            self.vault[size] = path

    def peer(self):
        main = os.path.join(self.peer_dir, "node_modules", "vscode-markdown-languageserver", "dist", "node", "workerMain.js")
        if not os.path.exists(main):
            log(f"installing vscode-markdown-languageserver@{PEER_VERSION} from npm")
            os.makedirs(self.peer_dir, exist_ok=True)
            with open(os.path.join(self.peer_dir, "package.json"), "w") as f:
                json.dump({"name": "mend-bench-peer", "private": True}, f)
            subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--loglevel=error",
                            f"vscode-markdown-languageserver@{PEER_VERSION}", f"markdown-it@{MARKDOWN_IT}"],
                           cwd=self.peer_dir, check=True)
        self.peer_cmd = ["node", main, "--stdio"]
        self.markdown_it = os.path.join(self.peer_dir, "node_modules", "markdown-it")

    def edits(self):
        """200 one-character insertions at the end of prose lines of the 100 KB note, the same
        for every side: (line, UTF-16 character) for the servers, byte offsets for the floor."""
        text = open(os.path.join(self.single, "note-100k.md"), encoding="utf-8").read()
        lines = text.split("\n")
        rng = random.Random(7)
        candidates = [i for i, l in enumerate(lines) if l and l[0].isalpha()]
        edits, offsets = [], []
        for _ in range(200):
            i = rng.choice(candidates)
            line = lines[i].rstrip("\r")
            edits.append([i, len(line.encode("utf-16-le")) // 2])
            offsets.append(sum(len(l.encode()) + 1 for l in lines[:i]) + len(line.encode()))
            lines[i] = line + "x" + lines[i][len(line):]
        self.edit_list = edits
        self.offsets_file = os.path.join(self.dir, "edit-offsets.txt")
        with open(self.offsets_file, "w") as f:
            f.write("\n".join(map(str, offsets)) + "\n")

    # --- running -------------------------------------------------------------------------------
    def sides(self, run):
        both = [("mend", [self.mend, "lsp"]), ("peer", self.peer_cmd)]
        return both if run % 2 == 0 else both[::-1]

    def driver(self, side, cmd, scenario, env=None, timeout=3600, **extra):
        cfg = {"server": cmd, "env": env or {}, "scenario": scenario, **extra}
        if side == "peer":
            cfg["markdownIt"] = self.markdown_it
        if self.a.profile and side == "mend":
            cfg["perfOutput"] = os.path.join(self.dir, f"perf-{scenario}.data")
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
            json.dump(cfg, f)
        try:
            r = subprocess.run(["node", os.path.join(HERE, "lsp_driver.js"), f.name], capture_output=True, timeout=timeout)
        finally:
            os.unlink(f.name)
        if r.returncode != 0:
            raise RuntimeError(f"{side} {scenario}: {r.stderr.decode()[-2000:]}")
        return json.loads(r.stdout)

    def fresh_cache(self):
        d = tempfile.mkdtemp(prefix="mend-bench-xdg-", dir=self.dir)
        return d

    def add(self, key, side, values):
        self.results.setdefault(key, {}).setdefault(side, [])
        self.results[key][side] += values if isinstance(values, list) else [values]

    def scenario_init(self):
        for run in range(self.a.runs):
            for side, cmd in self.sides(run):
                cache = self.fresh_cache()
                r = self.driver(side, cmd, "init", env={"XDG_CACHE_HOME": cache}, root=self.single_roots["note-10k.md"],
                                runs=5, pause_ms=1000)
                self.add("initialize_ms", side, r["initialize_ms"])
                self.add("rss_idle_kb", side, r["rss_idle_kb"])
                shutil.rmtree(cache, ignore_errors=True)
            log(f"  init run {run + 1}/{self.a.runs}")

    def scenario_open(self):
        for run in range(self.a.runs):
            for side, cmd in self.sides(run):
                for name, root in self.single_roots.items():
                    cache = self.fresh_cache()
                    for _ in range(3):
                        r = self.driver(side, cmd, "open", env={"XDG_CACHE_HOME": cache}, root=root,
                                        files=[os.path.join(root, name)])
                        self.add(f"open_{name[5:-3]}_ms", side, r[name])
                    shutil.rmtree(cache, ignore_errors=True)
            log(f"  open run {run + 1}/{self.a.runs}")

    def scenario_keystroke(self):
        root = self.single_roots["note-100k.md"]
        for run in range(self.a.runs):
            for side, cmd in self.sides(run):
                cache = self.fresh_cache()
                r = self.driver(side, cmd, "keystroke", env={"XDG_CACHE_HOME": cache}, root=root,
                                files=[os.path.join(root, "note-100k.md")], edits=self.edit_list,
                                waitDiagnostics=side == "mend", pause_ms=20)
                self.add("keystroke_symbol_ms", side, r["symbol_ms"])
                if side == "mend":
                    self.add("keystroke_diagnostics_ms", side, r["diagnostics_ms"])
                    self.add("keystroke_diagnostics_timeouts", side, r["diagnostics_timeouts"])
                self.add("keystroke_server_cpu_ms", side, r["server_cpu_s"] * 1000 / len(self.edit_list))
                shutil.rmtree(cache, ignore_errors=True)
            r = subprocess.run([self.floor, "incremental", os.path.join(self.single, "note-100k.md"), self.offsets_file],
                               capture_output=True, check=True)
            self.add("keystroke_symbol_ms", "floor", [us / 1000 for us in json.loads(r.stdout)["us"]])
            # mend's engine alone on the same edits (no LSP, no pipes): where its time goes.
            engine = os.path.join(self.build, "tests", "bench", "mend_bench_keystroke")
            if os.path.exists(engine):
                r = subprocess.run([engine, os.path.join(self.single, "note-100k.md"), self.offsets_file],
                                   capture_output=True, check=True)
                e = json.loads(r.stdout)
                self.add("keystroke_engine_edit_us", "mend", [e["edit_us"]["median"]])
                self.add("keystroke_engine_analyse_us", "mend", [e["analyse_us"]["median"]])
            log(f"  keystroke run {run + 1}/{self.a.runs}")

    def scenario_workspace(self):
        queries = ["reasons", "why", "ideal", "change", "alone", "w"]
        for size, vault in self.vault.items():
            runs = self.a.runs
            for run in range(runs):
                for side, cmd in self.sides(run):
                    if side == "peer" and size == "10k" and run >= self.a.peer_runs_10k:
                        continue
                    cache = self.fresh_cache()
                    r = self.driver(side, cmd, "workspace", env={"XDG_CACHE_HOME": cache}, root=vault, queries=queries)
                    self.add(f"ws_{size}_first_ms", side, r["first_ms"])
                    self.add(f"ws_{size}_warm_ms", side, r["warm_ms"])
                    self.add(f"ws_{size}_rss_kb", side, r["rss_kb"])
                    if side == "mend":
                        # The daemon's index warm: the same folder again, its cache filled.
                        r = self.driver(side, cmd, "workspace", env={"XDG_CACHE_HOME": cache}, root=vault, queries=queries)
                        self.add(f"ws_{size}_first_warm_cache_ms", side, r["first_ms"])
                        self.add(f"ws_{size}_rss_warm_cache_kb", side, r["rss_kb"])
                    shutil.rmtree(cache, ignore_errors=True)
                log(f"  workspace {size} run {run + 1}/{runs}")

    def timed(self, cmd, env=None):
        t = time.perf_counter()
        subprocess.run(cmd, env={**os.environ, **(env or {})}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        return (time.perf_counter() - t) * 1000

    def scenario_scan(self):
        for size, vault in self.vault.items():
            for run in range(self.a.runs):
                order = ["mend", "floor"] if run % 2 == 0 else ["floor", "mend"]
                for side in order:
                    if side == "mend":
                        cache = self.fresh_cache()
                        scan = [self.mend, "scan", vault, "--json", "--today", "2026-11-26"]
                        self.add(f"scan_{size}_cold_ms", "mend", self.timed(scan, {"XDG_CACHE_HOME": cache}))
                        for _ in range(3):
                            self.add(f"scan_{size}_warm_ms", "mend", self.timed(scan, {"XDG_CACHE_HOME": cache}))
                        self.add(f"scan_{size}_nocache_1thread_ms", "mend", self.timed(scan + ["--no-cache", "--threads", "1"]))
                        shutil.rmtree(cache, ignore_errors=True)
                    else:
                        for mode in ("read", "block", "inline"):
                            r = subprocess.run([self.floor, mode, "--threads", "2", vault], capture_output=True, check=True)
                            self.add(f"scan_{size}_floor_{mode}_ms", "floor", json.loads(r.stdout)["seconds"] * 1000)
                        r = subprocess.run([self.floor, "block", "--threads", "1", vault], capture_output=True, check=True)
                        self.add(f"scan_{size}_floor_block_1thread_ms", "floor", json.loads(r.stdout)["seconds"] * 1000)
                log(f"  scan {size} run {run + 1}/{self.a.runs}")
            mb = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(vault) for f in fs if f.endswith(".md")) / 1e6
            self.results.setdefault("vault_mb", {})[size] = mb

    # --- report --------------------------------------------------------------------------------
    def report(self):
        R = self.results

        def m(key, side="mend"):
            return median(R.get(key, {}).get(side, []))

        def p(key, side="mend"):
            return p95(R.get(key, {}).get(side, []))

        def ratio(a, b):
            return None if a is None or b is None or b == 0 else a / b

        def fmt(v, unit=""):
            if v is None:
                return "–"
            if unit == "MB":
                return f"{v / 1024:.1f} MB"
            return f"{v:.1f}" if v < 100 else f"{v:.0f}"

        rows = []

        def row(name, key, unit="ms", floor_key=None, inverse=False):
            mm, mp, pm, pp = m(key), p(key), m(key, "peer"), p(key, "peer")
            fm = m(floor_key or key, "floor") if floor_key or R.get(key, {}).get("floor") else None
            if unit == "MB":
                rows.append(f"| {name} | {fmt(mm, 'MB')} | {fmt(mp, 'MB')} | {fmt(pm, 'MB')} | {fmt(pp, 'MB')} | {fmt(fm, 'MB') if fm else '–'} | "
                            f"{'1/' + format(ratio(pm, mm), '.1f') if ratio(pm, mm) else '–'} | – |")
            else:
                r_peer = ratio(pm, mm)
                r_floor = ratio(mm, fm)
                rows.append(f"| {name} | {fmt(mm)} | {fmt(mp)} | {fmt(pm)} | {fmt(pp)} | {fmt(fm)} | "
                            f"{format(r_peer, '.1f') + '×' if r_peer else '–'} | {format(r_floor, '.2f') + '×' if r_floor else '–'} |")

        out = ["| scenario | mend median | mend p95 | peer median | peer p95 | floor median | peer ÷ mend | mend ÷ floor |",
               "|---|---:|---:|---:|---:|---:|---:|---:|"]
        row("spawn → initialize (ms)", "initialize_ms")
        row("RSS idle", "rss_idle_kb", "MB")
        for s in ("10k", "100k", "1m"):
            row(f"didOpen {s.upper()}B → documentSymbol (ms)", f"open_{s}_ms")
        row("keystroke on 100 KB → documentSymbol (ms)", "keystroke_symbol_ms")
        row("keystroke → publishDiagnostics (ms)", "keystroke_diagnostics_ms")
        row("server CPU per keystroke (ms)", "keystroke_server_cpu_ms")
        row("… engine: segment reparse + outline (µs)", "keystroke_engine_edit_us")
        row("… engine: analysis (µs)", "keystroke_engine_analyse_us")
        for size in self.vault:
            row(f"first workspace/symbol, {size} notes (ms)", f"ws_{size}_first_ms")
            row(f"… mend's index warm (cache filled) (ms)", f"ws_{size}_first_warm_cache_ms")
            row(f"warm workspace/symbol, {size} (ms)", f"ws_{size}_warm_ms")
            row(f"RSS after workspace/symbol, {size}", f"ws_{size}_rss_kb", "MB")
        out += rows
        out += ["", "| mend scan | median (ms) | p95 (ms) | floor | ratio |", "|---|---:|---:|---|---:|"]
        for size in self.vault:
            cold, warm = m(f"scan_{size}_cold_ms"), m(f"scan_{size}_warm_ms")
            fb, fi, fr = (m(f"scan_{size}_floor_{k}_ms", "floor") for k in ("block", "inline", "read"))
            fb1 = m(f"scan_{size}_floor_block_1thread_ms", "floor")
            n1 = m(f"scan_{size}_nocache_1thread_ms")
            mb = R.get("vault_mb", {}).get(size)
            if cold is None or mb is None:
                continue  # the scan scenario was not run (--only)
            out.append(f"| cold, {size} notes ({mb:.0f} MB), 2 threads | {fmt(cold)} | {fmt(p(f'scan_{size}_cold_ms'))} | "
                       f"block parse 2 threads {fmt(fb)} | {ratio(cold, fb):.2f}× |")
            out.append(f"| | | | block + inline parse 2 threads {fmt(fi)} | {ratio(cold, fi):.2f}× |")
            out.append(f"| | | | read only {fmt(fr)} | – |")
            out.append(f"| no cache, 1 thread | {fmt(n1)} | – | block parse 1 thread {fmt(fb1)} | {ratio(n1, fb1):.2f}× |")
            out.append(f"| warm (nothing changed) | {fmt(warm)} | {fmt(p(f'scan_{size}_warm_ms'))} | cold ÷ warm | {ratio(cold, warm):.1f}× |")
        for size in self.vault:
            rss = m(f"ws_{size}_rss_kb")
            if rss:
                n = {"1k": 1000, "10k": 10000}[size]
                out.append(f"\nmend RSS after indexing {size} notes: {rss / 1024:.1f} MB "
                           f"({(rss - (m('rss_idle_kb') or 0)) * 1024 / n:.0f} bytes per note above idle)")
        text = "\n".join(out) + "\n"
        with open(os.path.join(self.dir, "results.md"), "w") as f:
            f.write(text)
        with open(os.path.join(self.dir, "results.json"), "w") as f:
            json.dump(R, f, indent=1)
        print(text)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default=os.path.join(SOURCE, "build"))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--sizes", default="1k,10k")
    ap.add_argument("--peer-runs-10k", type=int, default=1, help="the peer's 10k first query takes minutes")
    ap.add_argument("--only", default="init,open,keystroke,workspace,scan")
    ap.add_argument("--vault-profile", choices=["bench", "diary"], default="bench",
                    help="the 1k/10k vaults: gen_vault.py's own profile, or the diary-heavy one (issue 13)")
    ap.add_argument("--profile", action="store_true", help="perf record mend in each LSP scenario (BUILD/bench/perf-*.data)")
    a = ap.parse_args()
    a.sizes = [s for s in a.sizes.split(",") if s]
    b = Bench(a)
    b.vaults()
    b.peer()
    b.edits()
    load = os.getloadavg()
    log(f"load average before: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} on {os.cpu_count()} cores")
    for s in a.only.split(","):
        log(f"scenario {s}")
        getattr(b, "scenario_" + s)()
    b.results["load_average_after"] = list(os.getloadavg())
    b.results["load_average_before"] = list(load)
    b.report()


if __name__ == "__main__":
    main()
