// The extension's UI over the server's answers: the status bar item, the "Reflection" tree view
// and the three commands. Every figure comes from mend/progress and mend/templates; what to show
// is computed by progress.ts, this file only hands it to VS Code.

import * as path from 'path';
import * as vscode from 'vscode';
import { ExecuteCommandRequest, LanguageClient } from 'vscode-languageclient/node';
import {
  ProgressResult,
  Template,
  TreeLeaf,
  TreeStep,
  buildTree,
  nextUnanswered,
  pickLanguage,
  quickPickItems,
  statusText,
  statusTooltip,
  stepsOf,
  unansweredQuestions,
} from './progress';

type Node = TreeStep | TreeLeaf;

const REFRESH_DELAY_MS = 150;

export class Reflection implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private client: LanguageClient | undefined;
  private progress: ProgressResult | undefined;
  private templates: Template[] = [];
  private timer: NodeJS.Timeout | undefined;
  private generation = 0;
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly status: vscode.StatusBarItem;

  constructor(private readonly language: () => string | undefined) {
    this.status = vscode.window.createStatusBarItem('mend.status', vscode.StatusBarAlignment.Left, 100);
    this.status.name = 'mend progress';
    this.status.command = 'mend.showProgress';
    this.showStatus();
  }

  /** A started client (or undefined when the server cannot run: `problem` says why). */
  setClient(client: LanguageClient | undefined, problem?: string): void {
    this.client = client;
    this.progress = undefined;
    this.templates = [];
    this.changed.fire(undefined);
    this.showStatus(problem);
    if (client) {
      this.scheduleRefresh(0, true);
    }
  }

  /** Soon, once: the server publishes diagnostics after every change it analyses. */
  scheduleRefresh(delay = REFRESH_DELAY_MS, templates = false): void {
    if (templates) {
      this.templates = [];
    }
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), delay);
  }

  async refresh(): Promise<void> {
    const client = this.client;
    if (!client) {
      return;
    }
    const generation = ++this.generation;
    try {
      const [progress, templates] = await Promise.all([
        client.sendRequest<ProgressResult>('mend/progress', {}),
        this.templates.length > 0 ? this.templates : client.sendRequest<Template[]>('mend/templates', {}),
      ]);
      if (generation !== this.generation || client !== this.client) {
        return; // a newer refresh is under way
      }
      this.progress = progress;
      this.templates = templates;
      this.showStatus();
      this.changed.fire(undefined);
    } catch (error) {
      client.warn(`mend/progress failed: ${String(error)}`);
    }
  }

  private currentLanguage(): string {
    const editor = vscode.window.activeTextEditor;
    const rel = editor ? this.relative(editor.document.uri) : undefined;
    const noteLanguage = this.progress?.notes?.find((n) => n.path === rel)?.language;
    return pickLanguage(this.templates, this.language() ?? noteLanguage);
  }

  private titles(): Map<string, string> {
    return new Map(stepsOf(this.templates, this.currentLanguage()).map((t) => [t.id, t.title]));
  }

  private showStatus(problem?: string): void {
    if (problem) {
      this.status.text = '$(warning) mend';
      this.status.tooltip = problem;
    } else {
      const summary = this.progress?.summary;
      this.status.text = statusText(summary);
      this.status.tooltip = statusTooltip(summary, this.titles());
      this.status.accessibilityInformation = { label: this.status.tooltip.split('\n')[0] };
    }
    this.status.show();
  }

  // Paths: the server names notes relative to its root, `/`-separated.
  private relative(uri: vscode.Uri): string | undefined {
    const root = this.progress?.root;
    if (!root || uri.scheme !== 'file') {
      return undefined;
    }
    const rel = path.relative(root, uri.fsPath);
    return rel.startsWith('..') || path.isAbsolute(rel) ? undefined : rel.split(path.sep).join('/');
  }

  private uriOf(rel: string): vscode.Uri | undefined {
    const root = this.progress?.root;
    return root ? vscode.Uri.file(path.join(root, ...rel.split('/'))) : undefined;
  }

  private async open(rel: string | undefined, line: number | undefined): Promise<void> {
    const uri = rel ? this.uriOf(rel) : undefined;
    if (!uri) {
      return;
    }
    const position = new vscode.Position(Math.max(0, (line ?? 1) - 1), 0);
    await vscode.window.showTextDocument(uri, { selection: new vscode.Range(position, position) });
  }

  // The tree view ---------------------------------------------------------------------------

  getChildren(node?: Node): Node[] {
    if (!node) {
      return buildTree(this.progress, this.templates, this.currentLanguage());
    }
    return node.kind === 'step' ? node.children : [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'step') {
      const item = new vscode.TreeItem(
        node.label,
        node.children.length === 0
          ? vscode.TreeItemCollapsibleState.None
          : node.next || node.state === 'started'
            ? vscode.TreeItemCollapsibleState.Expanded
            : vscode.TreeItemCollapsibleState.Collapsed,
      );
      item.id = `step:${node.id}`;
      item.description = node.description;
      item.tooltip = node.tooltip;
      item.contextValue = 'mend.step';
      item.iconPath = new vscode.ThemeIcon(
        node.state === 'done' ? 'pass-filled' : node.state === 'started' ? 'circle-large-filled' : 'circle-large-outline',
      );
      return item;
    }
    const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
    item.description = node.description;
    item.tooltip = node.tooltip;
    item.iconPath = new vscode.ThemeIcon(node.kind === 'question' ? 'question' : 'lightbulb');
    if (node.path) {
      item.command = { command: 'mend.open', title: 'Go to', arguments: [node.path, node.line] };
    }
    return item;
  }

  // Commands -----------------------------------------------------------------------------------

  register(): vscode.Disposable[] {
    return [
      vscode.window.createTreeView('mend.reflection', { treeDataProvider: this, showCollapseAll: true }),
      vscode.commands.registerCommand('mend.insertStep', () => this.insertStep()),
      vscode.commands.registerCommand('mend.showProgress', () => this.showProgress()),
      vscode.commands.registerCommand('mend.nextUnanswered', () => this.nextUnanswered()),
      vscode.commands.registerCommand('mend.refresh', () => this.refresh()),
      vscode.commands.registerCommand('mend.open', (rel: string, line?: number) => this.open(rel, line)),
    ];
  }

  private ready(): LanguageClient | undefined {
    if (!this.client) {
      void vscode.window.showErrorMessage(
        typeof this.status.tooltip === 'string' ? this.status.tooltip : 'mend: the language server is not running.',
      );
    }
    return this.client;
  }

  /** "Mend: Insert reflection step…": a quick pick of the steps, inserted at the cursor by the server. */
  async insertStep(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== 'markdown' || editor.document.uri.scheme !== 'file') {
      void vscode.window.showWarningMessage('mend: open a Markdown note to insert a reflection step.');
      return;
    }
    const client = this.ready();
    if (!client) {
      return;
    }
    await this.refresh();
    const picked = await vscode.window.showQuickPick(
      quickPickItems(this.templates, this.progress?.summary, this.currentLanguage()),
      { title: 'Insert reflection step', placeHolder: 'Pick a step to insert at the cursor', matchOnDescription: true },
    );
    if (!picked) {
      return;
    }
    const line = editor.selection.active.line;
    const result = await client.sendRequest(ExecuteCommandRequest.type, {
      command: 'mend.insertTemplate',
      arguments: [{ uri: editor.document.uri.toString(), template: picked.template, position: { line, character: 0 } }],
    });
    const outcome = result as { applied?: boolean; failureReason?: string } | null;
    if (outcome && outcome.applied === false) {
      void vscode.window.showWarningMessage(`mend: nothing inserted: ${outcome.failureReason ?? 'the edit was refused'}`);
    }
    this.scheduleRefresh();
  }

  /** "Mend: Show progress" (and the status bar item): the Reflection view, up to date. */
  async showProgress(): Promise<void> {
    await vscode.commands.executeCommand('mend.reflection.focus');
    await this.refresh();
  }

  /** "Mend: Next unanswered question": after the cursor, then in the next notes, wrapping. */
  async nextUnanswered(): Promise<void> {
    if (!this.ready()) {
      return;
    }
    await this.refresh();
    const editor = vscode.window.activeTextEditor;
    const rel = editor ? this.relative(editor.document.uri) : undefined;
    const next = nextUnanswered(unansweredQuestions(this.progress), rel, editor?.selection.active.line ?? -1);
    if (!next) {
      void vscode.window.showInformationMessage('mend: every question in your notes is answered.');
      return;
    }
    await this.open(next.path, next.line);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.status.dispose();
    this.changed.dispose();
  }
}
