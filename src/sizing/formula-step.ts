// A VM's sizing formula (method §3.3) and its step: the figures it says, by name. The English
// text is written from the step's params, so a report in another language (report.language)
// says the very same numbers without redoing the arithmetic.
//
// The English text is written when it is read (plan.json, plan.md, the workbook), not when the
// VM is sized: a ResourceSizing's `formula` is an enumerable getter over its formulaStep, so
// JSON.stringify, spread and every reader see the same string in the same place, and a plan
// does not hold three texts per VM beside the params they say (two-byte strings for the ⌈ ⌉ ×
// in them: some 460 bytes a VM, 46 MB at 100,000 VMs). Each formula code has one English
// writer, a pure function of the params (and of the text of the formula a source leads to).
import type { FormulaStep, ResourceSizing } from '../domain/plan.ts';
import type { Demand } from './demand.ts';
import { figure } from './derivation-line.ts';
import { flatText, isTextStep, type TextStep } from '../domain/text-step.ts';
import { InternalError } from '../domain/errors.ts';
import { extend } from '../util/extend.ts';

type Params = FormulaStep['params'];
type English = (params: Params, inner: string) => string;

/** The formula as figures; its English text is made from them when read. */
export interface Formula {
  formulaStep: FormulaStep;
}

/** The English writer of each formula code, registered by formulaOf and ledBy as they size. */
const ENGLISH = new Map<string, English>();

function register(code: string, english: English): void {
  if (!ENGLISH.has(code)) ENGLISH.set(code, english);
}

/** The English text of a formula step (the one the sizing wrote), with the formula it leads to inside. */
function formulaEnglish(step: TextStep): string {
  const english = ENGLISH.get(step.code);
  if (!english) throw new InternalError(`no English text for the sizing formula ${step.code}`);
  const leadsTo = step.params.leadsTo;
  return flatText(english(step.params, isTextStep(leadsTo) ? formulaEnglish(leadsTo) : ''));
}

const FORMULA_TEXT: PropertyDescriptor = {
  get(this: ResourceSizing): string {
    return formulaEnglish(this.formulaStep!);
  },
  enumerable: true,
  configurable: true,
};

/** `figures` (statistic … result, in that order) with `formula` and `formulaStep` after them. */
export function withFormula(figures: Omit<ResourceSizing, 'formula' | 'formulaStep'>, f: Formula): ResourceSizing {
  const sized = Object.defineProperty(figures, 'formula', FORMULA_TEXT) as ResourceSizing;
  sized.formulaStep = f.formulaStep;
  return sized;
}

export function formulaOf<P extends Params>(code: string, params: P, english: (p: P) => string): Formula {
  register(code, english as unknown as English);
  return { formulaStep: { code, params } };
}

/**
 * `sized` with its formula led by where the figure came from (a recorded or provisioned
 * figure, method §3.6); the formula it leads to stays whole as params.leadsTo. Keys stay in
 * `sized`'s order.
 */
export function ledBy<P extends Params>(
  sized: ResourceSizing,
  code: string,
  params: P,
  english: (p: P, inner: string) => string,
): ResourceSizing {
  const leadsTo = sized.formulaStep;
  if (!leadsTo) throw new InternalError(`the sizing formula led by ${code} has no step`);
  register(code, english as unknown as English);
  const step = { code, params: extend(params, { leadsTo }) };
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(Object.getOwnPropertyDescriptors(sized))) {
    if (key === 'formula') Object.defineProperty(out, key, FORMULA_TEXT);
    else out[key] = key === 'formulaStep' ? step : value.value;
  }
  return out as unknown as ResourceSizing;
}

/** measured × peak × (1 + growth) = demand, with the figures as the formula prints them. */
export function demandParams(d: Demand) {
  return { measured: figure(d.measured), peakFactor: d.peakFactor, growth: d.growth, demand: figure(d.demand) };
}
