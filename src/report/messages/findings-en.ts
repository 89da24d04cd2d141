// The findings' text in English: the message each producer wrote, which is English already
// (quality/, replay/, ingest/). Another language's catalogue says the same from the params.
import type { Finding } from '../../domain/finding.ts';

/** A finding's text in one language, by code, from its params. */
export type FindingTexts = Readonly<Record<string, (params: NonNullable<Finding['params']>) => string>>;

export const findingsEn: FindingTexts = {};
