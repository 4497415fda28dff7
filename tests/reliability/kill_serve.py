#!/usr/bin/env python3
"""Crash-safe writes of `mend serve` (issue 7, part 4): SIGKILL the daemon at random points while a
client's mend/insertTemplate is in flight, hundreds of times. The note is always exactly the old
or the new version; the next daemon starts (the killed one's lock is released by the kernel),
removes the temporaries left in the folder, and serves the note with its true hash.

Usage: kill_serve.py MEND [--kills N] [--seconds S]   (defaults: 300 kills, at most 40 s)
"""
import argparse
import json
import os
import random
import shutil
import signal
import sys
import time

from common import WHY_NOTE, read, sanitized, write
from ws_client import Daemon, WebSocket, content_hash, temp_dirs

TEMP_PREFIX = ".mend-write-"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("mend")
    ap.add_argument("--kills", type=int, default=300)
    ap.add_argument("--seconds", type=float, default=40)
    ap.add_argument("--seed", type=int, default=int(time.time()))
    args = ap.parse_args()
    rng = random.Random(args.seed)
    mend = os.path.abspath(args.mend)
    base, runtime = temp_dirs()
    folder = os.path.join(base, "notes")
    note = os.path.join(folder, "why.md")
    old = (WHY_NOTE + "\nMore words of the day.\n" * 400).encode()  # ~10 KiB
    write(note, old)
    new = None
    counts = {"old": 0, "new": 0, "leftover": 0, "cleaned": 0, "answered": 0}
    kills = 0
    rtt = 0.05
    started = time.monotonic()
    try:
        while kills < args.kills and time.monotonic() - started < args.seconds:
            left_before = [n for n in os.listdir(folder) if n.startswith(TEMP_PREFIX)]
            d = Daemon(mend, folder, runtime).wait_ready(timeout=20)
            left_now = [n for n in os.listdir(folder) if n.startswith(TEMP_PREFIX)]
            if left_now:
                print("the daemon started without removing the temporaries %r" % left_now)
                return 1
            counts["cleaned"] += len(left_before)
            ws = WebSocket(d.port, token=d.token)
            body = read(note)
            if body not in (old, new):
                print("TORN NOTE (seed %d): %d bytes" % (args.seed, len(body)))
                return 1
            msg = {"jsonrpc": "2.0", "id": 1, "method": "mend/insertTemplate",
                   "params": {"path": "why.md", "template": "motives", "base_hash": content_hash(body)}}
            if new is None:  # the first round measures uninterrupted inserts (median of 5)
                times = []
                for k in range(5):
                    msg["id"] = 100 + k
                    msg["params"]["base_hash"] = content_hash(read(note))
                    t0 = time.monotonic()
                    ws.send_text(json.dumps(msg))
                    r = ws.recv_message()
                    while "id" not in r:
                        r = ws.recv_message()
                    times.append(time.monotonic() - t0)
                    if "result" not in r:
                        print("insertTemplate failed without a kill:", r)
                        return 1
                    new = read(note)
                    write(note, old)
                rtt = sorted(times)[2]
                msg["id"] = 1
                msg["params"]["base_hash"] = content_hash(old)
                ws.send_text(json.dumps(msg))
            else:
                ws.send_text(json.dumps(msg))
                # Mostly early: the write happens in the first part of the round trip.
                time.sleep(rng.uniform(0, rtt / 4) if rng.random() < 0.7 else rng.uniform(0, rtt * 1.5))
            d.proc.send_signal(signal.SIGKILL)
            d.proc.wait()
            d.stderr.close()
            kills += 1
            ws.sock.close()
            body = read(note)
            if body == old:
                counts["old"] += 1
            elif body == new:
                counts["new"] += 1
                write(note, old)  # the test resets the note for the next round
            else:
                print("TORN NOTE after kill %d (seed %d): %d bytes, old %d, new %d"
                      % (kills, args.seed, len(body), len(old), len(new)))
                return 1
            if any(n.startswith(TEMP_PREFIX) for n in os.listdir(folder)):
                counts["leftover"] += 1
        took = time.monotonic() - started
        print("kill_serve: %d SIGKILLs of mend serve in %.1fs (seed %d, insert round trip %.0f ms%s): note old %d, "
              "new %d, never torn; %d kills left a temporary, %d removed by the next daemon's start"
              % (kills, took, args.seed, rtt * 1000, ", ASan" if sanitized(mend) else "", counts["old"],
                 counts["new"], counts["leftover"], counts["cleaned"]))
        if kills < min(args.kills, 40 if sanitized(mend) else 150):
            print("too few kills in the time budget")
            return 1
        return 0
    finally:
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
