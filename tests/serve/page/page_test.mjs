// Drives the mend serve page in headless Chromium, end to end, on a copy of the example notes:
// the counts match `mend scan --json`; the journey chart holds the log's entries; a suggestion
// links to its place; a note opens and shows its questions; an answer typed with the keyboard
// only lands under its question (the note compared byte for byte); Markdown renders and
// nothing from a note runs or loads; a second page sees the write; a note edited on disk while
// someone writes refuses the stale save and keeps their words; "Not a question", pressed with
// the keyboard, writes the marker an editor's code action writes; starting a step creates a named
// note and never overwrites; screenshots at 360 px and desktop, light and dark.
// Inputs come from the environment (the page's address holds the token, so it never goes on a
// command line): MEND, MEND_FOLDER, MEND_PAGE_URL, MEND_TODAY, MEND_MEDIA (screenshot folder),
// MEND_PLAYWRIGHT (the playwright-core folder).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const env = process.env;
const require = createRequire(path.join(env.MEND_PLAYWRIGHT, "package.json"));
const { chromium } = require("playwright-core");

const scan = () => JSON.parse(execFileSync(env.MEND, ["scan", env.MEND_FOLDER, "--json", "--today", env.MEND_TODAY]));
const fail = (msg) => { throw new Error(msg); };
const note = (name) => path.join(env.MEND_FOLDER, name);
const read = (name) => fs.readFileSync(note(name));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const origin = new URL(env.MEND_PAGE_URL).origin;
const config = path.join(env.MEND_FOLDER, ".mend", "config.yaml");

// Polls with page.evaluate: waitForFunction would eval a string, which the page's CSP forbids.
async function waitFor(page, fn, arg, timeout, what) {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    if (await page.evaluate(fn, arg)) return Date.now();
    await sleep(25);
  }
  fail("timed out waiting for " + what);
}

function sameBytes(got, want, when) {
  if (Buffer.compare(Buffer.from(got), Buffer.from(want)) !== 0)
    fail(`${when}: the note is not byte for byte what was expected.\n--- got ---\n${got}\n--- want ---\n${want}`);
}

// Inserts `bytes` at the end of the line holding `after` (its first occurrence).
function insertAfterLine(text, after, bytes) {
  const at = text.indexOf(after);
  if (at < 0) fail(`fixture changed: "${after}" is not in the note`);
  const eol = text.indexOf("\n", at);
  const end = eol < 0 ? text.length : eol;
  return text.slice(0, end) + bytes + text.slice(end);
}

async function pageState(page) {
  return page.evaluate(() => ({
    updates: Number(document.body.dataset.updates || 0),
    answered: Number(document.getElementById("overall-text").dataset.answered),
    questions: Number(document.getElementById("overall-text").dataset.questions),
    steps: [...document.querySelectorAll("#steps li")].map((li) => ({
      id: li.dataset.step, answered: Number(li.dataset.answered), total: Number(li.dataset.total), state: li.dataset.state })),
    notes: [...document.querySelectorAll("#notes tr")].map((tr) => ({
      path: tr.dataset.path, answered: Number(tr.dataset.answered), total: Number(tr.dataset.total) })),
    suggestions: document.querySelectorAll("#suggestions li").length,
    status: document.getElementById("status").dataset.state,
  }));
}

function compare(state, report, when) {
  const s = report.summary;
  if (state.answered !== s.answered || state.questions !== s.questions)
    fail(`${when}: overall ${state.answered}/${state.questions}, scan says ${s.answered}/${s.questions}`);
  if (state.steps.length !== s.steps.length) fail(`${when}: ${state.steps.length} steps shown, ${s.steps.length} expected`);
  s.steps.forEach((step, i) => {
    const shown = state.steps[i];
    const want = step.done ? "done" : step.started ? "started" : "waiting";
    if (shown.id !== step.id || shown.answered !== step.answered || shown.total !== step.total || shown.state !== want)
      fail(`${when}: step ${i} shows ${JSON.stringify(shown)}, scan says ${JSON.stringify(step)}`);
  });
  if (state.notes.length !== report.notes.length) fail(`${when}: ${state.notes.length} notes shown, ${report.notes.length} expected`);
  report.notes.forEach((n, i) => {
    const a = n.steps.reduce((x, st) => x + st.answered, 0), t = n.steps.reduce((x, st) => x + st.total, 0);
    const shown = state.notes[i];
    if (shown.path !== n.path || shown.answered !== a || shown.total !== t)
      fail(`${when}: note row ${i} shows ${JSON.stringify(shown)}, scan says ${n.path} ${a}/${t}`);
  });
  const suggestions = s.suggestions.filter((x) => x.kind !== "unanswered").length;
  if (state.suggestions !== suggestions) fail(`${when}: ${state.suggestions} suggestions shown, ${suggestions} expected`);
}

// Presses Tab until the element with `id` has the focus: the page is used by keyboard only.
async function tabTo(page, id, limit = 300) {
  for (let i = 0; i < limit; i++) {
    if (await page.evaluate((x) => document.activeElement && document.activeElement.id === x, id)) return;
    await page.keyboard.press("Tab");
  }
  fail(`Tab never reached #${id}`);
}

const cardState = (page, id) => page.evaluate((q) => {
  const card = document.querySelector(`#note-body .question[data-id="${q}"]`);
  const a = card && card.querySelector(".answer");
  return card && { state: card.dataset.state, answer: a.innerHTML,
    dangerous: a.querySelectorAll("script, img, iframe, [onerror], [style], a[href^='javascript']").length,
    status: card.querySelector(".write-status") ? card.querySelector(".write-status").textContent : "" };
}, id);

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run"],
});
const problems = [];
const foreign = [];
async function newPage(width, scheme = "light") {
  const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: scheme });
  page.on("console", (m) => { if (m.type() === "error") problems.push(m.text()); });
  page.on("pageerror", (e) => problems.push(String(e)));
  // Every request the page makes must go to mend serve itself.
  page.on("request", (r) => { if (!r.url().startsWith(origin) && !r.url().startsWith("data:")) foreign.push(r.url()); });
  await page.goto(env.MEND_PAGE_URL);
  if (new URL(page.url()).search !== "") fail("the token stayed in the address bar: " + page.url());
  await waitFor(page, () => Number(document.body.dataset.updates || 0) >= 1, null, 10000, "the first progress");
  return page;
}
const base = () => env.MEND_PAGE_URL.split("?")[0];
const timings = {};

try {
  // Only the token's holder gets in: a browser without it is refused.
  const stranger = await browser.newPage();
  const refused = await stranger.goto(base());
  if (refused.status() < 400) fail(`the page answered ${refused.status()} without the token`);
  await stranger.close();

  const page = await newPage(1000);
  const before = await pageState(page);
  if (before.status !== "live") fail("status is " + before.status);
  compare(before, scan(), "first load");
  console.log(`page: ${before.answered}/${before.questions} answered, ${before.notes.length} notes, ${before.steps.length} steps`);

  // Screenshots of the example notes as they are (before any write): desktop and 360 px, light
  // and dark; nothing wider than the screen.
  fs.mkdirSync(env.MEND_MEDIA, { recursive: true });
  for (const scheme of ["light", "dark"]) {
    for (const width of [1000, 360]) {
      const p = await newPage(width, scheme);
      const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (overflow > 0) fail(`the journey is ${overflow}px wider than a ${width}px screen`);
      await p.screenshot({ path: path.join(env.MEND_MEDIA, `journey-${width}-${scheme}.png`), fullPage: true });
      await p.goto(base() + "#note=why-it-ended.md");
      await waitFor(p, () => document.querySelectorAll("#note-body .question").length > 0, null, 5000, "the note");
      const noteOverflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (noteOverflow > 0) fail(`the note is ${noteOverflow}px wider than a ${width}px screen`);
      await p.click("#open-why-official");
      await p.fill("#text-why-official", "And that he needed to find out who he was without me.");
      await p.evaluate(() => window.scrollTo(0, 0));
      await p.screenshot({ path: path.join(env.MEND_MEDIA, `note-${width}-${scheme}.png`) });
      await p.close();
    }
  }

  // The journey: eight steps, and the action log's dated entries drawn per week.
  if (before.steps.length !== 8) fail(`${before.steps.length} steps in the journey, not 8`);
  const chart = await page.evaluate(() => ({
    weeks: [...document.querySelectorAll("#log-chart svg g.week")].map((g) => Number(g.dataset.count)),
    role: document.querySelector("#log-chart svg").getAttribute("role"),
    labels: [...document.querySelectorAll("#log-chart svg text.count")].map((t) => t.textContent),
    summary: document.getElementById("log-summary").textContent,
  }));
  const logDates = ["2026-11-02"]; // examples/notes/2026-11-02.md: a daily note, four entries
  if (chart.weeks.length !== 12 || chart.weeks.reduce((a, b) => a + b, 0) !== 4 || chart.weeks[8] !== 4)
    fail("the chart's weeks are " + JSON.stringify(chart.weeks) + ", expected 4 entries three weeks ago " + logDates);
  if (chart.role !== "img" || chart.labels.join(",") !== chart.weeks.join(","))
    fail("the chart is not labelled with its counts in text: " + JSON.stringify(chart));
  if (!/2026-11-02 \(24 days ago\)/.test(chart.summary) || !/7 days/.test(chart.summary))
    fail("the log summary says: " + chart.summary);

  // A suggestion links to its place: the note opens with that question in focus.
  const link = await page.evaluate(() => {
    const a = document.querySelector('#suggestions li[data-kind="shared-blame"] a');
    return a && a.getAttribute("href");
  });
  if (!link || !link.startsWith("#note=why-it-ended.md")) fail("the shared-blame suggestion links to " + link);
  await page.click('#suggestions li[data-kind="shared-blame"] a');
  await waitFor(page, () => document.activeElement && document.activeElement.closest(".question") &&
      document.activeElement.closest(".question").dataset.id === "why.disliked", null, 5000,
    "the suggestion to open why-it-ended.md at why.disliked");

  // The note's questions, as `mend scan` reads them, with their state.
  const scanned = scan().notes.find((n) => n.path === "why-it-ended.md");
  const shown = await page.evaluate(() => [...document.querySelectorAll("#note-body .question")].map((c) => ({
    id: c.dataset.id, state: c.dataset.state, guidance: !!c.querySelector(".guidance") })));
  if (shown.length !== scanned.questions.length) fail(`${shown.length} questions shown, scan has ${scanned.questions.length}`);
  scanned.questions.forEach((q, i) => {
    if (shown[i].id !== q.id || (shown[i].state !== "open") !== q.answered || !shown[i].guidance)
      fail(`question ${i}: shown ${JSON.stringify(shown[i])}, scan says ${JSON.stringify(q)}`);
  });
  if (await page.evaluate(() => !!document.querySelector("#note-body .answer blockquote")))
    fail("the template's guidance quote is shown as part of an answer");

  // A second page on the same note: it must see what the first writes.
  const second = await newPage(1000);
  await second.goto(base() + "#note=why-it-ended.md");
  await waitFor(second, () => document.querySelectorAll("#note-body .question").length > 0, null, 5000, "the second page's note");

  // Answer in place, keyboard only: Tab to the button, Enter, type, Ctrl+Enter.
  const original = read("why-it-ended.md").toString();
  const answer = "We met in March, **two years** ago.\n\n<script>window.__ran = 1</script> " +
    "<img src=\"http://127.0.0.1:9/x.png\" onerror=\"window.__ran = 2\"> ![a photo](http://127.0.0.1:9/photo.png) " +
    "[his page](javascript:alert(1))";
  await tabTo(page, "open-why-stage");
  await page.keyboard.press("Enter");
  await waitFor(page, () => document.activeElement && document.activeElement.id === "text-why-stage", null, 3000, "the answer box");
  await page.keyboard.type(answer);
  const t0 = Date.now();
  await page.keyboard.press("Control+Enter");
  await waitFor(page, () => {
    const c = document.querySelector('#note-body .question[data-id="why.stage"]');
    return c && c.dataset.state === "answered";
  }, null, 5000, "the answer to be saved and shown as answered");
  timings.save = Date.now() - t0;
  const expected = insertAfterLine(original, "_your answer_", "\n\n" + answer);
  sameBytes(read("why-it-ended.md").toString(), expected, "after answering why.stage");
  const card = await cardState(page, "why.stage");
  if (!card.answer.includes("<strong>two years</strong>")) fail("the answer's Markdown is not rendered: " + card.answer);
  if (card.dangerous) fail("raw HTML or a script link got through: " + card.answer);
  if (!card.answer.includes("&lt;script&gt;") || !card.answer.includes("[image: a photo]"))
    fail("the note's HTML is not shown as text, or the image not as its description: " + card.answer);
  if (await page.evaluate(() => window.__ran !== undefined)) fail("a script from the note ran");
  // The other page shows the new answer within a second.
  const t1 = Date.now();
  await waitFor(second, () => {
    const c = document.querySelector('#note-body .question[data-id="why.stage"]');
    return c && c.dataset.state === "answered" && c.querySelector(".answer strong");
  }, null, 1000, "the second page to show the answer within a second");
  timings.other_page = Date.now() - t1;

  // A note edited on disk while someone writes: the save is refused, the words are kept, and
  // a second save lands on the version they now see.
  await page.click("#open-why-reversible");
  await page.fill("#text-why-reversible", "Only if we both change how we talk about money.");
  await page.evaluate(() => document.getElementById("text-why-reversible").dispatchEvent(new Event("input")));
  const edited = read("why-it-ended.md").toString() + "\nWritten in another editor.\n";
  const t2 = Date.now();
  fs.writeFileSync(note("why-it-ended.md"), edited);
  await waitFor(page, () => /changed while you were writing/.test(
    document.querySelector('#note-body .question[data-id="why.reversible"] .write-status').textContent), null, 1000,
  "the page to say the note changed on disk, within a second");
  timings.disk_edit = Date.now() - t2;
  await page.click("#save-why-reversible");
  await waitFor(page, () => /nothing was\s+written/.test(
    document.querySelector('#note-body .question[data-id="why.reversible"] .write-status').textContent), null, 3000,
  "the stale save to be refused");
  sameBytes(read("why-it-ended.md").toString(), edited, "after a save on a stale base");
  if (await page.inputValue("#text-why-reversible") !== "Only if we both change how we talk about money.")
    fail("the words typed were lost after the refusal");
  await page.click("#save-why-reversible");
  await waitFor(page, () => !document.getElementById("text-why-reversible"), null, 3000, "the second save");
  sameBytes(read("why-it-ended.md").toString(),
    insertAfterLine(edited, "TODO — ask Léa", "\n\nOnly if we both change how we talk about money."), "after saving again");

  // "Not a question", from the keyboard: the line's mend:q marker becomes mend:ignore (what the
  // LSP code action writes), every other byte stays, and the question leaves the note's view.
  const choices = await page.evaluate(() => {
    const s = document.getElementById("this-is-why-official");
    return s && { name: s.getAttribute("aria-label"), first: s.querySelector("optgroup").label,
      ids: [...s.querySelectorAll("optgroup:first-child option")].map((o) => o.value), value: s.value };
  });
  if (!choices || !/^This is…/.test(choices.name) || choices.value !== "why.official" ||
      !/why the separation/.test(choices.first) || !choices.ids.includes("why.not-working"))
    fail("the \"This is…\" control does not offer the line's step first: " + JSON.stringify(choices));
  const beforeIgnore = read("why-it-ended.md").toString();
  await page.evaluate(() => document.getElementById("note-title").focus());
  await tabTo(page, "ignore-why-official");
  // Read by its id: a refresh of the note may re-render the control (and drop its focus) after
  // Tab reached it; Tab reaches it again before Enter.
  const ignoreName = await page.evaluate(() =>
      document.getElementById("ignore-why-official")?.getAttribute("aria-label"));
  if (!/^Not a question: .*official reasons/.test(ignoreName)) fail("the control is named " + ignoreName);
  await tabTo(page, "ignore-why-official");
  await page.keyboard.press("Enter");
  await waitFor(page, () => !document.querySelector('#note-body .question[data-id="why.official"]') &&
      /mend:ignore/.test(document.getElementById("note-status").textContent), null, 3000,
  "the question to leave the view after \"Not a question\"");
  const ignoredBytes = beforeIgnore.replace("<!-- mend:q why.official -->", "<!-- mend:ignore -->");
  if (ignoredBytes === beforeIgnore) fail("fixture changed: no why.official marker");
  sameBytes(read("why-it-ended.md").toString(), ignoredBytes, "after \"Not a question\" on why.official");

  // An entry of the action log, from the page: it starts dated today, and the chart counts it.
  await page.goto(base() + "#note=2026-11-02.md");
  await waitFor(page, () => !!document.getElementById("open-new-start-log"), null, 5000, "the log note");
  const log = read("2026-11-02.md").toString();
  await page.click("#open-new-start-log");
  if (await page.inputValue("#text-new-start-log") !== `- ${env.MEND_TODAY} — `)
    fail("the log entry does not start with today's date: " + await page.inputValue("#text-new-start-log"));
  await page.keyboard.type("Walked instead of texting him.");
  await page.keyboard.press("Control+Enter");
  await waitFor(page, () => !document.getElementById("text-new-start-log"), null, 3000, "the log entry to be saved");
  sameBytes(read("2026-11-02.md").toString(),
    insertAfterLine(log, "Dinner: soup.", `\n\n- ${env.MEND_TODAY} — Walked instead of texting him.`), "after a log entry");
  await page.goto(base() + "#");
  await waitFor(page, () => {
    const weeks = [...document.querySelectorAll("#log-chart svg g.week")];
    return weeks.length === 12 && weeks[11].dataset.count === "1" && /\(today\)/.test(document.getElementById("log-summary").textContent);
  }, null, 3000, "the chart to count today's entry");

  // Start a step in a new note: named from the step and the date, personalised, never
  // overwriting; the bytes are what `mend insert` writes for the same step.
  await page.goto(base() + "#");
  await waitFor(page, () => !document.getElementById("overview").hidden, null, 3000, "the journey again");
  await page.selectOption("#start-step", "patterns");
  await page.click("#start-button");
  await waitFor(page, () => document.getElementById("start-status").dataset.path === "patterns-2026-11-26.md",
    null, 3000, "the new note");
  execFileSync(env.MEND, ["insert", "patterns", note("zz-reference.md"), "--today", env.MEND_TODAY, "--config", config]);
  const reference = read("zz-reference.md");
  fs.unlinkSync(note("zz-reference.md"));
  sameBytes(read("patterns-2026-11-26.md"), reference, "the new note");
  if (!reference.toString().includes("Sam")) fail("the new note is not personalised with the configured name");
  await page.click("#start-button");
  await waitFor(page, () => document.getElementById("start-status").dataset.path === "patterns-2026-11-26-2.md",
    null, 3000, "a second note, never overwriting the first");
  sameBytes(read("patterns-2026-11-26.md"), reference, "the first new note after starting the step again");
  // ... and at the end of an existing note.
  const sunday = read("sunday.md").toString();
  fs.writeFileSync(note("zz-reference.md"), sunday);
  execFileSync(env.MEND, ["insert", "if-no", note("zz-reference.md"), "--today", env.MEND_TODAY, "--config", config]);
  const sundayWant = read("zz-reference.md");
  fs.unlinkSync(note("zz-reference.md"));
  await waitFor(page, () => ![...document.querySelectorAll("#start-note option")].some((o) => o.value === "zz-reference.md"),
    null, 3000, "the reference note to leave the list");
  await page.selectOption("#start-step", "if-no");
  await page.check("#start-existing");
  await page.selectOption("#start-note", "sunday.md");
  await page.click("#start-button");
  await waitFor(page, () => document.getElementById("start-status").dataset.path === "sunday.md", null, 3000,
    "the step in sunday.md");
  sameBytes(read("sunday.md"), sundayWant, "sunday.md after starting a step in it");

  // Another program writes a note: the counts move within a second.
  const stateBefore = await pageState(page);
  execFileSync(env.MEND, ["insert", "reach-out", note("zz-written-during-test.md"), "--today", env.MEND_TODAY]);
  const t3 = Date.now();
  await waitFor(page, (q) => Number(document.getElementById("overall-text").dataset.questions) !== q &&
      [...document.querySelectorAll("#notes tr")].some((tr) => tr.dataset.path === "zz-written-during-test.md"),
    stateBefore.questions, 1000, "the page to show a note written on disk, within a second");
  timings.new_note = Date.now() - t3;
  await sleep(300); // the last notification's redraw
  compare(await pageState(page), scan(), "after every change");
  console.log("timings (ms): " + JSON.stringify(timings));

  // Every control has a name a screen reader can say.
  const unnamed = await page.evaluate(() => [...document.querySelectorAll("button, select, textarea, input, a")]
    .filter((e) => !e.hidden && !(e.labels && e.labels.length) && !e.getAttribute("aria-label") && !e.textContent.trim())
    .map((e) => e.outerHTML.slice(0, 80)));
  if (unnamed.length) fail("controls without a name: " + unnamed.join(" | "));
  if (foreign.length) fail("the page requested something outside mend serve: " + foreign.join(", "));
  if (problems.length) fail("console errors: " + problems.join(" | "));
} finally {
  await browser.close();
}
