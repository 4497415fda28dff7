#!/usr/bin/env python3
"""A long `mend lsp` session (issue 7, part 5): tens of thousands of random incremental edits
(typing, deleting, pasting, undoing, multi-byte text, line breaks of every kind) on a few open
notes, with requests in between. Memory stays flat: RSS after the last edit is within a small
margin of RSS after the first quarter; at the end each document equals a full-text open of what
a model of LSP's rules says it holds.

Usage: long_lsp.py MEND [--edits 20000] [--max-growth-mib 16]
"""
import argparse
import json
import os
import random
import sys
import time

from common import LspClient, WHY_NOTE, cap_asan_quarantine, frame, rss_kib, sanitized

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from test_catalogue import apply_edit, rng as make_range, split_lines  # noqa: E402

PIECES = ["a", "e\u0301", "\U0001F600", "\u05e9", " ", "\n", "\r\n", "## What did he tell me?\n", "- [ ] ", "> ",
          "**", "That he needed space. ", "\n\n## Is it a big yes?\n\nYes.\n"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("mend")
    ap.add_argument("--edits", type=int, default=20000)
    ap.add_argument("--max-growth-mib", type=int, default=16)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    r = random.Random(args.seed)
    cap_asan_quarantine()
    if sanitized(args.mend):
        args.max_growth_mib *= 3  # ASan's allocator keeps more per thread and in its quarantine
    c = LspClient(os.path.abspath(args.mend), args=("lsp", "--log-level", "warn"))
    c.initialize()
    uris = ["file:///tmp/mend-long/n%d.md" % i for i in range(3)]
    texts = {u: WHY_NOTE for u in uris}
    versions = {u: 1 for u in uris}
    for u in uris:
        c.open(u.replace("file://", ""), texts[u])
    started = time.monotonic()
    samples = []
    batch = []
    for i in range(args.edits):
        u = r.choice(uris)
        text = texts[u]
        lines = split_lines(text)
        l1 = r.randrange(len(lines) + 1)
        c1 = r.randrange(len(lines[min(l1, len(lines) - 1)][0]) + 3)
        if r.random() < 0.5:
            l2, c2 = l1, c1  # typing
        else:
            l2 = min(l1 + r.randrange(3), len(lines))
            c2 = r.randrange(40)
        new = "" if r.random() < 0.3 else r.choice(PIECES)
        if len(text) > 20000:  # keep the notes note-sized: cut a big piece
            l1, c1, l2, c2, new = 0, 0, len(lines) // 2, 0, ""
        rg = make_range(l1, c1, l2, c2)
        texts[u] = apply_edit(text, rg, new)
        versions[u] += 1
        batch.append(frame({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
            "textDocument": {"uri": u, "version": versions[u]}, "contentChanges": [{"range": rg, "text": new}]}}))
        if len(batch) >= 200 or i == args.edits - 1:
            c.send_raw(b"".join(batch))
            batch = []
            resp = c.request("textDocument/documentSymbol", {"textDocument": {"uri": u}}, timeout=60)
            if "result" not in resp:
                print("request failed:", resp)
                return 1
            samples.append((i + 1, rss_kib(c.proc.pid)[0]))
    took = time.monotonic() - started
    # Each document equals a full-text open of the model's text.
    for k, u in enumerate(uris):
        twin = "file:///tmp/mend-long/twin%d.md" % k
        c.open(twin.replace("file://", ""), texts[u])
        a = c.request("textDocument/documentSymbol", {"textDocument": {"uri": u}})["result"]
        b = c.request("textDocument/documentSymbol", {"textDocument": {"uri": twin}})["result"]
        if json.dumps(a).replace(u, "U") != json.dumps(b).replace(twin, "U"):
            print("document %s differs from full-text sync" % u)
            return 1
    quarter = next(kib for n, kib in samples if n >= args.edits // 4)
    last = samples[-1][1]
    peak = rss_kib(c.proc.pid)[1]
    code = c.shutdown_and_exit()
    c.assert_answered_once()
    c.kill()
    growth = (last - quarter) / 1024
    print("long_lsp: %d edits in %.1fs (%.0f edits/s%s), RSS %.1f MiB after %d edits, %.1f MiB after %d "
          "(growth %.1f MiB), peak %.1f MiB; documents equal full-text sync; exit %d"
          % (args.edits, took, args.edits / took, ", ASan" if sanitized(args.mend) else "", quarter / 1024,
             args.edits // 4, last / 1024, args.edits, growth, peak / 1024, code))
    if growth > args.max_growth_mib:
        print("memory grows with the edits")
        return 1
    return 0 if code == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
