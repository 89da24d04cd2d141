// The one message catalogue of the deliverable: the language a plan's report is written in
// (report.language in capplan.yaml) chooses en.ts or es.ts, which TypeScript holds to one shape.
import type { Plan } from '../../domain/plan.ts';
import type { ReportLanguage } from '../../domain/report-settings.ts';
import { en, type Messages } from './en.ts';
import { es } from './es.ts';

export type { Messages } from './en.ts';

const CATALOGUE: Record<ReportLanguage, Messages> = { en, es };

/** The messages of the plan's report language; plans written before the setting existed are English. */
export function messagesFor(plan: Plan): Messages {
  return CATALOGUE[plan.settings.report?.language ?? 'en'];
}
