// mend serve's page: reads the folder's progress over the WebSocket (JSON-RPC, /rpc) and
// redraws when mend/didChangeProgress says a note changed. No framework, no external assets;
// every piece of note text goes in with textContent, never as HTML.
"use strict";

(() => {
  const $ = (id) => document.getElementById(id);
  const el = (tag, cls, text) => {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  };

  let ws = null;
  let nextId = 1;
  const pending = new Map();
  let titles = {};       // step id -> title
  let retry = 500;
  let updates = 0;

  function setStatus(state, text) {
    const s = $("status");
    s.dataset.state = state;
    s.textContent = text;
  }

  function request(method, params) {
    return new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      const msg = { jsonrpc: "2.0", id, method };
      if (params !== undefined) msg.params = params;
      ws.send(JSON.stringify(msg));
    });
  }

  // "{Their} reasons" -> "Their reasons": the page shows the pack's wording without variables.
  const plain = (text) => String(text || "").replace(/\{([^}]*)\}/g, "$1");

  function pct(a, t) { return t > 0 ? Math.round((100 * a) / t) : 0; }

  function renderSteps(summary) {
    const list = $("steps");
    list.replaceChildren();
    let answered = 0, total = 0;
    summary.steps.forEach((s, i) => {
      answered += s.answered; total += s.total;
      const li = el("li", "step");
      li.dataset.step = s.id;
      li.dataset.answered = s.answered;
      li.dataset.total = s.total;
      li.dataset.state = s.done ? "done" : s.started ? "started" : "waiting";
      li.append(el("span", "num", s.done ? "✓" : String(i + 1)));
      li.append(el("span", "title", titles[s.id] || s.id));
      const count = s.total > 0 ? `${s.answered}/${s.total} answered` : "not begun";
      li.append(el("span", "count", count));
      const meter = el("div", "meter");
      const fill = el("div", "fill");
      fill.style.width = pct(s.answered, s.total) + "%";
      meter.append(fill);
      li.append(meter);
      list.append(li);
    });
    $("overall-fill").style.width = pct(summary.answered, summary.questions) + "%";
    const overall = $("overall-text");
    overall.dataset.answered = summary.answered;
    overall.dataset.questions = summary.questions;
    const doneSteps = summary.steps.filter((s) => s.done).length;
    overall.textContent = `${summary.answered} of ${summary.questions} questions answered across ${summary.notes} ` +
      `note${summary.notes === 1 ? "" : "s"} · ${doneSteps} of ${summary.steps.length} steps done. Take your time.`;
    const next = $("next-step");
    if (summary.next_step) {
      next.hidden = false;
      next.textContent = "When you feel ready, a next step could be: " + (titles[summary.next_step] || summary.next_step);
    } else {
      next.hidden = true;
    }
  }

  function renderSuggestions(summary) {
    const list = $("suggestions");
    list.replaceChildren();
    const shown = summary.suggestions.filter((s) => s.kind !== "unanswered");
    for (const s of shown) {
      const li = el("li", "suggestion");
      li.dataset.kind = s.kind;
      li.append(el("span", "kind", s.kind.replace(/-/g, " ")));
      li.append(document.createTextNode(s.message));
      if (s.path) li.append(el("span", "where", s.path + (s.line ? `, line ${s.line}` : "")));
      list.append(li);
    }
    $("no-suggestions").hidden = shown.length > 0;
  }

  function renderNotes(notes, changed) {
    const body = $("notes");
    body.replaceChildren();
    for (const n of notes) {
      const tr = el("tr");
      tr.dataset.path = n.path;
      let a = 0, t = 0;
      for (const s of n.steps) { a += s.answered; t += s.total; }
      tr.dataset.answered = a;
      tr.dataset.total = t;
      if (changed.has(n.path)) tr.classList.add("flash");
      tr.append(el("td", "path", n.path));
      tr.append(el("td", "", n.steps.map((s) => titles[s.id] ? shortTitle(s.id) : s.id).join(", ") || "—"));
      tr.append(el("td", "", t > 0 ? `${a}/${t}` : "—"));
      const state = t === 0 ? "no-questions" : a === t ? "complete" : "in-progress";
      const label = { "no-questions": "free writing", complete: "all answered", "in-progress": "in progress" }[state];
      const td = el("td");
      const badge = el("span", "state", label);
      badge.dataset.state = state;
      td.append(badge);
      const count = n.suggestions.filter((s) => s.kind !== "unanswered").length;
      if (count) td.append(el("span", "quiet", ` · ${count} suggestion${count === 1 ? "" : "s"}`));
      tr.append(td);
      body.append(tr);
    }
    $("no-notes").hidden = notes.length > 0;
  }

  const shortTitle = (id) => (titles[id] || id).split(/[:—.?]/)[0].trim();

  async function refresh(changed = new Set()) {
    const report = await request("mend/progress");
    $("root").textContent = report.root;
    $("today").textContent = report.today;
    renderSteps(report.summary);
    renderSuggestions(report.summary);
    renderNotes(report.notes, changed);
    updates += 1;
    document.body.dataset.updates = String(updates);
    $("updated").textContent = "Updated " + new Date().toLocaleTimeString() +
      (report.folder_missing ? " — the folder is missing; waiting for it to come back." : "");
  }

  function connect() {
    setStatus("connecting", "connecting…");
    ws = new WebSocket(`ws://${location.host}/rpc`);
    ws.onopen = async () => {
      retry = 500;
      setStatus("live", "live");
      try {
        const templates = await request("mend/templates");
        titles = {};
        for (const t of templates) if (!titles[t.id] || t.language === "en") titles[t.id] = plain(t.title);
        await request("mend/subscribe");
        await refresh();
      } catch (e) {
        setStatus("offline", "could not read progress");
      }
    };
    ws.onmessage = (event) => {
      let msg;
      try { msg = JSON.parse(event.data); } catch { return; }
      if (msg.id !== undefined && pending.has(msg.id)) {
        const p = pending.get(msg.id);
        pending.delete(msg.id);
        if (msg.error) p.reject(msg.error); else p.resolve(msg.result);
      } else if (msg.method === "mend/didChangeProgress") {
        refresh(new Set(msg.params.changed || [])).catch(() => {});
      }
    };
    ws.onclose = () => {
      for (const p of pending.values()) p.reject(new Error("closed"));
      pending.clear();
      setStatus("offline", "offline — reconnecting");
      setTimeout(connect, retry);
      retry = Math.min(retry * 2, 10000);
    };
  }

  connect();
})();
