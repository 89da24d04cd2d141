// A line of the host derivation as the report's language says it: the catalogue's text for
// its step when the plan carries the steps, else the line the sizing wrote (English).
import type { Plan } from '../domain/plan.ts';
import type { Messages } from './messages/index.ts';

export function derivationText(
  model: Pick<Plan['hostModel'], 'derivation' | 'derivationSteps'>,
  index: number,
  t: Messages,
): string {
  const step = model.derivationSteps?.[index];
  const text = step ? t.derivationText[step.code] : undefined;
  return text && step ? text(step.params) : (model.derivation[index] ?? '');
}
