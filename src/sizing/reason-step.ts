// A reason a VM is excluded or unplaced (method §4), with the step its message is written from:
// a stable code and the figures by name, so a report in another language (report.language)
// says the very same numbers. The English message stays in plan.json as it always was.
import type { Reason, ReasonCode } from '../domain/plan.ts';
import { textStep, type TextStep } from '../domain/text-step.ts';

export function reasonOf<P extends TextStep['params']>(
  code: ReasonCode,
  figures: NonNullable<Reason['figures']>,
  stepCode: string,
  params: P,
  english: (p: P) => string,
): Reason {
  const { text, step } = textStep(stepCode, params, english);
  return { code, message: text, figures, step };
}
