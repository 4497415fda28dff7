"""`mend lsp` on notes that must not break or stall it (issue 16, items 4 and 5): a note whose
name is not UTF-8 (its URI percent-encodes the bytes), and an open 2 MB note the grammar is
super-linear on (read line by line; every keystroke still answered).

Outcomes only, with generous timeouts; the keystroke times are printed for the record (see
docs/performance.md), never asserted.

Usage: test_hostile_lsp.py MEND [unittest args]
"""
import os
import statistics
import sys
import tempfile
import time
import unittest
from urllib.parse import quote_from_bytes

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "reliability"))
from lsp_client import LspClient  # noqa: E402
import hostile_notes  # noqa: E402

MEND = None
WHY_NOTE = "## What did he tell me?\n\nThat he needed space.\n\n## What didn't I like about us?\n\n"
ODD_NAME = b"caf\xe9 \xff.md"


def uri_of_bytes(path):
    return "file://" + quote_from_bytes(os.path.abspath(path))


class Session(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="mend-lsp-hostile-")
        self.root = os.path.join(self.tmp, "notes")
        os.mkdir(self.root)
        with open(os.path.join(self.root, "a.md"), "w") as f:
            f.write(WHY_NOTE)
        self.c = LspClient(MEND)

    def tearDown(self):
        self.c.end_test(self.tmp)

    def start(self):
        r = self.c.initialize(self.root)
        self.assertIn("result", r, r)


class NameNotUtf8(Session):
    def test_index_symbols_and_open(self):
        odd = os.path.join(os.fsencode(self.root), ODD_NAME)
        with open(odd, "w") as f:
            f.write(WHY_NOTE)
        self.start()
        uri = uri_of_bytes(odd)
        self.assertTrue(uri.endswith("/caf%E9%20%FF.md"), uri)
        # The folder index holds it: workspace symbols name it by its percent-encoded URI.
        found = []
        for _ in range(100):
            r = self.c.request("workspace/symbol", {"query": ""}, timeout=60)
            found = [s for s in (r.get("result") or [])
                     if s.get("location", {}).get("uri") == uri]
            if found:
                break
            time.sleep(0.1)
        self.assertTrue(found, "no workspace symbol in " + uri)
        # Opened by that URI: diagnostics and symbols for it, and the other note unaffected.
        text = WHY_NOTE
        self.c.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "markdown", "version": 1, "text": text}})
        diags = self.c.diagnostics(uri, version=1, timeout=30)
        self.assertTrue(diags["diagnostics"])
        symbols = self.c.request("textDocument/documentSymbol", {"textDocument": {"uri": uri}})
        self.assertTrue(symbols["result"])
        self.assertEqual(self.c.shutdown_and_exit(), 0)


class HostileOpenNote(Session):
    def test_backtick_runs_stay_editable(self):
        self.start()
        path = os.path.join(self.root, "backticks.md")
        text = hostile_notes.backtick_runs(1999)  # ~2 MB on one line after a question
        with open(path, "w") as f:
            f.write(text)
        uri = "file://" + quote_from_bytes(os.fsencode(path))
        started = time.monotonic()
        self.c.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "markdown", "version": 1, "text": text}})
        self.c.diagnostics(uri, version=1, timeout=120)
        opened = time.monotonic() - started
        self.c.wait_for(lambda: any("read line by line" in l for l in self.c.stderr_lines), 30)
        # The person is told too, once, in the client's log (window/logMessage, a warning).
        told = self.c.wait_notification(
            "window/logMessage",
            lambda p: p["type"] == 2 and "read line by line" in p["message"], timeout=30)
        self.assertTrue(told)
        # Keystrokes: in the question's answer, at the start, middle and end of the hostile line.
        hostile_line = 4
        columns = [0, 1000, 1_000_000, len(text.split("\n")[hostile_line])]
        times = []
        version = 1
        for k in range(24):
            if k % 4 == 0:
                position = {"line": 2, "character": 4}
            else:
                position = {"line": hostile_line, "character": columns[k % 4] + k // 4}
            version += 1
            t0 = time.monotonic()
            self.c.notify("textDocument/didChange", {
                "textDocument": {"uri": uri, "version": version},
                "contentChanges": [{"range": {"start": position, "end": position}, "text": "`"}]})
            self.c.diagnostics(uri, version=version, timeout=120)
            times.append(time.monotonic() - t0)
        symbols = self.c.request("textDocument/documentSymbol", {"textDocument": {"uri": uri}},
                                 timeout=120)
        self.assertTrue(symbols["result"], "the question's heading is still read")
        warned = [p for m, p in self.c.notifications
                  if m == "window/logMessage" and "read line by line" in p["message"]]
        self.assertEqual(len(warned), 1, "told once, not on every keystroke")
        print(f"\n[hostile lsp] didOpen of 2 MB backtick runs: {opened:.2f} s; keystrokes: "
              f"median {statistics.median(times) * 1000:.0f} ms, max {max(times) * 1000:.0f} ms",
              file=sys.stderr)
        # Cutting the hostile line away gives the note back to the grammar: still answered.
        end = {"line": hostile_line, "character": columns[3] + 100}
        version += 1
        self.c.notify("textDocument/didChange", {
            "textDocument": {"uri": uri, "version": version},
            "contentChanges": [{"range": {"start": {"line": hostile_line, "character": 0},
                                          "end": end}, "text": "plain words\n"}]})
        self.c.diagnostics(uri, version=version, timeout=120)
        self.assertEqual(self.c.shutdown_and_exit(timeout=60), 0)


if __name__ == "__main__":
    MEND = os.path.abspath(sys.argv.pop(1))
    unittest.main()
