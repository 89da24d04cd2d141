// A line the core writes for a report, as figures: a stable code and its params by name, kept
// beside the English text written from them, so a report in another language
// (report.language) says the very same figures. Host derivation lines, sizing formulas and
// placement notes each carry one.
import { z } from 'zod';

/** The schema of a step; `codeText` names the codes of its kind, `what` the kind. */
export function textStepSchema(codeText: string, what: string) {
  return z.object({
    code: z.string().describe(codeText),
    params: z.record(z.string(), z.json()).describe(`The figures and choices of the ${what} by name.`),
  });
}
export type TextStep = z.output<ReturnType<typeof textStepSchema>>;

type Param = TextStep['params'][string];

/** A param that is a step itself: the formula a source leads to, a host group's note. */
export function isTextStep(v: Param | undefined): v is TextStep {
  return (
    typeof v === 'object' &&
    v !== null &&
    !Array.isArray(v) &&
    typeof v.code === 'string' &&
    typeof v.params === 'object' &&
    v.params !== null &&
    !Array.isArray(v.params)
  );
}

/** The English text written from `params`, and the step: one source for both. */
export function textStep<P extends TextStep['params']>(
  code: string,
  params: P,
  english: (p: P) => string,
): { text: string; step: TextStep } {
  return { text: flatText(english(params)), step: { code, params } };
}

/**
 * A text that stays in the plan, kept as one string. V8 keeps a string made by `+` or a
 * template literal as a tree of its pieces (a cons string: 32 bytes a node, and every piece
 * besides) until something reads a character of it; that read copies the text into one flat
 * string and lets the tree go. Sizing formulas, notes and findings are such texts, made once
 * and kept for the whole run: at 30,000 servers their trees were 1.5 M nodes, 77 MB of a
 * 280 MB heap; flat, the same texts take under half of that.
 */
export function flatText(text: string): string {
  text.charCodeAt(0);
  return text;
}
