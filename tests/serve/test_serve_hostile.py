#!/usr/bin/env python3
"""`mend serve` on notes that must not break or stall it (issue 16, items 4 and 5): names that are
not UTF-8 ("path" with U+FFFD plus "path_bytes", daemon/server/note_path.h) and 2 MB notes the
grammar is super-linear on (read line by line, "line_level", named in a warning). Outcomes only,
with generous timeouts. Usage: test_serve_hostile.py path/to/mend"""
import json
import os
import subprocess
import sys
from urllib.parse import unquote_to_bytes

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "reliability"))
from ws_client import check, collect_into, run_tests, Daemon, WebSocket, content_hash, temp_dirs  # noqa: E402
import hostile_notes  # noqa: E402

MEND = os.path.abspath(sys.argv[1])
BASE, RUNTIME = temp_dirs()
FOLDER = os.path.join(BASE, "notes")
WHY_NOTE = "## What did he tell me?\n\nThat he needed space.\n\n## What didn't I like about us?\n\nHis silences.\n"
ODD = b"caf\xe9 \xff.md"
ODD_BYTES = "caf%E9%20%FF.md"
TESTS = []
test = collect_into(TESTS)


def write(name, text):
    with open(os.path.join(os.fsencode(FOLDER), name if isinstance(name, bytes) else name.encode()), "wb") as f:
        f.write(text.encode())


def connect():
    return WebSocket(D.port, token=D.token, timeout=120)  # a hostile note holds the loop a few s


def key(note):
    return note.get("path_bytes", note["path"])


@test
def progress_matches_scan_with_odd_notes():
    scan = json.loads(subprocess.run([MEND, "scan", FOLDER, "--json", "--today", "2026-11-26", "--no-cache"],
                                     check=True, capture_output=True, timeout=240).stdout)
    ws = connect()
    got = ws.request("mend/progress")["result"]
    for note in got["notes"]:
        raw = open(os.path.join(os.fsencode(FOLDER), unquote_to_bytes(key(note))), "rb").read()
        check(note.pop("hash") == content_hash(raw), "hash of " + key(note))
    check(got == scan, "mend/progress differs from mend scan --json:\n%s\n%s" % (json.dumps(got)[:800], json.dumps(scan)[:800]))
    notes = {key(n): n for n in got["notes"]}
    check(notes[ODD_BYTES]["path"] == "caf\ufffd \ufffd.md", notes[ODD_BYTES])
    check(notes["backticks.md"].get("line_level") is True, notes["backticks.md"])
    check("line_level" not in notes["a.md"], "an honest note is not marked")
    log = D.log()
    check("backticks.md: read line by line" in log, "no warning naming the hostile note:\n" + log[-2000:])
    ws.close()


@test
def one_note_by_its_bytes():
    ws = connect()
    one = ws.request("mend/progress", {"path_bytes": ODD_BYTES})["result"]
    check(one["note"]["path_bytes"] == ODD_BYTES, one)
    check([q["id"] for q in one["note"]["questions"]] == ["why.official", "why.disliked"], one["note"])
    by_uri = ws.request("mend/progress", {"uri": "file://" + os.path.realpath(FOLDER) + "/" + ODD_BYTES})["result"]
    check(by_uri["note"]["path_bytes"] == ODD_BYTES, "uri alias")
    ws.close()


@test
def insert_template_by_bytes():
    ws = connect()
    before = open(os.path.join(os.fsencode(FOLDER), ODD), "rb").read()
    r = ws.request("mend/insertTemplate", {"path_bytes": ODD_BYTES, "template": "motives",
                                           "base_hash": content_hash(before)})
    check("result" in r, r)
    check(r["result"]["path_bytes"] == ODD_BYTES, r)
    after = open(os.path.join(os.fsencode(FOLDER), ODD), "rb").read()
    check(after.startswith(before) and len(after) > len(before), "the note was not appended to")
    ws.close()


@test
def live_changes_with_odd_and_hostile_notes():
    ws = connect()
    check(ws.request("mend/subscribe")["result"]["subscribed"], "subscribe")
    new_odd = b"r\xe9sum\xe9.md"
    write(new_odd, WHY_NOTE)
    m = ws.wait_notification("mend/didChangeProgress", 30,
                             lambda m: "r%E9sum%E9.md" in m["params"].get("changed_bytes", []))
    check(m is not None, "no mend/didChangeProgress for the odd name")
    check(any(n.get("path_bytes") == "r%E9sum%E9.md" for n in m["params"]["notes"]), m)
    write("stars.md", hostile_notes.emphasis_runs(1999, "*"))
    m = ws.wait_notification("mend/didChangeProgress", 120, lambda m: "stars.md" in m["params"]["changed"])
    check(m is not None, "no mend/didChangeProgress for the hostile note")
    check(any(n["path"] == "stars.md" and n.get("line_level") for n in m["params"]["notes"]), "not marked")
    # The daemon goes on: a plain note written after it is pushed too.
    write("after.md", WHY_NOTE)
    m = ws.wait_notification("mend/didChangeProgress", 60, lambda m: "after.md" in m["params"]["changed"])
    check(m is not None, "a note written after the hostile one was not pushed")
    os.remove(os.path.join(os.fsencode(FOLDER), new_odd))
    m = ws.wait_notification("mend/didChangeProgress", 30,
                             lambda m: "r%E9sum%E9.md" in m["params"].get("removed_bytes", []))
    check(m is not None, "no removal of the odd name")
    ws.close()


os.makedirs(FOLDER)
write("a.md", WHY_NOTE)
write(ODD, WHY_NOTE)
write("backticks.md", hostile_notes.backtick_runs(1999))
D = Daemon(MEND, FOLDER, RUNTIME).wait_ready(timeout=120)
run_tests(TESTS, D, BASE)
