// A placement note as the report's language says it: the catalogue's text for its step, and for
// the note a host group's step leads to, when the plan carries them; else the note the solver
// wrote (English). A plan with no host has the host derivation's reason as its note: its step
// (host-derivation) holds that line's step, which the derivation catalogue says.
import type { NoteStep, Plan } from '../domain/plan.ts';
import type { Messages } from './messages/index.ts';
import { isTextStep } from '../domain/text-step.ts';

function stepText(step: NoteStep, t: Messages): string | null {
  if (step.code === 'host-derivation') {
    const line = step.params.line;
    const text = isTextStep(line) ? t.derivationText[line.code] : undefined;
    return text && isTextStep(line) ? text(line.params) : null;
  }
  const own = t.noteText[step.code];
  if (!own) return null;
  const leadsTo = step.params.leadsTo;
  if (leadsTo === undefined) return own(step.params, '');
  const inner = isTextStep(leadsTo) ? stepText(leadsTo, t) : null;
  return inner === null ? null : own(step.params, inner);
}

export function noteText(p: Pick<Plan['placement'], 'notes' | 'noteSteps'>, index: number, t: Messages): string {
  const step = p.noteSteps?.length === p.notes.length ? p.noteSteps[index] : undefined;
  return (step ? stepText(step, t) : null) ?? p.notes[index] ?? '';
}
