"""A small LSP test client (Python 3 stdlib only) driving `mend lsp` over pipes.

It frames and parses messages on a reader thread, answers the server's requests
(workspace/applyEdit, client/registerCapability, window/workDoneProgress/create,
workspace/configuration), records everything, and checks that every request the
client sent is answered exactly once.
"""
import json
import os
import queue
import shutil
import subprocess
import threading
import time

TODAY = "2026-11-26"
HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "fixtures")


# An LSP 3.17 client that announces every capability mend acts on (protocol/README.md, "Client
# capabilities"). Tests of one capability start from this and remove or change that one.
FULL_CAPABILITIES = {
    "workspace": {"applyEdit": True, "workspaceEdit": {"documentChanges": True},
                  "didChangeWatchedFiles": {"dynamicRegistration": True}, "configuration": True,
                  "codeLens": {"refreshSupport": True}, "inlayHint": {"refreshSupport": True}},
    "textDocument": {
        "completion": {"completionItem": {"snippetSupport": True, "insertTextModeSupport": {"valueSet": [1, 2]}}},
        "hover": {"contentFormat": ["markdown", "plaintext"]},
        "codeAction": {"codeActionLiteralSupport": {"codeActionKind": {"valueSet": ["quickfix", "refactor.rewrite"]}}},
        "documentSymbol": {"hierarchicalDocumentSymbolSupport": True},
        "codeLens": {}, "inlayHint": {}},
    "window": {"workDoneProgress": True},
}


def uri_of(path):
    from urllib.parse import quote
    return "file://" + quote(os.path.abspath(path))


def frame(body):
    data = body if isinstance(body, bytes) else json.dumps(body).encode("utf-8")
    return b"Content-Length: %d\r\n\r\n" % len(data) + data


class LspClient:
    def __init__(self, mend, args=("lsp", "--log-level", "debug"), cwd=None):
        self.proc = subprocess.Popen([mend, *args], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, cwd=cwd)
        self.next_id = 1
        self.responses = {}          # id -> list of responses (must be exactly one)
        self.notifications = []      # (method, params)
        self.server_requests = []    # (method, params)
        self.cond = threading.Condition()
        self.apply_edit_result = {"applied": True}
        self.configuration = [None]
        self.stderr_lines = []
        self.closed = False
        threading.Thread(target=self._read, daemon=True).start()
        self._stderr_reader = threading.Thread(target=self._read_stderr, daemon=True)
        self._stderr_reader.start()

    # --- wire ---------------------------------------------------------------
    def send_raw(self, data):
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def send(self, message):
        self.send_raw(frame(message))

    def request(self, method, params=None, wait=True, timeout=10):
        rid = self.next_id
        self.next_id += 1
        msg = {"jsonrpc": "2.0", "id": rid, "method": method}
        if params is not None:
            msg["params"] = params
        self.send(msg)
        return self.wait_response(rid, timeout) if wait else rid

    def notify(self, method, params=None):
        msg = {"jsonrpc": "2.0", "method": method}
        if params is not None:
            msg["params"] = params
        self.send(msg)

    def _read(self):
        out = self.proc.stdout
        while True:
            headers = {}
            while True:
                line = out.readline()
                if not line:
                    with self.cond:
                        self.closed = True
                        self.cond.notify_all()
                    return
                line = line.strip()
                if not line:
                    break
                k, _, v = line.decode().partition(":")
                headers[k.strip().lower()] = v.strip()
            body = out.read(int(headers["content-length"]))
            msg = json.loads(body)
            self._handle(msg)

    def _read_stderr(self):
        for line in self.proc.stderr:
            self.stderr_lines.append(line.decode("utf-8", "replace"))

    def stderr_after_exit(self, timeout=10):
        """Everything the server wrote to stderr, once it has exited: the reader thread may
        still be draining the pipe when wait() returns."""
        self.proc.wait(timeout)
        self._stderr_reader.join(timeout)
        return "".join(self.stderr_lines)

    def _handle(self, msg):
        if "method" in msg and "id" in msg:
            method, params = msg["method"], msg.get("params")
            with self.cond:
                self.server_requests.append((method, params))
                self.cond.notify_all()
            result = None
            if method == "workspace/applyEdit":
                result = self.apply_edit_result
            elif method == "workspace/configuration":
                result = self.configuration
            self.send({"jsonrpc": "2.0", "id": msg["id"], "result": result})
        elif "method" in msg:
            with self.cond:
                self.notifications.append((msg["method"], msg.get("params")))
                self.cond.notify_all()
        else:
            with self.cond:
                self.responses.setdefault(json.dumps(msg.get("id")), []).append(msg)
                self.cond.notify_all()

    # --- waiting ------------------------------------------------------------
    def wait_for(self, predicate, timeout=10):
        deadline = time.time() + timeout
        with self.cond:
            while True:
                value = predicate()
                if value:
                    return value
                left = deadline - time.time()
                if left <= 0 or (self.closed and not value):
                    raise TimeoutError("condition not met")
                self.cond.wait(left)

    def wait_response(self, rid, timeout=10):
        key = json.dumps(rid)
        return self.wait_for(lambda: self.responses.get(key, [None])[0], timeout)

    def wait_notification(self, method, predicate=lambda p: True, start=0, timeout=10):
        def find():
            for m, p in self.notifications[start:]:
                if m == method and predicate(p):
                    return p or True
            return None
        return self.wait_for(find, timeout)

    def diagnostics(self, uri, version=None, start=0, timeout=10):
        return self.wait_notification(
            "textDocument/publishDiagnostics",
            lambda p: p["uri"] == uri and (version is None or p.get("version") == version), start, timeout)

    def mark(self):
        with self.cond:
            return len(self.notifications)

    # --- session helpers ----------------------------------------------------
    def initialize(self, root=None, options=None, capabilities=None, process_id=None):
        opts = {"today": TODAY}
        opts.update(options or {})
        params = {"processId": process_id, "rootUri": uri_of(root) if root else None,
                  "capabilities": capabilities or {}, "initializationOptions": opts}
        response = self.request("initialize", params)
        self.notify("initialized", {})
        return response

    def open(self, path, text=None, version=1):
        if text is None:
            with open(path, encoding="utf-8", newline="") as f:
                text = f.read()
        uri = uri_of(path)
        self.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "markdown", "version": version, "text": text}})
        return uri

    def shutdown_and_exit(self, timeout=10):
        r = self.request("shutdown")
        assert r.get("result", "missing") is None, r
        self.notify("exit")
        return self.proc.wait(timeout)

    def assert_answered_once(self):
        with self.cond:
            dup = {k: v for k, v in self.responses.items() if len(v) != 1}
        assert not dup, "answered more than once: %r" % dup
        missing = [i for i in range(1, self.next_id) if json.dumps(i) not in self.responses]
        assert not missing, "never answered: %r" % missing

    def end_test(self, folder):
        """A test's tearDown: every request answered once (while mend still runs), then mend
        killed and the test's folder removed."""
        try:
            if self.proc.poll() is None:
                self.assert_answered_once()
        finally:
            self.kill()
            shutil.rmtree(folder, ignore_errors=True)

    def kill(self):
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()
        for f in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
            try:
                f.close()
            except OSError:
                pass
