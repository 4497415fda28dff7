"""LSP sessions against the real `mend lsp` binary: lifecycle, sync, diagnostics, errors.

Usage: test_lsp.py MEND [unittest args]
"""
import os
import shutil
import subprocess
import sys
import tempfile
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lsp_client import FIXTURES, LspClient, frame, uri_of  # noqa: E402

MEND = None
NOTES = os.path.join(FIXTURES, "notes")
BREAKUP = os.path.join(NOTES, "breakup.md")


class Session(unittest.TestCase):
    """A folder copy per test, so edits on disk never leak between tests."""

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="mend-lsp-")
        self.root = os.path.join(self.tmp, "notes")
        shutil.copytree(NOTES, self.root)
        self.note = os.path.join(self.root, "breakup.md")
        self.c = LspClient(MEND)

    def tearDown(self):
        self.c.end_test(self.tmp)

    def start(self, **kw):
        r = self.c.initialize(self.root, **kw)
        self.assertIn("result", r, r)
        return r["result"]


class Lifecycle(Session):
    def test_initialize_capabilities(self):
        caps = self.start()["capabilities"]
        self.assertEqual(caps["positionEncoding"], "utf-16")
        self.assertEqual(caps["textDocumentSync"], {"openClose": True, "change": 2, "save": {"includeText": False}})
        self.assertEqual(caps["completionProvider"]["triggerCharacters"], ["/", "#"])
        self.assertEqual(caps["codeActionProvider"]["codeActionKinds"], ["quickfix", "refactor.rewrite"])
        self.assertEqual(caps["codeLensProvider"], {"resolveProvider": False})
        for k in ("hoverProvider", "inlayHintProvider", "documentSymbolProvider", "workspaceSymbolProvider"):
            self.assertTrue(caps[k], k)
        self.assertEqual(caps["executeCommandProvider"]["commands"],
                         ["mend.insertTemplate", "mend.insertMissing", "mend.insertLogEntry",
                          "mend.markLine", "mend.fixMarker"])
        self.assertEqual(self.c.shutdown_and_exit(), 0)

    def test_utf8_negotiated(self):
        r = self.start(capabilities={"general": {"positionEncodings": ["utf-8", "utf-16"]}})
        self.assertEqual(r["capabilities"]["positionEncoding"], "utf-8")
        self.assertEqual(r["serverInfo"]["name"], "mend")
        self.assertEqual(self.c.shutdown_and_exit(), 0)

    def test_exit_without_shutdown(self):
        self.start()
        self.c.notify("exit")
        self.assertEqual(self.c.proc.wait(10), 1)

    def test_stdin_closed(self):
        self.start()
        self.c.proc.stdin.close()
        self.assertEqual(self.c.proc.wait(10), 1)

    def test_stdin_closed_after_shutdown(self):
        self.start()
        self.c.request("shutdown")
        self.c.proc.stdin.close()
        self.assertEqual(self.c.proc.wait(10), 0)

    def test_request_before_initialize(self):
        r = self.c.request("textDocument/hover", {"textDocument": {"uri": "file:///x.md"},
                                                   "position": {"line": 0, "character": 0}})
        self.assertEqual(r["error"]["code"], -32002)
        self.start()
        self.assertEqual(self.c.shutdown_and_exit(), 0)

    def test_requests_after_shutdown_rejected(self):
        self.start()
        self.c.request("shutdown")
        r = self.c.request("mend/templates", {})
        self.assertEqual(r["error"]["code"], -32600)
        self.c.notify("exit")
        self.assertEqual(self.c.proc.wait(10), 0)

    def test_parent_process_gone(self):
        sleeper = subprocess.Popen(["sleep", "30"])
        self.c.initialize(self.root, process_id=sleeper.pid)
        sleeper.kill()
        sleeper.wait()
        self.assertEqual(self.c.proc.wait(10), 1)


class Diagnostics(Session):
    def test_did_open_publishes(self):
        self.start()
        uri = self.c.open(self.note)
        d = self.c.diagnostics(uri)
        self.assertEqual(d["version"], 1)
        hints = [x for x in d["diagnostics"] if x["severity"] == 4]
        self.assertEqual(len(hints), 1, d)
        self.assertEqual(hints[0]["code"], "unanswered")
        self.assertTrue(hints[0]["message"].startswith("Unanswered: What were the unofficial reasons"), hints[0])
        self.assertEqual(hints[0]["range"]["start"]["line"], 8)
        self.assertEqual(hints[0]["source"], "mend")
        self.assertEqual(hints[0]["data"], {"step": "why", "question": "why.unofficial"})
        codes = {x["code"] for x in d["diagnostics"] if x["severity"] == 3}
        self.assertIn("conditional", codes)
        self.assertEqual(self.c.shutdown_and_exit(), 0)

    def test_incremental_equals_full(self):
        self.start()
        with open(self.note, encoding="utf-8") as f:
            text = f.read()
        uri = self.c.open(self.note, text)
        self.c.diagnostics(uri, 1)
        # Answer the unofficial reasons incrementally: insert after line 9 (0-based 8 + blank line).
        mark = self.c.mark()
        self.c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [
            {"range": {"start": {"line": 9, "character": 0}, "end": {"line": 9, "character": 0}},
             "text": "\nHe felt trapped.\n"}]})
        inc = self.c.diagnostics(uri, 2, start=mark)
        lines = text.split("\n")
        new_text = "\n".join(lines[:9] + ["", "He felt trapped."] + lines[9:])
        mark = self.c.mark()
        self.c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 3},
                                                 "contentChanges": [{"text": new_text}]})
        full = self.c.diagnostics(uri, 3, start=mark)
        self.assertEqual(inc["diagnostics"], full["diagnostics"])
        self.assertFalse([x for x in full["diagnostics"] if x["severity"] == 4])
        self.assertEqual(self.c.shutdown_and_exit(), 0)

    def test_crlf_note(self):
        self.start()
        with open(self.note, encoding="utf-8") as f:
            text = f.read().replace("\n", "\r\n")
        uri = self.c.open(self.note, text)
        d = self.c.diagnostics(uri)
        hints = [x for x in d["diagnostics"] if x["severity"] == 4]
        self.assertEqual(hints[0]["range"]["start"], {"line": 8, "character": 4})
        self.assertEqual(self.c.shutdown_and_exit(), 0)

    def test_change_to_unopened_document(self):
        self.start()
        uri = self.c.open(self.note)
        self.c.diagnostics(uri)
        self.c.notify("textDocument/didChange", {"textDocument": {"uri": uri_of(self.root + "/other.md"), "version": 2},
                                                 "contentChanges": [{"text": "x"}]})
        self.c.wait_notification("window/logMessage", lambda p: "not open" in p["message"])
        r = self.c.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 4, "character": 2}})
        self.assertIn("official reasons", r["result"]["contents"]["value"])
        self.assertEqual(self.c.shutdown_and_exit(), 0)


class Errors(Session):
    def test_malformed_header_then_recovers(self):
        self.start()
        self.c.send_raw(b"Content-Length: abc\r\n\r\n{}")
        self.c.send_raw(b"Garbage-Header\r\n\r\n")
        r = self.c.request("mend/templates", {})
        self.assertIsInstance(r["result"], list)
        self.assertEqual(self.c.shutdown_and_exit(), 0)

    def test_huge_content_length(self):
        self.start()
        self.c.send_raw(b"Content-Length: 99999999999\r\n\r\n{}")
        # The server skips the announced body; it must still be alive (process running).
        time.sleep(0.2)
        self.assertIsNone(self.c.proc.poll())
        self.c.proc.stdin.close()
        self.assertEqual(self.c.proc.wait(10), 1)

    def test_invalid_json(self):
        self.start()
        self.c.send_raw(frame(b'{"jsonrpc": "2.0", "id": 77, "method": '))
        r = self.c.wait_response(None)
        self.assertEqual(r["error"]["code"], -32700)
        r = self.c.request("mend/templates", {})
        self.assertIn("result", r)
        self.assertEqual(self.c.shutdown_and_exit(), 0)

    def test_deep_nesting(self):
        self.start()
        self.c.send_raw(frame(b'{"jsonrpc":"2.0","id":5000,"method":"x","params":' + b"[" * 1000 + b"]" * 1000 + b"}"))
        r = self.c.wait_response(None)
        self.assertEqual(r["error"]["code"], -32700)
        self.assertEqual(self.c.shutdown_and_exit(), 0)

    def test_invalid_request(self):
        self.start()
        self.c.send({"jsonrpc": "2.0", "id": 900, "method": 5})
        self.assertEqual(self.c.wait_response(900)["error"]["code"], -32600)
        self.assertEqual(self.c.shutdown_and_exit(), 0)

    def test_unknown_method(self):
        self.start()
        r = self.c.request("textDocument/formatting", {})
        self.assertEqual(r["error"]["code"], -32601)
        self.c.notify("$/unknownNotification", {})
        self.assertEqual(self.c.shutdown_and_exit(), 0)

    def test_bad_params_name_field(self):
        self.start()
        uri = self.c.open(self.note)
        r = self.c.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": "x", "character": 0}})
        self.assertEqual(r["error"]["code"], -32602)
        self.assertIn("position.line", r["error"]["message"])
        r = self.c.request("workspace/executeCommand", {"command": "mend.insertTemplate",
                                                        "arguments": [{"uri": uri, "template": "nope"}]})
        self.assertEqual(r["error"]["code"], -32602)
        self.assertIn("template", r["error"]["message"])
        self.assertEqual(self.c.shutdown_and_exit(), 0)

    def test_one_byte_at_a_time(self):
        data = frame({"jsonrpc": "2.0", "id": 1, "method": "initialize",
                      "params": {"processId": None, "rootUri": None, "capabilities": {},
                                 "initializationOptions": {"today": "2026-11-26"}}})
        self.c.next_id = 2
        for b in data:
            self.c.send_raw(bytes([b]))
        r = self.c.wait_response(1)
        self.assertIn("capabilities", r["result"])
        self.assertEqual(self.c.shutdown_and_exit(), 0)

    def test_cancel_request(self):
        self.start()
        uri = self.c.open(self.note)
        self.c.diagnostics(uri)
        rid = self.c.next_id
        self.c.next_id += 1
        # The request and its cancellation in one write: the request is still queued.
        self.c.send_raw(frame({"jsonrpc": "2.0", "id": rid, "method": "textDocument/documentSymbol",
                               "params": {"textDocument": {"uri": uri}}})
                        + frame({"jsonrpc": "2.0", "method": "$/cancelRequest", "params": {"id": rid}}))
        r = self.c.wait_response(rid)
        self.assertEqual(r["error"]["code"], -32800)
        self.c.notify("$/cancelRequest", {"id": 12345})  # unknown id: ignored
        self.assertEqual(self.c.shutdown_and_exit(), 0)

    def test_positions_out_of_range_and_mid_surrogate(self):
        self.start()
        text = "# 😀 What were his official reasons for ending it?\n\nHe left.\n"
        uri = self.c.open(self.note, text)
        self.c.diagnostics(uri)
        for pos in ({"line": 0, "character": 3}, {"line": 0, "character": 1000}, {"line": 99, "character": 5}):
            r = self.c.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": pos})
            self.assertIn("result", r, r)
        # An edit that starts inside the emoji's surrogate pair never splits it.
        mark = self.c.mark()
        self.c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [
            {"range": {"start": {"line": 0, "character": 3}, "end": {"line": 0, "character": 3}}, "text": "X"},
            {"range": {"start": {"line": 50, "character": 0}, "end": {"line": 40, "character": 9}}, "text": "\nEnd.\n"}]})
        self.c.diagnostics(uri, 2, start=mark)
        r = self.c.request("mend/progress", {"uri": uri})
        self.assertIn("note", r["result"])
        r = self.c.request("textDocument/documentSymbol", {"textDocument": {"uri": uri}})
        self.assertIn("result", r)
        self.assertEqual(self.c.shutdown_and_exit(), 0)


def main():
    global MEND
    MEND = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)


if __name__ == "__main__":
    main()
