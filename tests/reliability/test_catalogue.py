#!/usr/bin/env python3
"""The catalogue of bad inputs and faults (issue 7, part 3), each case with its expected
behaviour, run against the real binary. Nothing crashes, nothing hangs, no note loses a byte,
every error is clear.

Usage: test_catalogue.py MEND [category ...] [-k substring] [--list]
Categories: framing jsonrpc sync markdown filesystem serve shutdown.
`--list` prints the catalogue as a Markdown table (the README links it).
"""
import json
import os
import shutil
import signal
import socket
import stat
import subprocess
import sys
import threading
import time

from common import (LspClient, Registry, TODAY, WHY_NOTE, check, frame, read, rss_kib, tempdir, time_scale,
                    uri_of, write)

REG = Registry()
case = REG.case


class Ctx:
    def __init__(self, mend):
        self.mend = mend
        self.scale = time_scale(mend)

    def t(self, seconds):
        return seconds * self.scale


# --- helpers ------------------------------------------------------------------------------


class Session:
    """A `mend lsp` process driven by tests/lsp/lsp_client.py."""

    def __init__(self, ctx, root=None, init=True, options=None, capabilities=None):
        self.ctx = ctx
        self.c = LspClient(ctx.mend, args=("lsp", "--log-level", "info"))
        if init:
            r = self.c.initialize(root, options=options, capabilities=capabilities)
            check("result" in r, "initialize failed: %r" % r)

    def raw(self, data):
        self.c.send_raw(data)

    def send(self, msg):
        self.c.send(msg)

    def response(self, rid, timeout=10):
        return self.c.wait_response(rid, self.ctx.t(timeout))

    def request(self, method, params=None, timeout=10):
        rid = self.c.request(method, params, wait=False)
        return self.response(rid, timeout)

    def alive(self, timeout=10):
        r = self.request("mend/templates", {}, timeout)
        check(isinstance(r.get("result"), list) and r["result"], "not answered sanely: %r" % r)

    def log(self):
        return "".join(self.c.stderr_lines)

    def wait_log(self, text, timeout=5):
        deadline = time.time() + self.ctx.t(timeout)
        while time.time() < deadline:
            if text in self.log():
                return
            time.sleep(0.02)
        raise AssertionError("log lacks %r:\n%s" % (text, self.log()[-2000:]))

    def open(self, uri, text, version=1):
        self.c.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "markdown",
                                                                "version": version, "text": text}})

    def change(self, uri, version, changes):
        self.c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                                 "contentChanges": changes})

    def finish(self, expect=0):
        code = self.c.shutdown_and_exit(timeout=self.ctx.t(10))
        self.c.assert_answered_once()
        check(code == expect, "exit code %s\n%s" % (code, self.log()[-2000:]))
        self.c.kill()

    def kill(self):
        self.c.kill()


def framing_case(ctx, raw, log_text, answered_ids=(), then_initialize=True):
    """Sends `raw` before initialize; the log names the problem and the session carries on."""
    s = Session(ctx, init=False)
    try:
        s.raw(raw)
        for rid in answered_ids:
            s.response(rid)
        if log_text:
            s.wait_log(log_text)
        if then_initialize:
            r = s.c.initialize()
            check("result" in r, "initialize after the bad frame: %r" % r)
            s.alive()
            s.finish()
    finally:
        s.kill()


def error_of(ctx, body, code, rid=None, message_part=None, initialize=True):
    """Sends one raw body; expects one error response with `code` (id `rid`)."""
    s = Session(ctx, init=initialize)
    try:
        s.raw(frame(body if isinstance(body, bytes) else body.encode()))
        r = s.response(rid)
        check(r.get("error", {}).get("code") == code, "want %d, got %r" % (code, r))
        if message_part:
            check(message_part in r["error"]["message"], "message %r lacks %r" % (r["error"]["message"], message_part))
        s.c.responses.pop(json.dumps(rid))  # not one of the client's own ids
        s.alive()
        s.finish()
    finally:
        s.kill()


def init_request(rid):
    return {"jsonrpc": "2.0", "id": rid, "method": "initialize",
            "params": {"processId": None, "rootUri": None, "capabilities": {}}}


# --- framing --------------------------------------------------------------------------------


@case("F01", "framing", "Content-Length: 2000000000 (over the 64 MiB cap) then a short body and EOF",
      "logged 'exceeds the limit'; the bytes are skipped unbuffered; EOF exits 1 at once; RSS stays small")
def huge_content_length(ctx):
    s = Session(ctx, init=False)
    try:
        s.raw(b"Content-Length: 2000000000\r\n\r\n" + b"x" * (1 << 20))
        s.wait_log("exceeds the limit of 67108864 bytes")
        check(rss_kib(s.c.proc.pid)[0] < 200 * 1024, "RSS grew: %r" % (rss_kib(s.c.proc.pid),))
        s.c.proc.stdin.close()
        check(s.c.proc.wait(ctx.t(5)) == 1, "exit code")
    finally:
        s.kill()


@case("F02", "framing", "Content-Length: 99999999999999999999999 (does not fit 64 bits)",
      "logged 'exceeds the limit'; resynchronises on the next Content-Length; next message answered")
def overflow_content_length(ctx):
    framing_case(ctx, b"Content-Length: 99999999999999999999999\r\n\r\n{}", "exceeds the limit")


@case("F03", "framing", "negative Content-Length: -5",
      "logged 'not a number'; resynchronises; next message answered")
def negative_content_length(ctx):
    framing_case(ctx, b"Content-Length: -5\r\n\r\n{}", "Content-Length is not a number: '-5'")


@case("F04", "framing", "non-numeric Content-Length (abc, 0x10, 1e3, +7, 5.0)",
      "each logged 'not a number'; the session carries on")
def non_numeric_content_length(ctx):
    raw = b"".join(b"Content-Length: %s\r\n\r\n{}" % v for v in (b"abc", b"0x10", b"1e3", b"+7", b"5.0"))
    framing_case(ctx, raw, "Content-Length is not a number: '5.0'")


@case("F05", "framing", "duplicated Content-Length, both equal",
      "logged 'duplicate Content-Length'; that body skipped; next message answered")
def duplicate_equal(ctx):
    body = json.dumps(init_request("dup")).encode()
    framing_case(ctx, b"Content-Length: %d\r\nContent-Length: %d\r\n\r\n" % (len(body), len(body)) + body,
                 "duplicate Content-Length")


@case("F06", "framing", "duplicated Content-Length, conflicting (10 and 20)",
      "logged 'duplicate Content-Length'; resynchronises on the next header")
def duplicate_conflicting(ctx):
    framing_case(ctx, b"Content-Length: 10\r\nContent-Length: 20\r\n\r\n{}{}{}{}{}{}", "duplicate Content-Length")


@case("F07", "framing", "no Content-Length header at all",
      "logged 'missing Content-Length'; next message answered")
def missing_content_length(ctx):
    framing_case(ctx, b"Content-Type: application/vscode-jsonrpc\r\n\r\n{\"jsonrpc\":\"2.0\"}",
                 "missing Content-Length")


@case("F08", "framing", "header block over 8 KiB (one 20 KiB header line)",
      "logged 'header line too long'; the block is dropped; next message answered")
def long_header(ctx):
    framing_case(ctx, b"X-Junk: " + b"a" * 20000 + b"\r\n\r\n", "header line too long")


@case("F09", "framing", "a line that is not 'Name: value' next to a valid Content-Length",
      "logged 'malformed header line'; the body is skipped; next message answered")
def malformed_header_line(ctx):
    framing_case(ctx, b"Content-Length: 2\r\nnonsense\r\n\r\n{}", "malformed header line")


@case("F10", "framing", "truncated body: Content-Length 100, 10 bytes, then EOF",
      "no response, no crash; exit code 1 (no shutdown) within a second")
def truncated_body(ctx):
    s = Session(ctx, init=False)
    try:
        s.raw(b"Content-Length: 100\r\n\r\n{\"jsonrpc\"")
        s.c.proc.stdin.close()
        check(s.c.proc.wait(ctx.t(5)) == 1, "exit code %s" % s.c.proc.returncode)
        check(not s.c.responses, "answered a truncated body: %r" % s.c.responses)
    finally:
        s.kill()


@case("F11", "framing", "a whole session delivered one byte at a time",
      "the same answers as in one write: initialize, a hover, shutdown; exit 0")
def byte_by_byte(ctx):
    s = Session(ctx, init=False)
    try:
        uri = "file:///tmp/mend-bytewise/why.md"
        msgs = [init_request(1), {"jsonrpc": "2.0", "method": "initialized", "params": {}},
                {"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
                    "uri": uri, "languageId": "markdown", "version": 1, "text": WHY_NOTE}}},
                {"jsonrpc": "2.0", "id": 2, "method": "textDocument/hover",
                 "params": {"textDocument": {"uri": uri}, "position": {"line": 2, "character": 5}}}]
        data = b"".join(frame(m) for m in msgs)
        for i in range(len(data)):
            s.c.proc.stdin.write(data[i:i + 1])
            s.c.proc.stdin.flush()
        check("result" in s.response(1), "initialize")
        hover = s.response(2)
        check(hover.get("result") and "why.official" in json.dumps(hover["result"]), hover)
        s.c.next_id = 3
        s.finish()
    finally:
        s.kill()


@case("F12", "framing", "Content-Length: 0 (empty body), then stray blank lines between messages",
      "an empty body is a -32700 parse error with id null; blank lines are skipped")
def empty_body(ctx):
    s = Session(ctx, init=False)
    try:
        s.raw(b"Content-Length: 0\r\n\r\n\r\n\r\n")
        r = s.response(None)
        check(r["error"]["code"] == -32700, r)
        s.c.responses.pop("null")
        check("result" in s.c.initialize(), "initialize")
        s.finish()
    finally:
        s.kill()


@case("F13", "framing", "lower-case header name, bare \\n line ends, padded value",
      "accepted: the message is answered")
def lenient_headers(ctx):
    s = Session(ctx, init=False)
    try:
        body = json.dumps(init_request(1)).encode()
        s.raw(b"content-length:   %d  \nContent-Type: x\n\n" % len(body) + body)
        check("result" in s.response(1), "not answered")
        s.c.next_id = 2
        s.finish()
    finally:
        s.kill()


@case("F14", "framing", "Content-Length one byte over 64 MiB, with its body streamed",
      "logged 'exceeds the limit'; the 64 MiB body is skipped without being stored (RSS < 200 MiB)")
def just_over_cap(ctx):
    s = Session(ctx, init=False)
    try:
        n = (64 << 20) + 1
        s.raw(b"Content-Length: %d\r\n\r\n" % n)
        chunk = b"y" * (1 << 20)
        for _ in range(64):
            s.raw(chunk)
        s.raw(b"y")
        s.wait_log("exceeds the limit")
        check("result" in s.c.initialize(), "initialize after the skipped body")
        check(rss_kib(s.c.proc.pid)[1] < 200 * 1024, "peak RSS %r KiB" % (rss_kib(s.c.proc.pid),))
        s.finish()
    finally:
        s.kill()


# --- JSON-RPC -------------------------------------------------------------------------------


@case("J01", "jsonrpc", "a batch (top-level array of two requests)",
      "one -32600 'batch requests are not supported' with id null; nothing else runs")
def batch(ctx):
    error_of(ctx, json.dumps([init_request(5), init_request(6)]), -32600, None, "batch")


@case("J02", "jsonrpc", "an empty batch []", "-32600 with id null")
def empty_batch(ctx):
    error_of(ctx, "[]", -32600, None)


@case("J03", "jsonrpc", "odd ids: null, 1.5, 1.0, true, {}, []",
      "each -32600 (id null when unusable); the session carries on")
def odd_ids(ctx):
    s = Session(ctx)
    try:
        for rid in ("null", "1.5", "1.0", "true", "{}", "[]"):
            before = len(s.c.responses.get("null", []))
            s.raw(frame(('{"jsonrpc":"2.0","id":%s,"method":"mend/templates"}' % rid).encode()))
            s.c.wait_for(lambda: len(s.c.responses.get("null", [])) > before or
                         any(k not in ("null",) and not k.isdigit() for k in s.c.responses), ctx.t(5))
        errors = [r for v in s.c.responses.values() for r in v if "error" in r]
        check(len(errors) >= 6 and all(e["error"]["code"] == -32600 for e in errors), errors)
        s.c.responses.pop("null")
        s.alive()
        s.finish()
    finally:
        s.kill()


@case("J04", "jsonrpc", "ids 1 and \"1\", a negative id, 2^63-1 and a 1000-character string id",
      "all valid and distinct: each answered exactly once with its own id")
def distinct_ids(ctx):
    s = Session(ctx)
    try:
        ids = [1001, "1001", -7, 2 ** 63 - 1, "x" * 1000]
        for rid in ids:
            s.send({"jsonrpc": "2.0", "id": rid, "method": "mend/templates", "params": {}})
        for rid in ids:
            check("result" in s.response(rid), rid)
        s.finish()
    finally:
        s.kill()


@case("J05", "jsonrpc", "100000 nested arrays in params ('[[[[…')",
      "-32700 'nested too deep' within a second, stack untouched")
def deep_nesting(ctx):
    body = '{"jsonrpc":"2.0","id":9,"method":"mend/templates","params":' + "[" * 100000 + "]" * 100000 + "}"
    error_of(ctx, body, -32700, None)


@case("J06", "jsonrpc", "nesting exactly at the 128 limit inside params of an unknown method",
      "parsed: answered -32601 MethodNotFound, not a parse error")
def nesting_at_limit(ctx):
    body = '{"jsonrpc":"2.0","id":9,"method":"nope","params":{"a":' + "[" * 126 + "]" * 126 + "}}"
    error_of(ctx, body, -32601, 9)


@case("J07", "jsonrpc", "wrong param types: hover with position \"x\", line -1, uri 5",
      "-32602 naming the field in error.data.path")
def wrong_param_types(ctx):
    s = Session(ctx)
    try:
        for params, path in (({"textDocument": {"uri": "file:///a.md"}, "position": "x"}, "position"),
                             ({"textDocument": {"uri": "file:///a.md"}, "position": {"line": -1, "character": 0}},
                              "position.line"),
                             ({"textDocument": {"uri": 5}, "position": {"line": 0, "character": 0}},
                              "textDocument.uri")):
            r = s.request("textDocument/hover", params)
            check(r.get("error", {}).get("code") == -32602, r)
            check(r["error"].get("data", {}).get("path") == path, r)
        s.finish()
    finally:
        s.kill()


@case("J08", "jsonrpc", "params that are a string, a number, true",
      "-32600 (params must be an object or an array)")
def params_not_structured(ctx):
    for p in ('"x"', "5", "true"):
        error_of(ctx, '{"jsonrpc":"2.0","id":3,"method":"mend/templates","params":%s}' % p, -32600, 3)


@case("J09", "jsonrpc", "a duplicate in-flight id (two workspace/symbol with id 42 while indexing)",
      "the second gets -32600 'duplicate request id'; the first is answered once")
def duplicate_inflight(ctx):
    root = tempdir()
    try:
        for i in range(200):
            write(os.path.join(root, "n%03d.md" % i), WHY_NOTE)
        s = Session(ctx, root=root)
        try:
            for _ in range(2):
                s.send({"jsonrpc": "2.0", "id": 42, "method": "workspace/symbol", "params": {"query": "tell"}})
            s.c.wait_for(lambda: len(s.c.responses.get("42", [])) >= 2, ctx.t(10))
            rs = s.c.responses["42"]
            check(sum(1 for r in rs if "result" in r) == 1, rs)
            dup = [r for r in rs if "error" in r]
            check(len(dup) == 1 and dup[0]["error"]["code"] == -32600 and "duplicate" in dup[0]["error"]["message"], rs)
            s.c.responses["42"] = rs[:1]
            s.finish()
        finally:
            s.kill()
    finally:
        shutil.rmtree(root, ignore_errors=True)


@case("J10", "jsonrpc", "invalid UTF-8 in the body, and a lone \\ud800 escape",
      "-32700 each; the session carries on")
def bad_utf8(ctx):
    error_of(ctx, b'{"jsonrpc":"2.0","id":4,"method":"mend/templates","x":"\xff\xfe"}', -32700)
    error_of(ctx, '{"jsonrpc":"2.0","id":4,"method":"mend/templates","x":"\\ud800"}', -32700)


@case("J11", "jsonrpc", "missing jsonrpc, jsonrpc \"1.0\", method 5, not an object ('7')",
      "-32600 each, with the id when it could be read")
def malformed_messages(ctx):
    error_of(ctx, '{"id":4,"method":"mend/templates"}', -32600, 4)
    error_of(ctx, '{"jsonrpc":"1.0","id":4,"method":"mend/templates"}', -32600, 4)
    error_of(ctx, '{"jsonrpc":"2.0","id":4,"method":5}', -32600, 4)
    error_of(ctx, "7", -32600, None)


@case("J12", "jsonrpc", "unknown method; unknown $/ request; unknown notifications",
      "-32601 for requests; notifications ignored silently")
def unknown_methods(ctx):
    s = Session(ctx)
    try:
        check(s.request("nope/nope")["error"]["code"] == -32601, "unknown method")
        check(s.request("$/unknown")["error"]["code"] == -32601, "$/ request")
        s.c.notify("$/unknownNotification", {})
        s.c.notify("nope", {"x": 1})
        s.alive()
        s.finish()
    finally:
        s.kill()


@case("J13", "jsonrpc", "a request before initialize; a second initialize; a request after shutdown",
      "-32002, then -32600, then -32600; exit after shutdown is 0")
def lifecycle_violations(ctx):
    s = Session(ctx, init=False)
    try:
        check(s.request("mend/templates", {})["error"]["code"] == -32002, "before initialize")
        check("result" in s.c.initialize(), "initialize")
        rid = s.c.request("initialize", {"processId": None, "rootUri": None, "capabilities": {}}, wait=False)
        check(s.response(rid)["error"]["code"] == -32600, "second initialize")
        check(s.request("shutdown")["result"] is None, "shutdown")
        check(s.request("mend/templates", {})["error"]["code"] == -32600, "after shutdown")
        s.c.notify("exit")
        check(s.c.proc.wait(ctx.t(5)) == 0, "exit code")
    finally:
        s.kill()


@case("J14", "jsonrpc", "responses to ids mend never sent; $/cancelRequest of unknown and answered ids",
      "ignored (logged); nothing is sent back")
def stray_responses(ctx):
    s = Session(ctx)
    try:
        s.send({"jsonrpc": "2.0", "id": 999, "result": {"applied": True}})
        s.send({"jsonrpc": "2.0", "id": "zz", "error": {"code": 1, "message": "x"}})
        s.c.notify("$/cancelRequest", {"id": 12345})
        s.c.notify("$/cancelRequest", {"id": 1})
        s.alive()
        check(set(s.c.responses) <= {json.dumps(i) for i in range(1, s.c.next_id)}, s.c.responses.keys())
        s.finish()
    finally:
        s.kill()


@case("J15", "jsonrpc", "a flood: 5000 hover requests written at once on an open note",
      "every one answered exactly once, in under 20 s")
def flood(ctx):
    s = Session(ctx)
    try:
        uri = "file:///tmp/mend-flood/why.md"
        s.open(uri, WHY_NOTE)
        data = b"".join(frame({"jsonrpc": "2.0", "id": 10000 + i, "method": "textDocument/hover",
                               "params": {"textDocument": {"uri": uri}, "position": {"line": i % 12, "character": 3}}})
                        for i in range(5000))
        s.raw(data)
        s.c.wait_for(lambda: all(json.dumps(10000 + i) in s.c.responses for i in range(5000)), ctx.t(20))
        check(all(len(s.c.responses[json.dumps(10000 + i)]) == 1 for i in range(5000)), "answered twice")
        s.finish()
    finally:
        s.kill()


# --- positions and sync ---------------------------------------------------------------------


def split_lines(text):
    """[(content, break)] as LSP sees a text: breaks are \\r\\n, \\n and a lone \\r."""
    out, i, start = [], 0, 0
    while i < len(text):
        if text[i] == "\r" and i + 1 < len(text) and text[i + 1] == "\n":
            out.append((text[start:i], "\r\n"))
            i += 2
            start = i
        elif text[i] in "\r\n":
            out.append((text[start:i], text[i]))
            i += 1
            start = i
        else:
            i += 1
    out.append((text[start:], ""))
    return out


def offset_of(text, line, character, utf8=False):
    """Code-point offset of an LSP position, with mend's documented clamping."""
    lines = split_lines(text)
    line, character = max(0, line), max(0, character)
    if line >= len(lines):
        return len(text)
    base = sum(len(c) + len(b) for c, b in lines[:line])
    content = lines[line][0]
    units = 0
    for i, ch in enumerate(content):
        w = len(ch.encode("utf-8")) if utf8 else (2 if ord(ch) > 0xFFFF else 1)
        if units + w > character:
            return base + i
        units += w
    return base + len(content)


def apply_edit(text, rng, new, utf8=False):
    a = offset_of(text, rng["start"]["line"], rng["start"]["character"], utf8)
    b = offset_of(text, rng["end"]["line"], rng["end"]["character"], utf8)
    a, b = min(a, b), max(a, b)
    return text[:a] + new + text[b:]


def rng(l1, c1, l2, c2):
    return {"start": {"line": l1, "character": c1}, "end": {"line": l2, "character": c2}}


def observe(s, uri):
    """What the features say about a document: symbols, inlay hints, code lenses, hovers."""
    out = []
    for method, extra in (("textDocument/documentSymbol", {}),
                          ("textDocument/inlayHint", {"range": rng(0, 0, 100000, 0)}),
                          ("textDocument/codeLens", {})):
        r = s.request(method, dict({"textDocument": {"uri": uri}}, **extra))
        check("result" in r, r)
        out.append(r["result"])
    return json.dumps(out, sort_keys=True).replace(uri, "URI")


def sync_case(ctx, text, edits, utf8=False, expect_text=None):
    """Incremental edits on A must equal a full-text open of B with the reference result."""
    caps = {"general": {"positionEncodings": ["utf-8"]}} if utf8 else None
    s = Session(ctx, capabilities=caps)
    try:
        a, b = "file:///tmp/mend-sync/a.md", "file:///tmp/mend-sync/b.md"
        s.open(a, text)
        expected = text
        for i, (r, new) in enumerate(edits):
            s.change(a, 2 + i, [{"range": r, "text": new}])
            expected = apply_edit(expected, r, new, utf8)
        if expect_text is not None:
            check(expected == expect_text, "reference model: %r != %r" % (expected, expect_text))
        s.open(b, expected)
        got_a, got_b = observe(s, a), observe(s, b)
        check(got_a == got_b, "incremental != full sync\nexpected text %r\nA %s\nB %s" % (expected, got_a, got_b))
        s.finish()
    finally:
        s.kill()


EMOJI_NOTE = "## What did 😀 he tell me?\n\nThat he needed space.\n\n## What didn't I like about us?\n\nHis silences.\n"


@case("P01", "sync", "an edit starting inside a surrogate pair (UTF-16 column between the two halves)",
      "maps to the start of the emoji: the pair is never split; equals full sync")
def mid_surrogate(ctx):
    col = len("## What did ") + 1  # inside 😀
    sync_case(ctx, EMOJI_NOTE, [(rng(0, col, 0, col), "X")],
              expect_text=EMOJI_NOTE.replace("😀", "X😀"))


@case("P02", "sync", "a range past the end (line 999, character 999) and past a line's end",
      "clamped to the end of the text / of the line; equals full sync")
def past_the_end(ctx):
    sync_case(ctx, WHY_NOTE, [(rng(999, 999, 999, 999), "\n## What were his official reasons?\n"),
                              (rng(2, 500, 2, 900), " (really)")])


@case("P03", "sync", "negative line and character in a didChange range",
      "the change is refused as invalid params (logged), the document is unchanged, nothing crashes")
def negative_positions(ctx):
    s = Session(ctx)
    try:
        a, b = "file:///tmp/mend-sync/a.md", "file:///tmp/mend-sync/b.md"
        s.open(a, WHY_NOTE)
        s.change(a, 2, [{"range": rng(-1, -5, 0, 3), "text": "ZZZ"}])
        s.wait_log("must not be negative")
        s.open(b, WHY_NOTE)
        check(observe(s, a) == observe(s, b), "document changed")
        s.finish()
    finally:
        s.kill()


@case("P04", "sync", "a reversed range (end before start)", "normalised; equals full sync")
def reversed_range(ctx):
    sync_case(ctx, WHY_NOTE, [(rng(4, 10, 2, 3), "## What did she say?\n")])


@case("P05", "sync", "lone CR line breaks ('\\r' only, old Mac style), edits on line 3",
      "a lone CR is a line break as LSP says; equals full sync")
def lone_cr(ctx):
    text = WHY_NOTE.replace("\n", "\r")
    sync_case(ctx, text, [(rng(3, 0, 3, 4), "Not"), (rng(2, 3, 2, 7), "When")])


@case("P06", "sync", "a BOM at the start, CRLF line breaks, an edit at column 1 of line 0",
      "the BOM counts as one UTF-16 unit; equals full sync")
def bom_crlf(ctx):
    text = "\ufeff" + WHY_NOTE.replace("\n", "\r\n")
    sync_case(ctx, text, [(rng(0, 1, 0, 2), "##"), (rng(2, 100, 3, 0), "\r\n")])


@case("P07", "sync", "NUL characters (\\u0000) in didOpen and in an edit",
      "analysed like any character; no truncation; equals full sync")
def nul_chars(ctx):
    sync_case(ctx, "## What did he tell me?\x00\n\nThat\x00 he needed space.\n",
              [(rng(2, 2, 2, 2), "\x00\x00")])


@case("P08", "sync", "combining marks (e + U+0301 …) and an edit between base and mark",
      "code units count marks separately; equals full sync")
def combining(ctx):
    text = "## Qu'est-ce qu'il m'a dit, e\u0301te\u0301 ?\n\nRien.\n"
    col = text.index("\u0301")
    sync_case(ctx, text, [(rng(0, col, 0, col), "x")])


@case("P09", "sync", "right-to-left text (Hebrew, Arabic) with a bidi override and edits inside it",
      "positions count code units in logical order; equals full sync")
def rtl(ctx):
    text = "## What did he tell me? \u05e9\u05dc\u05d5\u05dd \u202e\u0645\u0631\u062d\u0628\u0627\n\n\u05db\u05df.\n"
    sync_case(ctx, text, [(rng(0, 26, 0, 28), "\u05d0"), (rng(2, 1, 2, 1), "\u0627")])


@case("P10", "sync", "utf-8 negotiated: a column inside a multi-byte sequence",
      "maps to the start of the character; equals full sync")
def utf8_mid_sequence(ctx):
    col = len("## What did ".encode()) + 2  # inside the 4 bytes of 😀
    sync_case(ctx, EMOJI_NOTE, [(rng(0, col, 0, col), "Y")], utf8=True,
              expect_text=EMOJI_NOTE.replace("😀", "Y😀"))


@case("P11", "sync", "a position between \\r and \\n of a CRLF, and a 'character' past the line end",
      "clamped before the line break; the CRLF is never split; equals full sync")
def inside_crlf(ctx):
    text = WHY_NOTE.replace("\n", "\r\n")
    sync_case(ctx, text, [(rng(2, 23, 2, 24), "!"), (rng(0, 10000, 0, 10000), "?")])


@case("P12", "sync", "a didChange for a document that is not open; didClose twice",
      "logged and told to the user (window/logMessage); ignored")
def change_not_open(ctx):
    s = Session(ctx)
    try:
        s.change("file:///tmp/none.md", 2, [{"text": "x"}])
        s.c.wait_notification("window/logMessage", lambda p: "not open" in p["message"], timeout=ctx.t(5))
        s.c.notify("textDocument/didClose", {"textDocument": {"uri": "file:///tmp/none.md"}})
        s.alive()
        s.finish()
    finally:
        s.kill()


@case("P13", "sync", "hover, completion, codeAction at absurd positions (line 2^31, character 2^40)",
      "answered (null or results), never an internal error")
def absurd_positions(ctx):
    s = Session(ctx)
    try:
        uri = "file:///tmp/mend-sync/a.md"
        s.open(uri, WHY_NOTE)
        pos = {"line": 2 ** 31, "character": 2 ** 40}
        for method, params in (("textDocument/hover", {"position": pos}),
                               ("textDocument/completion", {"position": pos}),
                               ("textDocument/codeAction", {"range": {"start": pos, "end": pos},
                                                            "context": {"diagnostics": []}})):
            r = s.request(method, dict({"textDocument": {"uri": uri}}, **params))
            check("result" in r, r)
        s.finish()
    finally:
        s.kill()


# --- Markdown -------------------------------------------------------------------------------

# cmark's pathological inputs (test/pathological_tests.py), at cmark's sizes.
PATHOLOGICAL = {
    "nested-brackets": "[" * 50000 + "a" + "]" * 50000,
    "nested-strong-emph": "*a **a " * 65000 + "b" + " a** a*" * 65000,
    "emph-closers-no-openers": "a_ " * 65000,
    "emph-openers-no-closers": "_a " * 65000,
    "link-closers-no-openers": "a]" * 65000,
    "link-openers-no-closers": "[a" * 65000,
    "mismatched-openers-closers": "*a_ " * 50000,
    "openers-closers-multiple-of-3": "a**b" + "c* " * 50000,
    "link-openers-emph-closers": "[ a_" * 50000,
    "pattern-[(](": "[ (](" * 80000,
    "nested-block-quotes": "> " * 50000 + "a",
    "deep-list-1000": "".join("  " * i + "* a\n" for i in range(1000)),
    "backticks": "e" + "`e" * 50000,
    "unclosed-links-a": "[a](<b" * 30000,
    "unclosed-links-b": "[a](b" * 30000,
    "heading-of-brackets": "## " + "[" * 50000 + "\n",
    "many-list-lines": "- a\n" * 50000,
    "ordered-list-huge-numbers": "".join("%d. a\n" % (999999999 - i) for i in range(2000)),
    "quote-list-mix": "> - " * 10000 + "a\n",
    "tabs-deep": "\t" * 3000 + "- a\n",
}


def scan_one(ctx, name, text, budget):
    d = tempdir()
    try:
        write(os.path.join(d, name + ".md"), text)
        started = time.monotonic()
        r = subprocess.run([ctx.mend, "scan", d, "--json", "--today", TODAY], capture_output=True,
                           timeout=ctx.t(budget) + 10)
        took = time.monotonic() - started
        check(r.returncode == 0, "%s: exit %d %s" % (name, r.returncode, r.stderr[-500:]))
        json.loads(r.stdout)
        check(took < ctx.t(budget), "%s: %.1fs" % (name, took))
        return took
    finally:
        shutil.rmtree(d, ignore_errors=True)


@case("M01", "markdown", "cmark's pathological inputs (20 kinds: 50k nested brackets, emphasis, quotes, "
      "1000-deep lists, backticks, unclosed links …) through mend scan",
      "each analysed within 5 s; exit 0 with a report")
def pathological_scan(ctx):
    slow = []
    for name, text in PATHOLOGICAL.items():
        took = scan_one(ctx, name, text, 5)
        if took > 1:
            slow.append("%s %.1fs" % (name, took))
    print("    slowest:", ", ".join(slow) or "none over 1 s")


@case("M02", "markdown", "the same pathological inputs opened in mend lsp, then every feature requested",
      "each answered within 5 s; diagnostics published")
def pathological_lsp(ctx):
    s = Session(ctx)
    try:
        for i, (name, text) in enumerate(PATHOLOGICAL.items()):
            uri = "file:///tmp/mend-patho/%s.md" % name
            started = time.monotonic()
            s.open(uri, text)
            observe(s, uri)
            r = s.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 1}})
            check("result" in r, r)
            check(time.monotonic() - started < ctx.t(5), "%s took %.1fs" % (name, time.monotonic() - started))
            s.c.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
        s.finish()
    finally:
        s.kill()


@case("M03", "markdown", "300-deep block quotes and 300-deep lists typed one marker at a time (incremental "
      "edits) — past the grammar scanner's 255-container limit", "no crash; equals full sync at the end")
def deep_nesting_incremental(ctx):
    s = Session(ctx)
    try:
        a, b = "file:///tmp/mend-deep/a.md", "file:///tmp/mend-deep/b.md"
        s.open(a, "## What did he tell me?\n\n")
        text = "## What did he tell me?\n\n"
        v = 2
        for i in range(300):
            s.change(a, v, [{"range": rng(2, 2 * i, 2, 2 * i), "text": "> "}])
            v += 1
        text += "> " * 300
        for i in range(300):
            s.change(a, v, [{"range": rng(3 + i, 0, 3 + i, 0), "text": "\n" + "  " * i + "- x"}])
            v += 1
            text = text[:len(text)] + "\n" + "  " * i + "- x"
        s.open(b, text)
        check(observe(s, a) == observe(s, b), "incremental != full")
        s.finish()
    finally:
        s.kill()


@case("M04", "markdown", "a 50 MB single-line note through mend scan",
      "skipped with a one-line warning naming the 8 MiB limit; the other notes analysed; exit 0; < 5 s")
def big_note_scan(ctx):
    d = tempdir()
    try:
        write(os.path.join(d, "big.md"), "## What did he tell me? " + "a" * (50 << 20))
        write(os.path.join(d, "why.md"), WHY_NOTE)
        started = time.monotonic()
        r = subprocess.run([ctx.mend, "scan", d, "--json", "--today", TODAY], capture_output=True, timeout=60)
        check(r.returncode == 0, r.stderr)
        check(time.monotonic() - started < ctx.t(5), "took %.1fs" % (time.monotonic() - started))
        check(b"big.md" in r.stderr and b"MiB" in r.stderr, r.stderr)
        check([n["path"] for n in json.loads(r.stdout)["notes"]] == ["why.md"], r.stdout[:300])
    finally:
        shutil.rmtree(d, ignore_errors=True)


@case("M05", "markdown", "a 50 MB single-line didOpen in mend lsp, then edits and requests on it",
      "answered within seconds: the note is held but analysed only up to 8 MiB, with one warning to the user")
def big_note_lsp(ctx):
    s = Session(ctx)
    try:
        uri = "file:///tmp/mend-big/big.md"
        text = "## What did he tell me?\n\n" + "a" * (50 << 20)
        started = time.monotonic()
        s.open(uri, text)
        r = s.request("textDocument/documentSymbol", {"textDocument": {"uri": uri}}, timeout=30)
        check("result" in r, r)
        s.c.wait_notification("window/logMessage", lambda p: "MiB" in p["message"], timeout=ctx.t(5))
        s.change(uri, 2, [{"range": rng(0, 3, 0, 3), "text": "So, "}])
        r = s.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 8}},
                      timeout=30)
        check("result" in r, r)
        took = time.monotonic() - started
        print("    50 MB didOpen + symbols + edit + hover: %.1fs, peak RSS %d MiB" % (took, rss_kib(s.c.proc.pid)[1] >> 10))
        check(took < ctx.t(10), "took %.1fs" % took)
        s.finish()
    finally:
        s.kill()


@case("M06", "markdown", "binary data named .md (random bytes with NULs), and a note of invalid UTF-8",
      "binary: skipped with 'binary content'; invalid UTF-8: analysed with U+FFFD and a warning; exit 0")
def binary_note(ctx):
    d = tempdir()
    try:
        write(os.path.join(d, "blob.md"), os.urandom(100000) + b"\x00")
        write(os.path.join(d, "latin1.md"), "## What did he tell me?\n\nCaf\xe9 cr\xe8me.\n".encode("latin-1"))
        r = subprocess.run([ctx.mend, "scan", d, "--json", "--today", TODAY], capture_output=True, timeout=30)
        check(r.returncode == 0, r.stderr)
        check(b"binary content" in r.stderr and b"invalid UTF-8" in r.stderr, r.stderr)
        check([n["path"] for n in json.loads(r.stdout)["notes"]] == ["latin1.md"], r.stdout[:300])
    finally:
        shutil.rmtree(d, ignore_errors=True)


@case("M07", "markdown", "every control character, lone surrogates' UTF-8 (CESU), overlong encodings in a note",
      "mend scan repairs to U+FFFD and analyses; exit 0")
def odd_bytes(ctx):
    d = tempdir()
    try:
        body = bytes(range(1, 32)) + b"\xed\xa0\x80\xc0\xaf\xf4\x90\x80\x80 ## What did he tell me?\n\nx\n"
        write(os.path.join(d, "odd.md"), body)
        r = subprocess.run([ctx.mend, "scan", d, "--json", "--today", TODAY], capture_output=True, timeout=30)
        check(r.returncode == 0, r.stderr)
        json.loads(r.stdout)
    finally:
        shutil.rmtree(d, ignore_errors=True)


# --- filesystem -----------------------------------------------------------------------------


def insert(ctx, *args, env=None):
    e = dict(os.environ)
    e.pop("MEND_FAULT", None)
    e.update(env or {})
    return subprocess.run([ctx.mend, "insert", *args, "--today", TODAY], capture_output=True, env=e, timeout=30)


@case("S01", "filesystem", "disk full: MEND_FAULT=enospc during mend insert",
      "exit 1; stderr says 'No space left on device' and that the note is unchanged; note byte-identical; "
      "no temporary left")
def enospc(ctx):
    fault_case(ctx, "enospc", "No space left on device")


@case("S02", "filesystem", "fsync failing: MEND_FAULT=fsync", "as S01, with 'cannot flush'")
def fsync_fails(ctx):
    fault_case(ctx, "fsync", "cannot flush")


@case("S03", "filesystem", "write failing with EIO: MEND_FAULT=write", "as S01, with 'Input/output error'")
def write_fails(ctx):
    fault_case(ctx, "write", "Input/output error")


@case("S04", "filesystem", "rename failing: MEND_FAULT=rename", "as S01, with 'cannot replace'")
def rename_fails(ctx):
    fault_case(ctx, "rename", "cannot replace")


def fault_case(ctx, fault, words):
    d = tempdir()
    try:
        note = os.path.join(d, "why.md")
        write(note, WHY_NOTE)
        before = read(note)
        r = insert(ctx, "motives", note, env={"MEND_FAULT": fault})
        check(r.returncode == 1, r)
        err = r.stderr.decode()
        check(words in err and "unchanged" in err, err)
        check(len(err.strip().splitlines()) == 1, "not one line: %r" % err)
        check(read(note) == before, "the note changed")
        check(os.listdir(d) == ["why.md"], os.listdir(d))
    finally:
        shutil.rmtree(d, ignore_errors=True)


@case("S05", "filesystem", "a read-only note (0444) in a writable folder",
      "mend insert writes a new version (rename replaces the name) keeping mode 0444 — as editors do — "
      "or refuses clearly; never a partial note")
def read_only_note(ctx):
    d = tempdir()
    try:
        note = os.path.join(d, "why.md")
        write(note, WHY_NOTE)
        os.chmod(note, 0o444)
        r = insert(ctx, "motives", note)
        after = read(note)
        if r.returncode == 0:
            check(after.startswith(WHY_NOTE.encode()) and len(after) > len(WHY_NOTE), "not the new version")
            check(stat.S_IMODE(os.stat(note).st_mode) == 0o444, "mode not kept")
        else:
            check(after == WHY_NOTE.encode(), "changed on failure")
    finally:
        shutil.rmtree(d, ignore_errors=True)


@case("S06", "filesystem", "a read-only folder (0555; skipped when running as root, who may write anyway)",
      "exit 1 'cannot create a temporary file … Permission denied'; the note unchanged")
def read_only_folder(ctx):
    if os.geteuid() == 0:
        print("    (root: permission bits do not apply; covered by S01-S04)")
        return
    d = tempdir()
    try:
        note = os.path.join(d, "why.md")
        write(note, WHY_NOTE)
        os.chmod(d, 0o555)
        r = insert(ctx, "motives", note)
        check(r.returncode == 1 and b"Permission denied" in r.stderr, r)
        check(read(note) == WHY_NOTE.encode(), "changed")
    finally:
        os.chmod(d, 0o755)
        shutil.rmtree(d, ignore_errors=True)


@case("S07", "filesystem", "a symlinked note (note.md -> real/target.md) under mend insert and mend scan",
      "scan follows file symlinks; insert replaces the link by the new version (atomic rename) or writes "
      "through; either way the target's old bytes are never torn")
def symlinked_note(ctx):
    d = tempdir()
    try:
        write(os.path.join(d, "real", "target.md"), WHY_NOTE)
        os.symlink(os.path.join(d, "real", "target.md"), os.path.join(d, "link.md"))
        r = subprocess.run([ctx.mend, "scan", d, "--json", "--today", TODAY], capture_output=True, timeout=30)
        check(r.returncode == 0 and sorted(n["path"] for n in json.loads(r.stdout)["notes"]) ==
              ["link.md", "real/target.md"], r.stdout[:300])
        r = insert(ctx, "motives", os.path.join(d, "link.md"))
        check(r.returncode == 0, r.stderr)
        target = read(os.path.join(d, "real", "target.md"))
        check(target == WHY_NOTE.encode() or target.startswith(WHY_NOTE.encode()), "target torn")
        check(read(os.path.join(d, "link.md")).startswith(WHY_NOTE.encode()), "link.md lost its bytes")
    finally:
        shutil.rmtree(d, ignore_errors=True)


@case("S08", "filesystem", "a FIFO, a directory and a /dev/zero symlink named *.md in the folder",
      "mend scan skips them without blocking or reading forever; exit 0 in < 5 s")
def special_files(ctx):
    d = tempdir()
    try:
        os.mkfifo(os.path.join(d, "fifo.md"))
        os.makedirs(os.path.join(d, "dir.md"))
        os.symlink("/dev/zero", os.path.join(d, "zero.md"))
        write(os.path.join(d, "why.md"), WHY_NOTE)
        r = subprocess.run([ctx.mend, "scan", d, "--json", "--today", TODAY], capture_output=True,
                           timeout=ctx.t(5))
        check(r.returncode == 0, r.stderr)
        check([n["path"] for n in json.loads(r.stdout)["notes"]] == ["why.md"], r.stdout[:300])
    finally:
        shutil.rmtree(d, ignore_errors=True)


@case("S09", "filesystem", "mend lsp told (didChangeWatchedFiles) that a FIFO and /dev/zero link named .md changed",
      "not opened for reading (would block or never end); the session answers at once")
def special_files_lsp(ctx):
    d = tempdir()
    try:
        os.mkfifo(os.path.join(d, "fifo.md"))
        os.symlink("/dev/zero", os.path.join(d, "zero.md"))
        write(os.path.join(d, "why.md"), WHY_NOTE)
        s = Session(ctx, root=d)
        try:
            s.c.notify("workspace/didChangeWatchedFiles", {"changes": [
                {"uri": uri_of(os.path.join(d, "fifo.md")), "type": 1},
                {"uri": uri_of(os.path.join(d, "zero.md")), "type": 2}]})
            s.alive(timeout=5)
            s.finish()
        finally:
            s.kill()
    finally:
        shutil.rmtree(d, ignore_errors=True)


@case("S10", "filesystem", "mend lsp: an indexed note replaced by rename-on-save, then deleted while open",
      "the index follows the file (watched-file events); the open document keeps the editor's text; no crash")
def rename_and_delete_lsp(ctx):
    d = tempdir()
    try:
        note = os.path.join(d, "why.md")
        write(note, WHY_NOTE)
        s = Session(ctx, root=d)
        try:
            uri = uri_of(note)
            r = s.request("mend/progress", {})
            check(len(r["result"]["notes"]) == 1, r)
            write(os.path.join(d, ".why.md.swp"), WHY_NOTE + "\n## Is it reversible?\n\nNone of it.\n")
            os.rename(os.path.join(d, ".why.md.swp"), note)
            s.c.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": uri, "type": 2}]})
            r = s.request("mend/progress", {"uri": uri})
            check(len(r["result"]["note"]["questions"]) == 4, r)
            s.open(uri, WHY_NOTE)
            os.unlink(note)
            s.c.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": uri, "type": 3}]})
            r = s.request("mend/progress", {"uri": uri})
            check(len(r["result"]["note"]["questions"]) == 3, "open text not kept: %r" % r)
            s.c.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
            s.alive()
            s.finish()
        finally:
            s.kill()
    finally:
        shutil.rmtree(d, ignore_errors=True)


@case("S11", "filesystem", "leftover .mend-write-* temporaries of a killed writer",
      "the next mend insert removes them before writing; the note is untouched by the cleanup")
def stale_temporaries(ctx):
    d = tempdir()
    try:
        note = os.path.join(d, "why.md")
        write(note, WHY_NOTE)
        write(os.path.join(d, ".mend-write-why.md.AbC123"), "half a no")
        r = insert(ctx, "motives", note)
        check(r.returncode == 0, r.stderr)
        check(sorted(os.listdir(d)) == ["why.md"], os.listdir(d))
    finally:
        shutil.rmtree(d, ignore_errors=True)


@case("S12", "filesystem", "four mend insert on one folder at once, 20 rounds (each cleans temporaries at start)",
      "neither deletes the other's in-flight temporary: both succeed or one reports a conflict; the note is "
      "always one of the versions, never torn")
def concurrent_inserts(ctx):
    d = tempdir()
    try:
        notes = [os.path.join(d, "%s.md" % c) for c in "abcd"]
        for n in notes:
            write(n, WHY_NOTE)
        failures = []
        for _ in range(20):
            procs = [subprocess.Popen([ctx.mend, "insert", "log", n, "--today", TODAY], stdout=subprocess.PIPE,
                                      stderr=subprocess.PIPE) for n in notes]
            for p in procs:
                out, err = p.communicate(timeout=30)
                if p.returncode != 0:
                    failures.append(err.decode())
        check(not failures, "failed: %s" % failures[:3])
        for n in notes:
            check(read(n).startswith(WHY_NOTE.encode()), "torn")
    finally:
        shutil.rmtree(d, ignore_errors=True)


# --- shutdown -------------------------------------------------------------------------------


@case("X01", "shutdown", "stdin closed without shutdown; stdin closed after shutdown",
      "exit 1, then exit 0, each within a second; 'stdin closed' logged")
def stdin_closed(ctx):
    for do_shutdown, code in ((False, 1), (True, 0)):
        s = Session(ctx)
        try:
            if do_shutdown:
                s.request("shutdown")
            s.c.proc.stdin.close()
            check(s.c.proc.wait(ctx.t(3)) == code, "exit %s" % s.c.proc.returncode)
            s.wait_log("stdin closed")
        finally:
            s.kill()


@case("X02", "shutdown", "the parent process (initialize's processId) dies",
      "mend lsp notices within ~2 s and exits 1 ('client process … is gone')")
def parent_gone(ctx):
    parent = subprocess.Popen(["sleep", "60"])
    s = Session(ctx, init=False)
    try:
        r = s.c.request("initialize", {"processId": parent.pid, "rootUri": None, "capabilities": {}})
        check("result" in r, r)
        parent.kill()
        parent.wait()
        check(s.c.proc.wait(ctx.t(4)) == 1, "did not exit")
        s.wait_log("is gone")
    finally:
        s.kill()
        if parent.poll() is None:
            parent.kill()


@case("X03", "shutdown", "the client stops reading stdout and closes it (EPIPE) while requests keep coming",
      "mend lsp ends (SIGPIPE or a logged 'cannot write to stdout') within seconds, never spins")
def stdout_closed(ctx):
    # Not through LspClient: closing a pipe its reader thread is blocked on would hang Python.
    p = subprocess.Popen([ctx.mend, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        p.stdout.close()
        try:
            p.stdin.write(frame(init_request(1)))
            for i in range(200):
                p.stdin.write(frame({"jsonrpc": "2.0", "id": 2 + i, "method": "mend/templates", "params": {}}))
            p.stdin.flush()
        except (BrokenPipeError, OSError):
            pass
        p.wait(ctx.t(5))  # raises TimeoutExpired if mend spins or blocks
    finally:
        if p.poll() is None:
            p.kill()
        p.wait()


@case("X04", "shutdown", "exit notification without shutdown", "exit code 1 at once")
def exit_without_shutdown(ctx):
    s = Session(ctx)
    try:
        s.c.notify("exit")
        check(s.c.proc.wait(ctx.t(3)) == 1, "exit %s" % s.c.proc.returncode)
    finally:
        s.kill()


@case("X05", "shutdown", "SIGTERM to mend lsp in the middle of a 20 MB didOpen",
      "the process ends promptly (default action), never hangs; no file is touched (LSP never writes)")
def sigterm_lsp(ctx):
    d = tempdir()
    try:
        note = os.path.join(d, "why.md")
        write(note, WHY_NOTE)
        s = Session(ctx, root=d)
        try:
            data = frame({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
                "uri": uri_of(note), "languageId": "markdown", "version": 1, "text": "a" * (20 << 20)}}})
            t = threading.Thread(target=lambda: _swallow(s.raw, data), daemon=True)
            t.start()
            time.sleep(0.05)
            s.c.proc.send_signal(signal.SIGTERM)
            s.c.proc.wait(ctx.t(5))
            check(read(note) == WHY_NOTE.encode(), "note touched")
        finally:
            s.kill()
    finally:
        shutil.rmtree(d, ignore_errors=True)


def _swallow(fn, *args):
    try:
        fn(*args)
    except OSError:
        pass


# --- mend serve -----------------------------------------------------------------------------


class Served:
    def __init__(self, ctx, notes=None):
        from ws_client import Daemon, temp_dirs
        self.base, self.runtime = temp_dirs()
        self.folder = os.path.join(self.base, "notes")
        os.makedirs(self.folder)
        for name, text in (notes or {"why.md": WHY_NOTE}).items():
            write(os.path.join(self.folder, name), text)
        self.d = Daemon(ctx.mend, self.folder, self.runtime).wait_ready(timeout=ctx.t(20))

    def ws(self, **kw):
        from ws_client import WebSocket
        return WebSocket(self.d.port, token=self.d.token, **kw)

    def raw(self, data, read_timeout=5):
        with socket.create_connection(("127.0.0.1", self.d.port), timeout=read_timeout) as s:
            try:
                s.sendall(data)
            except OSError:  # refused before we finished: read the answer anyway
                pass
            out = b""
            try:
                while True:
                    chunk = s.recv(65536)
                    if not chunk:
                        break
                    out += chunk
            except (socket.timeout, ConnectionResetError):
                pass
            return out

    def close(self):
        """Stops the daemon with SIGTERM; returns (exit code, its log)."""
        code = self.d.stop(signal.SIGTERM)
        log = self.d.log()
        shutil.rmtree(self.base, ignore_errors=True)
        return code, log


def serve_case(fn):
    def run(ctx):
        srv = Served(ctx)
        try:
            fn(ctx, srv)
            srv.ws().request("mend/templates")  # still serving
        finally:
            code, log = srv.close()
            check(code == 0, "mend serve did not exit 0 on SIGTERM (%s):\n%s" % (code, log[-2000:]))
    run.__name__ = fn.__name__
    return run


def status_of(resp):
    line = resp.split(b"\r\n", 1)[0]
    parts = line.split()
    return int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 0


@case("W01", "serve", "the refusals: no token, wrong token, foreign Host, foreign Origin",
      "401, 403, 403, 403, each with a one-line reason; no CORS header")
def refusals(ctx):
    from ws_client import http_get

    @serve_case
    def body(ctx, srv):
        p, t = srv.d.port, srv.d.token
        for headers, want in (({}, 401), ({"Authorization": "Bearer " + "0" * 64}, 403),
                              ({"Authorization": "Bearer " + t, "Host": "evil.example:%d" % p}, 403),
                              ({"Authorization": "Bearer " + t, "Origin": "http://evil.example"}, 403)):
            status, hdrs, b = http_get(p, "/", headers)
            check(status == want, (headers, status, b))
            check(len(b.strip().splitlines()) == 1, b)
            check("access-control-allow-origin" not in hdrs, hdrs)
    body(ctx)


@case("W02", "serve", "HTTP limits: 20 KiB of headers, a 2 MiB body, unknown path, DELETE",
      "431, 413, 404, 405")
def http_limits(ctx):
    @serve_case
    def body(ctx, srv):
        p, t = srv.d.port, srv.d.token
        head = "GET / HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nAuthorization: Bearer %s\r\n" % (p, t)
        check(status_of(srv.raw((head + "X-Pad: " + "a" * 20000 + "\r\n\r\n").encode())) == 431, "431")
        r = srv.raw(("POST / HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nAuthorization: Bearer %s\r\n"
                     "Content-Length: %d\r\n\r\n" % (p, t, 2 << 20)).encode() + b"x" * 1024)  # refused on the header
        check(status_of(r) == 413, r[:200])
        check(status_of(srv.raw((head.replace("GET / ", "GET /nope ") + "Connection: close\r\n\r\n").encode())) == 404,
              "404")
        check(status_of(srv.raw((head.replace("GET", "DELETE") + "Connection: close\r\n\r\n").encode())) == 405, "405")
    body(ctx)


@case("W03", "serve", "garbage instead of HTTP (random bytes, a bare newline flood, an HTTP/0.9 line)",
      "400 or a closed connection; the daemon keeps serving")
def garbage_http(ctx):
    @serve_case
    def body(ctx, srv):
        for data in (os.urandom(4096), b"\n" * 10000, b"GET /\r\n\r\n", b"GET / HTTP/9.9\r\n\r\n"):
            r = srv.raw(data, read_timeout=ctx.t(12))
            check(r == b"" or status_of(r) in (400, 505), r[:200])
    body(ctx)


@case("W04", "serve", "slow headers: one byte every 0.5 s (slowloris) while another client is served",
      "the slow connection is closed after the 10 s first-request deadline; the other client unaffected")
def slow_headers(ctx):
    @serve_case
    def body(ctx, srv):
        s = socket.create_connection(("127.0.0.1", srv.d.port), timeout=1)
        started = time.monotonic()
        closed = False
        ws = srv.ws()
        try:
            for ch in b"GET / HTTP/1.1\r\nX-Slow: " + b"a" * 100:
                try:
                    s.sendall(bytes([ch]))
                    s.settimeout(0.5)
                    if s.recv(1) == b"":
                        closed = True
                        break
                except socket.timeout:
                    pass
                except OSError:
                    closed = True
                    break
                check("result" in ws.request("mend/templates"), "the other client starved")
                if time.monotonic() - started > ctx.t(20):
                    break
            check(closed, "the slow client was never cut off")
            took = time.monotonic() - started
            print("    slow client closed after %.1fs" % took)
            check(took < ctx.t(15), "took %.1fs" % took)
        finally:
            s.close()
            ws.close()
    body(ctx)


@case("W05", "serve", "a WebSocket that sends requests but never reads its socket",
      "disconnected once its bounded queue fills (1024 messages / 4 MiB); another client keeps getting answers")
def never_reads(ctx):
    @serve_case
    def body(ctx, srv):
        bad = srv.ws(rcvbuf=4096)
        good = srv.ws()
        msg = json.dumps({"jsonrpc": "2.0", "id": 1, "method": "mend/templates"})
        cut = False
        started = time.monotonic()
        sent = 0
        bad.sock.settimeout(0.5)
        while time.monotonic() - started < ctx.t(20):
            try:
                for _ in range(50):
                    bad.send_text(msg)
                    sent += 1
            except (socket.timeout, OSError):
                # Our send buffer is full: the daemon stopped reading or dropped us.
                pass
            check("result" in good.request("mend/templates"), "the good client starved")
            if "slow" in srv.d.log() or "queue" in srv.d.log() or "disconnect" in srv.d.log():
                cut = True
                break
        print("    sent %d requests unread before the daemon dropped the client (%.1fs)" % (sent, time.monotonic() - started))
        check(cut, "never disconnected:\n" + srv.d.log()[-1500:])
        bad.sock.close()
        good.close()
    body(ctx)


@case("W06", "serve", "WebSocket protocol errors: a 2 MiB message, an unmasked frame, invalid UTF-8 in a text "
      "frame, a bad JSON text", "close 1009, close 1002, close 1007, and a -32700 error; others unaffected")
def ws_errors(ctx):
    import struct as st

    @serve_case
    def body(ctx, srv):
        ws = srv.ws()
        # The header announces 2 MiB; mend refuses on the header, so only 1 KiB is sent.
        ws.sock.sendall(b"\x81\xff" + st.pack("!Q", 2 << 20) + b"\0\0\0\0" + b"x" * 1024)
        close_code(ws, 1009)
        ws = srv.ws()
        ws.sock.sendall(b"\x81\x02{}")  # unmasked
        close_code(ws, 1002)
        ws = srv.ws()
        ws.send_frame(0x1, b"\xff\xfe")
        close_code(ws, 1007)
        ws = srv.ws()
        ws.send_text("{nope")
        r = ws.recv_message()
        check(r["error"]["code"] == -32700, r)
        ws.close()

    def close_code(ws, code):
        try:
            while True:
                ws.recv_message()
        except ConnectionError:
            pass
        except socket.timeout:
            raise AssertionError("no close frame")
        check(ws.close_code == code, "close code %s, want %d" % (ws.close_code, code))
        ws.sock.close()
    body(ctx)


@case("W07", "serve", "the notes change under mend serve: rename-on-save, a git checkout of another branch, "
      "a delete, a symlink, a FIFO", "each seen within 2 s (mend/didChangeProgress); the FIFO is ignored; no hang")
def serve_fs_changes(ctx):
    @serve_case
    def body(ctx, srv):
        ws = srv.ws()
        check(ws.request("mend/subscribe")["result"]["subscribed"], "subscribe")
        f = srv.folder

        def seen(pred, what):
            m = ws.wait_notification("mend/didChangeProgress", ctx.t(3), lambda m: pred(m["params"]))
            check(m is not None, "not seen: " + what)

        write(os.path.join(f, ".why.md.tmp"), WHY_NOTE + "\n## What were his official reasons?\n\nNone.\n")
        os.rename(os.path.join(f, ".why.md.tmp"), os.path.join(f, "why.md"))
        seen(lambda p: "why.md" in p["changed"], "rename-on-save")
        if shutil.which("git"):
            g = ["git", "-C", f, "-c", "user.email=t@t", "-c", "user.name=t"]
            subprocess.run(g + ["init", "-q"], check=True)
            subprocess.run(g + ["add", "-A"], check=True)
            subprocess.run(g + ["commit", "-qm", "a"], check=True)
            subprocess.run(g + ["checkout", "-qb", "other"], check=True)
            for i in range(5):
                write(os.path.join(f, "b%d.md" % i), WHY_NOTE)
            subprocess.run(g + ["add", "-A"], check=True)
            subprocess.run(g + ["commit", "-qm", "b"], check=True)
            subprocess.run(g + ["checkout", "-q", "-"], check=True)  # removes b0..b4
            deadline = time.time() + ctx.t(3)
            while time.time() < deadline:
                r = ws.request("mend/progress")["result"]
                if sorted(n["path"] for n in r["notes"]) == ["why.md"]:
                    break
                time.sleep(0.1)
            check(sorted(n["path"] for n in r["notes"]) == ["why.md"], r["notes"])
        os.mkfifo(os.path.join(f, "fifo.md"))
        os.symlink(os.path.join(f, "why.md"), os.path.join(f, "link.md"))
        seen(lambda p: "link.md" in p["changed"], "symlink")
        os.unlink(os.path.join(f, "link.md"))
        seen(lambda p: "link.md" in p.get("removed", []), "delete")
        check("result" in ws.request("mend/progress"), "progress after the FIFO")
        ws.close()
    body(ctx)


@case("W08", "serve", "SIGTERM while a client is mid-insert (mend/insertTemplate in flight) and 50 clients connected",
      "exit 0; the note is exactly the old or the new version; the token file is removed")
def serve_sigterm_mid_write(ctx):
    from ws_client import content_hash
    srv = Served(ctx)
    try:
        note = os.path.join(srv.folder, "why.md")
        before = read(note)
        clients = [srv.ws() for _ in range(50)]
        ws = clients[0]
        ws.send_text(json.dumps({"jsonrpc": "2.0", "id": 1, "method": "mend/insertTemplate", "params": {
            "path": "why.md", "template": "motives", "base_hash": content_hash(before)}}))
        srv.d.proc.send_signal(signal.SIGTERM)
        check(srv.d.proc.wait(ctx.t(10)) == 0, "exit %s" % srv.d.proc.returncode)
        after = read(note)
        check(after == before or (after.startswith(before) and len(after) > len(before)), "torn: %r" % after[-200:])
        check(not os.path.exists(srv.d.token_file), "token file left")
        check([n for n in os.listdir(srv.folder) if n.startswith(".mend-write-")] == [], "temporary left")
        for c in clients:
            c.sock.close()
    finally:
        srv.d.stop(signal.SIGKILL)
        shutil.rmtree(srv.base, ignore_errors=True)


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    if sys.argv[1] == "--list":
        print(REG.markdown_table())
        return 0
    ctx = Ctx(os.path.abspath(sys.argv[1]))
    return REG.run(sys.argv[2:], ctx)


if __name__ == "__main__":
    sys.exit(main())
