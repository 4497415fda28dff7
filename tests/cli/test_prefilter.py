#!/usr/bin/env python3
"""The question prefilter (daemon/engine/question_prefilter.h) against the real binary: `mend scan
--json` prints byte for byte the same report with the prefilter and with the hidden
`--no-prefilter` (every note parsed), over every golden fixture, the examples, all of them in one
folder, adversarial rewrites of them, and generated vaults of both profiles. Prints how many notes each scan
analysed without parsing.

Usage: test_prefilter.py MEND_BINARY [unittest options]
"""
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

MEND = None
HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.dirname(os.path.dirname(HERE))
TODAY = "2026-11-26"

# The same rewrites as tests/unit/engine/question_prefilter_test.cpp, line by line.
REWRITES = {
    "bullets": lambda l: "- " + l,
    "quoted": lambda l: "> " + l,
    "numbered": lambda l: "1. " + l,
    "tasks": lambda l: "- [ ] " + l,
    "nested": lambda l: "  - 2) " + l,
    "headings": lambda l: "## " + l,
    "numbered-headings": lambda l: "### 1. " + l,
    "qa": lambda l: "Q: " + l,
    "bold": lambda l: "**" + l + "**",
    "colon": lambda l: "- " + l + ":",
}


def rewrite(text, f):
    return "\n".join(f(l) if l.strip() else l for l in text.split("\n"))


class Prefilter(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="mend-prefilter-")
        self.env = dict(os.environ, XDG_CACHE_HOME=os.path.join(self.tmp, "xdg"))
        self.env.pop("MEND_FAULT", None)

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def scan(self, folder, *extra, cwd=None, today=TODAY):
        r = subprocess.run([MEND, "scan", folder, "--json", "--no-cache", "--today", today, "--stats", *extra],
                           env=self.env, cwd=cwd, capture_output=True, timeout=120)
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        m = re.search(rb"(\d+) notes, .*\((\d+) without parsing\)", r.stderr)
        self.assertIsNotNone(m, r.stderr.decode())
        return r.stdout, int(m.group(1)), int(m.group(2))

    def same(self, label, folder, cwd=None, today=TODAY):
        with_prefilter, notes, skipped = self.scan(folder, cwd=cwd, today=today)
        without, _, none_skipped = self.scan(folder, "--no-prefilter", cwd=cwd, today=today)
        self.assertEqual(none_skipped, 0)
        self.assertEqual(with_prefilter, without, f"{label}: the report differs with the prefilter")
        print(f"prefilter: {label:<34} {notes:5d} notes, {skipped:5d} not parsed", file=sys.stderr)
        return notes, skipped

    def test_each_golden_fixture_and_the_examples(self):
        total = skipped = 0
        for case in sorted(glob.glob(os.path.join(SOURCE, "tests/golden/*/"))):
            if not os.path.isdir(os.path.join(case, "notes")):
                continue
            today_file = os.path.join(case, "today")
            today = open(today_file).read().strip() if os.path.exists(today_file) else TODAY
            n, s = self.same("golden " + os.path.basename(case.rstrip("/")), "notes", cwd=case, today=today)
            total, skipped = total + n, skipped + s
        n, s = self.same("examples", os.path.join(SOURCE, "examples/notes"))
        print(f"prefilter: golden fixtures in all: {total} notes, {skipped} not parsed", file=sys.stderr)
        self.same("tests/golden as one folder", os.path.join(SOURCE, "tests/golden"))

    def test_adversarial_rewrites(self):
        notes = os.path.join(self.tmp, "rewrites")
        sources = sorted(glob.glob(os.path.join(SOURCE, "tests/golden/*/notes/**/*.md"), recursive=True))
        sources += sorted(glob.glob(os.path.join(SOURCE, "examples/notes/*.md")))
        self.assertGreater(len(sources), 30)
        for i, src in enumerate(sources):
            with open(src, "rb") as f:
                text = f.read().decode("utf-8", "replace")
            base = f"{i:03d}-" + os.path.basename(src)
            for name, f in REWRITES.items():
                os.makedirs(os.path.join(notes, name), exist_ok=True)
                with open(os.path.join(notes, name, base), "w", encoding="utf-8", newline="") as out:
                    out.write(rewrite(text, f))
            os.makedirs(os.path.join(notes, "crlf"), exist_ok=True)
            with open(os.path.join(notes, "crlf", base), "w", encoding="utf-8", newline="") as out:
                out.write(text.replace("\r\n", "\n").replace("\n", "\r\n"))
        self.same("adversarial rewrites", notes)

    def test_generated_vault(self):
        vault = os.path.join(self.tmp, "vault")
        subprocess.run([sys.executable, os.path.join(SOURCE, "tests/bench/gen_vault.py"), vault,
                        "--notes", "300", "--seed", "7"], check=True, timeout=120)
        notes, skipped = self.same("generated vault (300 notes)", vault)
        self.assertEqual(notes, 300)
        # Four fifths hold no question; loose lines are candidates too and the generator's
        # vocabulary holds a topic word ("cœur") in most notes: about two fifths are skipped.
        self.assertGreater(skipped, 100)

    def test_generated_diary_vault(self):
        # The diary-heavy profile (issue 13): everyday prose whose words overlap the questions',
        # lines ending in "?", labels and bold words in most notes, a question in about a quarter.
        vault = os.path.join(self.tmp, "diary")
        subprocess.run([sys.executable, os.path.join(SOURCE, "tests/bench/gen_vault.py"), vault,
                        "--notes", "300", "--seed", "7", "--profile", "diary"], check=True, timeout=120)
        notes, _ = self.same("generated diary vault (300 notes)", vault)
        self.assertEqual(notes, 300)


if __name__ == "__main__":
    MEND = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)
