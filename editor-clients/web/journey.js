// The journey as a picture: the eight steps in the article's order with their state, the action
// log over time as an inline SVG chart (counts written on the bars and a text summary, so
// nothing depends on colour), and the suggestions, each linking to the place it applies.
"use strict";

import { $, el, svg, noteHref } from "./dom.js";

const pct = (a, t) => (t > 0 ? Math.round((100 * a) / t) : 0);

export function renderSteps(summary, titles) {
  const list = $("steps");
  list.replaceChildren();
  summary.steps.forEach((s, i) => {
    const li = el("li", "step");
    li.dataset.step = s.id;
    li.dataset.answered = s.answered;
    li.dataset.total = s.total;
    const state = s.done ? "done" : s.started ? "started" : "waiting";
    li.dataset.state = state;
    li.append(el("span", "num", s.done ? "✓" : String(i + 1)));
    const title = el("span", "title", titles[s.id] || s.id);
    li.append(title);
    const words = { done: "done", started: "started", waiting: "not begun" }[state];
    const count = s.total > 0 ? `${s.answered}/${s.total} answered · ${words}` : words;
    li.append(el("span", "count", count));
    const meter = el("div", "meter");
    meter.setAttribute("aria-hidden", "true");
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

export function renderSuggestions(summary) {
  const list = $("suggestions");
  list.replaceChildren();
  const shown = summary.suggestions.filter((s) => s.kind !== "unanswered");
  for (const s of shown) {
    const li = el("li", "suggestion");
    li.dataset.kind = s.kind;
    li.append(el("span", "kind", s.kind.replace(/-/g, " ")));
    li.append(document.createTextNode(s.message));
    if (s.path) {
      const a = el("a", "where", s.path + (s.line ? `, line ${s.line}` : ""));
      a.href = noteHref(s.path, s.line, s.path_bytes);
      a.setAttribute("aria-label", `Open ${s.path}${s.line ? " at line " + s.line : ""}`);
      li.append(a);
    }
    list.append(li);
  }
  $("no-suggestions").hidden = shown.length > 0;
}

// Days since 1970-01-01 for an ISO date, in UTC so no time zone moves a day.
const dayNumber = (iso) => Math.round(Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86400000);
const isoOf = (day) => new Date(day * 86400000).toISOString().slice(0, 10);

const WEEKS = 12;

// Entries per week for the last WEEKS weeks ending today (the newest week on the right).
export function weeklyCounts(log) {
  const today = dayNumber(log.today);
  const weeks = [];
  for (let w = WEEKS - 1; w >= 0; w--) {
    const end = today - 7 * w, start = end - 6;
    weeks.push({ start: isoOf(start), end: isoOf(end), count: 0 });
  }
  for (const e of log.entries) {
    const ago = today - dayNumber(e.date);
    if (ago < 0 || ago >= 7 * WEEKS) continue;
    weeks[WEEKS - 1 - Math.floor(ago / 7)].count += 1;
  }
  return weeks;
}

export function renderLogChart(log) {
  const box = $("log-chart");
  box.replaceChildren();
  const weeks = weeklyCounts(log);
  const max = Math.max(1, ...weeks.map((w) => w.count));
  // One unit of the drawing is one pixel of the box, so the words stay readable on a phone.
  const W = Math.max(300, Math.min(800, (box.clientWidth || 600) - 20));
  const H = 170, left = 8, bottom = 36, top = 22, gap = W < 480 ? 4 : 8;
  const labelEvery = W < 480 ? 3 : 2;
  const bar = (W - left * 2 - gap * (WEEKS - 1)) / WEEKS;
  const chart = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-labelledby": "log-chart-title log-summary",
    class: "chart", preserveAspectRatio: "xMidYMid meet" });
  chart.append(svg("title", { id: "log-chart-title" }, `Dated action-log entries per week, the last ${WEEKS} weeks`));
  chart.append(svg("line", { x1: left, x2: W - left, y1: H - bottom, y2: H - bottom, class: "axis" }));
  weeks.forEach((w, i) => {
    const x = left + i * (bar + gap);
    const h = ((H - bottom - top) * w.count) / max;
    const g = svg("g", { class: "week", "data-start": w.start, "data-count": w.count });
    if (w.count > 0) {
      g.append(svg("rect", { x, y: H - bottom - h, width: bar, height: h, rx: 4, class: "bar" }));
    } else {
      // An empty week is drawn as an outline, not a missing bar: visible in any colour scheme.
      g.append(svg("rect", { x, y: H - bottom - 4, width: bar, height: 4, rx: 2, class: "bar empty" }));
    }
    g.append(svg("text", { x: x + bar / 2, y: H - bottom - h - 6, class: "count", "text-anchor": "middle" }, String(w.count)));
    if ((WEEKS - 1 - i) % labelEvery === 0)
      g.append(svg("text", { x: x + bar / 2, y: H - bottom + 16, class: "label", "text-anchor": "middle" },
        i === WEEKS - 1 ? "this week" : `${WEEKS - 1 - i} wk ago`));
    const tip = svg("title", {}, `Week of ${w.start} to ${w.end}: ${w.count} entr${w.count === 1 ? "y" : "ies"}`);
    g.append(tip);
    chart.append(g);
  });
  box.append(chart);

  const summary = $("log-summary");
  const inWindow = weeks.reduce((a, w) => a + w.count, 0);
  let text;
  if (!log.last_entry) {
    text = "No dated entries in the action log yet. The article suggests writing down, every " +
      `${log.rhythm_days} days or so, what you did that shows the change.`;
  } else {
    const age = log.days_since_last;
    const ago = age === 0 ? "today" : age === 1 ? "yesterday" : `${age} days ago`;
    const rhythm = age <= log.rhythm_days ? `within the ${log.rhythm_days}-day rhythm the article asks for`
      : `more than the ${log.rhythm_days} days the article suggests between entries; there is no hurry, a line is enough`;
    text = `${inWindow} dated entr${inWindow === 1 ? "y" : "ies"} in the last ${WEEKS} weeks. ` +
      `The last one is from ${log.last_entry} (${ago}): ${rhythm}.`;
  }
  summary.textContent = text;
  summary.dataset.entries = String(log.entries.length);
  summary.dataset.daysSinceLast = log.days_since_last === null ? "" : String(log.days_since_last);
}
