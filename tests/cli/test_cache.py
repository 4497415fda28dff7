#!/usr/bin/env python3
"""The warm cache of `mend scan` against the real binary: a warm scan prints exactly what a cold
and an uncached one print, the cache file is 0600 under $XDG_CACHE_HOME/mend/ and holds no note
text, a changed note is seen, and a corrupt or truncated cache is ignored.

Usage: test_cache.py MEND_BINARY [unittest options]
"""
import glob
import os
import re
import shutil
import stat
import subprocess
import sys
import tempfile
import time
import unittest

MEND = None
HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.dirname(os.path.dirname(HERE))


class Cache(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="mend-cache-")
        self.notes = os.path.join(self.tmp, "notes")
        self.cache_home = os.path.join(self.tmp, "xdg")
        # Every golden fixture's notes and the examples, in one folder.
        for src in sorted(glob.glob(os.path.join(SOURCE, "tests/golden/*/notes"))) + [os.path.join(SOURCE, "examples/notes")]:
            name = os.path.basename(os.path.dirname(src)) if src.endswith("/notes") and "golden" in src else "examples"
            shutil.copytree(src, os.path.join(self.notes, name))

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def scan(self, *extra):
        env = dict(os.environ, XDG_CACHE_HOME=self.cache_home)
        env.pop("MEND_FAULT", None)
        r = subprocess.run([MEND, "scan", self.notes, "--json", "--today", "2026-11-26", "--stats", *extra],
                           env=env, capture_output=True, timeout=60)
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        m = re.search(rb"(\d+) notes, (\d+) from the cache", r.stderr)
        self.assertIsNotNone(m, r.stderr.decode())
        self.stats = r.stderr.decode()
        return r.stdout, int(m.group(1)), int(m.group(2))

    def cache_files(self):
        return glob.glob(os.path.join(self.cache_home, "mend", "*.cache"))

    def test_warm_equals_cold_and_uncached(self):
        uncached, total, hits = self.scan("--no-cache")
        self.assertEqual(hits, 0)
        self.assertEqual(self.cache_files(), [])
        cold, _, hits = self.scan()
        self.assertEqual(hits, 0)
        warm, _, hits = self.scan()
        self.assertEqual(hits, total)
        self.assertGreater(total, 30)
        self.assertEqual(cold, uncached)
        self.assertEqual(warm, uncached)

    def test_invalid_utf8_note_warm_as_cold(self):
        # A warm scan finds valid notes by the hash of their bytes without validating them; an
        # invalid one is found by the hash of its repaired text, and still warned about.
        with open(os.path.join(self.notes, "broken.md"), "wb") as f:
            f.write(b"# Why did it end?\n\nIt ended \xff\xfe badly.\n")
        env = dict(os.environ, XDG_CACHE_HOME=self.cache_home)
        runs = []
        for _ in range(3):
            r = subprocess.run([MEND, "scan", self.notes, "--json", "--today", "2026-11-26", "--stats"],
                               env=env, capture_output=True, timeout=60)
            self.assertEqual(r.returncode, 0, r.stderr.decode())
            runs.append(r)
        for r in runs:
            self.assertIn(b"broken.md: invalid UTF-8", r.stdout + r.stderr)
        self.assertEqual(runs[1].stdout, runs[0].stdout)
        self.assertEqual(runs[2].stdout, runs[0].stdout)
        m = re.search(rb"(\d+) notes, (\d+) from the cache", runs[2].stderr)
        self.assertEqual(m.group(1), m.group(2))  # every note, the broken one too, from the cache

    def test_cache_file_private_and_without_note_text(self):
        self.scan()
        files = self.cache_files()
        self.assertEqual(len(files), 1)
        self.assertEqual(stat.S_IMODE(os.stat(files[0]).st_mode), 0o600)
        self.assertEqual(stat.S_IMODE(os.stat(os.path.dirname(files[0])).st_mode), 0o700)
        self.assertFalse(os.path.commonpath([files[0], self.notes]) == self.notes)
        data = open(files[0], "rb").read()
        # No line of any note (beyond ids and paths) is in it.
        for path in glob.glob(os.path.join(self.notes, "**", "*.md"), recursive=True):
            for line in open(path, "rb").read().splitlines():
                line = line.strip()
                if len(line) >= 12:
                    self.assertNotIn(line, data, f"{path}: {line!r}")

    def test_changed_note_same_size_and_mtime(self):
        # Modified within the racy window of the scan that read it (here a minute ahead of the
        # clock, so however slow the machine, every scan below is within it): rewritten in place
        # with its size and mtime kept, it is read and seen. The notes copied here keep their old
        # mtimes: their stat is trusted and they are not read.
        path = os.path.join(self.notes, "examples", "why-it-ended.md")
        ahead = time.time_ns() + 60 * 10**9
        os.utime(path, ns=(ahead, ahead))
        self.scan()
        _, total, _ = self.scan()
        st = os.stat(path)
        text = open(path, "rb").read()
        i = text.index(b"?")
        open(path, "wb").write(text[:i] + b"." + text[i + 1:])
        os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
        warm, _, hits = self.scan()
        self.assertEqual(hits, total - 1)
        self.assertIn("%d not read" % (total - 1), self.stats)
        uncached, _, _ = self.scan("--no-cache")
        self.assertEqual(warm, uncached)
        # Replaced by another file (a new inode), with an old note's size and mtime: seen too.
        other = os.path.join(self.notes, "examples", "sunday.md")
        st = os.stat(other)
        text = open(other, "rb").read()
        with open(other + ".tmp", "wb") as f:
            f.write(text.replace(b"e", b"a", 1))
        os.utime(other + ".tmp", ns=(st.st_atime_ns, st.st_mtime_ns))
        os.rename(other + ".tmp", other)
        warm, _, hits = self.scan()
        self.assertNotEqual(text.replace(b"e", b"a", 1), text)
        self.assertEqual(hits, total - 1)
        uncached, _, _ = self.scan("--no-cache")
        self.assertEqual(warm, uncached)

    def test_corrupt_or_truncated_cache_is_ignored(self):
        expected, total, _ = self.scan()
        (file,) = self.cache_files()
        data = open(file, "rb").read()
        for bad in (data[: len(data) // 2], b"", b"x" * 100, data[:-1] + bytes([data[-1] ^ 1]),
                    data.replace(b"mend-analysis-cache", b"mend-analysis-cachf")):
            open(file, "wb").write(bad)
            out, _, hits = self.scan()
            self.assertEqual(hits, 0)
            self.assertEqual(out, expected)
            out, _, hits = self.scan()  # rewritten by the scan before
            self.assertEqual(hits, total)
            self.assertEqual(out, expected)

    def test_settings_change_invalidates(self):
        base, total, _ = self.scan()
        os.makedirs(os.path.join(self.notes, ".mend"), exist_ok=True)
        with open(os.path.join(self.notes, ".mend", "config.yaml"), "w") as f:
            f.write("ex:\n  name: Alex\n")
        out, _, hits = self.scan()
        self.assertEqual(hits, 0)
        uncached, _, _ = self.scan("--no-cache")
        self.assertEqual(out, uncached)


if __name__ == "__main__":
    MEND = os.path.abspath(sys.argv.pop(1))
    unittest.main()
