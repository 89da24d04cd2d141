// A note of a placement result and its step: the figures it says, by name. The English text is
// written from the step's params, so a report in another language (report.language) says the
// very same figures.
import type { NoteStep } from '../domain/plan.ts';
import { textStep } from '../domain/text-step.ts';

type Params = NoteStep['params'];

export interface Note {
  text: string;
  step: NoteStep;
}

export function note<P extends Params>(code: string, params: P, english: (p: P) => string): Note {
  return textStep(code, params, english);
}

/** The notes of a result and their steps, in the same order. */
export function notesOf(list: readonly Note[]): { notes: string[]; noteSteps: NoteStep[] } {
  return { notes: list.map((n) => n.text), noteSteps: list.map((n) => n.step) };
}

/** A result's notes with their steps, or null when it was built without them. */
export function notesFrom(r: { notes: readonly string[]; noteSteps?: readonly NoteStep[] }): Note[] | null {
  const steps = r.noteSteps;
  if (!steps || steps.length !== r.notes.length) return null;
  return r.notes.map((text, i) => ({ text, step: steps[i]! }));
}

/** The note of one host group's part: "db: lower bound 1 hosts …". */
export function inGroup(group: string, n: Note): Note {
  return { text: `${group}: ${n.text}`, step: { code: 'host-group', params: { group, leadsTo: n.step } } };
}
