#!/usr/bin/env python3
"""Notes that must not break or stall `mend scan` (issue 16, items 4 and 5): names that are not
UTF-8, and notes the Markdown grammar is super-linear on (tests/reliability/hostile_notes.py).

Outcomes only, never timings: each scan must finish (generous timeouts), exit 0, print valid
JSON, name the odd note, and leave every other note's report as it is without it. Wall times
are in the bench (hostile_notes.py) and docs/performance.md.

Usage: test_hostile.py MEND_BINARY [unittest options]
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest
import urllib.parse

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "reliability"))
import hostile_notes  # noqa: E402

MEND = None
TODAY = "2026-11-26"
TIMEOUT = 240  # a hostile note costs its parse budget (~1 s a MB of CPU) and then a line pass

WHY_NOTE = "## What did he tell me?\n\nThat he needed space.\n\n## What didn't I like about us?\n\nHis silences.\n"
QUIET_NOTE = "Groceries: eggs, milk.\n"
ODD_NAME = b"caf\xe9 \xff.md"  # Latin-1 and a byte no encoding uses: not UTF-8


def scan(folder, *extra, timeout=TIMEOUT):
    env = dict(os.environ)
    env["XDG_CACHE_HOME"] = os.path.join(folder, "..", "cache")
    return subprocess.run([MEND, "scan", folder, "--today", TODAY, *extra], env=env,
                          capture_output=True, timeout=timeout)


def write(folder, name, text):
    path = os.path.join(os.fsencode(folder), name if isinstance(name, bytes) else name.encode())
    with open(path, "wb") as f:
        f.write(text.encode() if isinstance(text, str) else text)


def notes_by_path(report):
    return {n.get("path_bytes", n["path"]): n for n in report["notes"]}


class Case(unittest.TestCase):
    def setUp(self):
        self.base = tempfile.mkdtemp(prefix="mend-hostile-")
        self.dir = os.path.join(self.base, "notes")
        os.mkdir(self.dir)
        write(self.dir, "a.md", WHY_NOTE)
        write(self.dir, "quiet.md", QUIET_NOTE)

    def tearDown(self):
        shutil.rmtree(self.base, ignore_errors=True)

    def json_scan(self, *extra):
        done = scan(self.dir, "--json", *extra)
        self.assertEqual(done.returncode, 0, done.stderr.decode(errors="replace"))
        return json.loads(done.stdout.decode("utf-8")), done.stderr.decode("utf-8", "replace")


class NamesNotUtf8(Case):
    def test_json_reports_the_note_and_the_others_unchanged(self):
        before, _ = self.json_scan("--no-cache")
        write(self.dir, ODD_NAME, QUIET_NOTE)
        after, _ = self.json_scan("--no-cache")
        odd = [n for n in after["notes"] if "path_bytes" in n]
        self.assertEqual(len(odd), 1)
        self.assertEqual(odd[0]["path"], "caf\ufffd \ufffd.md")
        self.assertEqual(urllib.parse.unquote_to_bytes(odd[0]["path_bytes"]), ODD_NAME)
        self.assertEqual(odd[0]["path_bytes"], "caf%E9%20%FF.md")
        others = {n["path"]: n for n in after["notes"] if "path_bytes" not in n}
        self.assertEqual(others, {n["path"]: n for n in before["notes"]})
        self.assertEqual(after["summary"]["notes"], before["summary"]["notes"] + 1)
        after["summary"].pop("notes"), before["summary"].pop("notes")
        self.assertEqual(after["summary"], before["summary"])

    def test_a_note_with_questions_under_such_a_name(self):
        write(self.dir, ODD_NAME, WHY_NOTE)
        report, _ = self.json_scan("--no-cache")
        odd = notes_by_path(report)["caf%E9%20%FF.md"]
        self.assertEqual([q["id"] for q in odd["questions"]],
                         [q["id"] for q in notes_by_path(report)["a.md"]["questions"]])
        # Suggestions that name the note carry its bytes too.
        for s in report["summary"].get("suggestions", []):
            if s.get("path", "").startswith("caf"):
                self.assertEqual(s["path_bytes"], "caf%E9%20%FF.md")

    def test_text_report_writes_invalid_bytes_escaped(self):
        write(self.dir, ODD_NAME, WHY_NOTE)
        done = scan(self.dir, "--no-cache")
        self.assertEqual(done.returncode, 0)
        self.assertIn(b"caf\\xe9 \\xff.md\n", done.stdout)

    def test_warm_cache_and_folder_name(self):
        odd_dir = os.path.join(os.fsencode(self.base), b"d\xe9j\xe0")
        os.mkdir(odd_dir)
        write(odd_dir.decode("utf-8", "surrogateescape"), ODD_NAME, WHY_NOTE)
        folder = odd_dir.decode("utf-8", "surrogateescape")
        for _ in range(2):  # cold, then from the cache
            done = scan(folder, "--json")
            self.assertEqual(done.returncode, 0, done.stderr)
            report = json.loads(done.stdout.decode("utf-8"))
            self.assertEqual(urllib.parse.unquote_to_bytes(report["root_bytes"]), odd_dir)
            self.assertEqual(report["notes"][0]["path_bytes"], "caf%E9%20%FF.md")

    def test_unreadable_odd_note_is_a_warning(self):
        write(self.dir, ODD_NAME, b"binary\x00content")
        report, err = self.json_scan("--no-cache")
        self.assertIn("caf\\xe9 \\xff.md: skipped: binary", err)
        self.assertEqual(len(report["notes"]), 2)


class HostileNotes(Case):
    """Each note the grammar is super-linear on is reported, marked, and the scan ends."""

    def check_hostile(self, name, text, always_cut=True):
        before, _ = self.json_scan("--no-cache")
        write(self.dir, name, text)
        report, err = self.json_scan("--no-cache")
        notes = notes_by_path(report)
        self.assertIn(name, notes)
        hostile = notes.pop(name)
        # Read line by line, said so, and the question before the hostile part still found. A
        # note the grammar reads in seconds may fit the budget on a slower build (a sanitized
        # one gets five times the budget): then it is read whole, and nothing is said.
        if always_cut or hostile.get("line_level"):
            self.assertTrue(hostile.get("line_level"), name)
            self.assertIn(f"warning: {name}: read line by line", err)
        else:
            self.assertNotIn(f"warning: {name}: read line by line", err)
        self.assertIn("why.official", [q["id"] for q in hostile["questions"]])
        self.assertEqual(notes, notes_by_path(before))
        return report

    def test_backtick_runs_2mb(self):
        self.check_hostile("backticks.md", hostile_notes.backtick_runs(1999))

    def test_star_runs_2mb(self):
        self.check_hostile("stars.md", hostile_notes.emphasis_runs(1999, "*"))

    def test_underscore_runs_2mb(self):
        self.check_hostile("underscores.md", hostile_notes.emphasis_runs(1999, "_"))

    def test_mixed_runs(self):
        self.check_hostile("mixed.md", hostile_notes.mixed_runs(1400), always_cut=False)

    def test_backtick_runs_4mb_text_report_and_no_prefilter(self):
        text = hostile_notes.backtick_runs(2828)  # ~4 MB
        self.assertGreater(len(text), 4_000_000)
        write(self.dir, "big.md", text)
        done = scan(self.dir, "--no-cache")
        self.assertEqual(done.returncode, 0)
        self.assertIn(b"big.md  (read line by line)\n", done.stdout)
        self.assertIn(b"warning: big.md: read line by line", done.stderr)
        done = scan(self.dir, "--no-cache", "--no-prefilter", "--json")
        self.assertEqual(done.returncode, 0)
        self.assertTrue(notes_by_path(json.loads(done.stdout))["big.md"]["line_level"])

    def test_deep_nesting_is_read(self):
        # Deep quotes and lists: the grammar is fast enough on these (the defusing of
        # markdown.cpp caps the nesting); whatever reads them, the scan ends and reports them.
        write(self.dir, "quotes.md", hostile_notes.nested_quotes(1 << 21))
        write(self.dir, "lists.md", hostile_notes.nested_lists(1 << 21))
        report, _ = self.json_scan("--no-cache")
        self.assertIn("quotes.md", notes_by_path(report))
        self.assertIn("lists.md", notes_by_path(report))

    def test_bench_notes_are_parsed_whole(self):
        # The bench's 10 KB, 100 KB and 1 MB notes (tests/bench/gen_vault.py --single) are far
        # inside their budget: parsed by the grammar, not marked, no warning.
        bench = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "bench", "gen_vault.py")
        subprocess.run([sys.executable, bench, self.dir, "--single"], check=True, capture_output=True)
        for extra in ((), ("--no-prefilter",)):
            report, err = self.json_scan("--no-cache", *extra)
            self.assertIn("note-1m.md", notes_by_path(report))
            self.assertNotIn("line by line", err)
            self.assertFalse([n["path"] for n in report["notes"] if "line_level" in n])

    def test_long_honest_line_is_parsed_whole(self):
        # A pasted image as a 2 MB data URI on one line: long, but linear for the grammar.
        import base64
        data = base64.b64encode(bytes(range(256)) * 6000).decode()
        write(self.dir, "photo.md", "## What did he tell me?\n\n![photo](data:image/png;base64,"
              + data + ")\n")
        report, err = self.json_scan("--no-cache", "--no-prefilter")
        self.assertNotIn("line by line", err)
        self.assertNotIn("line_level", notes_by_path(report)["photo.md"])

    def test_warm_cache_warns_again(self):
        write(self.dir, "backticks.md", hostile_notes.backtick_runs(1999))
        for _ in range(2):
            report, err = self.json_scan()
            self.assertTrue(notes_by_path(report)["backticks.md"]["line_level"])
            self.assertIn("warning: backticks.md: read line by line", err)


if __name__ == "__main__":
    MEND = os.path.abspath(sys.argv.pop(1))
    unittest.main()
