"""What mend answers depends on what the client says it supports, and on nothing else it guesses.

Against the real `mend lsp`: params that are null or absent (issue 16, item 1), each client
capability mend acts on turned on and off (item 2, the table in protocol/README.md), and the
exact initialize capabilities of Emacs's eglot 1.9 and lsp-mode 8.0 replayed (item 7;
tests/lsp/fixtures/clients/ says how they were recorded).

Usage: test_capabilities.py MEND [unittest args]
"""
import copy
import json
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import test_lsp  # noqa: E402
from lsp_client import FIXTURES, FULL_CAPABILITIES  # noqa: E402
from test_features import apply_edits  # noqa: E402
from test_lsp import Session  # noqa: E402

CLIENTS = os.path.join(FIXTURES, "clients")


def without(*paths):
    """FULL_CAPABILITIES with each dotted path removed."""
    caps = copy.deepcopy(FULL_CAPABILITIES)
    for path in paths:
        *parents, last = path.split(".")
        at = caps
        for key in parents:
            at = at[key]
        del at[last]
    return caps


def with_value(path, value):
    caps = copy.deepcopy(FULL_CAPABILITIES)
    *parents, last = path.split(".")
    at = caps
    for key in parents:
        at = at.setdefault(key, {})
    at[last] = value
    return caps


def pos(line, character=0):
    return {"line": line, "character": character}


class CapabilitySession(Session):
    """A session on breakup.md, started with the given capabilities."""

    def begin(self, capabilities):
        self.start(capabilities=capabilities)
        with open(self.note, encoding="utf-8") as f:
            self.text = f.read()
        self.uri = self.c.open(self.note)
        self.c.diagnostics(self.uri)

    def finish(self):
        self.assertEqual(self.c.shutdown_and_exit(), 0)

    def server_requests(self, method):
        with self.c.cond:
            return [p for m, p in self.c.server_requests if m == method]

    def wait_indexed(self):
        # mend/progress waits for the index: once it is answered, indexing is over.
        self.assertIn("result", self.c.request("mend/progress", {}))

    def slash_completion(self):
        self.c.notify("textDocument/didChange", {"textDocument": {"uri": self.uri, "version": 2}, "contentChanges": [
            {"range": {"start": pos(12), "end": pos(12)}, "text": "/\n"}]})
        items = self.c.request("textDocument/completion",
                               {"textDocument": {"uri": self.uri}, "position": pos(12, 1)})["result"]["items"]
        return {i["label"]: i for i in items}

    def code_actions(self, line=6):
        return self.c.request("textDocument/codeAction", {
            "textDocument": {"uri": self.uri}, "range": {"start": pos(line), "end": pos(line)},
            "context": {"diagnostics": []}})["result"]


# --- Item 1: params ------------------------------------------------------------------------

class Params(Session):
    def send(self, method, params, rid=None, absent=False):
        msg = {"jsonrpc": "2.0", "method": method}
        if not absent:
            msg["params"] = params
        if rid is not None:
            msg["id"] = rid
        self.c.send(msg)

    def request_raw(self, method, params=None, absent=False):
        rid = self.c.next_id
        self.c.next_id += 1
        self.send(method, params, rid, absent)
        return self.c.wait_response(rid)

    def test_void_params_null_or_absent_are_accepted(self):
        # initialize needs its params; initialized, shutdown and exit do not.
        r = self.request_raw("initialize", {"processId": None, "rootUri": test_lsp.uri_of(self.root),
                                            "capabilities": {}, "initializationOptions": {"today": "2026-11-26"}})
        self.assertIn("result", r)
        self.send("initialized", None)  # "params": null
        # The index ran (initialized was handled): the folder's note is reported.
        for absent in (False, True):
            r = self.request_raw("mend/progress", None, absent=absent)
            self.assertEqual([n["path"] for n in r["result"]["notes"]], ["breakup.md"], r)
            r = self.request_raw("mend/templates", None, absent=absent)
            self.assertTrue(r["result"], r)
        r = self.request_raw("shutdown", None)  # what eglot 1.9 sends
        self.assertIn("result", r, r)
        self.assertIsNone(r["result"])
        self.send("exit", None)  # what lsp-mode 8.0 sends
        self.assertEqual(self.c.proc.wait(10), 0)
        self.c.assert_answered_once()

    def test_shutdown_without_params_and_exit_without_params(self):
        self.start()
        r = self.request_raw("shutdown", None, absent=True)
        self.assertIsNone(r["result"])
        self.send("exit", None, absent=True)
        self.assertEqual(self.c.proc.wait(10), 0)

    def test_required_params_null_or_absent_are_invalid_params(self):
        r = self.request_raw("initialize", None)
        self.assertEqual(r["error"]["code"], -32602, r)
        self.start()
        for method in ("textDocument/hover", "textDocument/completion", "textDocument/codeAction",
                       "textDocument/codeLens", "textDocument/inlayHint", "textDocument/documentSymbol",
                       "workspace/symbol", "workspace/executeCommand"):
            for absent in (False, True):
                with self.subTest(method=method, absent=absent):
                    r = self.request_raw(method, None, absent=absent)
                    self.assertEqual(r.get("error", {}).get("code"), -32602, r)
        self.assertEqual(self.c.shutdown_and_exit(), 0)

    def test_a_notification_is_never_answered(self):
        self.start()
        uri = self.c.open(self.note)
        self.c.diagnostics(uri)
        bodies = []
        for method in ("textDocument/didOpen", "textDocument/didChange", "textDocument/didClose",
                       "textDocument/didSave", "workspace/didChangeConfiguration",
                       "workspace/didChangeWatchedFiles", "$/cancelRequest", "initialized", "nope/nope"):
            for params in (None, "x", 5, True, [], {"textDocument": 5}):
                bodies.append({"jsonrpc": "2.0", "method": method, "params": params})
            bodies.append({"jsonrpc": "2.0", "method": method})
        bodies += [{"method": "textDocument/didSave", "params": {}},          # no "jsonrpc"
                   {"jsonrpc": "1.0", "method": "textDocument/didSave"},
                   {"jsonrpc": "2.0", "method": 5, "params": {}},             # method not a string
                   {"jsonrpc": "2.0", "method": None}]
        for body in bodies:
            self.c.send(body)
        # Everything above is behind this request on the wire: once it is answered, mend has
        # read all of them, and nothing else may have been answered.
        r = self.c.request("mend/templates", {})
        self.assertIn("result", r)
        with self.c.cond:
            self.assertEqual(list(self.c.responses), [json.dumps(i) for i in range(1, self.c.next_id)])
        # The document is still open and served.
        r = self.c.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": pos(4, 8)})
        self.assertIn("result", r)
        self.assertEqual(self.c.shutdown_and_exit(), 0)
        stderr = self.c.stderr_after_exit()
        self.assertIn("malformed notification", stderr)
        self.assertIn("dropping a malformed notification", stderr)

    def test_exit_with_malformed_params_still_exits(self):
        self.start()
        self.assertIsNone(self.c.request("shutdown")["result"])
        self.send("exit", "please")
        self.assertEqual(self.c.proc.wait(10), 0)
        self.assertIn("exiting all the same", self.c.stderr_after_exit())


# --- Item 2: each capability on and off ------------------------------------------------------

class Snippets(CapabilitySession):
    def check_plain(self, items):
        for item in items.values():
            self.assertEqual(item["insertTextFormat"], 1, item)
            self.assertEqual(item["insertTextMode"], 1, item)
            self.assertNotIn("${", item["textEdit"]["newText"])
            self.assertNotIn("$0", item["textEdit"]["newText"])
        self.assertIn("_your answer_", items["/why"]["textEdit"]["newText"])

    def test_on(self):
        self.begin(FULL_CAPABILITIES)
        items = self.slash_completion()
        why = items["/why"]
        self.assertEqual(why["insertTextFormat"], 2)
        self.assertEqual(why["insertTextMode"], 1)
        self.assertIn("${1:_your answer_}", why["textEdit"]["newText"])
        self.assertTrue(why["textEdit"]["newText"].endswith("$0"))
        self.finish()

    def test_absent(self):
        self.begin(without("textDocument.completion"))
        self.check_plain(self.slash_completion())
        self.finish()

    def test_false(self):
        self.begin(with_value("textDocument.completion.completionItem.snippetSupport", False))
        items = self.slash_completion()
        self.check_plain(items)
        # The "#" completion of a section's missing questions is plain text too.
        self.c.notify("textDocument/didChange", {"textDocument": {"uri": self.uri, "version": 3}, "contentChanges": [
            {"range": {"start": pos(12), "end": pos(12, 1)}, "text": "###"}]})
        q = self.c.request("textDocument/completion",
                           {"textDocument": {"uri": self.uri}, "position": pos(12, 3)})["result"]["items"]
        self.assertTrue(q)
        for item in q:
            self.assertEqual((item["insertTextFormat"], item["insertTextMode"]), (1, 1))
            self.assertNotIn("${", item["textEdit"]["newText"])
        self.finish()


class HoverFormat(CapabilitySession):
    def hover(self):
        return self.c.request("textDocument/hover",
                              {"textDocument": {"uri": self.uri}, "position": pos(4, 8)})["result"]["contents"]

    def test_markdown(self):
        self.begin(FULL_CAPABILITIES)
        c = self.hover()
        self.assertEqual(c["kind"], "markdown")
        self.assertIn("**", c["value"])
        self.assertIn("`why.official`", c["value"])
        self.finish()

    def test_absent_is_plaintext(self):
        self.begin(without("textDocument.hover"))
        c = self.hover()
        self.assertEqual(c["kind"], "plaintext")
        self.assertNotIn("**", c["value"])
        self.assertNotIn("`", c["value"])
        self.assertIn("State: answered · why.official", c["value"])
        self.finish()

    def test_plaintext_preferred(self):
        self.begin(with_value("textDocument.hover.contentFormat", ["plaintext", "markdown"]))
        self.assertEqual(self.hover()["kind"], "plaintext")
        self.finish()


class CodeActionLiterals(CapabilitySession):
    TITLE = "Insert step: Assess your own wrongs"

    def test_on_actions_carry_their_edit(self):
        self.begin(FULL_CAPABILITIES)
        actions = self.code_actions()
        self.assertTrue(all("edit" in a and "command" not in a for a in actions), actions)
        self.finish()

    def test_absent_commands_make_the_same_edit(self):
        self.begin(FULL_CAPABILITIES)
        literal = next(a for a in self.code_actions() if a["title"] == self.TITLE)
        expected = apply_edits(self.text, literal["edit"]["documentChanges"][0]["edits"])
        self.finish()
        self.c.kill()  # a second session in the same folder, without literal support
        self.c = test_lsp.LspClient(test_lsp.MEND)
        self.begin(without("textDocument.codeAction"))
        actions = self.code_actions()
        self.assertTrue(actions)
        for a in actions:  # Command objects: title, command, arguments; nothing else
            self.assertEqual(set(a), {"title", "command", "arguments"}, a)
            self.assertTrue(a["command"].startswith("mend."), a)
        command = next(a for a in actions if a["title"] == self.TITLE)
        r = self.c.request("workspace/executeCommand", {"command": command["command"], "arguments": command["arguments"]})
        self.assertEqual(r["result"], {"applied": True})
        edit = self.server_requests("workspace/applyEdit")[-1]["edit"]
        self.assertEqual(apply_edits(self.text, edit["documentChanges"][0]["edits"]), expected)
        self.finish()


class DocumentChanges(CapabilitySession):
    def test_on(self):
        self.begin(FULL_CAPABILITIES)
        edit = self.code_actions()[0]["edit"]
        self.assertEqual(list(edit), ["documentChanges"])
        self.assertEqual(edit["documentChanges"][0]["textDocument"], {"uri": self.uri, "version": 1})
        self.finish()

    def test_absent(self):
        self.begin(without("workspace.workspaceEdit"))
        edit = self.code_actions()[0]["edit"]
        self.assertEqual(list(edit), ["changes"])
        self.assertEqual(list(edit["changes"]), [self.uri])
        self.c.request("workspace/executeCommand", {"command": "mend.insertLogEntry", "arguments": [{"uri": self.uri}]})
        applied = self.server_requests("workspace/applyEdit")[-1]["edit"]
        self.assertEqual(list(applied), ["changes"])
        self.finish()


class HierarchicalSymbols(CapabilitySession):
    def symbols(self):
        return self.c.request("textDocument/documentSymbol", {"textDocument": {"uri": self.uri}})["result"]

    def test_on(self):
        self.begin(FULL_CAPABILITIES)
        r = self.symbols()
        self.assertEqual(len(r), 2)
        self.assertEqual(len(r[0]["children"]), 3)
        self.assertIn("selectionRange", r[0])
        self.finish()

    def test_absent_is_flat_symbol_information(self):
        self.begin(without("textDocument.documentSymbol"))
        r = self.symbols()
        self.assertEqual(len(r), 6)  # 2 steps, then their 3 + 1 questions
        for s in r:
            self.assertEqual(set(s) - {"containerName"}, {"name", "kind", "location"}, s)
            self.assertEqual(s["location"]["uri"], self.uri)
        self.assertEqual([s["kind"] for s in r], [3, 8, 8, 8, 3, 8])
        self.assertNotIn("containerName", r[0])
        self.assertEqual(r[1]["containerName"], r[0]["name"])
        self.assertEqual(r[1]["location"]["range"]["start"]["line"], 4)
        self.finish()


class ApplyEdit(CapabilitySession):
    ARGS = {"command": "mend.insertTemplate", "arguments": [{"uri": None, "template": "motives"}]}

    def execute(self):
        args = copy.deepcopy(self.ARGS)
        args["arguments"][0]["uri"] = self.uri
        return self.c.request("workspace/executeCommand", args)

    def test_on(self):
        self.begin(FULL_CAPABILITIES)
        self.assertEqual(self.execute()["result"], {"applied": True})
        self.assertEqual(len(self.server_requests("workspace/applyEdit")), 1)
        self.finish()

    def test_absent_says_so(self):
        self.begin(without("workspace.applyEdit"))
        mark = self.c.mark()
        r = self.execute()
        self.assertEqual(r["error"]["code"], -32803, r)
        self.assertIn("workspace/applyEdit", r["error"]["message"])
        shown = self.c.wait_notification("window/showMessage", start=mark)
        self.assertIn("mend.insertTemplate", shown["message"])
        self.assertEqual(self.server_requests("workspace/applyEdit"), [])
        # Bad arguments are still -32602, not "cannot edit".
        r = self.c.request("workspace/executeCommand", {"command": "mend.insertTemplate",
                                                        "arguments": [{"uri": self.uri, "template": "nope"}]})
        self.assertEqual(r["error"]["code"], -32602)
        self.finish()


class WatchedFiles(CapabilitySession):
    def test_on(self):
        self.begin(FULL_CAPABILITIES)
        regs = self.server_requests("client/registerCapability")
        self.assertEqual(regs[0]["registrations"][0]["method"], "workspace/didChangeWatchedFiles")
        self.finish()

    def test_absent(self):
        self.begin(without("workspace.didChangeWatchedFiles"))
        self.wait_indexed()
        self.assertEqual(self.server_requests("client/registerCapability"), [])
        self.finish()


class Configuration(CapabilitySession):
    def test_on(self):
        self.begin(FULL_CAPABILITIES)
        self.c.wait_for(lambda: self.server_requests("workspace/configuration"))
        self.assertEqual(self.server_requests("workspace/configuration")[0], {"items": [{"section": "mend"}]})
        self.finish()

    def test_absent(self):
        self.begin(without("workspace.configuration"))
        self.wait_indexed()
        self.assertEqual(self.server_requests("workspace/configuration"), [])
        self.finish()


class PositionEncoding(CapabilitySession):
    def test_utf8_offered_and_not(self):
        for encodings, chosen in ((["utf-8", "utf-16"], "utf-8"), (None, "utf-16")):
            caps = copy.deepcopy(FULL_CAPABILITIES)
            if encodings:
                caps["general"] = {"positionEncodings": encodings}
            if self.c.proc.poll() is not None:
                self.c = test_lsp.LspClient(test_lsp.MEND)
            self.assertEqual(self.start(capabilities=caps)["capabilities"]["positionEncoding"], chosen)
            self.finish()
            self.c.kill()


class WorkDoneProgress(CapabilitySession):
    def test_on(self):
        self.begin(FULL_CAPABILITIES)
        self.c.wait_notification("$/progress", lambda p: p["value"]["kind"] == "end")
        self.assertEqual(len(self.server_requests("window/workDoneProgress/create")), 1)
        self.finish()

    def test_absent(self):
        self.begin(without("window"))
        self.wait_indexed()
        self.assertEqual(self.server_requests("window/workDoneProgress/create"), [])
        with self.c.cond:
            self.assertNotIn("$/progress", [m for m, _ in self.c.notifications])
        self.finish()


class LensesAndHints(CapabilitySession):
    def ask(self):
        lenses = self.c.request("textDocument/codeLens", {"textDocument": {"uri": self.uri}})["result"]
        hints = self.c.request("textDocument/inlayHint", {"textDocument": {"uri": self.uri},
                                                          "range": {"start": pos(0), "end": pos(100)}})["result"]
        return lenses, hints

    def test_on_refreshed_after_the_index(self):
        self.begin(FULL_CAPABILITIES)
        self.wait_indexed()
        self.c.wait_for(lambda: self.server_requests("workspace/inlayHint/refresh"))
        self.assertTrue(self.server_requests("workspace/codeLens/refresh"))
        lenses, hints = self.ask()
        self.assertEqual(len(lenses), 2)
        self.assertEqual(len(hints), 4)
        self.finish()

    def test_absent_never_pushed_but_answered_when_asked(self):
        self.begin(without("workspace.codeLens", "workspace.inlayHint", "textDocument.codeLens",
                           "textDocument.inlayHint"))
        self.wait_indexed()
        # Neovim 0.7-0.9 ask for code lenses without announcing textDocument.codeLens: a client
        # that asks is answered.
        lenses, hints = self.ask()
        self.assertEqual(len(lenses), 2)
        self.assertEqual(len(hints), 4)
        self.assertEqual(self.server_requests("workspace/codeLens/refresh"), [])
        self.assertEqual(self.server_requests("workspace/inlayHint/refresh"), [])
        self.finish()


# --- Item 7: real clients' initialize capabilities, replayed -----------------------------------

class RecordedClients(CapabilitySession):
    def replay(self, name):
        with open(os.path.join(CLIENTS, name + ".json"), encoding="utf-8") as f:
            recorded = json.load(f)
        self.begin(recorded["capabilities"])
        items = self.slash_completion()
        why = items["/why"]
        self.assertIn(why.get("insertTextFormat", 1), (1,), why)
        self.assertEqual(why["insertTextMode"], 1)
        new_text = why["textEdit"]["newText"]
        self.assertNotIn("${", new_text)
        self.assertIn("_your answer_", new_text)
        self.assertIn("\n> ", new_text)  # block quotes at the start of their lines, as sent
        # The client's own shutdown and exit, params and all.
        rid = self.c.next_id
        self.c.next_id += 1
        self.c.send({"jsonrpc": "2.0", "id": rid, "method": "shutdown", "params": recorded["shutdown_params"]})
        r = self.c.wait_response(rid)
        self.assertIn("result", r, r)
        self.assertIsNone(r["result"])
        self.c.send({"jsonrpc": "2.0", "method": "exit", "params": recorded["exit_params"]})
        self.assertEqual(self.c.proc.wait(10), 0)
        return recorded

    def test_eglot_1_9(self):
        recorded = self.replay("eglot-1.9")
        self.assertIsNone(recorded["shutdown_params"])

    def test_lsp_mode_8_0(self):
        recorded = self.replay("lsp-mode-8.0")
        self.assertIsNone(recorded["exit_params"])


if __name__ == "__main__":
    test_lsp.main()
