#!/usr/bin/env python3
"""The page's methods of `mend serve` against the real binary (protocol/README.md): mend/note,
mend/answer (an insertion, base_hash-checked, atomic; a lost race refused, never applied twice),
mend/correct (the LSP corrections' marker comments, through the same write), mend/journey and
mend/newNotePath. Usage: test_serve_page_rpc.py path/to/mend"""
import os
import sys
import threading
import time

from ws_client import (Daemon, WebSocket, content_hash, make_notes_folder, check, collect_into,
                       run_tests, temp_dirs)

MEND = os.path.abspath(sys.argv[1])
BASE, RUNTIME = temp_dirs()
FOLDER = make_notes_folder(os.path.join(BASE, "notes"))
TESTS = []
test = collect_into(TESTS)
REQUEST_FAILED = -32803
INVALID_PARAMS = -32602


def connect():
    return WebSocket(D.port, token=D.token)


def write(name, text):
    with open(os.path.join(FOLDER, name), "wb") as f:
        f.write(text.encode())


def read(name):
    with open(os.path.join(FOLDER, name), "rb") as f:
        return f.read()


def indexed(ws, name, data):
    """Waits until mend/progress reports the note with these bytes' hash."""
    want = content_hash(data)
    for _ in range(60):
        r = ws.request("mend/progress", {"path": name})
        if "result" in r and r["result"]["note"]["hash"] == want:
            return want
        time.sleep(0.05)
    raise AssertionError("%s was not indexed with its new bytes" % name)


@test
def note_shows_questions_state_guidance_and_safe_html():
    ws = connect()
    text = ("# Why Sam left\n\n## What were his official reasons for ending it?\n<!-- mend:q why.official -->\n"
            "> Write down what your ex said, as close to their own words as you can, before interpreting anything.\n\n"
            "He said *space*. <script>alert(1)</script>\n\n## What wasn't working between the two of you?\n\n")
    write("view.md", text)
    r = ws.request("mend/note", {"path": "view.md"})["result"]
    check(r["hash"] == content_hash(text.encode()), "the view's hash is not its bytes' hash")
    qs = {q["id"]: q for q in r["questions"]}
    check(set(qs) == {"why.official", "why.not-working"}, "questions: %s" % list(qs))
    official = qs["why.official"]
    check(official["answered"] and official["line"] == 3 and official["form"] == "heading", official)
    check(official["guidance"].startswith("Write down what"), "no guidance: %r" % official["guidance"])
    check(official["answer_markdown"] == "He said *space*. <script>alert(1)</script>\n", official["answer_markdown"])
    check("<em>space</em>" in official["answer_html"] and "<script" not in official["answer_html"] and
          "&lt;script&gt;" in official["answer_html"], official["answer_html"])
    check(not qs["why.not-working"]["answered"] and qs["why.not-working"]["answer_html"] == "", qs["why.not-working"])
    check(r["steps"][0]["id"] == "why" and "<p>" in r["steps"][0]["intro_html"], r["steps"])
    e = ws.request("mend/note", {"path": "../etc/passwd.md"})["error"]
    check(e["code"] == INVALID_PARAMS, e)
    e = ws.request("mend/note", {"path": "missing.md"})["error"]
    check(e["code"] == REQUEST_FAILED, e)
    ws.close()


@test
def answer_inserts_only_the_typed_text_under_its_question():
    ws = connect()
    text = "# Why Sam left\n\n- Official reasons:\n- Unofficial reasons: he felt judged\n"
    write("labels.md", text)
    base = indexed(ws, "labels.md", text.encode())
    r = ws.request("mend/answer", {"path": "labels.md", "question": "why.official",
                                   "text": "He needed space.\r\nAnd time.", "base_hash": base})
    want = "# Why Sam left\n\n- Official reasons: He needed space.\n  And time.\n- Unofficial reasons: he felt judged\n"
    check(read("labels.md") == want.encode(), read("labels.md"))
    check(r["result"] == {"path": "labels.md", "hash": content_hash(want.encode()), "line": 2, "answered": True},
          r)
    view = ws.request("mend/note", {"path": "labels.md"})["result"]
    check([q["answered"] for q in view["questions"]] == [True, True], view["questions"])
    ws.close()


@test
def answer_on_a_stale_base_or_a_missing_question_writes_nothing():
    ws = connect()
    text = "# Why Sam left\n\n## What were his official reasons for ending it?\n\n"
    write("stale.md", text)
    old = indexed(ws, "stale.md", text.encode())
    changed = text + "Written elsewhere.\n"
    write("stale.md", changed)
    e = ws.request("mend/answer", {"path": "stale.md", "question": "why.official", "text": "x", "base_hash": old})
    check(e["error"]["code"] == REQUEST_FAILED and e["error"]["data"]["hash"] == content_hash(changed.encode()), e)
    check("changed since you last saw it" in e["error"]["message"], e)
    check(read("stale.md") == changed.encode(), "a stale write touched the note")
    now = content_hash(changed.encode())
    e = ws.request("mend/answer", {"path": "stale.md", "question": "patterns.cling", "text": "x", "base_hash": now})
    check(e["error"]["code"] == REQUEST_FAILED and "no longer holds" in e["error"]["message"], e)
    e = ws.request("mend/answer", {"path": "stale.md", "question": "why.official", "text": "  \n", "base_hash": now})
    check(e["error"]["code"] == REQUEST_FAILED and "nothing to write" in e["error"]["message"], e)
    e = ws.request("mend/answer", {"path": "stale.md", "question": "why.official", "text": "x", "base_hash": None})
    check(e["error"]["code"] == INVALID_PARAMS, e)
    e = ws.request("mend/answer", {"path": "stale.md", "question": "why.official", "text": "x"})
    check(e["error"]["code"] == INVALID_PARAMS and e["error"]["data"]["path"] == "base_hash", e)
    check(read("stale.md") == changed.encode(), "a refused answer touched the note")
    ws.close()


@test
def two_pages_answering_on_the_same_base_one_wins_the_other_is_told():
    a, b = connect(), connect()
    text = "# Why Sam left\n\n## What were his official reasons for ending it?\n\n"
    write("race.md", text)
    base = indexed(a, "race.md", text.encode())
    results = {}

    def send(name, ws, answer):
        results[name] = ws.request("mend/answer", {"path": "race.md", "question": "why.official",
                                                   "text": answer, "base_hash": base})
    threads = [threading.Thread(target=send, args=("a", a, "From page A.")),
               threading.Thread(target=send, args=("b", b, "From page B."))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    won = [n for n in results if "result" in results[n]]
    check(len(won) == 1, "exactly one write must win: %s" % results)
    lost = "b" if won == ["a"] else "a"
    check(results[lost]["error"]["code"] == REQUEST_FAILED, results[lost])
    data = read("race.md").decode()
    check(data == text.rstrip("\n") + "\n\nFrom page %s.\n\n" % won[0].upper(), repr(data))
    a.close()
    b.close()


@test
def a_note_whose_name_is_not_utf8_is_read_and_answered_by_its_bytes():
    ws = connect()
    text = b"# Why Sam left\n\n- Official reasons:\n- Unofficial reasons: he felt judged\n"
    name = os.path.join(FOLDER.encode(), b"caf\xe9.md")
    with open(name, "wb") as f:
        f.write(text)
    view = None
    for _ in range(60):
        r = ws.request("mend/note", {"path_bytes": "caf%E9.md"})
        if "result" in r:
            view = r["result"]
            break
        time.sleep(0.05)
    check(view and view["path"] == "caf\ufffd.md" and view["path_bytes"] == "caf%E9.md", view)
    r = ws.request("mend/answer", {"path_bytes": "caf%E9.md", "question": "why.official", "text": "Space.",
                                   "base_hash": view["hash"]})
    check(r.get("result", {}).get("path_bytes") == "caf%E9.md", r)
    with open(name, "rb") as f:
        check(f.read() == text.replace(b"reasons:\n", b"reasons: Space.\n", 1), "the answer did not land")
    ws.close()


@test
def correct_ignore_writes_the_marker_and_nothing_else():
    ws = connect()
    text = "# Why Sam left\n\n- Official reasons: space\n- Unofficial reasons: he felt judged\n\nLater.\n"
    write("ignore.md", text)
    base = indexed(ws, "ignore.md", text.encode())
    view = ws.request("mend/note", {"path": "ignore.md"})["result"]
    check([(q["id"], q["line"]) for q in view["questions"]] == [("why.official", 3), ("why.unofficial", 4)],
          view["questions"])
    r = ws.request("mend/correct", {"path": "ignore.md", "line": 4, "action": "ignore", "base_hash": base})
    # Indented into the list item, as the LSP code action writes it (corrections.h).
    want = ("# Why Sam left\n\n- Official reasons: space\n- Unofficial reasons: he felt judged\n"
            "  <!-- mend:ignore -->\n\nLater.\n")
    check(read("ignore.md") == want.encode(), read("ignore.md"))
    check(r.get("result") == {"path": "ignore.md", "hash": content_hash(want.encode()),
                              "marker": "<!-- mend:ignore -->"}, r)
    view = ws.request("mend/note", {"path": "ignore.md"})["result"]
    check([q["id"] for q in view["questions"]] == ["why.official"], view["questions"])
    ws.close()


@test
def correct_question_writes_its_marker_and_replaces_one_already_there():
    ws = connect()
    text = ("# Why Sam left\n\n## What were his official reasons for ending it?\n\nHe said space.\n\n"
            "## Blue bicycle season\n\nHis silence.\n")
    write("this-is.md", text)
    base = indexed(ws, "this-is.md", text.encode())
    r = ws.request("mend/correct", {"path": "this-is.md", "line": 3, "action": "question",
                                    "id": "why.not-working", "base_hash": base})
    want = text.replace("ending it?\n", "ending it?\n<!-- mend:q why.not-working -->\n", 1)
    check(read("this-is.md") == want.encode(), read("this-is.md"))
    check(r["result"]["hash"] == content_hash(want.encode()), r)
    view = ws.request("mend/note", {"path": "this-is.md"})["result"]
    check(("why.not-working", 3) in [(q["id"], q["line"]) for q in view["questions"]], view["questions"])
    # A second correction of the same line replaces the marker: never two stacked.
    r = ws.request("mend/correct", {"path": "this-is.md", "line": 3, "action": "question",
                                    "id": "why.official", "base_hash": r["result"]["hash"]})
    again = text.replace("ending it?\n", "ending it?\n<!-- mend:q why.official -->\n", 1)
    check(read("this-is.md") == again.encode(), read("this-is.md"))
    ws.close()


@test
def correct_on_a_stale_base_an_unknown_id_or_no_question_writes_nothing():
    ws = connect()
    text = "# Why Sam left\n\n## What were his official reasons for ending it?\n\nHe said space.\n"
    write("refused.md", text)
    old = indexed(ws, "refused.md", text.encode())
    changed = text + "Written elsewhere.\n"
    write("refused.md", changed)
    e = ws.request("mend/correct", {"path": "refused.md", "line": 3, "action": "ignore", "base_hash": old})
    check(e["error"]["code"] == REQUEST_FAILED and e["error"]["data"]["hash"] == content_hash(changed.encode()), e)
    check("changed since you last saw it" in e["error"]["message"], e)
    check(read("refused.md") == changed.encode(), "a stale correction touched the note")
    now = content_hash(changed.encode())
    e = ws.request("mend/correct", {"path": "refused.md", "line": 3, "action": "question", "id": "why.officail",
                                    "base_hash": now})
    check(e["error"]["code"] == INVALID_PARAMS and e["error"]["data"]["path"] == "id", e)
    e = ws.request("mend/correct", {"path": "refused.md", "line": 3, "action": "question", "base_hash": now})
    check(e["error"]["code"] == INVALID_PARAMS and e["error"]["data"]["path"] == "id", e)
    e = ws.request("mend/correct", {"path": "refused.md", "line": 3, "action": "step", "base_hash": now})
    check(e["error"]["code"] == INVALID_PARAMS and e["error"]["data"]["path"] == "action", e)
    e = ws.request("mend/correct", {"path": "refused.md", "line": 3, "action": "ignore"})
    check(e["error"]["code"] == INVALID_PARAMS and e["error"]["data"]["path"] == "base_hash", e)
    # Line 5 is prose and line 99 is past the end: no question there for a marker to decide.
    for line in (5, 99):
        e = ws.request("mend/correct", {"path": "refused.md", "line": line, "action": "ignore", "base_hash": now})
        check(e["error"]["code"] == REQUEST_FAILED and "reads no question" in e["error"]["message"], e)
    e = ws.request("mend/correct", {"path": "refused.md", "line": 0, "action": "ignore", "base_hash": now})
    check(e["error"]["code"] == INVALID_PARAMS and e["error"]["data"]["path"] == "line", e)
    check(read("refused.md") == changed.encode(), "a refused correction touched the note")
    ws.close()


@test
def journey_lists_the_logs_dated_entries():
    ws = connect()
    r = ws.request("mend/journey")["result"]
    check(r["step"] == "new-start" and r["question"] == "new-start.log" and r["rhythm_days"] == 7, r)
    dates = [e["date"] for e in r["entries"]]
    check(dates.count("2026-11-02") == 4 and dates == sorted(dates), dates)
    check(r["last_entry"] == max(dates) and r["today"] == "2026-11-26", r)
    check(r["days_since_last"] == 24 if r["last_entry"] == "2026-11-02" else r["days_since_last"] >= 0, r)
    ws.close()


@test
def new_note_path_never_names_an_existing_file():
    ws = connect()
    r = ws.request("mend/newNotePath", {"template": "patterns"})["result"]
    check(r == {"path": "patterns-2026-11-26.md"}, r)
    write("patterns-2026-11-26.md", "taken\n")
    r = ws.request("mend/newNotePath", {"template": "patterns.cling"})["result"]
    check(r == {"path": "patterns-2026-11-26-2.md"}, r)
    e = ws.request("mend/newNotePath", {"template": "nope"})["error"]
    check(e["code"] == INVALID_PARAMS, e)
    # Creating it is mend/insertTemplate with base_hash null, which never replaces a file.
    e = ws.request("mend/insertTemplate", {"path": "patterns-2026-11-26.md", "template": "patterns",
                                           "base_hash": None})["error"]
    check(e["code"] == REQUEST_FAILED and read("patterns-2026-11-26.md") == b"taken\n", e)
    ws.close()


D = Daemon(MEND, FOLDER, RUNTIME).wait_ready()
run_tests(TESTS, D, BASE)
