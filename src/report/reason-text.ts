// Why a VM is excluded or unplaced, as the report's language says it: the catalogue's text for
// its step when the plan carries one, else the message the sizing wrote (English). A reason from
// the host derivation (host-derivation) holds that line's step, which the derivation catalogue says.
import type { Reason } from '../domain/plan.ts';
import { isTextStep } from '../domain/text-step.ts';
import type { Messages } from './messages/index.ts';

export function reasonText(r: Pick<Reason, 'message' | 'step'>, t: Messages): string {
  const step = r.step;
  if (!step) return r.message;
  const line = step.params.line;
  if (step.code === 'host-derivation' && isTextStep(line)) {
    const text = t.derivationText[line.code];
    return text ? text(line.params) : r.message;
  }
  const text = t.reasonText[step.code];
  return text ? text(step.params) : r.message;
}
