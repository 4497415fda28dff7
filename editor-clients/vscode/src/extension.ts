// Starts `mend lsp` for Markdown notes (the lsp-sample's shape: build the options, start the
// client, stop it on deactivate). Language features come from the server; reflection.ts shows
// its progress answers.

import * as vscode from 'vscode';
import {
  DidChangeConfigurationNotification,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  TransportKind,
} from 'vscode-languageclient/node';
import { CORRECT, ExplainResult, explanationMessage } from './explain';
import { Reflection } from './reflection';
import { configurationValue, resolveServer, serverSettings } from './settings';

let client: LanguageClient | undefined;

function settings() {
  const config = vscode.workspace.getConfiguration('mend');
  return serverSettings((key) => config.get(key));
}

async function start(reflection: Reflection): Promise<void> {
  const server = resolveServer(vscode.workspace.getConfiguration('mend').get<string>('path'), process.env.PATH);
  if ('error' in server) {
    reflection.setClient(undefined, server.error);
    const choice = await vscode.window.showErrorMessage(server.error, 'Open Settings');
    if (choice) {
      await vscode.commands.executeCommand('workbench.action.openSettings', 'mend.path');
    }
    return;
  }
  const serverOptions: ServerOptions = { command: server.command, args: ['lsp'], transport: TransportKind.stdio };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ scheme: 'file', language: 'markdown' }],
    initializationOptions: settings(),
    middleware: {
      // The server asks for section `mend`: answer with its settings, not VS Code's raw section.
      workspace: {
        configuration: (params) => params.items.map((item) => configurationValue(settings(), item.section)),
      },
      // Diagnostics follow every analysis: the folder's progress may have changed too.
      handleDiagnostics: (uri, diagnostics, next) => {
        next(uri, diagnostics);
        reflection.scheduleRefresh();
      },
    },
  };
  client = new LanguageClient('mend', 'mend', serverOptions, clientOptions);
  try {
    await client.start();
    reflection.setClient(client);
  } catch (error) {
    const message = `mend: the language server (${server.command} lsp) failed to start: ${String(error)}`;
    reflection.setClient(undefined, message);
    void vscode.window.showErrorMessage(message);
  }
}

/** "Mend: Explain this line": how the server read the cursor's line; "Correct it…" opens its code actions. */
async function explainLine(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'markdown' || editor.document.uri.scheme !== 'file') {
    void vscode.window.showWarningMessage('mend: open a Markdown note to explain one of its lines.');
    return;
  }
  if (!client?.isRunning()) {
    void vscode.window.showErrorMessage('mend: the language server is not running.');
    return;
  }
  const result = await client.sendRequest<ExplainResult>('mend/explain', {
    textDocument: { uri: editor.document.uri.toString() },
    position: { line: editor.selection.active.line, character: 0 },
  });
  const shown = explanationMessage(result);
  const choice = await vscode.window.showInformationMessage(shown.message, ...shown.buttons);
  if (choice === CORRECT) {
    await vscode.commands.executeCommand('editor.action.quickFix');
  }
}

async function stop(): Promise<void> {
  const running = client;
  client = undefined;
  if (running?.isRunning()) {
    await running.stop();
  }
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const reflection = new Reflection(() => settings().language);
  context.subscriptions.push(reflection, ...reflection.register());
  context.subscriptions.push(
    vscode.commands.registerCommand('mend.restartServer', async () => {
      await stop();
      await start(reflection);
    }),
    vscode.commands.registerCommand('mend.explainLine', explainLine),
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (event.affectsConfiguration('mend.path')) {
        await stop();
        await start(reflection);
      } else if (event.affectsConfiguration('mend') && client?.isRunning()) {
        await client.sendNotification(DidChangeConfigurationNotification.type, { settings: { mend: settings() } });
        reflection.scheduleRefresh(0, true);
      }
    }),
    vscode.workspace.onDidSaveTextDocument((doc) => {
      if (doc.languageId === 'markdown') {
        reflection.scheduleRefresh();
      }
    }),
    vscode.window.onDidChangeActiveTextEditor(() => reflection.scheduleRefresh()),
  );
  await start(reflection);
}

export function deactivate(): Thenable<void> | undefined {
  return stop();
}
