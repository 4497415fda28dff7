// One note, open: its steps and questions in order, each with its state, the article's
// guidance and the answer as written (md4c's HTML, rebuilt by safe_html.js), and a place to
// write under each question. The text goes through mend/answer, which inserts it under the
// question with the same base_hash check and atomic write as mend/insertTemplate.
//
// Why drafts keep the hash they started from: if the note changes while someone writes (on
// disk, or from another page), their words must not land on a version they never saw. The save
// is then refused, the new version is shown, and the words stay in the box until saved again.
//
// Beside each question, "Not a question" and "This is…" correct what mend read (mend/correct):
// the same marker comment an editor's code actions write, on the hash the page last read.
"use strict";

import { $, el, plain } from "./dom.js";
import { safeFragment } from "./safe_html.js";

export class NoteView {
  constructor(rpc) {
    this.rpc = rpc;
    this.view = null;     // the last mend/note result
    this.path = null;     // as the reports write it (U+FFFD for bytes that are not UTF-8)
    this.bytes = null;    // its exact bytes, percent-encoded, when it is not UTF-8
    this.drafts = new Map(); // question id -> { text, base, notice }
    this.log = { question: "", today: "" }; // the action log's question and today (mend/journey)
    this.templates = [];  // mend/templates: every step of every language, with its questions
    this.message = "";    // what the last correction did, shown (and announced) above the note
  }

  isOpen(path) { return this.path !== null && (path === undefined || path === this.path); }

  close() {
    this.path = null;
    this.bytes = null;
    this.view = null;
    this.message = "";
    this.drafts.clear();
  }

  // How requests name the note: by its bytes when its name is not UTF-8.
  name() { return this.bytes ? { path_bytes: this.bytes } : { path: this.path }; }

  async open(path, line, bytes) {
    if (path !== this.path || (bytes || null) !== this.bytes) { this.drafts.clear(); this.message = ""; }
    this.path = path;
    this.bytes = bytes || null;
    await this.reload();
    if (line) this.focusLine(line);
    else $("note-title").focus();
  }

  async reload() {
    const path = this.path;
    const container = $("note-body");
    let view;
    try {
      view = await this.rpc.request("mend/note", this.name());
    } catch (e) {
      if (this.path !== path) return;
      this.view = null;
      $("note-title").textContent = path;
      container.replaceChildren(el("p", "notice", e.message || "This note could not be read."));
      container.dataset.hash = "";
      return;
    }
    if (this.path !== path) return; // another note was opened meanwhile
    const changed = this.view && this.view.hash !== view.hash;
    this.view = view;
    if (changed) {
      for (const d of this.drafts.values())
        if (d.base !== view.hash) d.notice = "This note changed while you were writing (in another window or " +
          "program). Your words are kept here; read the note as it is now, then save when you are ready.";
    }
    this.render();
  }

  focusLine(line) {
    const cards = [...document.querySelectorAll("#note-body .question")];
    let best = null;
    for (const c of cards) if (Number(c.dataset.line) <= line) best = c;
    const target = best || cards[0];
    if (target) {
      const h = target.querySelector("h4");
      h.focus();
      target.scrollIntoView({ block: "center" });
    } else {
      $("note-title").focus();
    }
  }

  render() {
    const view = this.view;
    const body = $("note-body");
    const focused = document.activeElement && document.activeElement.id;
    const selection = focused && document.activeElement.tagName === "TEXTAREA"
      ? [document.activeElement.selectionStart, document.activeElement.selectionEnd] : null;
    $("note-title").textContent = view.path;
    body.dataset.hash = view.hash;
    body.replaceChildren();
    const said = el("p", "write-status", this.message);
    said.id = "note-status";
    said.setAttribute("role", "status");
    body.append(said);
    if (view.questions.length === 0) {
      body.append(el("p", "quiet", "mend recognises no question of the article in this note. It is free writing, " +
        "and that is fine. You can start a step in it from your journey page."));
    }
    const byStep = new Map();
    for (const q of view.questions) {
      if (!byStep.has(q.step)) byStep.set(q.step, []);
      byStep.get(q.step).push(q);
    }
    const steps = view.steps.length ? view.steps : [...byStep.keys()].map((id) => ({ id, title: id, intro_html: "" }));
    for (const step of steps) {
      const section = el("section", "note-step");
      section.dataset.step = step.id;
      const headingId = `step-${step.id}`;
      section.setAttribute("aria-labelledby", headingId);
      const h = el("h3", "", step.title);
      h.id = headingId;
      section.append(h);
      if (step.intro_html) {
        const details = el("details", "intro");
        details.append(el("summary", "", "What the article says about this step"));
        const intro = el("div", "guidance");
        intro.append(safeFragment(step.intro_html));
        details.append(intro);
        section.append(details);
      }
      const questions = byStep.get(step.id) || [];
      if (questions.length === 0)
        section.append(el("p", "quiet", "This note names the step, but holds none of its questions yet."));
      for (const q of questions) section.append(this.questionCard(q));
      body.append(section);
    }
    if (focused && document.getElementById(focused)) {
      const f = document.getElementById(focused);
      f.focus();
      if (selection && f.tagName === "TEXTAREA") f.setSelectionRange(selection[0], selection[1]);
    }
  }

  questionCard(q) {
    const card = el("article", "question");
    const slug = q.id.replace(/[^a-z0-9]/gi, "-");
    card.dataset.id = q.id;
    card.dataset.line = q.line;
    card.dataset.form = q.form;
    const state = q.answered ? (q.nil ? "nil" : "answered") : "open";
    card.dataset.state = state;
    const titleId = `q-${slug}`;
    card.setAttribute("aria-labelledby", titleId);
    // A marker-only question has no wording of its own in the note: the article's is shown.
    const own = q.form === "marker" ? "" : q.text;
    const h = el("h4", "", own || q.asked);
    h.id = titleId;
    h.tabIndex = -1;
    card.append(h);
    const meta = el("p", "meta");
    const badge = el("span", "state", { answered: "answered", nil: "answered: nothing to say", open: "not answered yet" }[state]);
    badge.dataset.state = state;
    meta.append(badge, document.createTextNode(` · line ${q.line}`));
    card.append(meta);
    // A marker-only question has no line of the person's to correct: the marker is the question,
    // and deleting it is the undo.
    if (q.form !== "marker") card.append(this.corrections(q, slug, own || q.asked));
    // A label ("Official reasons:") or a line in the person's own words: the article's full
    // question beside it says what is being asked.
    if (own && q.asked && !/\?\s*$/.test(own)) card.append(el("p", "asked", "The article asks: " + q.asked));
    if (q.guidance) {
      const g = el("p", "guidance", q.guidance);
      g.setAttribute("aria-label", "Guidance from the article: " + q.guidance);
      card.append(g);
    }
    const answer = el("div", "answer");
    answer.setAttribute("aria-label", "Your answer");
    if (q.answer_html) answer.append(safeFragment(q.answer_html));
    else answer.append(el("p", "quiet", "Nothing written here yet."));
    card.append(answer);
    card.append(this.editor(q, slug));
    return card;
  }

  // The pack's questions in the note's language, those of the line's step section first, as
  // [{ title, questions: [{ id, text }] }] (mend/templates, in the article's order).
  questionChoices(q) {
    const lang = this.templates.some((t) => t.language === this.view.language) ? this.view.language : "en";
    const steps = this.templates.filter((t) => t.language === lang).sort((a, b) => a.order - b.order);
    // The section the line sits in: the last step the note names at or above it.
    let section = q.step;
    for (const s of this.view.steps) if (s.line && s.line <= q.line) section = s.id;
    const first = steps.filter((s) => s.id === section);
    return [...first, ...steps.filter((s) => s.id !== section)]
      .map((s) => ({ title: plain(s.title), questions: s.questions || [] }));
  }

  corrections(q, slug, words) {
    const wrap = el("div", "correct");
    const ignore = el("button", "secondary", "Not a question");
    ignore.type = "button";
    ignore.id = `ignore-${slug}`;
    // Named with the line's words: a screen reader's list of buttons says which line each is.
    ignore.setAttribute("aria-label", `Not a question: “${words}” (line ${q.line})`);
    ignore.addEventListener("click", () => this.correct(q, { action: "ignore" }, ignore));
    const form = el("form", "this-is");
    const label = el("label", "", "This is…");
    label.htmlFor = `this-is-${slug}`;
    const select = el("select");
    select.id = `this-is-${slug}`;
    select.setAttribute("aria-label", `This is… (the question that line ${q.line}, “${words}”, asks)`);
    for (const group of this.questionChoices(q)) {
      if (!group.questions.length) continue;
      const g = document.createElement("optgroup");
      g.label = group.title;
      for (const question of group.questions) {
        const o = document.createElement("option");
        o.value = question.id;
        o.textContent = plain(question.text);
        o.selected = question.id === q.id;
        g.append(o);
      }
      select.append(g);
    }
    const apply = el("button", "secondary", "Set");
    apply.type = "submit";
    apply.id = `set-${slug}`;
    apply.setAttribute("aria-label", `Set the question of line ${q.line}`);
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      this.correct(q, { action: "question", id: select.value }, apply);
    });
    form.append(label, select, apply);
    wrap.append(ignore, form);
    return wrap;
  }

  // Writes the marker on the hash the page shows; a note changed meanwhile is refused by mend
  // and read again, so a correction never lands on a line the person did not see.
  async correct(q, change, button) {
    button.disabled = true;
    const status = $("note-status");
    status.classList.remove("notice");
    status.textContent = "Writing…";
    try {
      const result = await this.rpc.request("mend/correct",
        { ...this.name(), line: q.line, base_hash: this.view.hash, ...change });
      this.message = `Written in ${result.path}: ${result.marker} after line ${q.line}. ` +
        "Deleting that comment undoes it.";
    } catch (e) {
      this.message = e.data && "hash" in e.data
        ? "This note changed since you last saw it, so nothing was written. Here it is as it is now."
        : (e.message || "Nothing was written.");
    }
    await this.reload();
    const now = $("note-status");
    if (now && /nothing was written/i.test(this.message)) now.classList.add("notice");
    // The card may be gone (no longer a question): the note's title keeps the focus in place.
    $("note-title").focus();
  }

  editor(q, slug) {
    const wrap = el("div", "write");
    const draft = this.drafts.get(q.id);
    const status = el("p", "write-status");
    status.id = `status-${slug}`;
    status.setAttribute("role", "status");
    if (!draft) {
      const open = el("button", "secondary", q.answer_markdown.trim() ? "Add to your answer" : "Write your answer");
      open.type = "button";
      open.id = `open-${slug}`;
      open.addEventListener("click", () => {
        // An entry of the action log starts with today's date, so it counts in the journey.
        const text = q.id === this.log.question && this.log.today ? `- ${this.log.today} — ` : "";
        this.drafts.set(q.id, { text, base: this.view.hash, notice: "" });
        this.render();
        const area = document.getElementById(`text-${slug}`);
        area.focus();
        area.setSelectionRange(area.value.length, area.value.length);
      });
      wrap.append(open);
      if (this.lastSaved && this.lastSaved.id === q.id) status.textContent = this.lastSaved.message;
      wrap.append(status);
      return wrap;
    }
    const form = el("form", "answer-form");
    const label = el("label", "", q.answer_markdown.trim() ? "Add to your answer" : "Your answer");
    label.htmlFor = `text-${slug}`;
    const area = el("textarea");
    area.id = `text-${slug}`;
    area.rows = 5;
    area.value = draft.text;
    area.setAttribute("aria-describedby", `hint-${slug} ${status.id}`);
    area.addEventListener("input", () => { draft.text = area.value; });
    area.addEventListener("keydown", (e) => {
      if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) { e.preventDefault(); form.requestSubmit(); }
      if (e.key === "Escape") { e.preventDefault(); cancel.click(); }
    });
    const hint = el("p", "quiet hint", "Markdown works here. It is added under the question in your note, exactly as " +
      "you type it. Ctrl+Enter saves, Escape closes.");
    hint.id = `hint-${slug}`;
    const save = el("button", "", "Save to the note");
    save.type = "submit";
    save.id = `save-${slug}`;
    const cancel = el("button", "secondary", "Close");
    cancel.type = "button";
    cancel.addEventListener("click", () => {
      if (draft.text.trim() && !confirm("Close without saving? What you wrote here will be lost.")) return;
      this.drafts.delete(q.id);
      this.render();
      document.getElementById(`open-${slug}`).focus();
    });
    if (draft.notice) {
      status.textContent = draft.notice;
      status.setAttribute("role", "alert");
      status.classList.add("notice");
    }
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      this.save(q, slug, draft, status, save);
    });
    const buttons = el("div", "buttons");
    buttons.append(save, cancel);
    form.append(label, area, hint, buttons, status);
    wrap.append(form);
    return wrap;
  }

  async save(q, slug, draft, status, button) {
    if (!draft.text.trim()) {
      status.textContent = "There is nothing to save yet.";
      return;
    }
    button.disabled = true;
    status.setAttribute("role", "status");
    status.textContent = "Saving…";
    try {
      const result = await this.rpc.request("mend/answer",
        { ...this.name(), question: q.id, text: draft.text, base_hash: draft.base });
      this.drafts.delete(q.id);
      this.lastSaved = { id: q.id, message: `Saved in ${result.path}, from line ${result.line + 1}.` };
      await this.reload();
      const h = document.getElementById(`q-${slug}`);
      if (h) h.focus();
    } catch (e) {
      const stale = e.data && "hash" in e.data;
      if (stale) {
        await this.reload();
        draft.base = this.view ? this.view.hash : draft.base;
        draft.notice = "This note changed since you began (in another window or program), so nothing was " +
          "written. Your words are still here. Read the note as it is now, then save again to add them.";
      } else {
        draft.notice = (e.message || "Nothing was written.") + " Your words are still here.";
      }
      this.render();
      const area = document.getElementById(`text-${slug}`);
      if (area) area.focus();
    }
  }
}
