// The packaged extension in a real VS Code: code-server serves the workbench, Debian's headless
// Chromium (driven by playwright-core) uses it like a person would.
//
// Environment (run_vscode_test.sh sets it): MEND (the binary), MEND_VSIX, MEND_NOTES (the example
// folder, copied before use), MEND_DEPS (where install.sh put code-server and playwright-core),
// MEND_ARTIFACTS (screenshots). Every step has a timeout; the whole run is capped at 4 minutes.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

const env = (name) => {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set`);
  }
  return value;
};
const MEND = env('MEND');
const VSIX = env('MEND_VSIX');
const NOTES = env('MEND_NOTES');
const DEPS = env('MEND_DEPS');
const ARTIFACTS = env('MEND_ARTIFACTS');
const CODE_SERVER = path.join(DEPS, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const require = createRequire(path.join(DEPS, 'package.json'));
const { chromium } = require('playwright-core');

const NOTE = 'what-i-keep-coming-back-to.md';
const started = Date.now();
const log = (...args) => console.log(`[${((Date.now() - started) / 1000).toFixed(1)}s]`, ...args);

const watchdog = setTimeout(() => {
  console.error('vscode test: gave up after 240 s');
  cleanup();
  process.exit(1);
}, 240_000);

const base = fs.mkdtempSync(path.join(os.tmpdir(), 'mend-vscode-'));
let server;
let browser;
let serverLog = '';

function cleanup() {
  if (server && server.exitCode === null) {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  fs.rmSync(base, { recursive: true, force: true });
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function waitFor(what, predicate, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await predicate();
    if (value) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function main() {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  fs.rmSync(path.join(ARTIFACTS, 'vscode-failure.png'), { force: true });
  const folder = path.join(base, 'notes');
  fs.cpSync(NOTES, folder, { recursive: true });
  const userData = path.join(base, 'user-data');
  const extensions = path.join(base, 'extensions');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(userData, 'User', 'settings.json'),
    JSON.stringify(
      {
        'mend.path': MEND,
        'mend.ex.name': 'Alex',
        'mend.ex.pronouns': 'he',
        'security.workspace.trust.enabled': false,
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'workbench.enableExperiments': false,
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'extensions.autoUpdate': false,
        'extensions.autoCheckUpdates': false,
        'extensions.ignoreRecommendations': true,
        'chat.commandCenter.enabled': false,
        'editor.hover.delay': 100,
        'editor.minimap.enabled': false,
      },
      null,
      2,
    ),
  );
  // Hermetic: code-server writes its config and state under the XDG folders.
  const serverEnv = {
    ...process.env,
    XDG_CONFIG_HOME: path.join(base, 'config'),
    XDG_DATA_HOME: path.join(base, 'data'),
    XDG_CACHE_HOME: path.join(base, 'cache'),
  };
  const common = ['--user-data-dir', userData, '--extensions-dir', extensions, '--disable-telemetry',
    '--disable-update-check', '--config', path.join(base, 'config.yaml')];
  fs.writeFileSync(path.join(base, 'config.yaml'), 'auth: none\n');

  log('installing', VSIX);
  const install = spawnSync('node', [CODE_SERVER, ...common, '--install-extension', VSIX],
    { env: serverEnv, encoding: 'utf8', timeout: 90_000 });
  if (install.status !== 0) {
    throw new Error(`code-server --install-extension failed (${install.status}):\n${install.stdout}\n${install.stderr}`);
  }
  log(install.stdout.trim().split('\n').pop());
  if (!fs.readdirSync(extensions).some((name) => name.startsWith('mend.mend-'))) {
    throw new Error(`the extension is not in ${extensions}: ${fs.readdirSync(extensions)}`);
  }

  const port = await freePort();
  server = spawn('node', [CODE_SERVER, ...common, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, folder],
    { env: serverEnv, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  server.stdout.on('data', (d) => (serverLog += d));
  server.stderr.on('data', (d) => (serverLog += d));
  await waitFor('code-server to listen', () => serverLog.includes('HTTP server listening'), 30_000);
  log('code-server on port', port);

  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    timeout: 30_000,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.setDefaultTimeout(30_000);
  const shot = async (name) => {
    const file = path.join(ARTIFACTS, name);
    await page.screenshot({ path: file });
    log('screenshot', file);
  };

  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}`, { timeout: 60_000 });
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  log('workbench loaded');

  // The extension starts with the folder (it holds Markdown notes): its status bar item shows
  // the folder's progress once the server answered mend/progress.
  const status = page.locator('.statusbar-item', { hasText: /answered/ }).first();
  await status.waitFor({ timeout: 60_000 });
  const before = (await status.innerText()).trim();
  log('status bar:', JSON.stringify(before));

  // Open a note (quick open, which searches the folder with ripgrep).
  await page.locator('.monaco-workbench').click({ position: { x: 700, y: 400 } });
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(NOTE);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: NOTE }).first().waitFor();
  await page.keyboard.press('Enter');
  const editor = page.locator('.editor-instance .monaco-editor').first();
  await page.locator('.tab', { hasText: NOTE }).waitFor();
  await editor.locator('.view-lines', { hasText: 'My part of the blame' }).waitFor();
  log('opened', NOTE);

  // The hint on an unanswered question (line 19): a Hint diagnostic, and its message on hover.
  await editor.locator('.squiggly-hint').first().waitFor({ state: 'attached', timeout: 30_000 });
  await editor.click();
  await page.keyboard.press('Control+G');
  await input.waitFor();
  await input.fill(':19:5');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+I');
  const hover = page.locator('.monaco-hover', { hasText: /not answered yet/i }).first();
  await hover.waitFor();
  log('hover:', JSON.stringify((await hover.innerText()).split('\n').slice(0, 3).join(' | ')));
  // Issue 12: the hover also says how the line was read.
  await page.locator('.monaco-hover', { hasText: 'How: a list item' }).first().waitFor();
  await shot('vscode-hint.png');
  await page.keyboard.press('Escape');

  // "Mend: Insert reflection step…" at the end of the note: pick a step in the quick pick.
  await editor.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('F1');
  await input.waitFor();
  await input.fill('>Mend: Insert reflection step');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Insert reflection step' }).first().waitFor();
  await page.keyboard.press('Enter');
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Identify your mechanisms in love' }).first();
  await row.waitFor();
  const rowText = (await row.innerText()).replace(/\s+/g, ' ');
  log('quick pick row:', JSON.stringify(rowText));
  if (!/answered/.test(rowText)) {
    throw new Error(`the quick pick row shows no progress: ${rowText}`);
  }
  await input.fill('patterns');
  await page.waitForTimeout(300);
  await shot('vscode-quick-pick.png');
  await page.keyboard.press('Enter');

  // The step is inserted by the server (workspace/applyEdit) and the status bar follows.
  await editor.locator('.view-lines', { hasText: 'mend:step patterns' }).waitFor();
  log('inserted: the patterns step is in the editor');
  const after = await waitFor('the status bar to change', async () => {
    const text = (await status.innerText()).trim();
    return text !== before ? text : undefined;
  }, 20_000);
  log('status bar:', JSON.stringify(before), '->', JSON.stringify(after));
  await shot('vscode-inserted.png');

  // Saved, the note on disk holds the step.
  await page.keyboard.press('Control+S');
  await waitFor('the note to be saved', () => fs.readFileSync(path.join(folder, NOTE), 'utf8').includes('<!-- mend:step patterns -->'), 15_000);
  log('saved to disk');

  // The status bar item opens the Reflection view, with the new step's unanswered questions.
  await page.locator('.pane-header', { hasText: /^notes$/i }).first().click(); // room for the view
  await status.click();
  const view = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Reflection' }) });
  await view.locator('.monaco-list-row', { hasText: 'Identify your mechanisms in love' }).first().waitFor();
  await page.waitForTimeout(300);
  await shot('vscode-reflection-view.png');
  log('Reflection view shows the step');

  // "Mend: Next unanswered question" from the top of the note: the question on line 19.
  await editor.click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('F1');
  await input.waitFor();
  await input.fill('>Mend: Next unanswered question');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Next unanswered question' }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.statusbar-item', { hasText: 'Ln 19, Col 1' }).waitFor();
  log('next unanswered question: line 19');

  // Issue 12: "Mend: Explain this line" on line 19, then "Correct it…" opens the line's code
  // actions, and "mend: not a reflection question" writes the ignore marker after the item.
  await page.keyboard.press('F1');
  await input.waitFor();
  await input.fill('>Mend: Explain this line');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Explain this line' }).first().waitFor();
  await page.keyboard.press('Enter');
  const toast = page.locator('.notification-toast', { hasText: 'Read as:' }).first();
  await toast.waitFor();
  const toastText = (await toast.innerText()).replace(/\s+/g, ' ');
  log('explained:', JSON.stringify(toastText.slice(0, 160)));
  if (!toastText.includes('wrongs.scope') || !toastText.includes('How: a list item')) {
    throw new Error(`the explanation does not name the question and its form: ${toastText}`);
  }
  await shot('vscode-explain.png');
  await toast.getByRole('button', { name: 'Correct it…' }).click();
  const ignore = page.locator('.action-widget .monaco-list-row', { hasText: 'mend: not a reflection question' }).first();
  await ignore.waitFor();
  await shot('vscode-correct.png');
  // The menu takes the keyboard (a pointer block covers it from the mouse): move to the action.
  const focused = page.locator('.action-widget .monaco-list-row.focused');
  for (let i = 0; i < 30; i += 1) {
    const text = (await focused.count()) > 0 ? await focused.first().innerText() : '';
    if (text.includes('mend: not a reflection question')) {
      break;
    }
    await page.keyboard.press('ArrowDown');
  }
  await page.locator('.action-widget .monaco-list-row.focused', { hasText: 'mend: not a reflection question' }).waitFor();
  await page.keyboard.press('Enter');
  await editor.locator('.view-lines', { hasText: 'mend:ignore' }).waitFor();
  log('corrected: <!-- mend:ignore --> after line 19');
}

let code = 0;
try {
  await main();
  log('ok');
} catch (error) {
  code = 1;
  console.error('vscode test FAILED:', error.stack || error);
  try {
    const pages = browser ? browser.contexts().flatMap((c) => c.pages()) : [];
    if (pages[0]) {
      await pages[0].screenshot({ path: path.join(ARTIFACTS, 'vscode-failure.png') });
      console.error('screenshot of the failure:', path.join(ARTIFACTS, 'vscode-failure.png'));
    }
  } catch {
    // no screenshot
  }
  console.error('---- code-server log (tail) ----\n' + serverLog.slice(-4000));
} finally {
  if (browser) {
    await browser.close().catch(() => {});
  }
  cleanup();
  clearTimeout(watchdog);
}
process.exit(code);
