// A finding as the report's language says it: the catalogue's text for its code when the
// finding carries its params, else the message the producer wrote (English).
import type { Finding } from '../domain/finding.ts';
import type { Messages } from './messages/index.ts';

export function findingText(f: Finding, t: Messages): string {
  const text = f.params ? t.findingText[f.code] : undefined;
  return text && f.params ? text(f.params) : f.message;
}
