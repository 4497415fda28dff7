// The settings sent to the server and the search for the mend program (src/settings.ts).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { configurationValue, resolveServer, serverSettings } from '../src/settings';

const reader = (values: Record<string, unknown>) => (key: string) => values[key];

test('server settings: {ex: {name, pronouns}, language, markers}, empty ones left out', () => {
  assert.deepEqual(serverSettings(reader({})), { ex: {}, markers: true });
  assert.deepEqual(
    serverSettings(reader({ 'ex.name': ' Sam ', 'ex.pronouns': 'he', language: 'fr', markers: false })),
    { ex: { name: 'Sam', pronouns: 'he' }, language: 'fr', markers: false },
  );
  assert.deepEqual(serverSettings(reader({ 'ex.name': '', language: '  ', markers: true })), { ex: {}, markers: true });
});

test('workspace/configuration answers: the section or a part of it', () => {
  const s = serverSettings(reader({ 'ex.name': 'Sam', markers: false }));
  assert.deepEqual(configurationValue(s, 'mend'), s);
  assert.deepEqual(configurationValue(s, undefined), s);
  assert.deepEqual(configurationValue(s, 'mend.ex'), { name: 'Sam' });
  assert.equal(configurationValue(s, 'mend.ex.name'), 'Sam');
  assert.equal(configurationValue(s, 'mend.markers'), false);
  assert.equal(configurationValue(s, 'mend.nope.deeper'), null);
  assert.equal(configurationValue(s, 'editor'), null);
});

test('the server: mend.path when set, else mend on PATH, else a message saying how to fix it', () => {
  const present = new Set(['/opt/mend/bin/mend', '/usr/bin/mend']);
  const exists = (f: string) => present.has(f);
  assert.deepEqual(resolveServer('/opt/mend/bin/mend', '/usr/bin', exists), { command: '/opt/mend/bin/mend' });
  assert.deepEqual(resolveServer('', `/nowhere${path.delimiter}/usr/bin`, exists), { command: '/usr/bin/mend' });
  assert.deepEqual(resolveServer(undefined, '/usr/bin', exists), { command: '/usr/bin/mend' });
  const missing = resolveServer(undefined, '/nowhere', exists);
  assert.ok('error' in missing && /not found on your PATH.*mend\.path/.test(missing.error), JSON.stringify(missing));
  const wrong = resolveServer('/opt/none/mend', '/usr/bin', exists);
  assert.ok('error' in wrong && wrong.error.includes('/opt/none/mend') && wrong.error.includes('"mend.path"'));
  const home = resolveServer('~/bin/mend', '', (f) => f === path.join(os.homedir(), 'bin', 'mend'));
  assert.deepEqual(home, { command: path.join(os.homedir(), 'bin', 'mend') });
});

test('the default check wants an executable file', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mend-vscode-'));
  try {
    const file = path.join(dir, 'mend');
    fs.writeFileSync(file, '#!/bin/sh\n', { mode: 0o644 });
    assert.ok('error' in resolveServer(file, ''));
    assert.ok('error' in resolveServer(undefined, dir));
    fs.chmodSync(file, 0o755);
    assert.deepEqual(resolveServer(file, ''), { command: file });
    assert.deepEqual(resolveServer(undefined, dir), { command: file });
    assert.ok('error' in resolveServer(dir, '')); // a folder is not the program
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
