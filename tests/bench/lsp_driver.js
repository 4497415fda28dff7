#!/usr/bin/env node
// The benchmark driver: speaks LSP over stdio to any server command and times one scenario.
// Written in Node because the peer (vscode-markdown-languageserver) asks its client to parse
// Markdown with markdown-it (markdown/parse) and to serve its file system (markdown/fs/*,
// markdown/findMarkdownFilesInWorkspace), as VS Code's extension does; mend never asks.
//
//   node lsp_driver.js CONFIG.json   → one JSON object on stdout
//
// CONFIG: {server: [cmd, ...args], env: {...}, scenario: "init" | "open" | "keystroke" |
//          "workspace", root, files: [...], edits: [[line, utf16 character], ...], runs,
//          markdownIt: "path/to/markdown-it" (for the peer), waitDiagnostics: bool,
//          queries: [...], pause_ms, settle_ms (workspace: the pause before RSS is read)}
// Times are milliseconds from the moment the client writes the message to the moment the
// answer is parsed (performance.now()); RSS is the server process's VmRSS (and its peak, VmHWM,
// in the workspace scenario).
"use strict";
const { spawn } = require("child_process");
const fs = require("fs");
const path = require("path");
const { pathToFileURL, fileURLToPath } = require("url");
const { performance } = require("perf_hooks");

const config = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
let md = null;
if (config.markdownIt) {
  const MarkdownIt = require(config.markdownIt);
  md = new MarkdownIt({ html: true, linkify: true });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const uriOf = (p) => pathToFileURL(path.resolve(p)).href;

function rssKb(pid) {
  try {
    const m = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}
function hwmKb(pid) {
  try {
    const m = /VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}
function cpuSeconds(pid) {
  try {
    const f = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return (Number(f[11]) + Number(f[12])) / 100;  // utime + stime, clock ticks (USER_HZ 100)
  } catch {
    return null;
  }
}

function markdownFiles(root) {
  const out = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (e.name.startsWith(".") || e.name === "node_modules") continue;
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && e.name.endsWith(".md")) out.push(uriOf(p));
    }
  };
  walk(root);
  return out;
}

class Client {
  constructor(cmd, env) {
    this.proc = spawn(cmd[0], cmd.slice(1), { stdio: ["pipe", "pipe", "ignore"], env: { ...process.env, ...env } });
    this.pid = this.proc.pid;
    this.nextId = 1;
    this.pending = new Map();
    this.buffer = Buffer.alloc(0);
    this.open = new Map();  // uri -> text (what the editor has)
    this.diagnosticWaiters = [];
    this.exited = new Promise((r) => this.proc.on("exit", r));
    this.proc.stdout.on("data", (chunk) => this.onData(chunk));
    this.proc.stdin.on("error", () => {});
    // Profiling (run_bench.py --profile): perf attached to the server for the scenario.
    if (config.perfOutput) {
      this.perf = spawn("perf", ["record", "-F", "4000", "--call-graph", "dwarf", "-p", String(this.pid), "-o", config.perfOutput],
                        { stdio: "ignore" });
      this.perfExited = new Promise((r) => this.perf.on("exit", r));
    }
  }
  onData(chunk) {
    // Chunks are joined only once a whole message is there: joining at every chunk copies a
    // 30 MB answer (a 100k-note mend/progress) hundreds of times, timing the client, not mend.
    this.chunks = this.chunks || [];
    this.chunks.push(chunk);
    this.pendingBytes = (this.pendingBytes || 0) + chunk.length;
    if (this.needBytes && this.buffer.length + this.pendingBytes < this.needBytes) return;
    this.buffer = Buffer.concat([this.buffer, ...this.chunks]);
    this.chunks = [];
    this.pendingBytes = 0;
    this.needBytes = 0;
    for (;;) {
      const sep = this.buffer.indexOf("\r\n\r\n");
      if (sep < 0) return;
      const m = /Content-Length: *(\d+)/i.exec(this.buffer.slice(0, sep).toString("ascii"));
      const length = Number(m[1]);
      if (this.buffer.length < sep + 4 + length) {
        this.needBytes = sep + 4 + length;
        return;
      }
      const body = this.buffer.slice(sep + 4, sep + 4 + length).toString("utf8");
      this.buffer = this.buffer.slice(sep + 4 + length);
      this.lastBytes = length;
      this.onMessage(JSON.parse(body), performance.now());
    }
  }
  send(msg) {
    const body = Buffer.from(JSON.stringify({ jsonrpc: "2.0", ...msg }), "utf8");
    this.proc.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, "ascii"), body]));
  }
  request(method, params) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.send({ id, method, params });
    });
  }
  notify(method, params) {
    this.send({ method, params });
  }
  onMessage(msg, at) {
    if (msg.id !== undefined && msg.method === undefined) {
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      if (msg.error) p.reject(new Error(JSON.stringify(msg.error)));
      else p.resolve({ result: msg.result, at });
      return;
    }
    if (msg.id !== undefined) {
      Promise.resolve(this.serve(msg.method, msg.params || {}))
        .then((result) => this.send({ id: msg.id, result: result === undefined ? null : result }))
        .catch((e) => this.send({ id: msg.id, error: { code: -32603, message: String(e) } }));
      return;
    }
    if (msg.method === "textDocument/publishDiagnostics") {
      const waiters = this.diagnosticWaiters;
      this.diagnosticWaiters = [];
      for (const w of waiters) {
        if (w.uri === msg.params.uri && (msg.params.version === undefined || msg.params.version >= w.version)) w.resolve(at);
        else this.diagnosticWaiters.push(w);
      }
    }
  }
  nextDiagnostics(uri, version, timeoutMs) {
    return new Promise((resolve) => {
      const w = { uri, version, resolve };
      this.diagnosticWaiters.push(w);
      setTimeout(() => resolve(null), timeoutMs);
    });
  }
  // What a client serves to the server (the peer's custom requests).
  serve(method, params) {
    switch (method) {
      case "workspace/configuration":
        return (params.items || []).map(() => null);
      case "markdown/parse": {
        const text = params.text !== undefined && params.text !== null ? params.text
          : this.open.has(params.uri) ? this.open.get(params.uri) : fs.readFileSync(fileURLToPath(params.uri), "utf8");
        return md.parse(text, {});
      }
      case "markdown/fs/readFile":
        return Array.from(fs.readFileSync(fileURLToPath(params.uri)));
      case "markdown/fs/stat": {
        try {
          return { isDirectory: fs.statSync(fileURLToPath(params.uri)).isDirectory() };
        } catch {
          return null;
        }
      }
      case "markdown/fs/readDirectory":
        return fs.readdirSync(fileURLToPath(params.uri), { withFileTypes: true })
          .map((e) => [e.name, { isDirectory: e.isDirectory() }]);
      case "markdown/findMarkdownFilesInWorkspace":
        return config.root ? markdownFiles(config.root) : [];
      default:
        return null;  // registerCapability, workDoneProgress/create, watchers
    }
  }
  async initialize(root) {
    const params = {
      processId: process.pid,
      rootUri: root ? uriOf(root) : null,
      workspaceFolders: root ? [{ uri: uriOf(root), name: path.basename(root) }] : null,
      capabilities: {
        general: { positionEncodings: ["utf-16"] },
        textDocument: {
          synchronization: { dynamicRegistration: false, didSave: true },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          publishDiagnostics: { versionSupport: true },
          diagnostic: { dynamicRegistration: false },
        },
        workspace: { symbol: {}, workspaceFolders: true, configuration: false },
        window: { workDoneProgress: false },
      },
      initializationOptions: { markdownFileExtensions: ["md"] },
    };
    const t0 = performance.now();
    const r = await this.request("initialize", params);
    this.notify("initialized", {});
    return r.at - t0;
  }
  didOpen(file, version = 1) {
    const text = fs.readFileSync(file, "utf8");
    const uri = uriOf(file);
    this.open.set(uri, text);
    this.notify("textDocument/didOpen", { textDocument: { uri, languageId: "markdown", version, text } });
    return uri;
  }
  async stop() {
    if (this.perf) {
      this.perf.kill("SIGINT");
      await this.perfExited;
    }
    try {
      await Promise.race([this.request("shutdown", null), sleep(5000)]);
    } catch {}  // an error answer still ends the session
    this.notify("exit", null);
    this.proc.stdin.end();  // mend lsp only ends when its stdin closes (see docs/performance.md)
    await Promise.race([this.exited, sleep(60000)]);
    try { this.proc.kill("SIGKILL"); } catch {}
  }
}

// Applies an insertion to the client's copy (for markdown/parse of an open document).
function insertAt(text, line, character, inserted) {
  let offset = 0;
  for (let l = 0; l < line; ++l) offset = text.indexOf("\n", offset) + 1;
  return text.slice(0, offset + character) + inserted + text.slice(offset + character);
}

async function scenarioInit() {
  // Several spawns in one driver: the first pays the driver's own warm-up.
  const runs = [];
  for (let i = 0; i < (config.runs ?? 5); ++i) runs.push(await initOnce());
  return { initialize_ms: runs.map((r) => r.initialize_ms), rss_idle_kb: runs.map((r) => r.rss_idle_kb) };
}

async function initOnce() {
  const t0 = performance.now();
  const c = new Client(config.server, config.env);
  const r = await c.request("initialize", {
    processId: process.pid, rootUri: config.root ? uriOf(config.root) : null,
    workspaceFolders: config.root ? [{ uri: uriOf(config.root), name: "notes" }] : null,
    capabilities: {}, initializationOptions: { markdownFileExtensions: ["md"] },
  });
  const initialize = r.at - t0;
  c.notify("initialized", {});
  await sleep(config.pause_ms ?? 500);
  const rss = rssKb(c.pid);
  await c.stop();
  return { initialize_ms: initialize, rss_idle_kb: rss };
}

async function scenarioOpen() {
  const c = new Client(config.server, config.env);
  await c.initialize(config.root);
  await sleep(300);
  const out = {};
  for (const file of config.files) {
    const uri = c.didOpen(file);
    const t0 = performance.now();
    const r = await c.request("textDocument/documentSymbol", { textDocument: { uri } });
    out[path.basename(file)] = r.at - t0;
    c.notify("textDocument/didClose", { textDocument: { uri } });
    c.open.delete(uri);
    await sleep(100);
  }
  out.rss_kb = rssKb(c.pid);
  await c.stop();
  return out;
}

async function scenarioKeystroke() {
  const c = new Client(config.server, config.env);
  await c.initialize(config.root);
  const file = config.files[0];
  const uri = c.didOpen(file);
  await c.request("textDocument/documentSymbol", { textDocument: { uri } });
  await sleep(300);
  const symbol = [], diagnostics = [];
  let version = 1, timeouts = 0;
  const cpu0 = cpuSeconds(c.pid);
  for (const [line, character] of config.edits) {
    version += 1;
    c.open.set(uri, insertAt(c.open.get(uri), line, character, "x"));
    const diag = config.waitDiagnostics ? c.nextDiagnostics(uri, version, 2000) : null;
    const t0 = performance.now();
    c.notify("textDocument/didChange", {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: "x" }],
    });
    const r = await c.request("textDocument/documentSymbol", { textDocument: { uri } });
    symbol.push(r.at - t0);
    if (diag) {
      const at = await diag;
      if (at === null) timeouts += 1;
      else diagnostics.push(at - t0);
    }
    await sleep(config.pause_ms ?? 20);  // a person types a few keys a second at most
  }
  const cpu = cpuSeconds(c.pid) - cpu0;
  const rss = rssKb(c.pid);
  await c.stop();
  return { symbol_ms: symbol, diagnostics_ms: diagnostics, diagnostics_timeouts: timeouts, server_cpu_s: cpu, rss_kb: rss };
}

async function scenarioWorkspace() {
  const c = new Client(config.server, config.env);
  await c.initialize(config.root);
  const t0 = performance.now();
  const first = await c.request("workspace/symbol", { query: config.queries[0] });
  const firstMs = first.at - t0;
  const warm = [];
  for (const q of config.queries.slice(1)) {
    const t = performance.now();
    const r = await c.request("workspace/symbol", { query: q });
    warm.push(r.at - t);
  }
  await sleep(config.settle_ms ?? 200);
  const out = { first_ms: firstMs, first_count: (first.result || []).length, warm_ms: warm,
                rss_kb: rssKb(c.pid), hwm_kb: hwmKb(c.pid), server_cpu_s: cpuSeconds(c.pid) };
  if (config.progress) {
    // The whole folder's report, then the memory it leaves.
    const t = performance.now();
    const r = await c.request("mend/progress", {});
    out.progress_ms = r.at - t;
    out.progress_bytes = c.lastBytes;
    out.progress_notes = ((r.result || {}).notes || []).length;
    await sleep(config.settle_ms ?? 200);
    out.rss_after_progress_kb = rssKb(c.pid);
    out.hwm_after_progress_kb = hwmKb(c.pid);
  }
  await c.stop();
  return out;
}

(async () => {
  const scenarios = { init: scenarioInit, open: scenarioOpen, keystroke: scenarioKeystroke, workspace: scenarioWorkspace };
  const result = await scenarios[config.scenario]();
  process.stdout.write(JSON.stringify(result) + "\n");
  process.exit(0);
})().catch((e) => {
  process.stderr.write(String(e && e.stack || e) + "\n");
  process.exit(1);
});
