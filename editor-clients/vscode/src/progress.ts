// What the extension shows of mend's answers: the status bar text, the quick pick of steps, the
// Reflection tree and the next unanswered question, as pure functions over mend/progress and
// mend/templates results.
//
// Nothing here imports `vscode`, so `node --test` runs these functions directly
// (test/progress.test.ts). The wire shapes are the server's (protocol/README.md, `mend scan --json`);
// lines in them are 1-based, as in `mend scan`.

export interface StepProgress {
  id: string;
  answered: number;
  total: number;
  started?: boolean;
  done?: boolean;
}

export interface QuestionState {
  id: string;
  step: string;
  line: number;
  answered: boolean;
}

export interface Suggestion {
  kind: string;
  message: string;
  step?: string | null;
  question?: string | null;
  path?: string | null;
  line?: number | null;
}

export interface NoteProgress {
  path: string;
  language?: string;
  questions?: QuestionState[];
  steps?: StepProgress[];
  suggestions?: Suggestion[];
}

export interface Summary {
  notes: number;
  questions: number;
  answered: number;
  steps: StepProgress[];
  suggestions: Suggestion[];
  next_step?: string | null;
}

/** mend/progress: `notes` for the folder, `note` for one note; `summary` for both. */
export interface ProgressResult {
  mend?: number;
  root: string;
  today?: string;
  notes?: NoteProgress[];
  note?: NoteProgress;
  summary?: Summary;
}

/** One entry of mend/templates. */
export interface Template {
  id: string;
  language: string;
  order: number;
  title: string;
  requires?: string[];
  questions?: { id: string; text: string }[];
}

export type StepState = 'done' | 'started' | 'not started';

const BAR_WIDTH = 10;

/** "███░░░░░░░" for answered/total (the Neovim client's bar). */
export function bar(answered: number, total: number, width = BAR_WIDTH): string {
  const filled = total > 0 ? Math.max(0, Math.min(width, Math.round((answered / total) * width))) : 0;
  return '█'.repeat(filled) + '░'.repeat(width - filled);
}

export function stepState(step: StepProgress): StepState {
  if (step.done) {
    return 'done';
  }
  if (step.started || step.answered > 0) {
    return 'started';
  }
  return 'not started';
}

/** The language whose templates to show: the preferred one if the pack has it, else English, else any. */
export function pickLanguage(templates: Template[], preferred?: string): string {
  const languages = new Set(templates.map((t) => t.language));
  if (preferred && languages.has(preferred)) {
    return preferred;
  }
  if (languages.has('en') || languages.size === 0) {
    return 'en';
  }
  return templates[0].language;
}

/** The steps of one language, in the article's order. */
export function stepsOf(templates: Template[], language: string): Template[] {
  return templates.filter((t) => t.language === language).sort((a, b) => a.order - b.order);
}

/** The status bar text: `$(checklist) 15/16 answered`, or `$(checklist) mend` before any answer. */
export function statusText(summary: Summary | undefined): string {
  if (!summary || summary.questions === 0) {
    return '$(checklist) mend';
  }
  return `$(checklist) ${summary.answered}/${summary.questions} answered`;
}

/** The status bar tooltip (also its accessible label's first line). */
export function statusTooltip(summary: Summary | undefined, titles: Map<string, string>): string {
  if (!summary) {
    return 'mend: no progress yet';
  }
  const lines = [
    `mend: ${summary.answered} of ${summary.questions} questions answered in ${summary.notes} note(s)`,
  ];
  if (summary.next_step) {
    lines.push(`Next step: ${titles.get(summary.next_step) ?? summary.next_step}`);
  }
  if (summary.suggestions.length > 0) {
    lines.push(`${summary.suggestions.length} suggestion(s)`);
  }
  lines.push('Click to show the progress');
  return lines.join('\n');
}

/** A step's line of progress: `███░░░░░░░ 1/3 answered · started`. */
export function stepDetail(step: StepProgress | undefined, nextStep?: string | null): string {
  if (!step) {
    return `${bar(0, 0)} not in your notes yet`;
  }
  let text = `${bar(step.answered, step.total)} ${step.answered}/${step.total} answered · ${stepState(step)}`;
  if (nextStep === step.id) {
    text += ' · next step';
  }
  return text;
}

export interface StepPickItem {
  label: string;
  description: string;
  detail: string;
  /** What mend.insertTemplate gets as `template`. */
  template: string;
}

/** The quick pick of "Mend: Insert reflection step…": every step with its progress, then the log entry. */
export function quickPickItems(templates: Template[], summary: Summary | undefined, language: string): StepPickItem[] {
  const progress = new Map((summary?.steps ?? []).map((s) => [s.id, s]));
  const items: StepPickItem[] = stepsOf(templates, language).map((t) => ({
    label: t.title,
    description: t.id,
    detail: stepDetail(progress.get(t.id), summary?.next_step),
    template: t.id,
  }));
  items.push({
    label: "Today's action-log entry",
    description: 'log',
    detail: 'A dated entry of the change log (new-start.log)',
    template: 'log',
  });
  return items;
}

export interface Location {
  /** Relative to the folder, `/`-separated, as the server names notes. */
  path: string;
  /** 1-based. */
  line: number;
}

export interface UnansweredQuestion extends Location {
  id: string;
  step: string;
}

/** Every unanswered question of a folder result, by path then line. */
export function unansweredQuestions(result: ProgressResult | undefined): UnansweredQuestion[] {
  const out: UnansweredQuestion[] = [];
  for (const note of result?.notes ?? (result?.note ? [result.note] : [])) {
    for (const q of note.questions ?? []) {
      if (!q.answered) {
        out.push({ path: note.path, line: q.line, id: q.id, step: q.step });
      }
    }
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line));
}

/**
 * The unanswered question after the cursor: later in the same note, else in the next note by
 * path, wrapping around to the first. `line0` is the cursor's 0-based line; `path` undefined
 * (no note open) starts from the beginning.
 */
export function nextUnanswered(
  questions: UnansweredQuestion[],
  path: string | undefined,
  line0: number,
): UnansweredQuestion | undefined {
  if (path !== undefined) {
    const after = questions.find((q) => (q.path === path && q.line - 1 > line0) || q.path > path);
    if (after) {
      return after;
    }
  }
  return questions[0];
}

export interface TreeLeaf extends Partial<Location> {
  kind: 'question' | 'suggestion';
  label: string;
  description: string;
  tooltip: string;
}

export interface TreeStep {
  kind: 'step';
  id: string;
  label: string;
  description: string;
  tooltip: string;
  state: StepState;
  next: boolean;
  children: TreeLeaf[];
}

function where(path?: string | null, line?: number | null): string {
  if (!path) {
    return '';
  }
  return line ? `${path}:${line}` : path;
}

/**
 * The Reflection view: one node per step (its state and count), holding its unanswered
 * questions and its suggestions, each with the place to jump to.
 */
export function buildTree(result: ProgressResult | undefined, templates: Template[], language: string): TreeStep[] {
  const summary = result?.summary;
  if (!summary) {
    return [];
  }
  const steps = stepsOf(templates, language);
  const order = new Map(steps.map((t, i) => [t.id, i]));
  const titles = new Map(steps.map((t) => [t.id, t.title]));
  const texts = new Map(steps.flatMap((t) => (t.questions ?? []).map((q) => [q.id, q.text] as [string, string])));
  const unanswered = unansweredQuestions(result);

  const sorted = [...summary.steps].sort(
    (a, b) => (order.get(a.id) ?? Number.MAX_SAFE_INTEGER) - (order.get(b.id) ?? Number.MAX_SAFE_INTEGER),
  );
  return sorted.map((step) => {
    const state = stepState(step);
    const next = summary.next_step === step.id;
    const children: TreeLeaf[] = unanswered
      .filter((q) => q.step === step.id)
      .map((q) => ({
        kind: 'question',
        label: texts.get(q.id) ?? q.id,
        description: where(q.path, q.line),
        tooltip: `${q.id}: not answered yet`,
        path: q.path,
        line: q.line,
      }));
    for (const s of summary.suggestions) {
      if (s.step !== step.id || s.kind === 'unanswered') {
        continue;
      }
      children.push({
        kind: 'suggestion',
        label: s.message,
        description: where(s.path, s.line),
        tooltip: `${s.kind}${s.question ? ` (${s.question})` : ''}: ${s.message}`,
        path: s.path ?? undefined,
        line: s.line ?? undefined,
      });
    }
    const title = titles.get(step.id) ?? step.id;
    return {
      kind: 'step',
      id: step.id,
      label: title,
      description: `${step.answered}/${step.total} · ${state}${next ? ' · next' : ''}`,
      tooltip: `${title} (${step.id})\n${stepDetail(step, summary.next_step)}`,
      state,
      next,
      children,
    };
  });
}
