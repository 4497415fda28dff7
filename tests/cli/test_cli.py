#!/usr/bin/env python3
"""The command line against the real binary: scan, templates, insert, their errors, and the
atomic write (with the fault injection of daemon/server/atomic_write.cpp).

Usage: test_cli.py MEND_BINARY [unittest options]
"""
import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import unittest

MEND = None
TODAY = "2026-11-26"


def run(*args, cwd=None, env_extra=None, timeout=60):
    env = dict(os.environ)
    env.pop("MEND_FAULT", None)
    if env_extra:
        env.update(env_extra)
    return subprocess.run([MEND, *args], cwd=cwd, env=env, capture_output=True, timeout=timeout)


def write(path, content, mode="w"):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, mode if isinstance(content, str) else "wb") as f:
        f.write(content)


def read_bytes(path):
    with open(path, "rb") as f:
        return f.read()


WHY_NOTE = """## What did he tell me?

That he needed space.

## What didn't I like about us?

His silences.
"""


class Folder(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="mend-cli-")

    def tearDown(self):
        for root, dirs, _ in os.walk(self.dir):
            for d in dirs:
                os.chmod(os.path.join(root, d), 0o755)
        shutil.rmtree(self.dir, ignore_errors=True)

    def path(self, *parts):
        return os.path.join(self.dir, *parts)

    def scan_json(self, folder=None):
        r = run("scan", folder or self.dir, "--json", "--today", TODAY)
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        return json.loads(r.stdout), r.stderr.decode()


class ScanErrors(Folder):
    def assert_usage_error(self, r, *words):
        self.assertEqual(r.returncode, 2, r)
        lines = r.stderr.decode().strip().splitlines()
        self.assertEqual(len(lines), 1, f"want one clear line, got {lines}")
        for w in words:
            self.assertIn(w, lines[0])
        self.assertEqual(r.stdout, b"")

    def test_missing_folder(self):
        missing = self.path("nope")
        self.assert_usage_error(run("scan", missing), missing)

    def test_file_instead_of_folder(self):
        write(self.path("note.md"), "hello\n")
        self.assert_usage_error(run("scan", self.path("note.md")), "note.md")

    def test_unreadable_folder(self):
        locked = self.path("locked")
        os.makedirs(locked)
        os.chmod(locked, 0)
        if os.geteuid() == 0:
            self.skipTest("running as root: permission checks do not apply")
        self.assert_usage_error(run("scan", locked), "locked")

    def test_bad_today(self):
        for bad in ["2026-13-01", "yesterday", "26/11/2026", "2026-02-30"]:
            with self.subTest(today=bad):
                self.assert_usage_error(run("scan", self.dir, "--today", bad), bad)

    def test_missing_dir_argument(self):
        r = run("scan")
        self.assertEqual(r.returncode, 2)
        self.assertTrue(r.stderr.strip())

    def test_bad_notes_are_warnings(self):
        write(self.path("good.md"), WHY_NOTE)
        write(self.path("latin1.md"), "## What did he tell me?\n\nCaf\xe9 cr\xe8me\n".encode("latin-1"))
        write(self.path("binary.md"), b"## What went wrong?\n\x00\x01\x02\x00binary\n")
        big = ("## Is it a big yes?\n\nYes.\n" + "x" * 1023 + "\n") * (8 * 1024 + 16)
        self.assertGreater(len(big), 8 * 1024 * 1024)
        write(self.path("huge.md"), big)
        report, stderr = self.scan_json()
        for name in ["latin1.md", "binary.md", "huge.md"]:
            self.assertTrue(any(name in line and "warning" in line for line in stderr.splitlines()),
                            f"no warning naming {name}: {stderr!r}")
        self.assertNotIn("good.md", stderr)
        paths = [n["path"] for n in report["notes"]]
        self.assertIn("good.md", paths)
        good = next(n for n in report["notes"] if n["path"] == "good.md")
        self.assertEqual([q["id"] for q in good["questions"]], ["why.official", "why.disliked"])
        for name in ["binary.md", "huge.md"]:
            note = next((n for n in report["notes"] if n["path"] == name), None)
            self.assertTrue(note is None or note["questions"] == [], f"{name} was analysed")


class ScanOutput(Folder):
    def test_json_keys(self):
        write(self.path("why.md"), WHY_NOTE)
        report, _ = self.scan_json()
        self.assertEqual(set(report), {"mend", "root", "today", "notes", "summary"})
        self.assertEqual(report["mend"], 1)
        self.assertEqual(report["root"], self.dir)
        self.assertEqual(report["today"], TODAY)
        note = report["notes"][0]
        self.assertTrue({"path", "language", "questions", "steps", "suggestions"} <= set(note))
        # Issue 12 added form, score and section, and says in matched_by which wording matched
        # ("wording": the question's own text, here its clause "what did they tell you").
        self.assertEqual(set(note["questions"][0]),
                         {"id", "step", "line", "answered", "matched_by", "form", "score", "section"})
        self.assertEqual(note["questions"][0], {"id": "why.official", "step": "why", "line": 1,
                                                "answered": True, "matched_by": "wording",
                                                "form": "heading", "score": 1.0, "section": None})
        summary = report["summary"]
        self.assertEqual(set(summary), {"notes", "questions", "answered", "steps", "suggestions", "next_step"})
        self.assertEqual((summary["notes"], summary["questions"], summary["answered"]), (1, 2, 2))
        self.assertEqual([s["id"] for s in summary["steps"]],
                         ["motives", "why", "wrongs", "evaluate", "patterns", "reach-out", "new-start", "if-no"])
        for s in summary["suggestions"]:
            self.assertEqual(set(s), {"kind", "step", "question", "path", "line", "message"})
        self.assertEqual(summary["next_step"], "motives")

    def test_text_report(self):
        write(self.path("why.md"), WHY_NOTE)
        r = run("scan", self.dir, "--today", TODAY)
        self.assertEqual(r.returncode, 0)
        out = r.stdout.decode()
        self.assertIn("why.md", out)
        self.assertIn("2/6", out)

    def test_explain(self):
        # Issue 12: per question its form, section and the wording or marker it matched; the
        # corrections (an ignored line, a marker whose id the pack does not know); NOTE alone.
        write(self.path("why.md"), "# After Sam left\n\n## Why he left\n\n"
              "- Official reasons: he said he needed space\n- Blue bicycle season? his silence\n"
              "- What wasn't working? We never talked.\n- Gym: legs\n  <!-- mend:ignore -->\n\n"
              "## Sundays\n<!-- mend:step evaluation -->\n")
        write(self.path("other.md"), WHY_NOTE)
        r = run("scan", self.dir, "--explain", "why.md", "--today", TODAY)
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        out = r.stdout.decode()
        self.assertNotIn("other.md", out)
        self.assertIn("line 3    Section: Understand why the separation happened (why), named by its words.", out)
        self.assertIn("line 5    Read as: What were their official reasons", out)
        self.assertIn("How: a label item", out)
        self.assertIn("Matched: one of the pack's wordings", out)
        self.assertIn("line 6    Read as: What were the unofficial reasons", out)
        self.assertIn("Matched: its place", out)
        self.assertIn("line 9    Correction: line 8 is no reflection question (<!-- mend:ignore -->).", out)
        self.assertIn("line 12   Stale marker: mend knows no step \"evaluation\"", out)
        # The same note named from here, and every note without NOTE.
        r = run("scan", self.dir, "--explain", self.path("why.md"), "--today", TODAY)
        self.assertEqual(r.stdout.decode(), out)
        r = run("scan", self.dir, "--explain", "--today", TODAY)
        self.assertIn("other.md", r.stdout.decode())
        r = run("scan", self.dir, "--explain", "nope.md")
        self.assertEqual(r.returncode, 2)
        self.assertIn("nope.md: not a note of", r.stderr.decode())
        r = run("scan", self.dir, "why.md")
        self.assertEqual(r.returncode, 2)
        self.assertIn("a NOTE goes with --explain", r.stderr.decode())

    def test_skips_hidden_and_non_markdown(self):
        write(self.path("why.md"), WHY_NOTE)
        for hidden in [".git/why.md", ".mend/notes.md", ".obsidian/why.md", ".hidden.md", "sub/.secret/why.md"]:
            write(self.path(hidden), WHY_NOTE)
        write(self.path("why.txt"), WHY_NOTE)
        write(self.path("why.markdown.bak"), WHY_NOTE)
        write(self.path("sub/more.md"), "## Is it a big yes?\n\nYes.\n")
        report, _ = self.scan_json()
        self.assertEqual(sorted(n["path"] for n in report["notes"]), ["sub/more.md", "why.md"])

    def test_topic_gate_setting(self):
        # A note with no sign of a relationship holds no question (the topic gate), unless the
        # folder's configuration turns the gate off.
        write(self.path("note.md"), "## What went wrong?\n\nWe stopped being curious.\n")
        report, _ = self.scan_json()
        self.assertEqual(report["notes"][0]["questions"], [])
        write(self.path(".mend", "config.yaml"), "topic_gate: false\n")
        report, _ = self.scan_json()
        self.assertEqual([q["id"] for q in report["notes"][0]["questions"]], ["why.not-working"])
        write(self.path(".mend", "config.yaml"), "topic_gate: maybe\n")
        r = run("scan", self.dir, "--json", "--today", TODAY)
        self.assertIn("topic_gate", r.stderr.decode())

    def test_config_yaml(self):
        # The folder's configuration is YAML as people write it (yaml-cpp): an anchor, a block
        # scalar. A file that is not YAML is named in a warning with its 1-based line, and read
        # line by line for the settings a person writes by hand.
        write(self.path("note.md"), "## What went wrong?\n\nWe stopped being curious.\n")
        config = self.path(".mend", "config.yaml")
        write(config, "name: &who Sam\nex: {name: *who}\ntopic_gate: false\npronouns: >-\n  they\n")
        report, _ = self.scan_json()
        self.assertEqual([q["id"] for q in report["notes"][0]["questions"]], ["why.not-working"])
        write(config, "topic_gate: false\nname: [Sam\npronouns: they\n")
        r = run("scan", self.dir, "--json", "--today", TODAY)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("config file %s:3: " % config, r.stderr.decode())
        self.assertIn("not YAML, read line by line", r.stderr.decode())
        # "Name of ex-husband: Karim", "He / him", "Language - French": what was meant.
        write(self.path("note.md"), "## Qu'est-ce qui n'allait pas ?\n\nKarim ne parlait plus.\n")
        write(config, "Name of ex-husband: Karim\nHe / him\nLanguage - French\n")
        r = run("scan", self.dir, "--json", "--today", TODAY)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("read: ex, language, pronouns", r.stderr.decode())
        note = json.loads(r.stdout)["notes"][0]
        self.assertEqual(note["language"], "fr")
        self.assertEqual([q["id"] for q in note["questions"]], ["why.not-working"])

    def test_config_as_people_write_it(self):
        # `ex: NAME`, `ex_pronouns: they/them` and a key of the writer's own: the name reaches
        # the topic gate (a note naming only Karim is about the ex), the extra key is a warning
        # naming the file and key, and the scan goes on.
        write(self.path("note.md"), "## What went wrong?\n\nKarim stopped being curious.\n")
        config = self.path(".mend", "config.yaml")
        write(config, "ex: Karim\nex_pronouns: he/him\ntheme: dark\n")
        r = run("scan", self.dir, "--json", "--today", TODAY)
        self.assertEqual(r.returncode, 0, r.stderr)
        report = json.loads(r.stdout)
        self.assertEqual([q["id"] for q in report["notes"][0]["questions"]], ["why.not-working"])
        self.assertIn("warning: config file %s: unknown setting 'theme' (ignored)" % config,
                      r.stderr.decode())
        # Keys in the writer's own words name the settings they mean, and say so.
        write(config, "prenom de mon ex: Karim\npronom: il\n")
        r = run("scan", self.dir, "--json", "--today", TODAY)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("setting 'prenom de mon ex' read as 'ex'", r.stderr.decode())
        report = json.loads(r.stdout)
        self.assertEqual([q["id"] for q in report["notes"][0]["questions"]], ["why.not-working"])
        # The language as people name it: "lang", "French", "fr-CA" are the pack's "fr".
        # "language:fr" (no space: one YAML key without a value) is meant the same way.
        for setting in ("lang: French", "language: fr-CA", "language: FR", "language:fr"):
            write(config, "ex: Karim\n%s\n" % setting)
            r = run("scan", self.dir, "--json", "--today", TODAY)
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertNotIn(b"unknown setting", r.stderr)
            self.assertEqual(json.loads(r.stdout)["notes"][0]["language"], "fr", setting)
        write(config, "ex: Karim\nmarkers: sometimes\n")
        r = run("scan", self.dir, "--json", "--today", TODAY)
        self.assertEqual(r.returncode, 2, r.stderr)
        self.assertIn("markers", r.stderr.decode())

    def test_template_override(self):
        # A folder's .mend/templates/why.md replaces the built-in `why` step (same id wins).
        write(self.path(".mend/templates/en/why.md"), """---
step: why
order: 2
title: "Why it really ended"
short: "Why it ended"
requires: []
questions:
  - id: why.official
    text: "What was the sentence that ended it?"
    aliases:
      - "The sentence that ended it"
---
Our own wording.
""")
        r = run("templates", self.dir)
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        lines = [l for l in r.stdout.decode().splitlines() if l.startswith("why") and " en " in l]
        self.assertEqual(len(lines), 1, r.stdout.decode())
        self.assertIn("Why it really ended", lines[0])
        self.assertIn(os.path.join(".mend", "templates", "en", "why.md"), lines[0])
        self.assertNotIn("builtin:en/why.md", lines[0])
        write(self.path("note.md"), "## The sentence that ended it\n\n\"I'm done,\" my ex said.\n")
        report, _ = self.scan_json()
        self.assertEqual([q["id"] for q in report["notes"][0]["questions"]], ["why.official"])
        why = next(s for s in report["summary"]["steps"] if s["id"] == "why")
        self.assertEqual(why["total"], 1)


class Insert(Folder):
    def insert(self, *args, env_extra=None):
        return run("insert", *args, "--today", TODAY, env_extra=env_extra)

    def temporaries(self):
        return [n for n in os.listdir(self.dir) if n.startswith(".mend-write-")]

    def test_creates_note(self):
        note = self.path("new.md")
        r = self.insert("why", note)
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        text = read_bytes(note).decode()
        self.assertIn("<!-- mend:q why.official -->", text)
        self.assertIn("_your answer_", text)
        report, _ = self.scan_json()
        qs = report["notes"][0]["questions"]
        self.assertEqual(len(qs), 6)
        self.assertTrue(all(q["matched_by"] == "marker" and not q["answered"] for q in qs))
        self.assertEqual(self.temporaries(), [])

    def test_appends_keeping_bytes(self):
        note = self.path("journal.md")
        original = "# My journal\n\nSome thoughts, \u00e9t\u00e9 \U0001F494.\n".encode()
        write(note, original)
        r = self.insert("evaluate", note)
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        after = read_bytes(note)
        self.assertTrue(after.startswith(original))
        self.assertGreater(len(after), len(original))
        self.assertIn(b"mend:q evaluate.verdict", after[len(original):])

    def test_line_option(self):
        note = self.path("journal.md")
        write(note, "line one\nline two\nline three\n")
        r = self.insert("why", note, "--line", "2")
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        text = read_bytes(note).decode()
        self.assertTrue(text.startswith("line one\n"))
        self.assertTrue(text.endswith("line two\nline three\n"))
        self.assertLess(text.index("mend:q why.official"), text.index("line two"))

    def test_keeps_crlf(self):
        note = self.path("windows.md")
        write(note, b"# Notes\r\n\r\nFirst line.\r\n")
        r = self.insert("why", note)
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        data = read_bytes(note)
        self.assertTrue(data.startswith(b"# Notes\r\n\r\nFirst line.\r\n"))
        self.assertIn(b"mend:q why.official", data)
        self.assertEqual(data.count(b"\n"), data.count(b"\r\n"), "a bare LF slipped into a CRLF note")

    def test_keeps_mode(self):
        note = self.path("private.md")
        write(note, "# Private\n")
        os.chmod(note, 0o600)
        r = self.insert("why", note)
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        self.assertEqual(stat.S_IMODE(os.stat(note).st_mode), 0o600)

    def test_variables(self):
        note = self.path("her.md")
        r = self.insert("why", note, "--var", "name=Alex", "--var", "pronouns=she")
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        text = read_bytes(note).decode()
        self.assertIn("Alex", text)
        self.assertRegex(text, r"\bher\b")
        self.assertNotIn("{their}", text)
        self.assertNotIn("{name}", text)
        self.assertNotIn("your ex", text)

    def test_folder_config(self):
        # The notes folder's .mend/config.yaml, as `mend scan` of that folder reads it, for a note
        # in the folder and in a subfolder of it (the nearest folder holding .mend/); --config
        # FILE over it. Before, insert read --config only.
        write(self.path(".mend", "config.yaml"), "ex:\n  name: Sam\n  pronouns: she\nmarkers: false\n")
        for note in (self.path("why.md"), self.path("2026", "november", "why.md")):
            with self.subTest(note=note):
                os.makedirs(os.path.dirname(note), exist_ok=True)
                r = self.insert("why", note)
                self.assertEqual(r.returncode, 0, r.stderr.decode())
                text = read_bytes(note).decode()
                self.assertIn("Sam", text)
                self.assertRegex(text, r"\bher\b")
                self.assertNotIn("mend:q", text)
        write(self.path("other.yaml"), "ex:\n  name: Alex\n")
        r = self.insert("why", self.path("alex.md"), "--config", self.path("other.yaml"))
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        text = read_bytes(self.path("alex.md")).decode()
        self.assertIn("Alex", text)
        self.assertNotIn("Sam", text)
        self.assertNotIn("mend:q", text)  # markers: false still comes from the folder
        # A folder's configuration that is not YAML is named in a warning and read line by line,
        # as a scan reads it: the name its writer meant, without the stray bracket.
        write(self.path(".mend", "config.yaml"), "ex: [Sam\n")
        r = self.insert("why", self.path("broken.md"))
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        self.assertIn("config.yaml:2: ", r.stderr.decode())
        text = read_bytes(self.path("broken.md")).decode()
        self.assertIn("Sam", text)
        self.assertNotIn("[Sam", text)

    def test_unknown_template(self):
        note = self.path("x.md")
        r = self.insert("no-such-step", note)
        self.assertEqual(r.returncode, 2)
        self.assertIn("no-such-step", r.stderr.decode())
        self.assertFalse(os.path.exists(note))

    def test_faults_leave_note_untouched(self):
        note = self.path("precious.md")
        original = b"# Precious\r\n\r\nDo not lose this.\r\n"
        write(note, original)
        os.chmod(note, 0o640)
        for fault in ["write", "fsync", "rename", "enospc"]:
            with self.subTest(fault=fault):
                r = self.insert("why", note, env_extra={"MEND_FAULT": fault})
                self.assertEqual(r.returncode, 1, r.stderr.decode())
                self.assertTrue(r.stderr.strip())
                self.assertEqual(read_bytes(note), original)
                self.assertEqual(stat.S_IMODE(os.stat(note).st_mode), 0o640)
                self.assertEqual(self.temporaries(), [])
        # Creating a note under a fault creates nothing.
        r = self.insert("why", self.path("new.md"), env_extra={"MEND_FAULT": "write"})
        self.assertEqual(r.returncode, 1)
        self.assertFalse(os.path.exists(self.path("new.md")))
        self.assertEqual(self.temporaries(), [])

    def test_stale_temporary_removed(self):
        stale = self.path(".mend-write-note.md.Ab12Cd")
        write(stale, "half-written\n")
        r = self.insert("why", self.path("note.md"))
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        self.assertFalse(os.path.exists(stale))
        self.assertEqual(self.temporaries(), [])


if __name__ == "__main__":
    if len(sys.argv) < 2:
        print("usage: test_cli.py MEND_BINARY", file=sys.stderr)
        sys.exit(2)
    MEND = os.path.abspath(sys.argv[1])
    result = unittest.main(argv=[sys.argv[0]] + sys.argv[2:], exit=False, verbosity=1).result
    sys.exit(0 if result.wasSuccessful() else 1)
