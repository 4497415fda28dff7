// "Mend: Explain this line": what the server's mend/explain answer becomes on screen. Pure (no
// vscode import), so the unit tests run it under plain node; extension.ts does the showing.

/** The mend/explain answer (protocol/README.md, "mend/explain"). */
export interface ExplainResult {
  line: number;
  explanation: string[];
  form: string | null;
  section: string | null;
  step: string | null;
  question: { id: string; matched_by: string; score: number; wording: string | null } | null;
  candidates: { id: string; score: number }[];
}

/** The button that opens the code actions of the line, where the corrections are. */
export const CORRECT = 'Correct it…';

/**
 * The message for the answer: its sentences on one line (a notification shows no line breaks)
 * and the buttons to offer. A line mend reads (a question, a section, a candidate, a marker)
 * can be corrected from its code actions; prose cannot.
 */
export function explanationMessage(result: ExplainResult | null | undefined): { message: string; buttons: string[] } {
  const sentences = result?.explanation ?? [];
  if (sentences.length === 0) {
    return { message: 'mend: nothing to explain on this line.', buttons: [] };
  }
  const correctable =
    (result?.form ?? null) !== null || (result?.question ?? null) !== null || sentences[0].startsWith('A correction');
  return { message: `mend: ${sentences.join(' ')}`, buttons: correctable ? [CORRECT] : [] };
}
