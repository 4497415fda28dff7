// A small mend/progress and mend/templates answer, shaped like `mend scan --json` over
// examples/notes, for the unit tests.
import { ProgressResult, Template } from '../src/progress';

export const templates: Template[] = [
  {
    id: 'why', language: 'en', order: 2, title: 'Understand why the separation happened',
    questions: [{ id: 'why.official', text: 'What were their official reasons?' }],
  },
  {
    id: 'motives', language: 'en', order: 1, title: 'Understand your real motives',
    questions: [{ id: 'motives.fear', text: 'Are you afraid of being alone?' }],
  },
  {
    id: 'wrongs', language: 'en', order: 3, title: 'Assess your own wrongs',
    questions: [{ id: 'wrongs.scope', text: 'Do you want to change everything?' }],
  },
  { id: 'motives', language: 'fr', order: 1, title: 'Comprendre vos vraies motivations' },
];

export const progress: ProgressResult = {
  mend: 1,
  root: '/home/me/notes',
  today: '2026-11-26',
  notes: [
    {
      path: 'what-i-keep.md', language: 'en',
      questions: [
        { id: 'wrongs.scope', step: 'wrongs', line: 19, answered: false },
        { id: 'why.official', step: 'why', line: 4, answered: true },
      ],
    },
    {
      path: 'b/later.md', language: 'en',
      questions: [{ id: 'wrongs.alone', step: 'wrongs', line: 2, answered: false }],
    },
    {
      path: 'b/early.md', language: 'en',
      questions: [{ id: 'why.stage', step: 'why', line: 7, answered: false }],
    },
  ],
  summary: {
    notes: 3, questions: 16, answered: 5, next_step: 'wrongs',
    steps: [
      { id: 'wrongs', answered: 1, total: 3, started: true, done: false },
      { id: 'motives', answered: 3, total: 3, started: true, done: true },
      { id: 'why', answered: 1, total: 6, started: true, done: false },
      { id: 'if-no', answered: 0, total: 3, started: false, done: false },
    ],
    suggestions: [
      { kind: 'unanswered', message: 'Not answered yet: Do you want…', step: 'wrongs', question: 'wrongs.scope', path: 'what-i-keep.md', line: 19 },
      { kind: 'shared-blame', message: 'The blame is always shared.', step: 'why', question: 'why.disliked', path: 'why.md', line: 30 },
    ],
  },
};
