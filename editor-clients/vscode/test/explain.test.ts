// "Mend: Explain this line" (src/explain.ts) over answers of the real server's shape.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { CORRECT, explanationMessage, type ExplainResult } from '../src/explain';

const question: ExplainResult = {
  line: 5,
  explanation: [
    'Read as: What were the unofficial reasons … (why.unofficial)',
    'How: a list item, in the section "Understand why the separation happened".',
    'Matched: its place: it sits where the article asks exactly this question, between others of the step.',
    'Not this question? Code actions on this line: …',
  ],
  form: 'list-item',
  section: 'why',
  step: null,
  question: { id: 'why.unofficial', matched_by: 'order', score: 0, wording: null },
  candidates: [],
};

test('a recognised question: every sentence on one line, and the way to correct it', () => {
  const shown = explanationMessage(question);
  assert.equal(shown.message.startsWith('mend: Read as: What were the unofficial reasons'), true);
  assert.equal(shown.message.includes('How: a list item'), true);
  assert.equal(shown.message.includes('\n'), false);
  assert.deepEqual(shown.buttons, [CORRECT]);
});

test('prose cannot be corrected; a marker line can; no answer says so', () => {
  const prose = { ...question, form: null, question: null, explanation: ['mend reads no question on this line: …'] };
  assert.deepEqual(explanationMessage(prose).buttons, []);
  const marker = { ...prose, explanation: ['A correction of yours: <!-- mend:q why.officail -->.', 'mend knows no …'] };
  assert.deepEqual(explanationMessage(marker).buttons, [CORRECT]);
  assert.deepEqual(explanationMessage(null), { message: 'mend: nothing to explain on this line.', buttons: [] });
});
