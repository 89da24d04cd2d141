// A placement note as the report's language says it: the catalogue's text for its step, and for
// the note a host group's step leads to, when the plan carries them; else the note the solver
// wrote (English). A plan with no host has the host derivation's reason as its note: its step
// (host-derivation) holds that line's step, which the derivation catalogue says.
import type { Plan } from '../domain/plan.ts';
import { isTextStep, type TextStep } from '../domain/text-step.ts';
import type { Messages } from './messages/index.ts';
import { stepText } from './step-text.ts';

function derivationLine(step: TextStep, t: Messages): string | null | undefined {
  if (step.code !== 'host-derivation') return undefined;
  const line = step.params.line;
  const text = isTextStep(line) ? t.derivationText[line.code] : undefined;
  return text && isTextStep(line) ? text(line.params) : null;
}

export function noteText(p: Pick<Plan['placement'], 'notes' | 'noteSteps'>, index: number, t: Messages): string {
  const step = p.noteSteps?.length === p.notes.length ? p.noteSteps[index] : undefined;
  return (step ? stepText(step, t.noteText, (s) => derivationLine(s, t)) : null) ?? p.notes[index] ?? '';
}
