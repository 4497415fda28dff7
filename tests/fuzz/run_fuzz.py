#!/usr/bin/env python3
"""Runs each libFuzzer harness of a MEND_FUZZ build for a bounded time and reports the figures
(`make fuzz`, CI). Usage: run_fuzz.py BUILD_DIR SECONDS [--jobs N] [NAME ...]

New inputs go to BUILD_DIR/fuzz-work/NAME (the committed seeds in tests/fuzz/corpus/NAME are
read, never written); a finding is saved as BUILD_DIR/fuzz-findings/NAME-crash-… and makes the
exit code 1. To turn a finding into a regression test: minimise it (`fuzz_NAME -minimize_crash=1
-runs=10000 FILE`), fix the bug, and copy the input to tests/fuzz/regressions/NAME/.
"""
import argparse
import concurrent.futures
import os
import re
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
NAMES = ["lsp_session", "incremental_sync", "note_engine", "http_request"]


def run_one(build, name, seconds):
    binary = os.path.join(build, "fuzz", "fuzz_" + name)
    work = os.path.join(build, "fuzz-work", name)
    findings = os.path.join(build, "fuzz-findings")
    os.makedirs(work, exist_ok=True)
    os.makedirs(findings, exist_ok=True)
    log_path = os.path.join(findings, name + ".log")
    cmd = [binary, "-max_total_time=%d" % seconds, "-timeout=10", "-rss_limit_mb=2560", "-print_final_stats=1",
           "-artifact_prefix=%s/%s-" % (findings, name), work, os.path.join(HERE, "corpus", name),
           os.path.join(HERE, "regressions", name)]
    env = dict(os.environ)
    # A sanitizer report or a broken invariant aborts the harness: libFuzzer saves the input.
    env.setdefault("ASAN_OPTIONS", "detect_leaks=1:abort_on_error=1:symbolize=1")
    env.setdefault("UBSAN_OPTIONS", "print_stacktrace=1:halt_on_error=1")
    started = time.monotonic()
    with open(log_path, "wb") as log:
        code = subprocess.run(cmd, stdout=log, stderr=subprocess.STDOUT, env=env).returncode
    took = time.monotonic() - started
    text = open(log_path, "rb").read().decode("utf-8", "replace")
    stats = dict(re.findall(r"stat::(\w+):\s+(\d+)", text))
    cov = re.findall(r"cov: (\d+) ft: (\d+) corp: (\d+)", text)
    artifacts = re.findall(r"Test unit written to (\S+)", text)
    return {"name": name, "code": code, "seconds": took, "execs": int(stats.get("number_of_executed_units", 0)),
            "rss_mb": int(stats.get("peak_rss_mb", 0)), "cov": cov[-1] if cov else ("?", "?", "?"),
            "artifacts": artifacts, "log": log_path, "tail": text[-3000:]}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("build")
    ap.add_argument("seconds", type=int)
    ap.add_argument("--jobs", type=int, default=max(1, min(2, os.cpu_count() or 1)))
    ap.add_argument("names", nargs="*")
    args = ap.parse_intermixed_args()
    names = args.names or NAMES
    for n in names:
        if not os.path.exists(os.path.join(args.build, "fuzz", "fuzz_" + n)):
            print("missing %s/fuzz/fuzz_%s: build with -DMEND_FUZZ=ON (make fuzz does)" % (args.build, n))
            return 2
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        results = list(pool.map(lambda n: run_one(args.build, n, args.seconds), names))
    failed = False
    print("%-18s %8s %12s %10s %8s %18s  %s" % ("harness", "seconds", "executions", "exec/s", "rss MiB",
                                               "cov/ft/corpus", "result"))
    for r in results:
        ok = r["code"] == 0 and not r["artifacts"]
        failed = failed or not ok
        print("%-18s %8.0f %12d %10.0f %8d %18s  %s" % (
            r["name"], r["seconds"], r["execs"], r["execs"] / max(r["seconds"], 1e-9), r["rss_mb"],
            "/".join(r["cov"]), "no finding" if ok else "FINDING (exit %d) %s" % (r["code"], " ".join(r["artifacts"]))))
    for r in results:
        if r["code"] != 0 or r["artifacts"]:
            print("\n=== %s (log: %s)\n%s" % (r["name"], r["log"], r["tail"]))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
