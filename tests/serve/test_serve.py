#!/usr/bin/env python3
"""`mend serve` against the real binary: access control, limits, JSON-RPC methods, live updates,
the folder lock, the token file and shutdown. Usage: test_serve.py path/to/mend"""
import json
import os
import shutil
import signal
import socket
import stat
import subprocess
import sys
import time

from ws_client import (Daemon, HandshakeRefused, WebSocket, content_hash, http_get,
                       make_notes_folder, check, collect_into, run_tests, temp_dirs)

MEND = os.path.abspath(sys.argv[1])
BASE, RUNTIME = temp_dirs()
FOLDER = make_notes_folder(os.path.join(BASE, "notes"))
TESTS = []
test = collect_into(TESTS)


def refused(status, **kw):
    try:
        ws = WebSocket(D.port, **kw)
    except HandshakeRefused as e:
        check(e.status == status, "expected %d, got %d (%s)" % (status, e.status, e.body))
        return e
    ws.close()
    raise AssertionError("the handshake was accepted: %r" % (kw,))


def connect(**kw):
    return WebSocket(D.port, token=D.token, **kw)


@test
def token_file_is_private_and_not_in_argv():
    mode = stat.S_IMODE(os.stat(D.token_file).st_mode)
    check(mode == 0o600, "token file mode is %o" % mode)
    check(stat.S_IMODE(os.stat(os.path.dirname(D.token_file)).st_mode) == 0o700, "runtime dir not 0700")
    info = json.load(open(D.token_file))
    check(set(info) >= {"port", "token", "pid", "folder"}, info)
    check(len(info["token"]) == 64 and int(info["token"], 16) >= 0, "token is not 256 bits in hex")
    check(info["token"].encode() not in open("/proc/%d/cmdline" % D.proc.pid, "rb").read(), "token in argv")
    check("open http://127.0.0.1:%d/?token=%s" % (D.port, D.token) in D.log(), "the address is not printed")


@test
def http_access_rules():
    p, t = D.port, D.token
    status, _, body = http_get(p, "/")
    check(status == 401, "no token: %d" % status)
    status, _, _ = http_get(p, "/", {"Authorization": "Bearer " + "0" * 64})
    check(status == 403, "wrong token: %d" % status)
    status, _, _ = http_get(p, "/?token=" + t[:-1])
    check(status == 403, "short token: %d" % status)
    status, _, _ = http_get(p, "/", {"Authorization": "Bearer " + t, "Host": "evil.example:%d" % p})
    check(status == 403, "foreign Host: %d" % status)
    status, _, _ = http_get(p, "/", {"Authorization": "Bearer " + t, "Host": "127.0.0.1:%d" % (p + 1)})
    check(status == 403, "wrong port in Host: %d" % status)
    status, _, _ = http_get(p, "/", {"Authorization": "Bearer " + t, "Origin": "http://evil.example"})
    check(status == 403, "foreign Origin: %d" % status)
    status, h, body = http_get(p, "/", {"Authorization": "Bearer " + t})
    check(status == 200 and b"<html" in body.lower(), "page: %d" % status)
    csp = h.get("content-security-policy", "")
    check("default-src 'self'" in csp and "ws://127.0.0.1:%d" % p in csp, "CSP: " + csp)
    check(h.get("x-content-type-options") == "nosniff", "nosniff")
    check(h.get("referrer-policy") == "no-referrer", "referrer")
    check(h.get("cache-control") == "no-store", "cache-control")
    check("access-control-allow-origin" not in h, "ACAO present")
    status, h, _ = http_get(p, "/?token=" + t)
    check(status == 303 and h.get("location") == "/", "token in URL: %d %s" % (status, h.get("location")))
    cookie = h["set-cookie"]
    check("HttpOnly" in cookie and "SameSite=Strict" in cookie, cookie)
    status, _, _ = http_get(p, "/app.js", {"Cookie": cookie.split(";")[0]})
    check(status == 200, "cookie: %d" % status)
    status, _, _ = http_get(p, "/", {"Authorization": "Bearer " + t, "X-Big": "x" * 9000})
    check(status == 431, "header over 8 KiB: %d" % status)
    status, _, _ = http_get(p, "/", {"Authorization": "Bearer " + t, "Content-Length": str(2 << 20)}, method="POST")
    check(status == 413, "body over 1 MiB: %d" % status)
    status, _, _ = http_get(p, "/nope", {"Authorization": "Bearer " + t})
    check(status == 404, "unknown path: %d" % status)


@test
def websocket_access_rules():
    refused(401)
    refused(403, token="f" * 64)
    refused(403, token=D.token, host="evil.example:%d" % D.port)
    refused(403, token=D.token, host="127.0.0.1")
    refused(403, token=D.token, origin="http://evil.example")
    refused(403, token=D.token, origin="http://127.0.0.1:%d" % (D.port + 1))
    ws = connect(origin="http://127.0.0.1:%d" % D.port)
    check("result" in ws.request("mend/templates"), "own Origin refused")
    ws.close()
    ws = WebSocket(D.port, cookie="mend-token-%d=%s" % (D.port, D.token), origin="http://localhost:%d" % D.port)
    ws.close()
    ws = WebSocket(D.port, query_token=D.token)
    ws.close()


@test
def progress_matches_scan():
    scan = json.loads(subprocess.run([MEND, "scan", FOLDER, "--json", "--today", "2026-11-26"], check=True,
                                     capture_output=True).stdout)
    ws = connect()
    got = ws.request("mend/progress")["result"]
    for note in got["notes"]:
        raw = open(os.path.join(FOLDER, note["path"]), "rb").read()
        check(note.pop("hash") == content_hash(raw), "hash of " + note["path"])
    check(got == scan, "mend/progress differs from mend scan --json:\n%s\n%s" % (json.dumps(got)[:800], json.dumps(scan)[:800]))
    path = scan["notes"][0]["path"]
    one = ws.request("mend/progress", {"path": path})["result"]
    one["note"].pop("hash")
    check(one["note"] == scan["notes"][0] and one["summary"] == scan["summary"], "one note")
    by_uri = ws.request("mend/progress", {"uri": "file://" + os.path.realpath(os.path.join(FOLDER, path))})["result"]
    check(by_uri["note"]["path"] == path, "uri alias")
    err = ws.request("mend/progress", {"path": "../etc/passwd.md"})["error"]
    check(err["code"] == -32602, err)
    err = ws.request("mend/progress", {"path": "nope.md"})["error"]
    check(err["code"] == -32803, err)
    templates = ws.request("mend/templates")["result"]
    check(any(t["id"] == "why" for t in templates), "templates")
    ws.close()


@test
def oversized_message_is_refused_and_others_keep_working():
    other = connect()
    ws = connect()
    big = json.dumps({"jsonrpc": "2.0", "id": 1, "method": "mend/progress", "params": {"x": "a" * (1024 * 1024 + 10)}})
    try:
        ws.send_text(big)
        ws.recv_message()
        raise AssertionError("an oversized message was answered")
    except (ConnectionError, OSError):
        pass
    check(ws.close_code in (None, 1009), "close code %s" % ws.close_code)
    check("result" in other.request("mend/templates"), "the other client stopped working")
    other.close()


@test
def slow_reader_is_dropped_and_others_keep_working():
    other = connect()
    slow = WebSocket(D.port, token=D.token, rcvbuf=4096)
    msg = json.dumps({"jsonrpc": "2.0", "id": 0, "method": "mend/progress"})
    for i in range(1500):  # more answers than the per-client queue holds, never read
        try:
            slow.send_text(msg.replace('"id": 0', '"id": %d' % (i + 1)))
        except OSError:
            break
    check("result" in other.request("mend/templates"), "the other client stopped working")
    # Never read from the slow client until the daemon says it dropped it (reading would let it catch up).
    deadline = time.time() + 15
    while time.time() < deadline and "dropped a client" not in D.log():
        time.sleep(0.05)
    check("dropped a client" in D.log(), "the slow reader was not dropped")
    closed = False
    slow.sock.settimeout(1)
    while time.time() < deadline and not closed:
        try:
            if not slow.sock.recv(1 << 20):
                closed = True
        except socket.timeout:
            continue
        except OSError:
            closed = True
    check(closed, "the slow reader's connection is still open")
    check("result" in other.request("mend/progress"), "the other client stopped working after the drop")
    other.close()


@test
def changes_on_disk_are_pushed_within_a_second():
    ws = connect()
    check(ws.request("mend/subscribe")["result"]["subscribed"], "subscribe")
    def expect(path, what):
        t0 = time.time()
        m = ws.wait_notification("mend/didChangeProgress", 1.0, lambda m: path in m["params"]["changed"])
        check(m is not None, "%s: no mend/didChangeProgress for %s within a second" % (what, path))
        return m, time.time() - t0

    new = os.path.join(FOLDER, "written-elsewhere.md")
    with open(new, "w") as f:
        f.write("## Why did it end?\n\nWe wanted different lives.\n")
    m, _ = expect("written-elsewhere.md", "create")
    check(any(n["path"] == "written-elsewhere.md" for n in m["params"]["notes"]), "the note is in params.notes")
    check(m["params"]["summary"]["notes"] >= 1, "summary")
    with open(new, "a") as f:
        f.write("\nMore.\n")
    expect("written-elsewhere.md", "edit")
    # An editor's rename-on-save.
    tmp = os.path.join(FOLDER, ".written-elsewhere.md.swp")
    with open(tmp, "w") as f:
        f.write("## Why did it end?\n\nRewritten by an editor.\n")
    os.rename(tmp, new)
    expect("written-elsewhere.md", "rename-on-save")
    os.rename(new, os.path.join(FOLDER, "renamed.md"))
    m, _ = expect("renamed.md", "rename")
    check("written-elsewhere.md" in m["params"]["changed"] or ws.wait_notification(
        "mend/didChangeProgress", 1.0, lambda m: "written-elsewhere.md" in m["params"]["changed"]), "old name gone")
    os.remove(os.path.join(FOLDER, "renamed.md"))
    m, _ = expect("renamed.md", "delete")
    check("renamed.md" in m["params"]["removed"], "removed")
    # A sync tool's conflict copy and temporary file are ignored.
    for name in ("renamed.sync-conflict-20261126-123456-ABCDEFG.md", "renamed (conflicted copy).md", "~renamed.md"):
        with open(os.path.join(FOLDER, name), "w") as f:
            f.write("## Why did it end?\n\nconflict\n")
    check(ws.wait_notification("mend/didChangeProgress", 0.6) is None, "a conflict/temporary file was indexed")
    # A new subfolder with a note already in it (moved in whole).
    staging = os.path.join(BASE, "staging")
    os.makedirs(os.path.join(staging, "deep"))
    with open(os.path.join(staging, "deep", "inner.md"), "w") as f:
        f.write("## Why did it end?\n\nMoved in.\n")
    os.rename(staging, os.path.join(FOLDER, "moved-in"))
    expect("moved-in/deep/inner.md", "new subfolder")
    # A note written in the new subfolder afterwards (its watch exists by now).
    with open(os.path.join(FOLDER, "moved-in", "deep", "later.md"), "w") as f:
        f.write("## Why did it end?\n\nLater.\n")
    expect("moved-in/deep/later.md", "note in the new subfolder")
    ws.close()


@test
def watch_queue_overflow_triggers_a_rescan():
    ws = connect()
    ws.request("mend/subscribe")
    limit = int(open("/proc/sys/fs/inotify/max_queued_events").read())
    flood = os.path.join(FOLDER, "flood")
    os.makedirs(flood)
    check(ws.wait_notification("mend/didChangeProgress", 0.5) is None, "a folder without notes changed progress")
    os.kill(D.proc.pid, signal.SIGSTOP)  # the daemon cannot read its queue meanwhile
    try:
        for i in range(limit // 2 + 500):  # IN_CREATE + IN_CLOSE_WRITE each: past the queue's limit
            open(os.path.join(flood, "f%d.txt" % i), "w").close()
        with open(os.path.join(flood, "during-overflow.md"), "w") as f:
            f.write("## Why did it end?\n\nWritten while the queue overflowed.\n")
    finally:
        os.kill(D.proc.pid, signal.SIGCONT)
    m = ws.wait_notification("mend/didChangeProgress", 5.0,
                             lambda m: "flood/during-overflow.md" in m["params"]["changed"])
    check(m is not None, "the note written during the overflow was missed")
    check("watch queue overflowed" in D.log(), "no overflow in the log")
    shutil.rmtree(flood)
    ws.close()


@test
def insert_template_refuses_a_note_changed_underneath():
    ws = connect()
    path = "insert-target.md"
    full = os.path.join(FOLDER, path)
    with open(full, "w") as f:
        f.write("# My notes\n\nSome text.\n")
    time.sleep(0.3)
    note = None
    for _ in range(20):
        r = ws.request("mend/progress", {"path": path})
        if "result" in r:
            note = r["result"]["note"]
            break
        time.sleep(0.1)
    check(note is not None, "the new note was not indexed")
    seen = note["hash"]
    check(seen == content_hash(open(full, "rb").read()), "hash")
    with open(full, "a") as f:
        f.write("Changed underneath.\n")
    changed = open(full, "rb").read()
    r = ws.request("mend/insertTemplate", {"path": path, "template": "why", "base_hash": seen})
    check("error" in r and r["error"]["code"] == -32803 and "changed since" in r["error"]["message"], r)
    check(open(full, "rb").read() == changed, "the note was modified by a refused insert")
    r = ws.request("mend/insertTemplate", {"path": path, "template": "why", "position": {"line": 1},
                                           "base_hash": content_hash(changed)})
    check("result" in r, r)
    after = open(full, "rb").read()
    check(r["result"]["hash"] == content_hash(after) and after.startswith(b"# My notes\n") and len(after) > len(changed),
          "the insert did not land")
    r = ws.request("mend/insertTemplate", {"path": path, "template": "no-such-step", "base_hash": content_hash(after)})
    check(r.get("error", {}).get("code") == -32803, r)
    r = ws.request("mend/insertTemplate", {"path": "../outside.md", "template": "why", "base_hash": None})
    check(r.get("error", {}).get("code") == -32602, r)
    r = ws.request("mend/insertTemplate", {"path": "brand-new.md", "template": "why", "base_hash": None})
    check("result" in r and os.path.exists(os.path.join(FOLDER, "brand-new.md")), r)
    ws.close()


@test
def second_serve_is_refused_and_a_stale_lock_is_taken_over():
    second = subprocess.run([MEND, "serve", FOLDER], env=dict(os.environ, XDG_RUNTIME_DIR=RUNTIME),
                            capture_output=True, timeout=20)
    check(second.returncode == 1 and b"already serving" in second.stderr and str(D.proc.pid).encode() in second.stderr,
          second.stderr)
    # A killed daemon leaves its lock file; the next one takes over.
    folder2 = make_notes_folder(os.path.join(BASE, "notes2"))
    d = Daemon(MEND, folder2, RUNTIME).wait_ready()
    d.proc.kill()
    d.proc.wait()
    d.stderr.close()
    check(os.path.exists(os.path.join(folder2, ".mend", "serve.lock")), "lock file")
    d2 = Daemon(MEND, folder2, RUNTIME).wait_ready()
    ws = WebSocket(d2.port, token=d2.token)
    check("result" in ws.request("mend/templates"), "the new daemon does not answer")
    ws.close()
    check(d2.stop() == 0, "exit code")


@test
def folder_vanishing_is_reported_not_crashed_on():
    folder3 = make_notes_folder(os.path.join(BASE, "notes3"))
    d = Daemon(MEND, folder3, RUNTIME).wait_ready()
    ws = WebSocket(d.port, token=d.token)
    ws.request("mend/subscribe")
    shutil.rmtree(folder3)
    m = ws.wait_notification("mend/didChangeProgress", 2.0, lambda m: m["params"].get("folder_missing"))
    check(m is not None, "no notification that the folder is gone")
    check(d.proc.poll() is None, "the daemon died")
    check(ws.request("mend/progress")["result"]["summary"]["notes"] == 0, "notes still listed")
    check("removed or moved" in d.log(), d.log())
    ws.close()
    d.stop()


def copies_of_fixtures(dest, copies):
    """`copies` copies of the fixture folder: enough notes that the first index takes a while
    (600: 3,000 notes, about 1.5 s on one thread, against a request sent within milliseconds)."""
    src = make_notes_folder(dest + "-src")
    for k in range(copies):
        shutil.copytree(src, os.path.join(dest, "copy-%03d" % k))
    shutil.rmtree(src)
    return dest


@test
def requests_are_answered_while_indexing_and_warm_equals_cold():
    folder = copies_of_fixtures(os.path.join(BASE, "many"), 600)
    cache = os.path.join(BASE, "many-cache")
    total = sum(len(f) for _, _, f in os.walk(folder))
    # Cold, on one thread: served from the token file on, before the index is complete.
    d = Daemon(MEND, folder, RUNTIME, extra=("--threads", "1"), cache_home=cache).wait_ready(indexed=False)
    ws = WebSocket(d.port, token=d.token)
    ws.request("mend/subscribe")
    first = ws.request("mend/progress")["result"]
    check(first.get("partial") is True, "no partial mark while indexing: %s" % list(first))
    check(first["indexing"]["done"] < total and first["indexing"]["total"] in (0, total), first["indexing"])
    check(len(first["notes"]) < total and first["summary"]["notes"] == len(first["notes"]), "partial notes")
    # A note the index has not reached yet is read on demand, exactly.
    last = sorted(os.path.relpath(os.path.join(r, f), folder) for r, _, fs in os.walk(folder) for f in fs)[-1]
    one = ws.request("mend/progress", {"path": last})["result"]
    check(one["note"]["path"] == last and one.get("partial") is True, one)
    check(one["note"]["hash"] == content_hash(open(os.path.join(folder, last), "rb").read()), "hash")
    done = ws.wait_notification("mend/didChangeProgress", 60, lambda m: not m["params"].get("partial"))
    check(done is not None and done["params"]["changed"] == [], "no notification when the index was complete")
    cold = ws.request("mend/progress")["result"]
    check("partial" not in cold and "indexing" not in cold and len(cold["notes"]) == total, "complete")
    # Its own entry is exact; its suggestions, judged over the folder, were those of the notes
    # indexed then (the summary's too), so they are left out of the comparison.
    own = lambda note: {k: v for k, v in note.items() if k != "suggestions"}
    check(own(cold["notes"][-1]) == own(one["note"]), "the note read on demand differs from the index's")
    ws.close()
    check(d.stop() == 0, "exit code")
    check("0 from the cache" in d.log(), "the cold start used a cache: " + d.log()[-500:])
    # Warm: every note from the cache, the very same results.
    d = Daemon(MEND, folder, RUNTIME, cache_home=cache).wait_ready()
    check("%d from the cache" % total in d.log(), "the warm start did not use the cache: " + d.log()[-500:])
    ws = WebSocket(d.port, token=d.token)
    warm = ws.request("mend/progress")["result"]
    check(warm == cold, "warm results differ from cold")
    scan = json.loads(subprocess.run([MEND, "scan", folder, "--json", "--today", "2026-11-26", "--no-cache"],
                                     check=True, capture_output=True).stdout)
    for note in warm["notes"]:
        note.pop("hash")
    check(warm == scan, "mend/progress differs from mend scan --json --no-cache")
    ws.close()
    d.stop()


@test
def silent_connections_time_out():
    s = socket.create_connection(("127.0.0.1", D.port), timeout=15)
    s.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")  # and never finishes the request
    t0 = time.time()
    try:
        while s.recv(4096):
            pass
    except OSError:
        pass
    waited = time.time() - t0
    check(8 <= waited <= 13, "a silent connection was closed after %.1fs (the handshake timeout is 10 s)" % waited)
    check("result" in connect().request("mend/templates"), "the daemon stopped answering")


@test
def sigterm_closes_clients_and_removes_the_token_file():
    ws = connect()
    ws.request("mend/subscribe")
    token_file = D.token_file
    check(D.stop(signal.SIGTERM) == 0, "exit code %s" % D.proc.returncode)
    try:
        while True:
            ws.recv_message()
    except (ConnectionError, OSError):
        pass
    check(ws.close_code == 1001, "close code %s" % ws.close_code)
    check(not os.path.exists(token_file), "token file left behind")


D = Daemon(MEND, FOLDER, RUNTIME).wait_ready()
run_tests(TESTS, D, BASE)
