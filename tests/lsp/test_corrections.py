"""Explain and correct (issue 12) against the real `mend lsp`: hover and mend/explain say how a
line was read; code actions write <!-- mend:q id -->, <!-- mend:ignore --> and
<!-- mend:step id --> after it; stale markers are diagnostics with fixes; clients without
codeActionLiteralSupport or documentChanges get the same corrections as commands and `changes`;
and `mend scan` reads the corrected note as the server does.

Usage: test_corrections.py MEND [unittest args]
"""
import copy
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "serve"))
from lsp_client import FULL_CAPABILITIES, TODAY, LspClient, uri_of  # noqa: E402
from test_features import apply_edits, edits_of  # noqa: E402
from ws_client import Daemon, WebSocket  # noqa: E402

MEND = None

# Line 6 ("Blue bicycle season?") matches no wording: only its place between why.official and
# why.not-working makes it why.unofficial. Line 9 is a diary list item no question matches.
NOTE = """# After Sam left

## Why he left

- Official reasons: he said he needed space
- Blue bicycle season? his silence
- What wasn't working? We never talked.

- Gym: legs, hated it

## Sundays

Long walks, and then nothing.
"""
BLUE, GYM, US, PROSE, OFFICIAL = 5, 8, 10, 12, 4


class Corrections(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="mend-corrections-")
        self.root = os.path.join(self.tmp, "notes")
        os.makedirs(self.root)
        self.path = os.path.join(self.root, "why.md")
        with open(self.path, "w", encoding="utf-8") as f:
            f.write(NOTE)
        self.c = LspClient(MEND)
        self.version = 1

    def tearDown(self):
        self.c.end_test(self.tmp)

    def start(self, capabilities=FULL_CAPABILITIES, text=NOTE):
        r = self.c.initialize(self.root, options={"ex": {"name": "Sam", "pronouns": "he"}},
                              capabilities=capabilities)
        self.assertIn("result", r, r)
        self.text = text
        self.uri = self.c.open(self.path, text)
        return self.c.diagnostics(self.uri)["diagnostics"]

    def at(self, line):
        return {"textDocument": {"uri": self.uri}, "position": {"line": line, "character": 3}}

    def actions(self, line, diagnostics=()):
        r = self.c.request("textDocument/codeAction", {
            "textDocument": {"uri": self.uri},
            "range": {"start": {"line": line, "character": 0}, "end": {"line": line, "character": 0}},
            "context": {"diagnostics": list(diagnostics)}})
        return r["result"]

    def titled(self, actions, prefix):
        return [a for a in actions if a["title"].startswith(prefix)]

    def apply(self, action):
        """Applies a code action's edit as an editor does, and waits for the new diagnostics."""
        self.text = apply_edits(self.text, edits_of(action["edit"], self.uri))
        self.version += 1
        mark = self.c.mark()
        self.c.notify("textDocument/didChange", {
            "textDocument": {"uri": self.uri, "version": self.version},
            "contentChanges": [{"text": self.text}]})
        return self.c.diagnostics(self.uri, self.version, start=mark)["diagnostics"]

    def questions(self):
        note = self.c.request("mend/progress", {"uri": self.uri})["result"]["note"]
        return {q["line"]: (q["id"], q["matched_by"]) for q in note["questions"]}

    def serve_questions(self):
        """`mend serve`'s mend/progress of the note as saved (scan_questions() saves it)."""
        runtime = os.path.join(self.tmp, "run")
        os.makedirs(runtime, mode=0o700, exist_ok=True)
        daemon = Daemon(MEND, self.root, runtime, today=TODAY).wait_ready()
        try:
            ws = WebSocket(daemon.port, token=daemon.token)
            note = ws.request("mend/progress", {"path": "why.md"})["result"]["note"]
            ws.close()
        finally:
            daemon.stop()
        return {q["line"]: (q["id"], q["matched_by"]) for q in note["questions"]}

    def scan_questions(self, from_cache=False):
        """`mend scan --json` of the note as saved (written only when it changed, so that a
        second scan reads the warm cache): what every other face of mend reads."""
        with open(self.path, encoding="utf-8") as f:
            saved = f.read()
        if saved != self.text:
            with open(self.path, "w", encoding="utf-8") as f:
                f.write(self.text)
        env = dict(os.environ, XDG_CACHE_HOME=os.path.join(self.tmp, "cache"))
        r = subprocess.run([MEND, "scan", self.root, "--json", "--today", TODAY, "--stats"],
                           capture_output=True, check=True, text=True, env=env)
        if from_cache:
            self.assertIn("1 from the cache", r.stderr)
        note = json.loads(r.stdout)["notes"][0]
        return {q["line"]: (q["id"], q["matched_by"]) for q in note["questions"]}

    def test_hover_and_explain_say_how_a_line_was_read(self):
        self.start()
        hover = self.c.request("textDocument/hover", self.at(OFFICIAL))["result"]["contents"]["value"]
        self.assertIn("How: a label item", hover)
        self.assertIn("in the section \"Understand why", hover)
        self.assertIn("Matched: one of the pack's wordings", hover)
        self.assertIn("mend: not a reflection question", hover)
        r = self.c.request("mend/explain", self.at(BLUE))["result"]
        self.assertEqual(r["question"]["id"], "why.unofficial")
        self.assertEqual(r["question"]["matched_by"], "order")
        self.assertEqual(r["form"], "list-item")
        self.assertEqual(r["section"], "why")
        self.assertIn("its place", " ".join(r["explanation"]))
        r = self.c.request("mend/explain", self.at(GYM))["result"]
        self.assertIsNone(r["question"])
        self.assertEqual(r["form"], "label-item")
        self.assertTrue(r["explanation"][0].startswith("Not read as a question"), r)
        r = self.c.request("mend/explain", self.at(PROSE))["result"]
        self.assertIsNone(r["form"])
        self.assertIn("reads no question", r["explanation"][0])
        self.assertEqual(self.c.shutdown_and_exit(), 0)

    def test_not_a_question_then_this_is_the_question(self):
        self.start()
        self.assertEqual(self.questions()[BLUE + 1], ("why.unofficial", "order"))
        # Not a reflection question: the ignore marker goes right after the item, indented into
        # it; the line is no question any more, and nothing else changes.
        ignore = self.titled(self.actions(BLUE), "mend: not a reflection question")
        self.assertEqual(len(ignore), 1)
        self.apply(ignore[0])
        self.assertIn("- Blue bicycle season? his silence\n  <!-- mend:ignore -->\n- What", self.text)
        qs = self.questions()
        self.assertNotIn(BLUE + 1, qs)
        self.assertEqual(qs[OFFICIAL + 1][0], "why.official")
        self.assertEqual(self.scan_questions(), qs)
        hover = self.c.request("textDocument/hover", self.at(BLUE))["result"]["contents"]["value"]
        self.assertIn("Not read as a question", hover)
        # This is the question why.disliked: every question of its step section is offered, and
        # the ignore marker is replaced (never stacked).
        pick = [a for a in self.titled(self.actions(BLUE), "mend: this is the question")
                if a["title"].endswith("(why.disliked)")]
        self.assertEqual(len(pick), 1, [a["title"] for a in self.actions(BLUE)])
        self.apply(pick[0])
        self.assertIn("his silence\n  <!-- mend:q why.disliked -->\n- What", self.text)
        self.assertNotIn("mend:ignore", self.text)
        self.assertEqual(self.questions()[BLUE + 1], ("why.disliked", "marker"))
        # Edited elsewhere, the corrected line keeps its id.
        self.text = "Written on the train.\n\n" + self.text
        self.version += 1
        self.c.notify("textDocument/didChange", {"textDocument": {"uri": self.uri, "version": self.version},
                                                 "contentChanges": [{"text": self.text}]})
        self.assertEqual(self.questions()[BLUE + 3], ("why.disliked", "marker"))
        # The same in every face: the editor's analysis, mend scan (twice: cold, then from the
        # warm cache) and mend serve.
        self.assertEqual(self.scan_questions(), self.questions())
        self.assertEqual(self.scan_questions(from_cache=True), self.questions())
        self.assertEqual(self.serve_questions(), self.questions())
        self.assertEqual(self.c.shutdown_and_exit(), 0)

    def test_this_section_is_the_step(self):
        self.start()
        steps = self.titled(self.actions(US), "mend: this section is the step")
        self.assertEqual(len(steps), 8, [a["title"] for a in steps])
        evaluate = [a for a in steps if a["title"].endswith("(evaluate)")][0]
        self.apply(evaluate)
        self.assertIn("## Sundays\n<!-- mend:step evaluate -->\n", self.text)
        r = self.c.request("mend/explain", self.at(US))["result"]
        self.assertEqual(r["step"], "evaluate")
        self.assertIn("your marker", " ".join(r["explanation"]))
        self.assertEqual(self.c.shutdown_and_exit(), 0)

    def test_stale_marker_is_a_diagnostic_with_fixes(self):
        text = NOTE.replace("## Sundays\n", "## Sundays\n<!-- mend:q why.officail -->\n")
        diagnostics = self.start(text=text)
        stale = [d for d in diagnostics if d.get("code") == "stale-marker"]
        self.assertEqual(len(stale), 1, diagnostics)
        self.assertEqual(stale[0]["severity"], 2)
        self.assertIn("why.officail", stale[0]["message"])
        line = stale[0]["range"]["start"]["line"]
        actions = self.actions(line, stale)
        replace = self.titled(actions, "mend: replace the marker with why.official")
        self.assertEqual(len(replace), 1, [a["title"] for a in actions])
        self.assertEqual(replace[0]["diagnostics"], stale)
        remove = self.titled(actions, "mend: remove this marker")
        self.assertEqual(len(remove), 1)
        diagnostics = self.apply(remove[0])
        self.assertEqual(self.text, NOTE)
        self.assertFalse([d for d in diagnostics if d.get("code") == "stale-marker"])
        self.assertEqual(self.c.shutdown_and_exit(), 0)

    def test_commands_and_changes_for_older_clients(self):
        caps = copy.deepcopy(FULL_CAPABILITIES)
        del caps["textDocument"]["codeAction"]
        caps["workspace"]["workspaceEdit"] = {}
        self.start(capabilities=caps)
        commands = [a for a in self.actions(BLUE) if a["title"] == "mend: not a reflection question"]
        self.assertEqual(len(commands), 1)
        self.assertEqual(commands[0]["command"], "mend.markLine")
        self.assertNotIn("edit", commands[0])
        r = self.c.request("workspace/executeCommand", {"command": "mend.markLine",
                                                        "arguments": commands[0]["arguments"]})
        self.assertEqual(r["result"], {"applied": True})
        _, params = [x for x in self.c.server_requests if x[0] == "workspace/applyEdit"][-1]
        self.assertIn("changes", params["edit"])
        self.assertIn("  <!-- mend:ignore -->\n", apply_edits(NOTE, params["edit"]["changes"][self.uri]))
        for bad in ({"uri": self.uri, "line": BLUE, "marker": "q why.nope"},
                    {"uri": self.uri, "line": 999, "marker": "ignore"},
                    {"uri": self.uri, "line": BLUE}):
            r = self.c.request("workspace/executeCommand", {"command": "mend.markLine", "arguments": [bad]})
            self.assertEqual(r["error"]["code"], -32602, bad)
        r = self.c.request("workspace/executeCommand", {"command": "mend.fixMarker",
                                                        "arguments": [{"uri": self.uri, "line": BLUE, "marker": ""}]})
        self.assertEqual(r["error"]["code"], -32602)  # no marker on that line (the edit was not applied)
        self.assertEqual(self.c.shutdown_and_exit(), 0)


def main():
    global MEND
    MEND = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)


if __name__ == "__main__":
    main()
