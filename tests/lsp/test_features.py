"""LSP features against the real `mend lsp`: code actions, commands, completion, hover, code
lens, inlay hints, symbols, mend/progress, mend/templates, settings and watched files.

Usage: test_features.py MEND [unittest args]
"""
import json
import os
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import test_lsp  # noqa: E402
from lsp_client import FULL_CAPABILITIES, TODAY, uri_of  # noqa: E402
from test_lsp import Session  # noqa: E402


def apply_edits(text, edits):
    """Applies LSP TextEdits (UTF-16 positions) to text, last first."""
    lines = text.split("\n")

    def offset(pos):
        line = min(pos["line"], len(lines) - 1)
        start = sum(len(l) + 1 for l in lines[:line])
        units = lines[line].encode("utf-16-le")[: 2 * pos["character"]].decode("utf-16-le", "ignore")
        return start + len(units)
    for e in sorted(edits, key=lambda e: (e["range"]["start"]["line"], e["range"]["start"]["character"]), reverse=True):
        a, b = offset(e["range"]["start"]), offset(e["range"]["end"])
        text = text[:a] + e["newText"] + text[b:]
    return text


def edits_of(workspace_edit, uri):
    if "documentChanges" in workspace_edit:
        return [e for dc in workspace_edit["documentChanges"] if dc["textDocument"]["uri"] == uri for e in dc["edits"]]
    return workspace_edit["changes"][uri]


class Features(Session):
    def setUp(self):
        super().setUp()
        # A client that supports everything; test_capabilities.py turns each capability off.
        self.start(options={"ex": {"name": "Sam", "pronouns": "he"}}, capabilities=FULL_CAPABILITIES)
        with open(self.note, encoding="utf-8") as f:
            self.text = f.read()
        self.uri = self.c.open(self.note)
        self.diags = self.c.diagnostics(self.uri)["diagnostics"]

    def tearDown(self):
        if self.c.proc.poll() is None:
            self.assertEqual(self.c.shutdown_and_exit(), 0)
        super().tearDown()

    def pos(self, line, character=0):
        return {"line": line, "character": character}

    def test_code_actions(self):
        r = self.c.request("textDocument/codeAction", {
            "textDocument": {"uri": self.uri}, "range": {"start": self.pos(6), "end": self.pos(6)},
            "context": {"diagnostics": [d for d in self.diags if d["code"] == "conditional"]}})["result"]
        titles = [a["title"] for a in r]
        self.assertTrue(any(t.startswith("Insert next step: ") for t in titles), titles)
        self.assertTrue(any(t.startswith("Insert missing questions of ") for t in titles), titles)
        self.assertTrue(any(t.startswith("Insert step: ") for t in titles), titles)
        fixes = [a for a in r if a["kind"] == "quickfix"]
        self.assertEqual(len(fixes), 1, fixes)
        self.assertEqual(fixes[0]["diagnostics"][0]["code"], "conditional")
        missing = next(a for a in r if a["title"].startswith("Insert missing questions of "))
        new_text = apply_edits(self.text, edits_of(missing["edit"], self.uri))
        self.assertIn("including about Sam?", new_text)
        self.assertLess(new_text.index("including about Sam?"), new_text.index("## Evaluate"))
        only = self.c.request("textDocument/codeAction", {
            "textDocument": {"uri": self.uri}, "range": {"start": self.pos(6), "end": self.pos(6)},
            "context": {"diagnostics": [], "only": ["quickfix"]}})["result"]
        self.assertEqual(only, [])

    def test_execute_insert_template(self):
        r = self.c.request("workspace/executeCommand", {"command": "mend.insertTemplate",
                                                        "arguments": [{"uri": self.uri, "template": "motives"}]})
        self.assertEqual(r["result"], {"applied": True})
        method, params = [x for x in self.c.server_requests if x[0] == "workspace/applyEdit"][-1]
        new_text = apply_edits(self.text, edits_of(params["edit"], self.uri))
        self.assertIn("<!-- mend:q motives.fear -->", new_text)
        self.assertTrue(new_text.startswith(self.text))
        r = self.c.request("workspace/executeCommand", {"command": "mend.insertLogEntry", "arguments": [{"uri": self.uri}]})
        self.assertEqual(r["result"]["applied"], True)
        method, params = [x for x in self.c.server_requests if x[0] == "workspace/applyEdit"][-1]
        self.assertIn(TODAY, json.dumps(params))
        r = self.c.request("workspace/executeCommand", {"command": "mend.insertMissing",
                                                        "arguments": [{"uri": self.uri, "step": "why"}]})
        self.assertEqual(r["result"]["applied"], True)
        self.c.apply_edit_result = {"applied": False, "failureReason": "no"}
        r = self.c.request("workspace/executeCommand", {"command": "mend.insertMissing",
                                                        "arguments": [{"uri": self.uri, "step": "evaluate"}]})
        self.assertEqual(r["result"]["applied"], False)
        r = self.c.request("workspace/executeCommand", {"command": "mend.insertMissing", "arguments": [{"uri": self.uri}]})
        self.assertEqual(r["error"]["code"], -32602)
        self.assertIn("step", r["error"]["message"])

    def test_log_entry_goes_after_the_marker_of_an_empty_log(self):
        # A freshly inserted new-start step: the log question, its marker, guidance and a dated
        # placeholder. Today's entry must land after all of them, so the marker stays bound to
        # its question (a misplaced entry used to split them into two occurrences).
        log_note = os.path.join(self.root, "log.md")
        subprocess.run([test_lsp.MEND, "insert", "new-start", log_note, "--today", "2026-11-20"], check=True,
                       capture_output=True)
        with open(log_note, encoding="utf-8") as f:
            text = f.read()
        uri = self.c.open(log_note)
        self.c.diagnostics(uri)
        r = self.c.request("workspace/executeCommand", {"command": "mend.insertLogEntry", "arguments": [{"uri": uri}]})
        self.assertEqual(r["result"]["applied"], True)
        method, params = [x for x in self.c.server_requests if x[0] == "workspace/applyEdit"][-1]
        new_text = apply_edits(text, edits_of(params["edit"], uri))
        self.assertLess(new_text.index("<!-- mend:q new-start.log -->"), new_text.index("- " + TODAY))
        self.assertLess(new_text.index("- 2026-11-20"), new_text.index("- " + TODAY))
        with open(log_note, "w", encoding="utf-8") as f:
            f.write(new_text)
        out = subprocess.run([test_lsp.MEND, "scan", self.root, "--json", "--today", TODAY], check=True,
                             capture_output=True, text=True).stdout
        note = next(n for n in json.loads(out)["notes"] if n["path"] == "log.md")
        self.assertEqual([q["id"] for q in note["questions"]].count("new-start.log"), 1)
        self.assertEqual([q["matched_by"] for q in note["questions"]], ["marker", "marker"])

    def test_completion_steps_and_questions(self):
        mark = self.c.mark()
        self.c.notify("textDocument/didChange", {"textDocument": {"uri": self.uri, "version": 2}, "contentChanges": [
            {"range": {"start": self.pos(12), "end": self.pos(12)}, "text": "/\n"}]})
        r = self.c.request("textDocument/completion", {"textDocument": {"uri": self.uri}, "position": self.pos(12, 1)})
        items = r["result"]["items"]
        labels = [i["label"] for i in items]
        self.assertIn("/why", labels)
        why = items[labels.index("/why")]
        self.assertEqual(why["insertTextFormat"], 2)
        self.assertIn("${1:", why["textEdit"]["newText"])
        self.assertEqual(why["textEdit"]["range"]["start"], self.pos(12, 0))
        self.assertIn("answered", why["detail"])
        self.c.diagnostics(self.uri, 2, start=mark)
        self.c.notify("textDocument/didChange", {"textDocument": {"uri": self.uri, "version": 3}, "contentChanges": [
            {"range": {"start": self.pos(12), "end": self.pos(12, 1)}, "text": "###"}]})
        r = self.c.request("textDocument/completion", {"textDocument": {"uri": self.uri}, "position": self.pos(12, 3)})
        items = r["result"]["items"]
        self.assertTrue(items)
        self.assertTrue(all(i["textEdit"]["newText"].startswith("### ") for i in items), items)
        self.assertTrue(any("including about Sam" in i["label"] for i in items))

    def test_hover(self):
        r = self.c.request("textDocument/hover", {"textDocument": {"uri": self.uri}, "position": self.pos(4, 8)})
        v = r["result"]["contents"]["value"]
        self.assertIn("answered", v)
        self.assertIn("Sam", v)
        r = self.c.request("textDocument/hover", {"textDocument": {"uri": self.uri}, "position": self.pos(8, 8)})
        self.assertIn("not answered yet", r["result"]["contents"]["value"])
        r = self.c.request("textDocument/hover", {"textDocument": {"uri": self.uri}, "position": self.pos(2, 5)})
        self.assertIn("Progress: 2/6", r["result"]["contents"]["value"])
        r = self.c.request("textDocument/hover", {"textDocument": {"uri": self.uri}, "position": self.pos(6, 1)})
        self.assertIsNone(r["result"])

    def test_code_lens_and_inlay_hints(self):
        r = self.c.request("textDocument/codeLens", {"textDocument": {"uri": self.uri}})["result"]
        self.assertEqual(len(r), 2)
        self.assertTrue(r[0]["command"]["title"].startswith("2/6 answered · next: "), r[0])
        self.assertEqual(r[0]["command"]["command"], "mend.insertMissing")
        self.assertEqual(r[0]["command"]["arguments"], [{"uri": self.uri, "step": "why"}])
        r = self.c.request("textDocument/inlayHint", {"textDocument": {"uri": self.uri},
                                                      "range": {"start": self.pos(0), "end": self.pos(100)}})["result"]
        self.assertEqual([h["label"] for h in r], ["✓", "…", "✓", "✓"])
        self.assertTrue(all(h["paddingLeft"] for h in r))

    def test_symbols(self):
        r = self.c.request("textDocument/documentSymbol", {"textDocument": {"uri": self.uri}})["result"]
        self.assertEqual(len(r), 2)
        self.assertEqual(r[0]["kind"], 3)
        self.assertEqual([c["detail"] for c in r[0]["children"]], ["answered", "unanswered", "answered"])
        r = self.c.request("workspace/symbol", {"query": "official"})["result"]
        self.assertTrue(r)
        self.assertTrue(all(s["location"]["uri"].startswith("file://") for s in r))

    def test_progress_and_templates(self):
        r = self.c.request("mend/progress", {})["result"]
        self.assertEqual(r["mend"], 1)
        self.assertEqual(r["today"], TODAY)
        self.assertEqual([n["path"] for n in r["notes"]], ["breakup.md"])
        self.assertEqual(r["summary"]["next_step"], "motives")
        scan = json.loads(subprocess.run([test_lsp.MEND, "scan", self.root, "--json", "--today", TODAY],
                                         capture_output=True, check=True).stdout)
        self.assertEqual(r["summary"], scan["summary"])
        self.assertEqual(r["notes"], scan["notes"])
        r = self.c.request("mend/progress", {"uri": self.uri})["result"]
        self.assertEqual(r["note"]["path"], "breakup.md")
        t = self.c.request("mend/templates", {})["result"]
        why = next(x for x in t if x["id"] == "why" and x["language"] == "en")
        self.assertEqual(why["questions"][0]["id"], "why.official")
        self.assertIn("source", why)

    def test_registration_progress_and_watched_files(self):
        methods = [m for m, _ in self.c.server_requests]
        self.assertIn("client/registerCapability", methods)
        self.assertIn("window/workDoneProgress/create", methods)
        self.c.wait_notification("$/progress", lambda p: p["value"]["kind"] == "end")
        other = os.path.join(self.root, "motives.md")
        with open(other, "w") as f:
            f.write("## Are you afraid of being alone?\n\nYes, a lot.\n")
        self.c.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": uri_of(other), "type": 1}]})
        r = self.c.request("mend/progress", {})["result"]
        self.assertIn("motives.md", [n["path"] for n in r["notes"]])

    def test_settings_change(self):
        mark = self.c.mark()
        self.c.notify("workspace/didChangeConfiguration", {"settings": {"mend": {"ex": {"name": "Alex"}, "bogus": 1}}})
        self.c.wait_notification("window/logMessage", lambda p: "bogus" in p["message"], start=mark)
        r = self.c.request("textDocument/hover", {"textDocument": {"uri": self.uri}, "position": self.pos(4, 8)})
        self.assertIn("Alex", r["result"]["contents"]["value"])


if __name__ == "__main__":
    test_lsp.main()
