// A VM's sizing formula as the report's language says it: the catalogue's text for its step, and
// for the formula a source step leads to, when the plan carries them; else the formula the sizing
// wrote (English).
import type { ResourceSizing } from '../domain/plan.ts';
import type { Messages } from './messages/index.ts';
import { stepText } from './step-text.ts';

export function formulaText(s: Pick<ResourceSizing, 'formula' | 'formulaStep'>, t: Messages): string {
  return (s.formulaStep ? stepText(s.formulaStep, t.formulaText) : null) ?? s.formula;
}
