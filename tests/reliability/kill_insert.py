#!/usr/bin/env python3
"""Crash-safe writes, proven (issue 7, part 4): SIGKILL `mend insert` at random points, hundreds
of times. After every kill the note is exactly the old or the new version (never empty, never
torn); temporaries a killed writer left are removed by the next start; at the end nothing is left.

Usage: kill_insert.py MEND [--kills N] [--seconds S]   (defaults: 500 kills, at most 30 s)
Prints the figures: kills, how many landed before/after the rename, leftovers seen and cleaned.
"""
import argparse
import os
import random
import shutil
import signal
import subprocess
import sys
import time

from common import TODAY, read, sanitized, tempdir, write

TEMP_PREFIX = ".mend-write-"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("mend")
    ap.add_argument("--kills", type=int, default=500)
    ap.add_argument("--seconds", type=float, default=30)
    ap.add_argument("--seed", type=int, default=int(time.time()))
    args = ap.parse_args()
    rng = random.Random(args.seed)
    mend = os.path.abspath(args.mend)
    folder = tempdir("mend-kill-")
    note = os.path.join(folder, "why.md")
    # A large note (1.5 MiB) widens the window between the temporary's creation and the rename.
    old = ("## What did he tell me?\n\nThat he needed space.\n\n" + "Some more words of the day.\n" * 56000).encode()
    env = dict(os.environ)
    env.pop("MEND_FAULT", None)
    cmd = [mend, "insert", "motives", note, "--today", TODAY]
    try:
        # The new version, from uninterrupted runs; and how long a run takes: the fastest of
        # three, since a run slowed by another test on the machine (ctest -j2) would set the
        # kills too late and let most runs finish first.
        runtime = None
        for _ in range(3):
            write(note, old)
            started = time.monotonic()
            r = subprocess.run(cmd, env=env, capture_output=True)
            took = time.monotonic() - started
            runtime = took if runtime is None else min(runtime, took)
            if r.returncode != 0:
                print("mend insert failed without a kill:", r.stderr.decode())
                return 1
        new = read(note)
        assert new != old and new.startswith(old), "the insert did not append"
        counts = {"old": 0, "new": 0, "leftover_seen": 0, "leftover_cleaned": 0, "finished": 0}
        deadline = time.monotonic() + args.seconds
        kills = 0
        leftovers_before = []
        while kills < args.kills and time.monotonic() < deadline:
            write(note, old)  # reset (never through mend: the test owns this write)
            leftovers_before = [n for n in os.listdir(folder) if n.startswith(TEMP_PREFIX)]
            p = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            time.sleep(rng.uniform(0, runtime * 1.2))
            p.send_signal(signal.SIGKILL)
            _, err = p.communicate()
            if p.returncode == -signal.SIGKILL:
                kills += 1
            else:
                counts["finished"] += 1
                if p.returncode != 0:
                    print("mend insert failed:", err.decode())
                    return 1
            body = read(note)
            if body == old:
                counts["old"] += 1
            elif body == new:
                counts["new"] += 1
            else:
                print("TORN NOTE after kill %d (seed %d): %d bytes, old %d, new %d"
                      % (kills, args.seed, len(body), len(old), len(new)))
                return 1
            left = [n for n in os.listdir(folder) if n.startswith(TEMP_PREFIX)]
            # Every leftover present when this run started must be gone now (it cleaned them).
            if leftovers_before:
                if any(n in left for n in leftovers_before):
                    # The run may have been killed before it reached the cleanup: allowed only then.
                    if p.returncode != -signal.SIGKILL:
                        print("leftover temporaries not cleaned by a finished run:", leftovers_before)
                        return 1
                else:
                    counts["leftover_cleaned"] += len(leftovers_before)
            if left:
                counts["leftover_seen"] += 1
        # A last uninterrupted run cleans whatever the last kill left.
        write(note, old)
        r = subprocess.run(cmd, env=env, capture_output=True)
        left = [n for n in os.listdir(folder) if n.startswith(TEMP_PREFIX)]
        ok = r.returncode == 0 and read(note) == new and not left
        print("kill_insert: %d SIGKILLs in %.1fs (seed %d, one run %.0f ms%s): note old %d, new %d, never torn; "
              "%d runs finished first; %d kills left a temporary, %d temporaries removed by the next start; "
              "final run %s" % (kills, args.seconds - max(0, deadline - time.monotonic()), args.seed,
                                runtime * 1000, ", ASan" if sanitized(mend) else "", counts["old"], counts["new"],
                                counts["finished"], counts["leftover_seen"], counts["leftover_cleaned"],
                                "ok" if ok else "FAILED %r %r" % (r.stderr, left)))
        # Under ASan a run takes ten times as long (300 ms here): fewer kills fit in the time,
        # as in kill_serve.py.
        if kills < min(args.kills, 100 if sanitized(mend) else 200):
            print("too few kills in the time budget")
            return 1
        if counts["leftover_seen"] == 0 or counts["old"] == 0 or counts["new"] == 0:
            print("the kills did not cover the write (no leftover, or no old/new outcome): widen the window")
            return 1
        return 0 if ok else 1
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
