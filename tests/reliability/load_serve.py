#!/usr/bin/env python3
"""Load (issue 7, part 5): 100 concurrent WebSocket clients make requests against `mend serve`
while notes change under it, plus one client that subscribes and never reads. The others see no
error; the one that never reads is disconnected; the daemon's memory stays bounded.

Usage: load_serve.py MEND [--clients 100] [--seconds 10] [--max-rss-mib 400]
Prints requests/s, latency percentiles and the daemon's RSS (the README's figures). The clients
are Python threads, so requests/s is a floor set by the client as much as by mend.
"""
import argparse
import json
import os
import random
import shutil
import signal
import socket
import sys
import threading
import time

from common import WHY_NOTE, cap_asan_quarantine, rss_kib, sanitized, time_scale, write
from ws_client import Daemon, WebSocket, temp_dirs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("mend")
    ap.add_argument("--clients", type=int, default=100)
    ap.add_argument("--seconds", type=float, default=10)
    ap.add_argument("--notes", type=int, default=60)
    ap.add_argument("--max-rss-mib", type=int, default=400)
    args = ap.parse_args()
    mend = os.path.abspath(args.mend)
    cap_asan_quarantine()
    if sanitized(mend):
        args.max_rss_mib *= 2  # shadow memory and the allocator's own bookkeeping
    base, runtime = temp_dirs()
    folder = os.path.join(base, "notes")
    for i in range(args.notes):
        write(os.path.join(folder, "n%03d.md" % i), WHY_NOTE * (1 + i % 5))
    d = Daemon(mend, folder, runtime).wait_ready(timeout=30)
    stop = threading.Event()
    lock = threading.Lock()
    latencies, errors, notified = [], [], [0]
    rss = []

    def client(k):
        rng = random.Random(k)
        try:
            ws = WebSocket(d.port, token=d.token, timeout=30)
            if k % 2 == 0:
                ws.request("mend/subscribe")
            while not stop.is_set():
                method, params = rng.choice([("mend/progress", None), ("mend/progress", {"path": "n%03d.md" % rng.randrange(args.notes)}),
                                             ("mend/templates", None)])
                t0 = time.monotonic()
                r = ws.request(method, params)
                dt = time.monotonic() - t0
                with lock:
                    latencies.append(dt)
                    notified[0] += len(ws.notifications)
                ws.notifications.clear()
                if "result" not in r:
                    # A note being rewritten may be missing for an instant: -32803 is a clear answer.
                    if r.get("error", {}).get("code") != -32803:
                        with lock:
                            errors.append(r)
            ws.close()
        except Exception as e:  # noqa: BLE001
            with lock:
                errors.append(repr(e))

    def writer():
        rng = random.Random(7)
        i = 0
        while not stop.is_set():
            n = rng.randrange(args.notes)
            path = os.path.join(folder, "n%03d.md" % n)
            tmp = os.path.join(folder, ".n%03d.md.swp" % n)
            write(tmp, WHY_NOTE * (1 + i % 5) + "\nedit %d\n" % i)
            os.rename(tmp, path)  # as an editor saves
            i += 1
            time.sleep(0.02)

    def sampler():
        while not stop.is_set():
            rss.append(rss_kib(d.proc.pid)[0])
            time.sleep(0.25)

    # The client that never reads: subscribes, floods, reads nothing.
    bad = WebSocket(d.port, token=d.token, rcvbuf=4096)
    bad.request("mend/subscribe")
    bad.sock.settimeout(0.2)
    threads = [threading.Thread(target=client, args=(k,)) for k in range(args.clients)]
    threads += [threading.Thread(target=writer), threading.Thread(target=sampler)]
    started = time.monotonic()
    for t in threads:
        t.start()
    bad_cut = None
    msg = json.dumps({"jsonrpc": "2.0", "id": 1, "method": "mend/progress"}).encode()
    while time.monotonic() - started < args.seconds:
        try:
            bad.send_text(msg.decode())
        except (socket.timeout, OSError):
            pass
        if bad_cut is None and ("slow" in d.log() or "queue" in d.log()):
            bad_cut = time.monotonic() - started
        time.sleep(0.001)
    stop.set()
    for t in threads:
        t.join(60)
    deadline = time.monotonic() + 5 * time_scale(mend)
    while bad_cut is None and time.monotonic() < deadline:  # a slow build may drop it a little later
        if "slow" in d.log() or "queue" in d.log():
            bad_cut = time.monotonic() - started
        time.sleep(0.1)
    took = time.monotonic() - started
    bad.sock.close()
    alive = d.proc.poll() is None
    code = d.stop(signal.SIGTERM)
    log = d.log()
    shutil.rmtree(base, ignore_errors=True)
    latencies.sort()
    n = len(latencies)

    def pct(p):
        return latencies[min(n - 1, int(p * n))] * 1000 if n else 0

    print("load_serve: %d clients + 1 that never reads, %.0fs%s: %d requests (%.0f/s), latency p50 %.1f ms, "
          "p99 %.1f ms, max %.1f ms; %d notifications delivered; %d errors; the non-reader was dropped after %s; "
          "daemon RSS %d→%d MiB (peak of samples %d MiB)"
          % (args.clients, took, " (ASan)" if sanitized(mend) else "", n, n / took, pct(0.5), pct(0.99),
             latencies[-1] * 1000 if n else 0, notified[0], len(errors),
             "%.1fs" % bad_cut if bad_cut is not None else "never", rss[0] >> 10 if rss else 0,
             rss[-1] >> 10 if rss else 0, max(rss) >> 10 if rss else 0))
    ok = True
    if errors:
        print("errors:", errors[:5])
        ok = False
    if bad_cut is None:
        print("the client that never reads was never disconnected:\n", log[-1500:])
        ok = False
    if not alive or code != 0:
        print("the daemon died or did not exit 0 (%s):\n%s" % (code, log[-1500:]))
        ok = False
    if rss and max(rss) >> 10 > args.max_rss_mib:
        print("memory not bounded: %d MiB" % (max(rss) >> 10))
        ok = False
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
