// capplan.yaml's `report` section: what the deliverable says about itself — its language,
// who prepared it and its date. The date is a setting, never the clock, so the same project
// gives the same bytes (docs/report.md).
import { z } from 'zod';

const REPORT_LANGUAGES = ['en', 'es'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

/** A report language: en (English) or es (Spanish). */
export const reportLanguageSchema = z.enum(REPORT_LANGUAGES);

export const reportSchema = z
  .strictObject({
    language: z
      .enum(REPORT_LANGUAGES)
      .default('en')
      .describe('Language of plan.md, plan.xlsx and the charts: en (English) or es (Spanish).'),
    preparedBy: z
      .string()
      .nullable()
      .default(null)
      .describe('Who prepared the report (consultant, firm), shown on the cover. null: not stated.'),
    date: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
      .nullable()
      .default(null)
      .describe("Date of the report (YYYY-MM-DD), shown on the cover. null: the monitoring window's last day."),
    version: z.string().default('1.0').describe('Version of the deliverable, shown on the cover.'),
  })
  .prefault({});
