// mend serve's page: the journey (steps, the action log's chart, suggestions), the notes, a
// form to start a step, and one open note to read and answer in. It speaks JSON-RPC over the
// WebSocket (rpc.js) and redraws when mend/didChangeProgress says a note changed, from this
// page or any other program. No framework, no external assets; note text goes in as text, and
// rendered Markdown only through safe_html.js.
"use strict";

import { $, el, plain, noteHref } from "./dom.js";
import { Rpc } from "./rpc.js";
import { renderSteps, renderSuggestions, renderLogChart } from "./journey.js";
import { NoteView } from "./note_view.js";
import { StartStep } from "./start_step.js";

let titles = {};
let updates = 0;
let notes = [];
let lastLog = null;

const STATUS = { connecting: "connecting…", live: "live", offline: "offline — reconnecting" };
const rpc = new Rpc({
  onStatus: (state) => { const s = $("status"); s.dataset.state = state; s.textContent = STATUS[state]; },
  onOpen: () => { start().catch(() => $("status").textContent = "could not read progress"); },
  onNotification: (method, params) => {
    if (method !== "mend/didChangeProgress") return;
    const changed = new Set(params.changed || []);
    const removed = new Set(params.removed || []);
    refresh(changed).catch(() => {});
    if (noteView.isOpen() && (changed.has(noteView.path) || removed.has(noteView.path)))
      noteView.reload().catch(() => {});
  },
});
const noteView = new NoteView(rpc);
const startStep = new StartStep(rpc, { latestNotes: () => notes });

function renderNotes(list, changed) {
  const body = $("notes");
  body.replaceChildren();
  for (const n of list) {
    const tr = el("tr");
    tr.dataset.path = n.path;
    let a = 0, t = 0;
    for (const s of n.steps) { a += s.answered; t += s.total; }
    tr.dataset.answered = a;
    tr.dataset.total = t;
    if (changed.has(n.path)) tr.classList.add("flash");
    const cell = el("td", "path");
    const link = el("a", "", n.path);
    link.href = noteHref(n.path, 0, n.path_bytes);
    cell.append(link);
    tr.append(cell);
    tr.append(el("td", "steps-col", n.steps.map((s) => shortTitle(s.id)).join(", ") || "—"));
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
  $("no-notes").hidden = list.length > 0;
}

const shortTitle = (id) => (titles[id] || id).split(/[:—.?]/)[0].trim();

async function refresh(changed = new Set()) {
  const [report, log] = await Promise.all([rpc.request("mend/progress"), rpc.request("mend/journey")]);
  $("root").textContent = report.root;
  $("today").textContent = report.today;
  notes = report.notes;
  renderSteps(report.summary, titles);
  renderSuggestions(report.summary);
  renderNotes(report.notes, changed);
  lastLog = log;
  noteView.log = { question: log.question, today: log.today };
  renderLogChart(log);
  startStep.setNotes(report.notes);
  updates += 1;
  document.body.dataset.updates = String(updates);
  $("updated").textContent = "Updated " + new Date().toLocaleTimeString() +
    (report.folder_missing ? " — the folder is missing; waiting for it to come back." : "");
}

async function start() {
  const templates = await rpc.request("mend/templates");
  noteView.templates = templates;
  titles = {};
  const steps = [];
  for (const t of templates) {
    if (!titles[t.id] || t.language === "en") titles[t.id] = plain(t.title);
    if (!steps.some((s) => s.id === t.id)) steps.push({ id: t.id, order: t.order, title: plain(t.title) });
  }
  steps.sort((a, b) => a.order - b.order);
  startStep.setSteps(steps.map((s) => ({ ...s, title: titles[s.id] })));
  await rpc.request("mend/subscribe");
  await refresh();
  route();
}

// #note=PATH[&line=N] opens a note; anything else shows the journey.
function route() {
  const params = new URLSearchParams(location.hash.slice(1));
  const path = params.get("note");
  const overview = $("overview"), notePanel = $("note-panel");
  if (path) {
    overview.hidden = true;
    notePanel.hidden = false;
    noteView.open(path, Number(params.get("line")) || 0, params.get("bytes")).catch(() => {});
    document.title = `${path} — mend`;
  } else {
    const wasOpen = noteView.isOpen();
    noteView.close();
    notePanel.hidden = true;
    overview.hidden = false;
    if (lastLog) renderLogChart(lastLog); // drawn to the width it has now that it is visible
    document.title = "mend — your reflection";
    if (wasOpen) $("journey-title").focus();
  }
}

let resizeTimer = 0;
window.addEventListener("resize", () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => { if (lastLog) renderLogChart(lastLog); }, 150);
});
window.addEventListener("hashchange", () => { if ($("status").dataset.state === "live") route(); });
rpc.connect();
