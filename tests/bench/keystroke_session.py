#!/usr/bin/env python3
"""Writes an LSP session to replay into `mend lsp` under callgrind (load-independent counts):
initialize (no folder), didOpen of NOTE, then KEYS one-character insertions at the end of prose
lines, each followed by documentSymbol, then shutdown and exit.

    tests/bench/keystroke_session.py NOTE KEYS > session.bin
    valgrind --tool=callgrind --callgrind-out-file=/dev/null build/mend lsp < session.bin >/dev/null
"""
import json
import random
import sys

note = open(sys.argv[1], encoding="utf-8").read()
keys = int(sys.argv[2])
uri = "file:///nowhere/" + sys.argv[1].rsplit("/", 1)[-1]
lines = note.split("\n")
rng = random.Random(7)
prose = [i for i, l in enumerate(lines) if l and l[0].isalpha()]
msgs = [{"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"processId": None, "rootUri": None, "capabilities": {}}},
        {"jsonrpc": "2.0", "method": "initialized", "params": {}},
        {"jsonrpc": "2.0", "method": "textDocument/didOpen",
         "params": {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": note}}}]
for k in range(keys):
    i = rng.choice(prose)
    line = lines[i].rstrip("\r")
    ch = len(line.encode("utf-16-le")) // 2
    lines[i] = line + "x" + lines[i][len(line):]
    at = {"line": i, "character": ch}
    msgs.append({"jsonrpc": "2.0", "method": "textDocument/didChange",
                 "params": {"textDocument": {"uri": uri, "version": k + 2},
                            "contentChanges": [{"range": {"start": at, "end": at}, "text": "x"}]}})
    msgs.append({"jsonrpc": "2.0", "id": k + 2, "method": "textDocument/documentSymbol",
                 "params": {"textDocument": {"uri": uri}}})
msgs += [{"jsonrpc": "2.0", "id": keys + 2, "method": "shutdown"}, {"jsonrpc": "2.0", "method": "exit"}]
out = sys.stdout.buffer
for m in msgs:
    body = json.dumps(m).encode()
    out.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
