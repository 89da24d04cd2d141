// A VM's sizing formula as the report's language says it: the catalogue's text for its step, and
// for the formula a source step leads to, when the plan carries them; else the formula the sizing
// wrote (English).
import type { FormulaStep, ResourceSizing } from '../domain/plan.ts';
import type { Messages } from './messages/index.ts';
import { isTextStep } from '../domain/text-step.ts';

/** The step in the catalogue's words, or null when the catalogue lacks one of its codes. */
function stepText(step: FormulaStep, t: Messages): string | null {
  const text = t.formulaText[step.code];
  if (!text) return null;
  const leadsTo = step.params.leadsTo;
  if (leadsTo === undefined) return text(step.params, '');
  const inner = isTextStep(leadsTo) ? stepText(leadsTo, t) : null;
  return inner === null ? null : text(step.params, inner);
}

export function formulaText(s: Pick<ResourceSizing, 'formula' | 'formulaStep'>, t: Messages): string {
  return (s.formulaStep ? stepText(s.formulaStep, t) : null) ?? s.formula;
}
