// The sizing formula's text in English: the formula the sizing wrote, which is English already
// (sizing/size-vm.ts, sizing/size-from-allocation.ts). Another language says the same from the steps.
import type { StepTexts } from '../step-text.ts';

/** A formula in one language, by step code, from its params and the text of the formula it leads to. */
export type FormulaTexts = StepTexts;

export const formulaEn: FormulaTexts = {};
