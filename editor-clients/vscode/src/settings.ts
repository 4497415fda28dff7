// The `mend.*` settings as the server wants them, and where the `mend` program is.
//
// The server takes `{ex: {name, pronouns}, language, markers}` as initializationOptions, as the
// answer to workspace/configuration (section `mend`) and in workspace/didChangeConfiguration
// (protocol/README.md). VS Code's own section also holds `path` and `trace`, which are the
// client's business, so the extension never forwards the raw section. No `vscode` import here:
// test/settings.test.ts runs these functions under `node --test`.

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export interface ServerSettings {
  ex: { name?: string; pronouns?: string };
  language?: string;
  markers: boolean;
}

/** Reads one `mend.` setting (`get('ex.name')`); VS Code's WorkspaceConfiguration.get fits. */
export type SettingReader = (key: string) => unknown;

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** The server's settings from the `mend.*` ones; empty strings are left out (the server's defaults). */
export function serverSettings(get: SettingReader): ServerSettings {
  const settings: ServerSettings = { ex: {}, markers: get('markers') !== false };
  const name = text(get('ex.name'));
  const pronouns = text(get('ex.pronouns'));
  const language = text(get('language'));
  if (name) {
    settings.ex.name = name;
  }
  if (pronouns) {
    settings.ex.pronouns = pronouns;
  }
  if (language) {
    settings.language = language;
  }
  return settings;
}

/** The answer to one workspace/configuration item: `mend` (or none) is the whole, `mend.ex` a part. */
export function configurationValue(settings: ServerSettings, section: string | undefined): unknown {
  if (!section || section === 'mend') {
    return settings;
  }
  if (!section.startsWith('mend.')) {
    return null;
  }
  let value: unknown = settings;
  for (const key of section.slice('mend.'.length).split('.')) {
    value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  }
  return value ?? null;
}

export type ServerCommand = { command: string } | { error: string };

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * The `mend` program: the `mend.path` setting (`~` expanded), else `mend` on PATH. An error
 * names what was looked for and how to fix it.
 */
export function resolveServer(
  setting: string | undefined,
  searchPath: string | undefined,
  executable: (file: string) => boolean = isExecutable,
): ServerCommand {
  const configured = text(setting);
  if (configured) {
    const file = configured.startsWith('~/') ? path.join(os.homedir(), configured.slice(2)) : configured;
    if (executable(file)) {
      return { command: file };
    }
    return { error: `mend: the program set in "mend.path" (${file}) does not exist or is not executable.` };
  }
  for (const dir of (searchPath ?? '').split(path.delimiter)) {
    if (dir !== '' && executable(path.join(dir, 'mend'))) {
      return { command: path.join(dir, 'mend') };
    }
  }
  return {
    error:
      'mend: the "mend" program was not found on your PATH. Install mend, or set "mend.path" to the mend binary.',
  };
}
