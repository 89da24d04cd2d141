// A host model's name as a report says it: the project's own name, or — left at its default —
// "derived" in the report's language.
import { DERIVED_MODEL } from '../domain/project-settings.ts';
import type { Messages } from './messages/index.ts';

export function modelName(name: string, t: Messages): string {
  return name === DERIVED_MODEL ? t.derivedModel : name;
}
