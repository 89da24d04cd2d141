// A text step as a catalogue says it: the step's own text, given the text of the step it leads
// to (params.leadsTo) said first, the same way down the chain. Sizing formulas and placement
// notes both read their catalogue through this one walk.
import { isTextStep, type TextStep } from '../domain/text-step.ts';

/** A step's text in one language, by code, from its params and the text of the step it leads to. */
export type StepTexts = Readonly<Record<string, (params: TextStep['params'], inner: string) => string>>;

/**
 * The step in the catalogue's words, or null when the catalogue lacks one of the chain's codes
 * (the caller then keeps the English the core wrote). `whole` may say a step outright, for a
 * code that holds a step of another catalogue; undefined leaves the step to `texts`.
 */
export function stepText(
  step: TextStep,
  texts: StepTexts,
  whole?: (step: TextStep) => string | null | undefined,
): string | null {
  const said = whole?.(step);
  if (said !== undefined) return said;
  const text = texts[step.code];
  if (!text) return null;
  const leadsTo = step.params.leadsTo;
  if (leadsTo === undefined) return text(step.params, '');
  const inner = isTextStep(leadsTo) ? stepText(leadsTo, texts, whole) : null;
  return inner === null ? null : text(step.params, inner);
}
