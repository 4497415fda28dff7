#!/usr/bin/env python3
"""mend's command line as people and programs write it (issue 14, item 7).

Every spelling that worked before Boost.Program_options read the arguments, gathered from the
tests, the README, mend(1), the bash completion and the editor clients (`mend lsp`, and the
`--stdio` VS Code's client adds), each checked for what the option does, not only that it is
accepted; then the errors: an unknown option, a missing or bad value, a missing or extra
operand, each one line on stderr naming it, with exit status 2 (mend(1), EXIT STATUS).

Usage: test_command_line.py MEND_BINARY [unittest options]
"""
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import unittest

MEND = None
TODAY = "2026-11-26"

# A note about the ex (he), and one with no sign of a relationship: the topic gate hides its
# question unless a configuration turns the gate off, which shows whether --config was read.
ABOUT_HIM = "## What did he tell me?\n\nThat he needed space.\n\n## What didn't I like about us?\n\nHis silences.\n"
UNGATED = "## What went wrong?\n\nWe stopped being curious.\n"


def run(*args, cwd=None, env=None, stdin=b"", timeout=60):
    return subprocess.run([MEND, *args], cwd=cwd, env=env, input=stdin, capture_output=True,
                          timeout=timeout)


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


class Case(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="mend-cmdline-")
        self.notes = os.path.join(self.tmp, "notes")
        write(os.path.join(self.notes, "him.md"), ABOUT_HIM)
        write(os.path.join(self.notes, "ungated.md"), UNGATED)
        self.config = os.path.join(self.tmp, "settings.yaml")
        write(self.config, "topic_gate: false\nex:\n  name: Robin\n  pronouns: she\n")
        # The warm cache goes here, never to the person's own ~/.cache.
        self.env = dict(os.environ, XDG_CACHE_HOME=os.path.join(self.tmp, "cache"),
                        XDG_RUNTIME_DIR=os.path.join(self.tmp, "run"))
        self.env.pop("MEND_FAULT", None)
        os.makedirs(self.env["XDG_RUNTIME_DIR"], mode=0o700)

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def mend(self, *args, ok=True, **kw):
        r = run(*args, env=self.env, **kw)
        if ok:
            self.assertEqual(r.returncode, 0, f"mend {' '.join(args)}: {r.stderr.decode()}")
        return r


class Scan(Case):
    def report(self, *args):
        return json.loads(self.mend("scan", *args).stdout)

    def questions(self, report):
        return sorted(q["id"] for n in report["notes"] for q in n["questions"])

    def test_text_and_json(self):
        self.assertIn(b"Folder: 2 notes", self.mend("scan", self.notes).stdout)
        for args in (["scan", self.notes, "--json"], ["scan", "--json", self.notes]):
            with self.subTest(args=args):
                self.assertEqual(self.report(*args[1:])["mend"], 1)

    def test_today(self):
        for args in (["--today", "2026-01-05"], ["--today=2026-01-05"],
                     # repeated: the last one wins, as it always did
                     ["--today", "2025-03-03", "--today=2026-01-05"]):
            with self.subTest(args=args):
                self.assertEqual(self.report(self.notes, "--json", *args)["today"], "2026-01-05")

    def test_config(self):
        gated = self.questions(self.report(self.notes, "--json", "--today", TODAY))
        self.assertNotIn("why.not-working", gated)
        for args in (["--config", self.config], ["--config=" + self.config]):
            with self.subTest(args=args):
                ungated = self.questions(self.report(self.notes, "--json", "--today", TODAY, *args))
                self.assertIn("why.not-working", ungated)

    def test_threads_cache_prefilter_stats(self):
        base = self.mend("scan", self.notes, "--json", "--today", TODAY, "--no-cache").stdout
        for extra in (["--threads", "1"], ["--threads=0"], ["--no-prefilter"]):
            with self.subTest(extra=extra):
                r = self.mend("scan", self.notes, "--json", "--today", TODAY, "--no-cache", *extra)
                self.assertEqual(r.stdout, base)
        stats = self.mend("scan", self.notes, "--json", "--no-cache", "--stats").stderr.decode()
        self.assertRegex(stats, r"mend scan: 2 notes, 0 from the cache, .*cache off")
        stats = self.mend("scan", self.notes, "--json", "--stats", "--no-cache",
                          "--no-prefilter").stderr.decode()
        self.assertIn("(0 without parsing)", stats)
        self.mend("scan", self.notes, "--json")  # fills the cache
        stats = self.mend("scan", self.notes, "--stats").stderr.decode()
        self.assertIn("2 from the cache", stats)
        self.assertEqual(self.mend("scan", self.notes, "--no-cache").stderr, b"")

    def test_explain(self):
        every = self.mend("scan", self.notes, "--explain", "--today", TODAY).stdout.decode()
        self.assertIn("him.md", every)
        self.assertIn("Read as:", every)
        for args in (["--explain", "him.md"], ["him.md", "--explain"],
                     ["--explain", os.path.join(self.notes, "him.md")]):
            with self.subTest(args=args):
                out = self.mend("scan", self.notes, *args, "--today", TODAY).stdout.decode()
                self.assertIn("Read as:", out)
                self.assertNotIn("ungated.md", out)


class Insert(Case):
    def insert(self, *args):
        note = os.path.join(self.tmp, "new", "note.md")
        shutil.rmtree(os.path.dirname(note), ignore_errors=True)
        os.makedirs(os.path.dirname(note))
        write(note, "first line\nsecond line\n")
        self.mend("insert", *[note if a == "NOTE" else a for a in args])
        return read(note)

    def test_line(self):
        for args in (["why", "NOTE", "--line", "2"], ["why", "NOTE", "--line=2"],
                     ["--line", "2", "why", "NOTE"]):
            with self.subTest(args=args):
                text = self.insert(*args)
                self.assertTrue(text.startswith("first line\n"))
                self.assertLess(text.index("mend:q why.official"), text.index("second line"))
        self.assertTrue(self.insert("why", "NOTE").startswith("first line\nsecond line\n"))

    def test_var(self):
        for args in (["--var", "name=Alex", "--var", "pronouns=she"],
                     ["--var=name=Alex", "--var=pronouns=she"],
                     ["--var", "ex.name=Alex", "--var=ex.pronouns=she"]):
            with self.subTest(args=args):
                text = self.insert("why", "NOTE", *args)
                self.assertIn("Alex", text)
                self.assertRegex(text, r"\bher\b")
        self.assertIn("2030-02-03", self.insert("log", "NOTE", "--var", "date=2030-02-03"))

    def test_language(self):
        for args in (["--language", "fr"], ["--language=fr"]):
            with self.subTest(args=args):
                self.assertIn("raisons officielles", self.insert("why", "NOTE", *args))
        self.assertNotIn("raisons officielles", self.insert("why", "NOTE", "--language", "en"))

    def test_today_config_markers(self):
        for args in (["--today", "2031-04-05"], ["--today=2031-04-05"]):
            with self.subTest(args=args):
                self.assertIn("2031-04-05", self.insert("log", "NOTE", *args))
        for args in (["--config", self.config], ["--config=" + self.config]):
            with self.subTest(args=args):
                self.assertIn("Robin", self.insert("why", "NOTE", *args))
        self.assertIn("<!-- mend:q", self.insert("why", "NOTE"))
        self.assertNotIn("<!-- mend:q", self.insert("why", "NOTE", "--no-markers"))


class Templates(Case):
    def test_spellings(self):
        builtin = self.mend("templates").stdout.decode()
        self.assertRegex(builtin, r"(?m)^why\s+en\b")
        write(os.path.join(self.notes, ".mend", "templates", "en", "why.md"),
              "---\nstep: why\norder: 2\ntitle: \"Our own why\"\nshort: \"Why\"\nrequires: []\n"
              "questions:\n  - id: why.official\n    text: \"What was said?\"\n---\nOurs.\n")
        self.assertIn("Our own why", self.mend("templates", self.notes).stdout.decode())
        listed = json.loads(self.mend("templates", "--json", self.notes).stdout)
        self.assertIn("why", [t["id"] for t in listed])
        for args in (["--config", self.config], ["--config=" + self.config]):
            with self.subTest(args=args):
                r = self.mend("templates", self.notes, "--json", *args)
                self.assertIn("Robin", r.stdout.decode())  # the ex's name in the titles


class Lsp(Case):
    SESSION = [
        {"jsonrpc": "2.0", "id": 1, "method": "initialize",
         "params": {"processId": None, "rootUri": None, "capabilities": {}}},
        {"jsonrpc": "2.0", "method": "initialized", "params": {}},
        {"jsonrpc": "2.0", "id": 2, "method": "shutdown"},
        {"jsonrpc": "2.0", "method": "exit"},
    ]

    def session(self, *args):
        data = b""
        for message in self.SESSION:
            body = json.dumps(message).encode()
            data += b"Content-Length: %d\r\n\r\n" % len(body) + body
        r = self.mend("lsp", *args, stdin=data, timeout=30)
        self.assertIn(b'"serverInfo"', r.stdout)
        return r.stderr.decode()

    def test_spellings(self):
        self.session()
        self.session("--stdio")  # what VS Code's client adds
        for args in (["--log-level", "trace"], ["--log-level=trace"]):
            with self.subTest(args=args):
                self.assertIn("initialize", self.session(*args))
        self.assertEqual(self.session("--log-level", "off", "--stdio"), "")
        for i, args in enumerate((["--log-file", "F"], ["--log-file=F"])):
            with self.subTest(args=args):
                log = os.path.join(self.tmp, f"lsp-{i}.log")
                args = [a.replace("F", log) for a in args]
                self.assertEqual(self.session(*args, "--log-level", "trace"), "")
                self.assertIn("initialize", read(log))


class Serve(Case):
    def serve(self, *args):
        """Starts `mend serve`, returns the port it says it serves on, and stops it (exit 0)."""
        p = subprocess.Popen([MEND, "serve", *args], env=self.env, stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE)
        line = ""
        try:
            deadline = time.time() + 30
            while time.time() < deadline:
                line = p.stderr.readline().decode()
                if not line:
                    break
                m = re.search(r"serving .* on 127\.0\.0\.1:(\d+)", line)
                if m:
                    port = int(m.group(1))
                    # An answer means its loop runs, so SIGTERM is handled: mend serve says
                    # "serving" just before it installs its signal handler.
                    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
                        s.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nConnection: close"
                                  b"\r\n\r\n" % port)
                        self.assertTrue(s.recv(64).startswith(b"HTTP/1.1 "))
                    return port
            self.fail(f"mend serve {' '.join(args)} never said where it serves: {line!r}")
        finally:
            p.send_signal(signal.SIGTERM)
            self.assertEqual(p.wait(timeout=20), 0)
            p.stderr.close()

    def free_port(self):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            return s.getsockname()[1]

    def test_spellings(self):
        self.assertGreater(self.serve(self.notes), 0)
        for spelling in (["--port", "{}"], ["--port={}"]):
            with self.subTest(spelling=spelling):
                port = self.free_port()
                args = [a.format(port) for a in spelling]
                self.assertEqual(self.serve(self.notes, *args), port)
        self.serve(self.notes, "--today", TODAY, "--threads", "1", "--config", self.config)
        self.serve("--today=" + TODAY, "--threads=0", "--config=" + self.config, self.notes)


class TopLevel(Case):
    def test_version_and_help(self):
        for spelling in ("--version", "version"):
            self.assertRegex(self.mend(spelling).stdout.decode(), r"^mend \d+\.\d+\.\d+\n$")
        for spelling in ("--help", "-h", "help"):
            out = self.mend(spelling).stdout.decode()
            for command in ("scan", "insert", "templates", "lsp", "serve"):
                self.assertRegex(out, rf"(?m)^  mend {command}\b")
        r = self.mend(ok=False)
        self.assertEqual((r.returncode, r.stdout), (2, b""))
        self.assertIn(b"Usage:", r.stderr)

    def test_command_help(self):
        # Each lists every option this file spells (test_docs.py compares them with mend(1)).
        options = {
            "scan": ["--json", "--explain", "--today", "--config", "--threads", "--no-cache",
                     "--stats", "--no-prefilter"],
            "insert": ["--line", "--var", "--language", "--today", "--config", "--no-markers"],
            "templates": ["--json", "--config"],
            "lsp": ["--log-file", "--log-level", "--stdio"],
            "serve": ["--port", "--today", "--config", "--threads"],
        }
        for command, expected in options.items():
            for args in ([command, "--help"], [command, "-h"], [command, self.notes, "--help"]):
                with self.subTest(args=args):
                    r = self.mend(*args)
                    out = r.stdout.decode()
                    self.assertTrue(out.startswith(f"Usage: mend {command}"), out)
                    listed = re.findall(r"(?m)^  (?:-h \[ )?(--[a-z-]+)", out)
                    self.assertEqual(sorted(set(listed) - {"--help"}), sorted(expected))
        # --help wins over a scan: nothing is read or written.
        self.assertFalse(os.path.exists(os.path.join(self.tmp, "cache", "mend")))


class Errors(Case):
    def assert_usage_error(self, args, *words):
        r = run(*args, env=self.env)
        err = r.stderr.decode()
        self.assertEqual(r.returncode, 2, f"mend {' '.join(args)}: {err}")
        self.assertEqual(r.stdout, b"")
        lines = err.strip().splitlines()
        self.assertEqual(len(lines), 1, f"mend {' '.join(args)}: want one line, got {lines}")
        for w in words:
            self.assertIn(w, lines[0])

    def test_unknown_option(self):
        note = os.path.join(self.tmp, "n.md")
        for args, option in ((["scan", self.notes, "--bogus"], "--bogus"),
                             (["scan", "--js", self.notes], "--js"),  # no abbreviations
                             (["scan", self.notes, "-x"], "-x"),
                             (["insert", "why", note, "--no-marker"], "--no-marker"),
                             (["templates", "--yaml"], "--yaml"),
                             (["lsp", "--socket=9000"], "--socket"),
                             (["serve", self.notes, "--host", "0.0.0.0"], "--host")):
            with self.subTest(args=args):
                self.assert_usage_error(args, "unrecognised option", option)
        self.assertFalse(os.path.exists(note))

    def test_missing_value(self):
        for args, option in ((["scan", self.notes, "--today"], "--today"),
                             (["scan", self.notes, "--config"], "--config"),
                             (["scan", self.notes, "--threads"], "--threads"),
                             (["insert", "why", "n.md", "--line"], "--line"),
                             (["insert", "why", "n.md", "--var"], "--var"),
                             (["insert", "why", "n.md", "--language"], "--language"),
                             (["lsp", "--log-file"], "--log-file"),
                             (["lsp", "--log-level"], "--log-level"),
                             (["serve", self.notes, "--port"], "--port")):
            with self.subTest(args=args):
                self.assert_usage_error(args, option, "missing")

    def test_bad_value(self):
        note = os.path.join(self.tmp, "n.md")
        for args, option, value in (
                (["scan", self.notes, "--today", "yesterday"], "--today", "yesterday"),
                (["scan", self.notes, "--today=2026-02-30"], "--today", "2026-02-30"),
                (["scan", self.notes, "--threads", "-1"], "--threads", "-1"),
                (["scan", self.notes, "--threads=two"], "--threads", "two"),
                (["scan", self.notes, "--json=yes"], "--json", ""),
                # the next word is taken as the value, as before, and refused as one
                (["scan", self.notes, "--today", "--json"], "--today", "'--json'"),
                (["insert", "why", note, "--line", "0"], "--line", "0"),
                (["insert", "why", note, "--line=2x"], "--line", "2x"),
                (["insert", "why", note, "--var", "Alex"], "--var", "Alex"),
                (["insert", "why", note, "--var", "age=3"], "--var", "age"),
                (["insert", "why", note, "--today", "tomorrow"], "--today", "tomorrow"),
                (["lsp", "--log-level", "loud"], "--log-level", "loud"),
                (["serve", self.notes, "--port", "65536"], "--port", "65536"),
                (["serve", self.notes, "--port=http"], "--port", "http"),
                (["serve", self.notes, "--threads", "x"], "--threads", "x")):
            with self.subTest(args=args):
                self.assert_usage_error(args, option, value)
        self.assertFalse(os.path.exists(note))

    def test_operands(self):
        self.assert_usage_error(["scan"], "missing DIR")
        self.assert_usage_error(["serve", "--port", "0"], "missing DIR")
        self.assert_usage_error(["insert"], "missing TEMPLATE")
        self.assert_usage_error(["insert", "why"], "missing NOTE")
        self.assert_usage_error(["scan", self.notes, "him.md"], "him.md", "--explain")
        self.assert_usage_error(["scan", self.notes, "him.md", "extra", "--explain"], "extra")
        self.assert_usage_error(["insert", "why", "a.md", "b.md"], "unexpected argument b.md")
        self.assert_usage_error(["templates", self.notes, "other"], "unexpected argument other")
        self.assert_usage_error(["lsp", "notes"], "unexpected argument notes")
        self.assert_usage_error(["nonsense"], "unknown command 'nonsense'")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        print("usage: test_command_line.py MEND_BINARY", file=sys.stderr)
        sys.exit(2)
    MEND = os.path.abspath(sys.argv[1])
    result = unittest.main(argv=[sys.argv[0]] + sys.argv[2:], exit=False, verbosity=1).result
    sys.exit(0 if result.wasSuccessful() else 1)
