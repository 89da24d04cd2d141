// A VM's sizing formula (method §3.3) and its step: the figures it says, by name. The English
// text is written from the step's params, so a report in another language (report.language)
// says the very same numbers without redoing the arithmetic.
import type { FormulaStep, ResourceSizing } from '../domain/plan.ts';
import type { Demand } from './demand.ts';
import { figure } from './derivation-line.ts';
import { flatText, textStep } from '../domain/text-step.ts';
import { extend } from '../util/extend.ts';

type Params = FormulaStep['params'];

export interface Formula {
  formula: string;
  formulaStep: FormulaStep;
}

export function formulaOf<P extends Params>(code: string, params: P, english: (p: P) => string): Formula {
  const { text, step } = textStep(code, params, english);
  return { formula: text, formulaStep: step };
}

/**
 * `sized` with its formula led by where the figure came from (a recorded or provisioned
 * figure, method §3.6); the formula it leads to stays whole as params.leadsTo.
 */
export function ledBy<P extends Params>(
  sized: ResourceSizing,
  code: string,
  params: P,
  english: (p: P, inner: string) => string,
): ResourceSizing {
  const leadsTo = sized.formulaStep;
  return {
    ...sized,
    formula: flatText(english(params, sized.formula)),
    formulaStep: { code, params: leadsTo ? extend(params, { leadsTo }) : params },
  };
}

/** measured × peak × (1 + growth) = demand, with the figures as the formula prints them. */
export function demandParams(d: Demand) {
  return { measured: figure(d.measured), peakFactor: d.peakFactor, growth: d.growth, demand: figure(d.demand) };
}
