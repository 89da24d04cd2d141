// The placement notes in English: the notes the solver wrote, which are English already
// (placement/solve.ts, placement/host-groups.ts). Another language says the same from the steps.
import type { StepTexts } from '../step-text.ts';

/** A placement note in one language, by step code, from its params and the text of the note it leads to. */
export type NoteTexts = StepTexts;

export const notesEn: NoteTexts = {};
