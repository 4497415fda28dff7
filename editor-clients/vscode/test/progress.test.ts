// The pure functions behind the status bar, the quick pick, the Reflection view and
// "Next unanswered question" (src/progress.ts), over a fixed mend/progress answer.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  bar,
  buildTree,
  nextUnanswered,
  pickLanguage,
  quickPickItems,
  statusText,
  statusTooltip,
  stepDetail,
  stepState,
  unansweredQuestions,
} from '../src/progress';
import { progress, templates } from './fixtures';

test('bar fills in proportion and survives empty totals', () => {
  assert.equal(bar(0, 3), '░░░░░░░░░░');
  assert.equal(bar(1, 3), '███░░░░░░░');
  assert.equal(bar(3, 3), '██████████');
  assert.equal(bar(5, 3), '██████████');
  assert.equal(bar(0, 0), '░░░░░░░░░░');
  assert.equal(bar(1, 2, 4), '██░░');
});

test('step state: done, started, not started', () => {
  assert.equal(stepState({ id: 'a', answered: 3, total: 3, done: true, started: true }), 'done');
  assert.equal(stepState({ id: 'a', answered: 1, total: 3, started: true }), 'started');
  assert.equal(stepState({ id: 'a', answered: 1, total: 3 }), 'started');
  assert.equal(stepState({ id: 'a', answered: 0, total: 3, started: false }), 'not started');
});

test('status bar text and tooltip', () => {
  assert.equal(statusText(undefined), '$(checklist) mend');
  assert.equal(statusText({ ...progress.summary!, questions: 0, answered: 0 }), '$(checklist) mend');
  assert.equal(statusText(progress.summary), '$(checklist) 5/16 answered');
  const titles = new Map([['wrongs', 'Assess your own wrongs']]);
  assert.equal(
    statusTooltip(progress.summary, titles),
    'mend: 5 of 16 questions answered in 3 note(s)\nNext step: Assess your own wrongs\n2 suggestion(s)\nClick to show the progress',
  );
  assert.equal(statusTooltip(undefined, titles), 'mend: no progress yet');
});

test('language: the preferred one if the pack has it, else English', () => {
  assert.equal(pickLanguage(templates, 'fr'), 'fr');
  assert.equal(pickLanguage(templates, 'de'), 'en');
  assert.equal(pickLanguage(templates, undefined), 'en');
  assert.equal(pickLanguage([{ id: 'x', language: 'fr', order: 1, title: 'X' }], undefined), 'fr');
  assert.equal(pickLanguage([], undefined), 'en');
});

test('quick pick: steps in order with their progress, then the log entry', () => {
  const items = quickPickItems(templates, progress.summary, 'en');
  assert.deepEqual(
    items.map((i) => [i.label, i.description, i.template]),
    [
      ['Understand your real motives', 'motives', 'motives'],
      ['Understand why the separation happened', 'why', 'why'],
      ['Assess your own wrongs', 'wrongs', 'wrongs'],
      ["Today's action-log entry", 'log', 'log'],
    ],
  );
  assert.equal(items[0].detail, '██████████ 3/3 answered · done');
  assert.equal(items[1].detail, '██░░░░░░░░ 1/6 answered · started');
  assert.equal(items[2].detail, '███░░░░░░░ 1/3 answered · started · next step');
  // Before the first answer from the server: every step, with no progress yet.
  assert.equal(quickPickItems(templates, undefined, 'en')[0].detail, '░░░░░░░░░░ not in your notes yet');
  assert.deepEqual(
    quickPickItems(templates, undefined, 'fr').map((i) => i.template),
    ['motives', 'log'],
  );
});

test('step detail of a step missing from the summary', () => {
  assert.equal(stepDetail(undefined), '░░░░░░░░░░ not in your notes yet');
});

test('unanswered questions are listed by path, then line', () => {
  assert.deepEqual(
    unansweredQuestions(progress).map((q) => `${q.path}:${q.line} ${q.id}`),
    ['b/early.md:7 why.stage', 'b/later.md:2 wrongs.alone', 'what-i-keep.md:19 wrongs.scope'],
  );
  assert.deepEqual(unansweredQuestions(undefined), []);
  // One note's answer (mend/progress {uri}).
  assert.deepEqual(
    unansweredQuestions({ root: '/n', note: progress.notes![0] }).map((q) => q.id),
    ['wrongs.scope'],
  );
});

test('next unanswered: later in this note, then the next notes, wrapping around', () => {
  const qs = unansweredQuestions(progress);
  const at = (path: string | undefined, line0: number) => {
    const q = nextUnanswered(qs, path, line0);
    return q && `${q.path}:${q.line}`;
  };
  assert.equal(at(undefined, -1), 'b/early.md:7');
  assert.equal(at('b/early.md', 0), 'b/early.md:7'); // line 7 is 0-based 6, after the cursor
  assert.equal(at('b/early.md', 6), 'b/later.md:2'); // on it: the next one
  assert.equal(at('what-i-keep.md', 2), 'what-i-keep.md:19');
  assert.equal(at('what-i-keep.md', 18), 'b/early.md:7'); // wraps
  assert.equal(at('not-indexed.md', 0), 'what-i-keep.md:19'); // the next note by path
  assert.equal(at('zz.md', 0), 'b/early.md:7');
  assert.equal(nextUnanswered([], 'x.md', 0), undefined);
});

test('tree: steps in order with state, unanswered questions and suggestions to jump to', () => {
  const tree = buildTree(progress, templates, 'en');
  assert.deepEqual(
    tree.map((s) => [s.id, s.label, s.description, s.state, s.next]),
    [
      ['motives', 'Understand your real motives', '3/3 · done', 'done', false],
      ['why', 'Understand why the separation happened', '1/6 · started', 'started', false],
      ['wrongs', 'Assess your own wrongs', '1/3 · started · next', 'started', true],
      ['if-no', 'if-no', '0/3 · not started', 'not started', false],
    ],
  );
  const why = tree[1];
  assert.deepEqual(
    why.children.map((c) => [c.kind, c.label, c.description, c.path, c.line]),
    [
      ['question', 'why.stage', 'b/early.md:7', 'b/early.md', 7],
      ['suggestion', 'The blame is always shared.', 'why.md:30', 'why.md', 30],
    ],
  );
  // "unanswered" suggestions are already the question nodes.
  assert.deepEqual(
    tree[2].children.map((c) => [c.kind, c.label, c.description]),
    [
      ['question', 'wrongs.alone', 'b/later.md:2'],
      ['question', 'Do you want to change everything?', 'what-i-keep.md:19'],
    ],
  );
  assert.equal(tree[0].children.length, 0);
  assert.match(tree[2].tooltip, /^Assess your own wrongs \(wrongs\)\n███░░░░░░░ 1\/3 answered · started · next step$/);
  assert.deepEqual(buildTree(undefined, templates, 'en'), []);
});
