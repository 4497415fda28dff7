#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz harnesses (tests/fuzz/corpus/NAME/) from the repository's
own notes, templates and protocol examples. The seeds are committed; rerun this after changing
the harnesses' input formats. Usage: make_corpus.py
"""
import glob
import hashlib
import json
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def put(name, data):
    d = os.path.join(HERE, "corpus", name)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, hashlib.sha1(data).hexdigest()[:16]), "wb") as f:
        f.write(data)


def frame(msg):
    body = msg if isinstance(msg, bytes) else json.dumps(msg).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def notes():
    out = []
    for path in sorted(glob.glob(os.path.join(ROOT, "tests", "golden", "*", "notes", "**", "*.md"), recursive=True)):
        with open(path, "rb") as f:
            out.append(f.read())
    return out


def lsp_sessions(texts):
    uri = "file:///notes/why.md"
    init = {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
        "processId": None, "rootUri": "file:///notes", "capabilities": {
            "general": {"positionEncodings": ["utf-16"]}, "workspace": {"applyEdit": True, "configuration": True,
                                                                         "workspaceEdit": {"documentChanges": True}},
            "window": {"workDoneProgress": True}},
        "initializationOptions": {"ex": {"name": "Sam", "pronouns": "he"}, "today": "2026-11-26"}}}
    pos = {"line": 2, "character": 3}
    td = {"uri": uri}
    for i, text in enumerate(texts[:12]):
        t = text.decode("utf-8", "replace")[:1500]
        msgs = [init, {"jsonrpc": "2.0", "method": "initialized", "params": {}},
                {"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
                    "uri": uri, "languageId": "markdown", "version": 1, "text": t}}},
                {"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": uri, "version": 2},
                 "contentChanges": [{"range": {"start": pos, "end": {"line": 3, "character": 0}}, "text": "x\n## Q?\n"}]}},
                {"jsonrpc": "2.0", "id": 2, "method": "textDocument/hover", "params": {"textDocument": td, "position": pos}},
                {"jsonrpc": "2.0", "id": 3, "method": "textDocument/completion", "params": {"textDocument": td, "position": {"line": 0, "character": 1}}},
                {"jsonrpc": "2.0", "id": 4, "method": "textDocument/codeAction", "params": {"textDocument": td,
                 "range": {"start": pos, "end": pos}, "context": {"diagnostics": []}}},
                {"jsonrpc": "2.0", "id": 5, "method": "textDocument/documentSymbol", "params": {"textDocument": td}},
                {"jsonrpc": "2.0", "id": 6, "method": "textDocument/inlayHint", "params": {"textDocument": td,
                 "range": {"start": {"line": 0, "character": 0}, "end": {"line": 99, "character": 0}}}},
                {"jsonrpc": "2.0", "id": 7, "method": "textDocument/codeLens", "params": {"textDocument": td}},
                {"jsonrpc": "2.0", "id": 8, "method": "workspace/executeCommand", "params": {
                    "command": ["mend.insertTemplate", "mend.insertMissing", "mend.insertLogEntry"][i % 3],
                    "arguments": [{"uri": uri, "template": "why", "step": "why", "position": pos}]}},
                {"jsonrpc": "2.0", "id": 1, "result": {"applied": True}},
                {"jsonrpc": "2.0", "id": 9, "method": "workspace/symbol", "params": {"query": "tell"}},
                {"jsonrpc": "2.0", "id": 10, "method": "mend/progress", "params": {"uri": uri}},
                {"jsonrpc": "2.0", "method": "$/cancelRequest", "params": {"id": 9}},
                {"jsonrpc": "2.0", "method": "workspace/didChangeConfiguration", "params": {"settings": {"mend": {"language": "fr"}}}},
                {"jsonrpc": "2.0", "method": "workspace/didChangeWatchedFiles", "params": {"changes": [{"uri": "file:///notes/why.md", "type": 2}]}},
                {"jsonrpc": "2.0", "method": "textDocument/didClose", "params": {"textDocument": td}},
                {"jsonrpc": "2.0", "id": 11, "method": "mend/templates", "params": {}},
                {"jsonrpc": "2.0", "id": 12, "method": "shutdown"},
                {"jsonrpc": "2.0", "method": "exit"}]
        put("lsp_session", b"".join(frame(m) for m in msgs))
    # Framing and JSON-RPC oddities from protocol/README.md and the catalogue.
    for raw in (b"Content-Length: 2000000000\r\n\r\n{}", b"Content-Length: -5\r\n\r\n{}",
                b"Content-Length: 2\r\nContent-Length: 2\r\n\r\n{}", b"content-length: 2\n\n{}",
                frame(b'[{"jsonrpc":"2.0","id":2,"method":"shutdown"}]'),
                frame(b'{"jsonrpc":"2.0","id":1.5,"method":"initialize"}'),
                frame(b'{"jsonrpc":"2.0","id":3,"method":"x",'),
                frame(init) + frame({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {}}),
                frame(b'{"jsonrpc":"2.0","id":1,"method":"initialize","params":' + b"[" * 130 + b"]" * 130 + b"}")):
        put("lsp_session", raw)


def sync_seeds(texts):
    for i, text in enumerate(texts[:16]):
        t = text[:255]
        data = bytes([i & 1, len(t)]) + t
        # A few edits: [count][not-full][l1][c1][same line?][l2][c2][len][text]
        for k in range(4):
            ins = ["\u00e9\U0001F600\r\n", "## What did he tell me?\n", "> - [ ] ", "\r"][k].encode()
            data += bytes([0, 9, (k * 3) % 24, k * 5, 0, (k * 3 + 1) % 24, 2, len(ins)]) + ins
        put("incremental_sync", data)


def engine_seeds(texts):
    for i, text in enumerate(texts):
        put("note_engine", bytes([(i * 4) % 32 & ~3 | (i & 1)]) + text)
    for path in sorted(glob.glob(os.path.join(ROOT, "templates", "*", "*.md")))[:10]:
        with open(path, "rb") as f:
            body = f.read()
        put("note_engine", b"\x06" + body)
        put("note_engine", b"\x03" + body[:3000])


def yaml_seeds():
    """Front matter a person or an attacker may write: what yaml.h must read or refuse (deep
    nesting, exponential aliases, huge scalars), as a template override (first byte 2) and as
    a note (first byte 0)."""
    laughs = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
        "a%d: &a%d [%s]\n" % (k, k, ", ".join(["*a%d" % (k - 1)] * 9)) for k in range(1, 10))
    fronts = [
        laughs,
        "step: why\norder: 2\ntitle: &t Why\nshort: *t\nguidance: |\n  One.\n  Two.\n"
        "questions:\n  - id: why.official\n    text: >-\n      What were\n      the reasons?\n",
        "a: " + "[" * 5000 + "]" * 5000 + "\n",
        "".join(" " * k + "k:\n" for k in range(200)),
        "- " * 3000 + "x\n",
        "a: \"" + "x" * 200000 + "\"\n",
        "date: 2026-11-02\ntitle: Why: it ended\n? [x]\n: 1\n",
        "a: &a [*a]\nb: \"\\ud800\"\n---\nc: 1\n",
    ]
    for y in fronts:
        doc = ("---\n" + y + "---\n## Why did it end?\n\nWe grew apart.\n").encode()
        put("note_engine", b"\x02" + doc)
        put("note_engine", b"\x00" + doc)


def http_seeds():
    tok = "a" * 64
    host = "Host: 127.0.0.1:41503\r\n"
    for req in ("GET /?token=%s HTTP/1.1\r\n%s\r\n" % (tok, host),
                "GET / HTTP/1.1\r\n%sCookie: mend-token-41503=%s\r\n\r\n" % (host, tok),
                "GET /app.js HTTP/1.1\r\n%sAuthorization: Bearer %s\r\n\r\n" % (host, tok),
                "GET /rpc HTTP/1.1\r\n%sUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: "
                "dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nOrigin: http://localhost:41503\r\n"
                "Authorization: Bearer %s\r\n\r\n" % (host, tok),
                "GET / HTTP/1.1\r\nHost: evil.example:41503\r\nAuthorization: Bearer %s\r\n\r\n" % tok,
                "POST / HTTP/1.1\r\n%sContent-Length: 5\r\nAuthorization: Bearer %s\r\n\r\nhello" % (host, tok),
                "HEAD /style.css?x=%%41&token=%s HTTP/1.0\r\n%s\r\nGET /nope HTTP/1.1\r\n%s\r\n" % (tok, host, host),
                "GET / HTTP/1.1\r\n%sTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n" % host):
        put("http_request", req.encode())


def main():
    texts = notes()
    lsp_sessions(texts)
    sync_seeds(texts)
    engine_seeds(texts)
    yaml_seeds()
    http_seeds()
    for name in ("lsp_session", "incremental_sync", "note_engine", "http_request"):
        print(name, len(os.listdir(os.path.join(HERE, "corpus", name))), "seeds")


if __name__ == "__main__":
    main()
