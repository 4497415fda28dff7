// Starting a step: the step's questions go into a note the person picks, or into a new note
// named after the step and today's date (mend/newNotePath), through mend/insertTemplate. mend
// fills in the name and pronouns from the folder's settings. A new note is created with
// base_hash null, which never replaces a file, and an existing note's hash must still match.
"use strict";

import { $, el, noteHref } from "./dom.js";

export class StartStep {
  constructor(rpc, { latestNotes }) {
    this.rpc = rpc;
    this.latestNotes = latestNotes; // () => [{path, hash}] from the last mend/progress
    $("start-form").addEventListener("submit", (e) => { e.preventDefault(); this.start(); });
    for (const r of document.querySelectorAll("input[name=start-where]"))
      r.addEventListener("change", () => { $("start-note").disabled = !$("start-existing").checked; });
  }

  setSteps(steps) {
    const select = $("start-step");
    const chosen = select.value;
    select.replaceChildren();
    for (const s of steps) {
      const o = el("option", "", `${s.order}. ${s.title}`);
      o.value = s.id;
      select.append(o);
    }
    if (chosen) select.value = chosen;
  }

  setNotes(notes) {
    const select = $("start-note");
    const chosen = select.value;
    select.replaceChildren();
    for (const n of notes) {
      const o = el("option", "", n.path);
      o.value = n.path;
      select.append(o);
    }
    if (chosen && notes.some((n) => n.path === chosen)) select.value = chosen;
    $("start-existing").disabled = notes.length === 0;
  }

  async start() {
    const status = $("start-status");
    const template = $("start-step").value;
    const button = $("start-button");
    button.disabled = true;
    status.replaceChildren("Adding the step…");
    try {
      let name, base;
      if ($("start-existing").checked) {
        const path = $("start-note").value;
        const note = this.latestNotes().find((n) => n.path === path);
        if (!note) throw { message: `${path} is no longer in the folder.` };
        name = note.path_bytes ? { path_bytes: note.path_bytes } : { path }; // a name that is not UTF-8
        base = note.hash;
      } else {
        name = { path: (await this.rpc.request("mend/newNotePath", { template })).path };
        base = null;
      }
      const result = await this.rpc.request("mend/insertTemplate", { ...name, template, base_hash: base });
      const link = el("a", "", `Open ${result.path}`);
      link.href = noteHref(result.path, result.line + 1, result.path_bytes);
      status.replaceChildren(`The step is in ${result.path}, from line ${result.line + 1}. `, link);
      status.dataset.path = result.path;
    } catch (e) {
      const stale = e.data && "hash" in e.data;
      status.replaceChildren(stale
        ? "That note changed a moment ago, so nothing was written. The list is up to date now; try again."
        : (e.message || "Nothing was written."));
    } finally {
      button.disabled = false;
    }
  }
}
