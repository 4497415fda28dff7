// Drives the mend serve page in headless Chromium: the counts match `mend scan --json`, and the
// page updates after a note changes on disk. Inputs come from the environment (the page's
// address holds the token, so it never goes on a command line): MEND, MEND_FOLDER, MEND_PAGE_URL,
// MEND_TODAY, MEND_SCREENSHOT, NODE_PATH-style MEND_PLAYWRIGHT (the playwright-core folder).
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";

const env = process.env;
const require = createRequire(path.join(env.MEND_PLAYWRIGHT, "package.json"));
const { chromium } = require("playwright-core");

const scan = () => JSON.parse(execFileSync(env.MEND, ["scan", env.MEND_FOLDER, "--json", "--today", env.MEND_TODAY]));
const fail = (msg) => { throw new Error(msg); };

// Polls with page.evaluate: waitForFunction would eval a string, which the page's CSP forbids.
async function waitFor(page, fn, arg, timeout, what) {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    if (await page.evaluate(fn, arg)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  fail("timed out waiting for " + what);
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

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run"],
});
try {
  const page = await browser.newPage({ viewport: { width: 1000, height: 1400 } });
  const problems = [];
  page.on("console", (m) => { if (m.type() === "error") problems.push(m.text()); });
  page.on("pageerror", (e) => problems.push(String(e)));
  await page.goto(env.MEND_PAGE_URL);
  if (new URL(page.url()).search !== "") fail("the token stayed in the address bar: " + page.url());
  await waitFor(page, () => Number(document.body.dataset.updates || 0) >= 1, null, 10000, "the first progress");
  const before = await pageState(page);
  if (before.status !== "live") fail("status is " + before.status);
  compare(before, scan(), "first load");
  console.log(`page: ${before.answered}/${before.questions} answered, ${before.notes.length} notes, ${before.steps.length} steps`);

  // Another process writes a note: `mend insert` adds a step's questions, so the counts move.
  const target = path.join(env.MEND_FOLDER, "zz-written-during-test.md");
  execFileSync(env.MEND, ["insert", before.steps[4].id, target, "--today", env.MEND_TODAY]);
  const t0 = Date.now();
  await waitFor(page, (q) => Number(document.getElementById("overall-text").dataset.questions) !== q &&
      [...document.querySelectorAll("#notes tr")].some((tr) => tr.dataset.path === "zz-written-during-test.md"),
    before.questions, 5000, "the page to show a note written on disk");
  console.log(`page updated ${Date.now() - t0} ms after the note was written`);
  const after = await pageState(page);
  compare(after, scan(), "after a change on disk");
  if (after.questions === before.questions) fail("the counts did not change after the insert");
  console.log(`page after the change: ${after.answered}/${after.questions} answered, ${after.notes.length} notes`);
  await page.screenshot({ path: env.MEND_SCREENSHOT, fullPage: true });
  if (problems.length) fail("console errors: " + problems.join(" | "));
} finally {
  await browser.close();
}
