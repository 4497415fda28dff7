"""A minimal RFC 6455 WebSocket client and `mend serve` helpers for the tests (stdlib only).

Frames are masked as a client must; text frames carry one JSON-RPC message each. The daemon is
started on a copy of a fixture folder with its own XDG_RUNTIME_DIR, and its token file is read
the way a real client would read it.
"""
import base64
import glob
import json
import os
import re
import shutil
import socket
import struct
import subprocess
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
INDEXED = re.compile(r"indexed \d+ notes in \d+ ms")  # the log line that ends the first index
FIXTURE_CASES = ["split-steps", "free-diary", "missing-step", "shared-blame-wrongs", "french", "log-daily-note"]


def content_hash(data: bytes) -> str:
    """FNV-1a 64, as mend's content_hash."""
    h = 1469598103934665603
    for b in data:
        h ^= b
        h = (h * 1099511628211) & 0xFFFFFFFFFFFFFFFF
    return "%016x" % h


def make_notes_folder(dest):
    """examples/notes if it holds notes, else a folder assembled from golden fixtures."""
    examples = os.path.join(ROOT, "examples", "notes")
    if glob.glob(os.path.join(examples, "**", "*.md"), recursive=True):
        shutil.copytree(examples, dest)
        return dest
    os.makedirs(dest)
    for case in FIXTURE_CASES:
        src = os.path.join(ROOT, "tests", "golden", case)
        for path in glob.glob(os.path.join(src, "**", "*.md"), recursive=True):
            rel = os.path.relpath(path, src)
            target = os.path.join(dest, case, rel)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            shutil.copyfile(path, target)
    return dest


class Daemon:
    """A running `mend serve DIR`."""

    def __init__(self, mend, folder, runtime_dir, today="2026-11-26", extra=(), cache_home=None):
        self.mend, self.folder, self.runtime_dir = mend, folder, runtime_dir
        # The warm cache of the first index: in the test's own folder unless one is given.
        env = dict(os.environ, XDG_RUNTIME_DIR=runtime_dir,
                   XDG_CACHE_HOME=cache_home or os.path.join(runtime_dir, "cache"))
        self.stderr_path = os.path.join(runtime_dir, "serve-%d.log" % time.monotonic_ns())
        self.stderr = open(self.stderr_path, "wb")
        self.proc = subprocess.Popen([mend, "serve", folder, "--today", today, *extra], env=env,
                                     stdout=subprocess.DEVNULL, stderr=self.stderr)
        self.info = None

    def wait_ready(self, timeout=20, indexed=True):
        """Until the token file is written (the daemon serves from then on, partially while it
        indexes) and, with `indexed`, until the first index is complete."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError("mend serve exited early: " + self.log())
            for f in glob.glob(os.path.join(self.runtime_dir, "mend", "serve-*.json")):
                try:
                    info = json.load(open(f))
                except (OSError, ValueError):
                    continue
                if info.get("pid") == self.proc.pid:
                    self.info, self.token_file = info, f
                    self.port, self.token = info["port"], info["token"]
                    break
            if self.info:
                break
            time.sleep(0.05)
        if not self.info:
            raise RuntimeError("mend serve did not write its token file: " + self.log())
        while indexed and not INDEXED.search(self.log()):
            if time.time() > deadline:
                raise RuntimeError("mend serve did not finish indexing: " + self.log())
            if self.proc.poll() is not None:
                raise RuntimeError("mend serve exited early: " + self.log())
            time.sleep(0.02)
        return self

    def log(self):
        if not self.stderr.closed:
            self.stderr.flush()
        return open(self.stderr_path, "rb").read().decode("utf-8", "replace")

    def stop(self, sig=15, timeout=10):
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.stderr.close()
        return self.proc.returncode

    def host(self):
        return "127.0.0.1:%d" % self.port


def http_get(port, target, headers=None, method="GET"):
    """One raw HTTP/1.1 request; returns (status, headers dict (lower-case names), body)."""
    headers = dict(headers or {})
    headers.setdefault("Host", "127.0.0.1:%d" % port)
    headers.setdefault("Connection", "close")
    lines = ["%s %s HTTP/1.1" % (method, target)] + ["%s: %s" % kv for kv in headers.items()]
    with socket.create_connection(("127.0.0.1", port), timeout=5) as s:
        s.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())
        data = b""
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    status_line, *header_lines = head.decode("latin-1").split("\r\n")
    hdrs = {}
    for line in header_lines:
        name, _, value = line.partition(":")
        hdrs.setdefault(name.strip().lower(), []).append(value.strip())
    return int(status_line.split()[1]), {k: v[0] if len(v) == 1 else v for k, v in hdrs.items()}, body


class HandshakeRefused(Exception):
    def __init__(self, status, body):
        super().__init__("handshake refused: %d %s" % (status, body))
        self.status, self.body = status, body


class WebSocket:
    def __init__(self, port, token=None, host=None, origin=None, path="/rpc", cookie=None, rcvbuf=None,
                 query_token=None, timeout=5):
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        if rcvbuf:
            self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)
        self.sock.settimeout(timeout)
        self.sock.connect(("127.0.0.1", port))
        key = base64.b64encode(os.urandom(16)).decode()
        target = path + ("?token=" + query_token if query_token else "")
        lines = ["GET %s HTTP/1.1" % target, "Host: %s" % (host or "127.0.0.1:%d" % port), "Upgrade: websocket",
                 "Connection: Upgrade", "Sec-WebSocket-Key: " + key, "Sec-WebSocket-Version: 13"]
        if token:
            lines.append("Authorization: Bearer " + token)
        if origin:
            lines.append("Origin: " + origin)
        if cookie:
            lines.append("Cookie: " + cookie)
        self.sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = self.sock.recv(4096)
            if not chunk:
                break
            data += chunk
        head, _, self.pending = data.partition(b"\r\n\r\n")
        status = int(head.split(b" ")[1]) if head else 0
        if status != 101:
            body = self.pending
            try:
                while True:
                    chunk = self.sock.recv(4096)
                    if not chunk:
                        break
                    body += chunk
            except OSError:
                pass
            self.sock.close()
            raise HandshakeRefused(status, body.decode("utf-8", "replace"))
        self.next_id = 1
        self.notifications = []
        self.close_code = None

    # Frames.
    def send_frame(self, opcode, payload: bytes):
        header = bytes([0x80 | opcode])
        n = len(payload)
        if n < 126:
            header += bytes([0x80 | n])
        elif n < 65536:
            header += bytes([0x80 | 126]) + struct.pack("!H", n)
        else:
            header += bytes([0x80 | 127]) + struct.pack("!Q", n)
        mask = os.urandom(4)
        masked = bytes(b ^ mask[i % 4] for i, b in enumerate(payload)) if n < 4096 else _mask_fast(payload, mask)
        self.sock.sendall(header + mask + masked)

    def send_text(self, text):
        self.send_frame(0x1, text.encode())

    def _read_exact(self, n):
        while len(self.pending) < n:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise ConnectionError("connection closed")
            self.pending += chunk
        out, self.pending = self.pending[:n], self.pending[n:]
        return out

    def recv_frame(self):
        b1, b2 = self._read_exact(2)
        n = b2 & 0x7F
        if n == 126:
            n = struct.unpack("!H", self._read_exact(2))[0]
        elif n == 127:
            n = struct.unpack("!Q", self._read_exact(8))[0]
        return b1 & 0x80, b1 & 0x0F, self._read_exact(n)

    def recv_message(self):
        """The next text message; answers pings; raises ConnectionError on a close frame."""
        data = b""
        while True:
            fin, opcode, payload = self.recv_frame()
            if opcode == 0x9:
                self.send_frame(0xA, payload)
                continue
            if opcode == 0xA:
                continue
            if opcode == 0x8:
                self.close_code = struct.unpack("!H", payload[:2])[0] if len(payload) >= 2 else 1005
                raise ConnectionError("closed by the server (%d)" % self.close_code)
            data += payload
            if fin:
                return json.loads(data.decode())

    # JSON-RPC.
    def request(self, method, params=None):
        rid = self.next_id
        self.next_id += 1
        msg = {"jsonrpc": "2.0", "id": rid, "method": method}
        if params is not None:
            msg["params"] = params
        self.send_text(json.dumps(msg))
        while True:
            m = self.recv_message()
            if m.get("id") == rid and "method" not in m:
                return m
            self.notifications.append(m)

    def wait_notification(self, method, timeout, predicate=lambda m: True):
        deadline = time.time() + timeout
        while True:
            for i, m in enumerate(self.notifications):
                if m.get("method") == method and predicate(m):
                    return self.notifications.pop(i)
            remaining = deadline - time.time()
            if remaining <= 0:
                return None
            self.sock.settimeout(remaining)
            try:
                self.notifications.append(self.recv_message())
            except socket.timeout:
                return None
            finally:
                self.sock.settimeout(5)

    def close(self):
        try:
            self.send_frame(0x8, struct.pack("!H", 1000))
        except OSError:
            pass
        self.sock.close()


def _mask_fast(payload, mask):
    n = len(payload)
    m = int.from_bytes((mask * (n // 4 + 1))[:n], "big")
    return (int.from_bytes(payload, "big") ^ m).to_bytes(n, "big")


def temp_dirs():
    base = tempfile.mkdtemp(prefix="mend-serve-test-")
    runtime = os.path.join(base, "run")
    os.makedirs(runtime, mode=0o700)
    return base, runtime


def collect_into(tests):
    """A decorator that appends each test function to `tests`, in the order they are written."""
    def test(fn):
        tests.append(fn)
        return fn
    return test


def check(cond, what):
    if not cond:
        raise AssertionError(what)


def run_tests(tests, daemon, base):
    """Runs each test against the running daemon, printing ok/FAIL per test, then stops the
    daemon, removes `base` and exits 1 if any test failed (the daemon's log printed then)."""
    import signal
    import sys
    import traceback
    failures = []
    try:
        for t in tests:
            start = time.time()
            try:
                t()
                print("ok   %-60s %.2fs" % (t.__name__, time.time() - start))
            except Exception:
                failures.append(t.__name__)
                print("FAIL %s\n%s" % (t.__name__, traceback.format_exc()))
    finally:
        daemon.stop(signal.SIGKILL)
        if failures:
            print("---- daemon log ----\n" + daemon.log()[-4000:])
        shutil.rmtree(base, ignore_errors=True)
    print("%d/%d passed" % (len(tests) - len(failures), len(tests)))
    sys.exit(1 if failures else 0)
