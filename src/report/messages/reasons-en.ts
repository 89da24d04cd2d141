// Why a VM is excluded or unplaced, in English: the message the sizing rules wrote, which is
// English already (sizing/exclusion-rules.ts, sizing/workload-rules.ts). Another language's
// catalogue says the same from each reason's step.
import type { TextStep } from '../../domain/text-step.ts';

/** A reason in one language, by step code, from its params. */
export type ReasonTexts = Readonly<Record<string, (params: TextStep['params']) => string>>;

export const reasonsEn: ReasonTexts = {};
